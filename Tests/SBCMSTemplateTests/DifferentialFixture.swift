import Foundation
import Mustache
import SBCMSTemplate
import Testing

/// A context node that both engines can read: SBCMSTemplate through `TemplateObject` (typed
/// values) and swift-mustache through `MustacheParent` (`Any`).
struct Node: TemplateObject, MustacheParent {
    enum Field {
        case string(String)
        case int(Int)
        case bool(Bool)
        case double(Double)
        case node(Node)
        case nodes([Node])
        case strings([String])
        case ints([Int])
        case map([String: Any])
        /// A key the type has whose value is nil.
        case none
    }

    var fields: [String: Field]

    init(_ fields: [String: Field]) {
        self.fields = fields
    }

    func child(named key: String) -> TemplateValue? {
        switch fields[key] {
        case .string(let value)?: return .string(value)
        case .int(let value)?: return .int(value)
        case .bool(let value)?: return .bool(value)
        case .double(let value)?: return .double(value)
        case .node(let value)?: return .object(of: value)
        case .nodes(let value)?: return value.templateValue
        case .strings(let value)?: return value.templateValue
        case .ints(let value)?: return value.templateValue
        case .map(let value)?: return value.templateValue
        case .none?, nil: return nil
        }
    }

    func child(named key: String) -> Any? {
        switch fields[key] {
        case .string(let value)?: return value
        case .int(let value)?: return value
        case .bool(let value)?: return value
        case .double(let value)?: return value
        case .node(let value)?: return value
        case .nodes(let value)?: return value
        case .strings(let value)?: return value
        case .ints(let value)?: return value
        case .map(let value)?: return value
        case .none?, nil: return nil
        }
    }
}

/// The context every differential snippet renders, and the partials it may include.
enum Fixture {
    static func tocEntry(_ title: String, _ children: [Node] = []) -> Node {
        Node(["title": .string(title), "url": .string("/\(title.lowercased())/"), "children": .nodes(children)])
    }

    static var root: Node {
        Node([
            "title": .string("Hello & <World>"),
            "quote": .string("He said \"hi\" & 'bye'"),
            "empty": .string(""),
            "name": .string("root name"),
            "unicode": .string("naïve <é> 日本語 👍🏽"),
            "lower": .string("hello wide world"),
            "mixed": .string("hELLO wORLD"),
            "content": .string("line one\nline two\n"),
            "count": .int(3),
            "zero": .int(0),
            "negative": .int(-3),
            "price": .double(9.5),
            "whole": .double(2),
            "yes": .bool(true),
            "no": .bool(false),
            "nothing": .none,
            "partialName": .string("item"),
            "parentName": .string("card"),
            "tags": .strings(["swift", "mustache", "apple"]),
            "noTags": .strings([]),
            "numbers": .ints([3, 1, 20, 2]),
            "author": .node(Node([
                "name": .string("Ann"),
                "email": .string("ann@example.com"),
                "bio": .none,
                "address": .node(Node(["city": .string("Oslo")])),
            ])),
            "items": .nodes([
                Node(["name": .string("a"), "flag": .bool(true), "n": .int(1)]),
                Node(["name": .string("b"), "flag": .bool(false), "n": .int(2), "title": .none]),
                Node(["name": .string("c"), "n": .int(3), "title": .string("c's title")]),
            ]),
            "one": .nodes([Node(["name": .string("solo")])]),
            "noItems": .nodes([]),
            "toc": .nodes([
                tocEntry("One", [tocEntry("One.1"), tocEntry("One.2", [tocEntry("One.2.a")])]),
                tocEntry("Two"),
            ]),
            "settings": .map([
                "theme": "dark",
                "size": 12,
                "ratio": 1.5,
                "on": true,
                "off": false,
                "blank": "",
                "nested": ["deep": "value", "deeper": ["deepest": "bottom"] as [String: Any]] as [String: Any],
                "list": ["z", "y", "x"],
                "anyList": ["q", 7, "p"] as [Any],
                "people": [["name": "Pat"], ["name": "Sam"]] as [[String: Any]],
                "optional": Optional<String>.some("wrapped") as Any,
                // Untyped lists as YAML gives them; only DeliberateDifferencesFromSwiftMustacheTests sorts them.
                "anyStrings": ["b", "c", "a"] as [Any],
                "anyInts": [2, 10, 1] as [Any],
                "a-b": "dash",
                "q?": "question",
                "star*": "star",
                "part": "inline",
                "null": NSNull(),
                "owner": Node(["name": .string("Owner")]),
            ]),
            "params": .map(["b": "two", "a": 1, "c": true, "d": 2.5, "e": "<e>"]),
            "single": .map(["only": "one"]),
            "noParams": .map([:]),
        ])
    }

