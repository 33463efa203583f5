import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Every invalid character and template, reported with its code at its exact line and column.
@Suite struct CharacterErrorTests {
    private func character(_ frontMatter: String, body: String = "Bio.\n") -> String {
        "---\n\(frontMatter)\n---\n\(body)"
    }

    @Test func profileProblemsAreReportedWhereTheyAre() throws {
        let (repo, result) = try CharacterFixture.build([
            "characters/a.md": character("""
                name: A
                template: hero.yaml
                profile:
                  species: [not, text]
                  age: 151
                  height_m: tall
                  born: 1799-12-31
                  alignment: chaotic
                  skills: [a, b, c, d]
                  lucky_numbers: [1, two]
                  colour: blue
                """),
        ])
        #expect(result.status == .failed)
        #expect(errorPositions(result) == [
            "invalid-profile-value@sites/site/characters/a.md:5:12",
            "profile-value-out-of-range@sites/site/characters/a.md:6:8",
            "invalid-profile-value@sites/site/characters/a.md:7:13",
            "profile-value-out-of-range@sites/site/characters/a.md:8:9",
            "invalid-enum-value@sites/site/characters/a.md:9:14",
            "profile-value-out-of-range@sites/site/characters/a.md:10:11",
            "invalid-profile-value@sites/site/characters/a.md:11:22",
            "unknown-profile-field@sites/site/characters/a.md:12:3",
        ])
        #expect(!repo.exists("output/site"))
    }

    @Test func aMissingRequiredFieldIsReportedAtTheProfileKeyOrAtTheTemplateKey() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("name: A\ntemplate: hero.yaml\nprofile:\n  age: 3"),
            "characters/b.md": character("name: B\ntags: [x]\ntemplate: hero.yaml"),
        ])
        #expect(errorPositions(result) == [
            "missing-profile-field@sites/site/characters/a.md:4:1",
            "missing-profile-field@sites/site/characters/b.md:4:1",
        ])
    }

    @Test func frontMatterProblems() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("""
                template: nope.yaml
                profile: { species: x }
                images: [media/missing.png, ../outside.png]
                relationships:
                  - { kind: ally }
                  - just-a-string
                timeline:
                  - { date: 1930-02-30, event: Never happened. }
                  - { date: 1930-02-01 }
                public: maybe
                colour: blue
                """),
            "characters/b.md": character("name: B\nprofile: { species: x }"),
            "characters/c.md": character("name: C\nslug: Not A Slug"),
        ])
        #expect(errorPositions(result) == [
            "missing-key@sites/site/characters/a.md:2:1",
            "missing-image@sites/site/characters/a.md:4:10",
            "invalid-media-path@sites/site/characters/a.md:4:29",
            "missing-key@sites/site/characters/a.md:6:5",
            "invalid-type@sites/site/characters/a.md:7:5",
            "invalid-date@sites/site/characters/a.md:9:13",
            "missing-key@sites/site/characters/a.md:10:5",
            "invalid-type@sites/site/characters/a.md:11:9",
            "unknown-key@sites/site/characters/a.md:12:1",
            "profile-without-template@sites/site/characters/b.md:3:1",
            "invalid-slug@sites/site/characters/c.md:3:7",
        ])
    }

    @Test func unknownTemplateIsReportedAtTheTemplateValue() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("name: A\ntemplate: villain.yaml\nprofile: { species: x }"),
        ])
        #expect(errorPositions(result) == ["unknown-template@sites/site/characters/a.md:3:11"])
        #expect(result.diagnostics.first?.hint?.contains("hero.yaml") == true)
    }

    @Test func relationshipsMustPointToCharactersOfTheSite() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("""
                name: A
                relationships:
                  - { to: b, kind: ally }
                  - to: nobody
                    kind: rival
                  - { to: a, kind: self }
                  - { to: hidden, kind: friend }
                """),
            "characters/b.md": character("name: B"),
            "characters/hidden.md": character("name: Hidden\npublic: false"),
        ])
        #expect(errorPositions(result) == [
            "unknown-character@sites/site/characters/a.md:5:9",
            "self-relationship@sites/site/characters/a.md:7:11",
        ])
    }

    @Test func duplicateAndReservedSlugs() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("name: A"),
            "characters/b.md": character("name: B\nslug: a"),
            "characters/c.md": character("name: C\nslug: timeline"),
        ])
        #expect(errorPositions(result) == [
            "duplicate-slug@sites/site/characters/b.md:3:7",
            "reserved-slug@sites/site/characters/c.md:3:7",
        ])
    }

    @Test func invalidTemplatesAreReportedInTheTemplateFile() throws {
        let template = """
            name: Broken
            fields:
              - { name: species, type: text }
              - { name: mood, type: enum }
              - { name: age, type: integer, min: 10, max: 5 }
              - { name: born, type: date, min: yesterday }
              - { name: power, type: number, max: lots }
              - { name: height, type: number }
              - { name: height, type: integer }
              - { type: string }
              - { name: tags, type: list, items: list }
              - { name: colour, type: string, values: [red] }
            extra: 1
            """
        let (_, result) = try CharacterFixture.build(["characters/a.md": character("name: A")], template: template)
        #expect(errorPositions(result) == [
            "unknown-field-type@templates/characters/hero.yaml:3:28",
            "enum-without-values@templates/characters/hero.yaml:4:25",
            "invalid-bounds@templates/characters/hero.yaml:5:47",
            "invalid-bounds@templates/characters/hero.yaml:6:36",
            "invalid-bounds@templates/characters/hero.yaml:7:39",
            "duplicate-field@templates/characters/hero.yaml:9:5",
            "missing-key@templates/characters/hero.yaml:10:5",
            "unknown-field-type@templates/characters/hero.yaml:11:38",
            "invalid-template-field@templates/characters/hero.yaml:12:43",
            "unknown-key@templates/characters/hero.yaml:13:1",
        ])
    }

    @Test func aCharacterUsingAnInvalidTemplateIsNotReportedTwice() throws {
        let (_, result) = try CharacterFixture.build(
            ["characters/a.md": character("name: A\ntemplate: hero.yaml\nprofile: { species: x }")],
            template: "name: Broken\nfields:\n  - { name: species, type: words }\n")
        #expect(errorPositions(result) == ["unknown-field-type@templates/characters/hero.yaml:3:28"])
    }

    @Test func aBrokenLinkInAPrivateBioIsStillAnError() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/a.md": character("name: A\npublic: false", body: "See [nothing](nothing.md).\n"),
        ])
        #expect(errorPositions(result) == ["broken-link@sites/site/characters/a.md:5:5"])
    }
}
