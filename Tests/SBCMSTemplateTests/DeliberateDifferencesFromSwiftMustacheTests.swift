import SBCMSTemplate
import Testing

/// Where SBCMSTemplate renders differently from swift-mustache on purpose. Each test says what
/// swift-mustache 2.1 gives instead.
@Suite struct DeliberateDifferencesFromSwiftMustacheTests {
    private func render(_ text: String, _ context: any TemplateObject) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(string: text), named: "t")
        return try #require(library.render("t", with: context))
    }

    /// swift-mustache escapes whole grapheme clusters, so a `"` or `<` followed by a combining
    /// mark stays raw (`"\u{301}`), which can end an attribute value. Escaping bytes, as sbcms's
    /// own content type did with swift-mustache, always escapes them.
    @Test func escapingCoversCharactersCarryingCombiningMarks() throws {
        let context = Node(["value": .string("\"\u{301}<\u{338}")])
        #expect(try render("{{value}}", context) == "&quot;\u{301}&lt;\u{338}")
    }

    /// swift-mustache sorts only arrays whose static element type is `Comparable`, so a YAML
    /// list (`[Any]`) has no `sorted` there; here any list of strings or of numbers sorts, as
    /// docs/TEMPLATES.md says.
    @Test func untypedListsOfStringsOrNumbersSort() throws {
        #expect(try Fixture.ours("{{#sorted(settings.anyStrings)}}{{.}}{{/sorted(settings.anyStrings)}}") == "abc")
        #expect(try Fixture.ours("{{#sorted(settings.anyInts)}}{{.}},{{/sorted(settings.anyInts)}}") == "1,2,10,")
        #expect(try Fixture.ours("{{^sorted(settings.anyList)}}mixed{{/sorted(settings.anyList)}}") == "mixed")
    }

    /// swift-mustache's search for a comment's end skips a character after a partial match, so
    /// with `<% %>` the comment `<%! c %%>` runs on to the next `%>` ("y" below). Here it ends
    /// at the first end delimiter.
    @Test func commentsEndAtTheFirstEndDelimiterAfterARepeatedCharacter() throws {
        #expect(try Fixture.ours("{{=<% %>=}}<%! c %%> x %>y") == " x %>y")
    }

    /// In swift-mustache a nil optional stored in an `Any` (an `[String: Any]` value, a `[String?]`
    /// element) is a present value rendered as "nil". Here nil is absent, as everywhere else.
    @Test func nilInsideAnyIsAbsent() throws {
        let context = Node(["map": .map(["none": Optional<String>.none as Any])])
        #expect(try render("[{{map.none}}]{{#map.none}}present{{/map.none}}{{^map.none}}absent{{/map.none}}", context)
                == "[]absent")
    }
}
