import Mustache
import SBCMSTemplate
import SBCMSTestSupport
import Testing

/// Thousands of generated layouts (the same ones on every run) render like swift-mustache, or
/// fail to parse at the same line and column.
@Suite struct GeneratedTemplatesMatchSwiftMustacheTests {
    /// Well-formed layouts: balanced sections, blocks and parents, with whitespace and newlines
    /// around tags so that standalone lines and indentation get exercised.
    struct StructuredTemplates {
        var random: SplitMix64

        static let values = ["name", "title", "quote", "nothing", "count", "empty", "content", "price", "yes", "missing",
                             "first()", "index()", "last()", "empty(tags)", ".name", "first(tags)", "count(items)",
                             "settings.theme", "uppercased(name)", "key", "value", "city"]
        static let sections = ["yes", "no", "items", "tags", "noItems", "author", "author.address", "nothing", "count",
                               "empty", "toc", "children", "one", "settings", "settings.people", "params", "first()",
                               "last()", "empty(tags)", "reversed(items)", "sorted(params)", "numbers", "."]
        static let partials = ["item", "inline", "multi", "listing", "listing-inline", "outer", "content", "pos",
                               "escaped", "text", "crlf", "nope"]

        mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        mutating func space() -> String { pick(["", "", " ", "  ", "\t", "   "]) }
        mutating func newline() -> String { pick(["\n", "\n", "\n", "\r\n", ""]) }

        mutating func body(depth: Int, inBlock: Bool = false) -> String {
            (0..<Int.random(in: 0...5, using: &random)).map { _ in node(depth: depth, inBlock: inBlock) }.joined()
        }

        mutating func node(depth: Int, inBlock: Bool) -> String {
            let value = pick(Self.values)
            switch Int.random(in: 0..<20, using: &random) {
            case 0, 1: return space() + pick(["x", "text", "<p>", "a b", "{", "}", "é"]) + space()
            case 2, 3: return newline()
            case 4: return space() + "{{{" + value + "}}}"
            case 5: return space() + "{{&" + value + "}}" + newline()
            case 6, 7:
                guard depth < 4 else { return "" }
                let name = pick(Self.sections)
                return space() + "{{" + pick(["#", "^"]) + name + "}}" + newline() + body(depth: depth + 1, inBlock: inBlock)
                    + space() + "{{/" + name + "}}" + newline()
            case 8: return space() + "{{> " + pick(Self.partials) + "}}" + newline()
            case 9:
                // A parent only at the top: one inside a block could include itself forever.
                guard depth == 0, !inBlock else { return "" }
                let parent = pick(["base", "card", "frame", "middle", "textcard"])
                var text = space() + "{{< " + parent + "}}" + newline()
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    let block = pick(["main", "head", "body", "inner"])
                    text += space() + "{{$" + block + "}}" + newline() + body(depth: depth + 1, inBlock: true)
                        + space() + "{{/" + block + "}}" + newline() + pick(["", "ignored", "{{! c }}", space()]) + newline()
                }
                return text + space() + "{{/" + parent + "}}" + newline()
            case 10:
                guard depth < 4 else { return "" }
                // Names no parent defines, so an override never expands itself.
                let block = pick(["b", "x"])
                return space() + "{{$" + block + "}}" + newline() + body(depth: depth + 1, inBlock: inBlock)
                    + space() + "{{/" + block + "}}" + newline()
            case 11: return space() + "{{! comment " + newline() + "}}" + newline()
            case 12: return space() + "{{% CONTENT_TYPE: " + pick(["TEXT", "HTML"]) + "}}" + newline()
            case 13: return space() + "{{=<% %>=}}" + newline() + "<%" + value + "%>" + "<%={{ }}=%>" + newline()
            default: return space() + "{{" + value + "}}"
            }
        }
    }

    /// Random runs of tag pieces, text and whitespace: mostly malformed, to compare error positions.
    static let fragments = [
        "{{#yes}}", "{{/yes}}", "{{^no}}", "{{/no}}", "{{#items}}", "{{/items}}", "{{name}}", "{{{title}}}", "{{&title}}",
        "{{! c }}", "{{> item}}", "{{> multi}}", "{{> inline}}", "{{< card}}", "{{/card}}", "{{$body}}", "{{/body}}",
        "{{$main}}", "{{/main}}", "{{< base}}", "{{/base}}", "{{=<% %>=}}", "<%name%>", "<%#yes%>", "<%/yes%>",
        "{{% CONTENT_TYPE: TEXT}}", "{{index()}}", "{{#first()}}", "{{/first()}}", "{{^empty(tags)}}", "{{/empty(tags)}}",
        " ", "  ", "\t", "\n", "\n", "\r\n", "x", "text", "{", "}", "<", "{{", "}}", "{{{", "(", ")", "%", "!",
        "{{#tags}}{{.}}{{/tags}}", "{{title}}", "{{> listing}}", "{{> content}}", "{{< frame}}", "{{/frame}}",
        "{{$inner}}", "{{/inner}}", "{{#toc}}", "{{/toc}}", "{{> toc}}",
    ]

    @Test func structuredTemplatesRenderLikeSwiftMustache() throws {
        var generator = StructuredTemplates(random: SplitMix64(seed: 7))
        let agreement = try Agreement()
        for _ in 0..<3_000 {
            agreement.check(generator.body(depth: 0))
        }
    }

    @Test func randomTagPiecesFailOrRenderLikeSwiftMustache() throws {
        var random = SplitMix64(seed: 42)
        let agreement = try Agreement()
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...14, using: &random)
            agreement.check((0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined())
        }
    }

    /// Both engines with the fixture's partials and context.
    struct Agreement {
        let ours: TemplateLibrary
        let theirs: MustacheLibrary
        let root = Fixture.root

        init() throws {
            ours = try Fixture.ourLibrary()
            theirs = try Fixture.mustacheLibrary()
        }

        func check(_ text: String) {
            let expected: Result<String, MustacheTemplate.ParserError>
            do {
                expected = .success(try MustacheTemplate(string: text).render(root, library: theirs))
            } catch let error as MustacheTemplate.ParserError {
                expected = .failure(error)
            } catch {
                Issue.record("swift-mustache threw \(error) without a position")
                return
            }
            let actual: Result<String, TemplateSyntaxError>
            do {
                var library = ours
                library.register(try Template(string: text), named: "generated")
                actual = .success(library.render("generated", with: root) ?? "")
            } catch {
                actual = .failure(error)
            }
            switch (expected, actual) {
            case (.success(let expected), .success(let actual)):
                #expect(Array(actual.utf8) == Array(expected.utf8),
                        "\(text.debugDescription)\nswift-mustache: \(expected.debugDescription)\nSBCMSTemplate:  \(actual.debugDescription)")
            case (.failure(let expected), .failure(let actual)):
                #expect(actual.line == expected.context.lineNumber && actual.column == expected.context.columnNumber,
                        "\(text.debugDescription): swift-mustache stops at \(expected.context.lineNumber):\(expected.context.columnNumber), SBCMSTemplate at \(actual)")
            case (.success, .failure(let actual)):
                Issue.record("\(text.debugDescription): swift-mustache parses it, SBCMSTemplate throws \(actual)")
            case (.failure(let expected), .success):
                Issue.record("\(text.debugDescription): swift-mustache throws \(expected.error), SBCMSTemplate parses it")
            }
        }
    }
}
