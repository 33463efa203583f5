import Foundation
import SBCMSTemplate
import Testing

/// `TemplateValue(any:)` turns the untyped values of YAML maps into template values.
@Suite struct TemplateValueFromAnyTests {
    /// A canonical text form of a value (maps with sorted keys), to compare whole trees.
    static func shape(_ value: TemplateValue?) -> String {
        guard let value else { return "nil" }
        switch value {
        case .string(let string): return "string(\(string.debugDescription))"
        case .bool(let bool): return "bool(\(bool))"
        case .int(let int): return "int(\(int))"
        case .double(let double): return "double(\(double))"
        case .object: return "object"
        case .list(let list): return "[" + (0..<list.count).map { shape(list.element(at: $0)) }.joined(separator: ", ") + "]"
        case .map(let map):
            let entries = map.entries.sorted { $0.key < $1.key }
            return "{" + entries.map { "\($0.key): \(shape($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test func scalarsKeepTheirType() {
        #expect(Self.shape(TemplateValue(any: "text")) == #"string("text")"#)
        #expect(Self.shape(TemplateValue(any: "")) == #"string("")"#)
        #expect(Self.shape(TemplateValue(any: 42)) == "int(42)")
        #expect(Self.shape(TemplateValue(any: -7)) == "int(-7)")
        #expect(Self.shape(TemplateValue(any: 2.5)) == "double(2.5)")
        #expect(Self.shape(TemplateValue(any: 2.0)) == "double(2.0)")
        #expect(Self.shape(TemplateValue(any: true)) == "bool(true)")
        #expect(Self.shape(TemplateValue(any: false)) == "bool(false)")
    }

    @Test func nilOptionalsAndNullAreAbsent() {
        #expect(TemplateValue(any: Optional<String>.none as Any) == nil)
        #expect(TemplateValue(any: Optional<Any>.none as Any) == nil)
        #expect(TemplateValue(any: NSNull()) == nil)
        #expect(Self.shape(TemplateValue(any: Optional<Any>.some(3) as Any)) == "int(3)")
        #expect(Self.shape(TemplateValue(any: Optional<String>.some("x") as Any)) == #"string("x")"#)
    }

    @Test func arraysBecomeListsOfConvertedElements() {
        #expect(Self.shape(TemplateValue(any: ["b", "a"])) == #"[string("b"), string("a")]"#)
        #expect(Self.shape(TemplateValue(any: [1, 2])) == "[int(1), int(2)]")
        #expect(Self.shape(TemplateValue(any: [] as [Any])) == "[]")
        let mixed: [Any] = ["a", 1, 1.5, true, ["nested"], ["k": "v"] as [String: Any]]
        #expect(Self.shape(TemplateValue(any: mixed))
                == #"[string("a"), int(1), double(1.5), bool(true), [string("nested")], {k: string("v")}]"#)
    }

    @Test func nestedDictionariesBecomeMaps() throws {
        let yaml: [String: Any] = [
            "title": "Hello",
            "count": 3,
            "ratio": 0.5,
            "draft": false,
            "tags": ["a", "b"] as [Any],
            "author": ["name": "Ann", "links": [["url": "/ann"] as [String: Any]] as [Any]] as [String: Any],
            "typed": ["x": "y"] as [String: String],
        ]
        #expect(Self.shape(TemplateValue(any: yaml)) == """
            {author: {links: [{url: string("/ann")}], name: string("Ann")}, count: int(3), draft: bool(false), \
            ratio: double(0.5), tags: [string("a"), string("b")], title: string("Hello"), typed: {x: string("y")}}
            """)
        guard case .map(let map)? = TemplateValue(any: yaml) else {
            Issue.record("not a map")
            return
        }
        #expect(map.count == 7)
        #expect(Self.shape(map.value(forKey: "title")) == #"string("Hello")"#)
        #expect(map.value(forKey: "missing") == nil)
        guard case .map(let author)? = map.value(forKey: "author") else {
            Issue.record("author is not a map")
            return
        }
        #expect(Self.shape(author.value(forKey: "name")) == #"string("Ann")"#)
    }

    @Test func templateObjectsStayObjects() {
        let node = Node(["name": .string("n")])
        guard case .object(let object)? = TemplateValue(any: node) else {
            Issue.record("not an object")
            return
        }
        #expect(Self.shape(object.child(named: "name")) == #"string("n")"#)
        #expect(Self.shape(TemplateValue(any: [node, node])) == "[object, object]")
    }
}
