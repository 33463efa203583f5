import SBCMSCore
import Yams

/// Parses YAML text into `YAMLValue` trees, turning every YAML error into a diagnostic at its
/// real position in the containing file.
public enum YAMLParser {
    /// The result of parsing: a root node, or a diagnostic explaining why there is none.
    public enum Result: Sendable {
        case node(YAMLNode)
        case empty
        case failure(Diagnostic)
    }

    /// Parses `text`, whose first line is line `lineOffset + 1` of `location.file`.
    public static func parse(_ text: String, location: SourceLocation, lineOffset: Int = 0) -> Result {
        do {
            // Compose without implicit typing (keys are names, and hashing them for the duplicate
            // check would otherwise run the type regexes on every key); `scalarValue` types each
            // value once with the default resolver.
            // The encoding is named: Yams' default reads the environment on every parse.
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .empty }
            return .node(convert(root, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, location: location, lineOffset: lineOffset))
        } catch {
            return .failure(.error("yaml", at: location.at(line: lineOffset + 1, column: 1),
                                   "cannot read YAML: \(error)"))
        }
    }

    static func convert(_ node: Node, lineOffset: Int) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return YAMLNode(scalarValue(scalar), line: line, column: column)
        case .sequence(let sequence):
            return YAMLNode(.list(sequence.map { convert($0, lineOffset: lineOffset) }), line: line, column: column)
        case .mapping(let mapping):
            var entries: [YAMLMap.Entry] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? key.string ?? "\(key)"
                entries.append(YAMLMap.Entry(
                    key: keyText, keyLine: (key.mark?.line ?? 1) + lineOffset, keyColumn: key.mark?.column ?? 1,
                    node: convert(value, lineOffset: lineOffset)))
            }
            return YAMLNode(.map(YAMLMap(entries: entries)), line: line, column: column)
        case .alias:
            return YAMLNode(.null, line: line, column: column)
        }
    }

    static func scalarValue(_ scalar: Node.Scalar) -> YAMLValue {
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            || scalar.style == .literal || scalar.style == .folded {
            return .string(scalar.string)
        }
        if cannotBeTyped(scalar.string) { return .string(scalar.string) }
        return resolvedValue(scalar)
    }

    /// A plain scalar typed by Yams' default resolver (YAML 1.1 patterns, regular expressions);
    /// timestamps stay strings, which `ContentDate` reads.
    static func resolvedValue(_ scalar: Node.Scalar) -> YAMLValue {
        let node = Node.scalar(scalar)
        switch Resolver.default.resolveTag(of: node) {
        case .null: return .null
        case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
        case .int: return node.int.map(YAMLValue.int) ?? .string(scalar.string)
        case .float: return node.float.map { .double(Double($0)) } ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    /// True for plain scalars that the default resolver can only read as a string or a
    /// timestamp (both give a string here), so its regular expressions are not run on them:
    /// - those with a blank, or whose first character starts no null, bool, int or float
    ///   pattern (most titles and descriptions);
    /// - words starting with a letter, other than the null and bool words (`tutorial`, `networking`);
    /// - text starting with four digits and `-` (dates): no int or float pattern has `-` there.
    static func cannotBeTyped(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
             UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return !typedWords.contains(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if utf8.count >= 5, utf8.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               utf8[utf8.index(utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-") {
                return true
            }
            return utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        case UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        default:
            return true
        }
    }

    /// The words starting with a letter that Yams' default resolver types (bool and null).
    private static let typedWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    static func diagnostic(for error: YamlError, location: SourceLocation, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error("yaml", at: location.at(line: mark.line + lineOffset, column: mark.column), message,
                          hint: "check the indentation, colons and quotes on this line")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return at(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return at(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return at(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("yaml-duplicate-key",
                          at: location.at(line: context.mark.line + lineOffset, column: context.mark.column),
                          "duplicate key \(duplicates.first.map { "'\($0)'" } ?? "") in a map",
                          hint: "each key may appear only once; remove or rename one of them")
        case .reader(let problem, _, _, _):
            return .error("yaml", at: location.at(line: lineOffset + 1, column: 1), "unreadable YAML: \(problem)",
                          hint: "save the file as UTF-8 text")
        default:
            return .error("yaml", at: location.at(line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
    }
}