    /// Partials and parents, registered in both libraries under these names.
    static let partials: [(name: String, text: String)] = [
        ("item", "<li>{{name}}</li>\n"),
        ("inline", "[{{name}}]"),
        ("multi", "line1 {{name}}\n{{#flag}}\n  flagged\n{{/flag}}\n{{^flag}}\n  not flagged\n{{/flag}}\nend\n"),
        ("listing", "{{#items}}\n- {{name}}\n{{/items}}\n"),
        ("listing-inline", "{{#items}}- {{name}}\n{{/items}}"),
        ("outer", "outer:\n  {{> item}}\n  {{> inline}}\n"),
        ("content", "{{{content}}}\nafter\n"),
        ("toc", """
            <li><a href="{{url}}">{{title}}</a>{{^empty(children)}}
            <ul>
            {{#children}}
            {{> toc}}
            {{/children}}
            </ul>
            {{/empty(children)}}</li>

            """),
        ("toc-indented", """
            <li>{{title}}
              {{#children}}
              {{> toc-indented}}
              {{/children}}
            </li>

            """),
        ("pos", "[{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}]"),
        ("escaped", "{{title}}"),
        ("text", "{{% CONTENT_TYPE: TEXT}}{{title}}"),
        ("base", """
            <html>
            <head>{{$head}}<title>default</title>{{/head}}</head>
            <body>
              {{$main}}
              default main
              {{/main}}
            </body>
            </html>

            """),
        ("middle", "{{< base}}\n{{$head}}<title>middle {{title}}</title>{{/head}}\n{{/base}}\n"),
        ("card", "<div>{{$body}}none{{/body}}</div>\n"),
        ("textcard", "{{% CONTENT_TYPE: TEXT}}<div>{{$body}}{{/body}}</div>"),
        ("crlf", "a\r\n{{name}}\r\nb\r\n{{#yes}}\r\nyes\r\n{{/yes}}\r\nend"),
        ("frame", "<frame>\n  {{$inner}}\n  inner default\n  {{/inner}}\n</frame>\n"),
    ]

    static func ourLibrary() throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for partial in partials {
            library.register(try Template(string: partial.text), named: partial.name)
        }
        return library
    }

    static func mustacheLibrary() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for partial in partials {
            library.register(try MustacheTemplate(string: partial.text), named: partial.name)
        }
        return library
    }

    /// The template rendered by SBCMSTemplate.
    static func ours(_ text: String) throws -> String {
        var library = try ourLibrary()
        library.register(try Template(string: text), named: "snippet under test")
        return try #require(library.render("snippet under test", with: root))
    }

    /// The template rendered by swift-mustache.
    static func theirs(_ text: String) throws -> String {
        try MustacheTemplate(string: text).render(root, library: try mustacheLibrary())
    }
}

/// A template of the differential tables, with a label for test output.
struct Snippet: Sendable, CustomTestStringConvertible {
    var label: String
    var template: String

    init(_ label: String, _ template: String) {
        self.label = label
        self.template = template
    }

    var testDescription: String { label }
}

/// Renders `snippet` with both engines and expects the same bytes.
func expectSameOutput(_ snippet: Snippet, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = try Fixture.theirs(snippet.template)
    let actual = try Fixture.ours(snippet.template)
    #expect(Array(actual.utf8) == Array(expected.utf8),
            "\(snippet.label)\nswift-mustache: \(expected.debugDescription)\nSBCMSTemplate:  \(actual.debugDescription)",
            sourceLocation: sourceLocation)
}
