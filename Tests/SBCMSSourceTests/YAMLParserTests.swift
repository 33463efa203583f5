import SBCMSCore
import Testing
@testable import SBCMSSource
import Yams
import Foundation

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

    @Test func theShortCutAgreesWithTheResolverOnEveryScalarItTakes() {
        #expect(YAMLParser.cannotBeTyped("tutorial"))
        #expect(YAMLParser.cannotBeTyped("2024-01-05"))
        #expect(YAMLParser.cannotBeTyped("2024-01-05T10:00:00Z"))
        #expect(!YAMLParser.cannotBeTyped("Off"))
        #expect(!YAMLParser.cannotBeTyped("2024"))
        // Words, numbers, dates and near misses, from pieces each pattern looks at.
        let pieces = ["yes", "no", "on", "off", "true", "false", "null", "Null", "NULL", "TRUE", "Off", "y", "n",
                      "t", "o", "O", "N", "f", "~", ".", "-", "+", ":", "_", "0", "1", "7", "9", "2024", "01",
                      "e", "E", "x", "b", "inf", "nan", "T", "Z", "<<", "=", "a", "é", " "]
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) { text += pieces.randomElement(using: &generator)! }
            text = text.trimmingCharacters(in: .whitespaces)
            guard YAMLParser.cannotBeTyped(text) else { continue }
            taken += 1
            #expect(YAMLParser.resolvedValue(Node.Scalar(text)) == .string(text), "\(text)")
        }
        #expect(taken > 1000)
    }
}
