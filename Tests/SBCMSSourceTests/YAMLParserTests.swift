import SBCMSCore
import Testing
@testable import SBCMSSource

@Suite struct YAMLParserTests {
    private func value(_ scalar: String) -> YAMLValue? {
        guard case .node(let node) = YAMLParser.parse("key: \(scalar)\n", location: SourceLocation(site: "a", file: "x.yaml")),
              case .map(let map) = node.value else { return nil }
        return map["key"]?.value
    }

    @Test(arguments: [
        ("42", YAMLValue.int(42)), ("-7", .int(-7)), ("+3", .int(3)), ("0x1F", .int(31)),
        ("1.5", .double(1.5)), (".5", .double(0.5)), ("true", .bool(true)), ("False", .bool(false)),
        ("yes", .bool(true)), ("No", .bool(false)), ("on", .bool(true)), ("Off", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null),
    ])
    func plainScalarsAreTyped(text: String, expected: YAMLValue) {
        #expect(value(text) == expected)
    }

    @Test(arguments: [
        "Hello world", "true story", "no way", "42 answers", "2024-01-01", "Plan", "onward", "nullable",
        "1.5.2", "-x", "x", "Ünïcode", "yes please",
    ])
    func otherPlainScalarsStayStrings(text: String) {
        #expect(value(text) == .string(text))
    }

    @Test func theShortCutOnlyTakesScalarsNoPatternMatches() {
        #expect(YAMLParser.cannotBeTyped("Hello"))
        #expect(YAMLParser.cannotBeTyped("true story"))
        #expect(!YAMLParser.cannotBeTyped("true"))
        #expect(!YAMLParser.cannotBeTyped("12"))
        #expect(!YAMLParser.cannotBeTyped(""))
    }
}
