import Foundation

/// The transforms layouts write like calls: `{{^empty(tags)}}`, `{{uppercased(name)}}`,
/// `{{#sorted(params)}}`, and `first()`, `last()`, `index()`, `even()`, `odd()` inside a list.
/// An unknown transform, or one that does not apply to the value, gives nil.
enum TemplateTransforms {
    static func apply(_ name: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let string):
            switch name {
            case "empty": return .bool(string.isEmpty)
            case "capitalized": return .string(string.capitalized)
            case "lowercased": return .string(string.lowercased())
            case "uppercased": return .string(string.uppercased())
            case "reversed": return .string(String(string.reversed()))
            default: return nil
            }
        case .int(let int):
            switch name {
            case "equalzero": return .bool(int == 0)
            case "plusone": return .int(int + 1)
            case "minusone": return .int(int - 1)
            case "even": return .bool(int & 1 == 0)
            case "odd": return .bool(int & 1 == 1)
            default: return nil
            }
        case .list(let list):
            switch name {
            case "first": return list.count > 0 ? list.element(at: 0) : nil
            case "last": return list.count > 0 ? list.element(at: list.count - 1) : nil
            case "reversed": return .list(of: ValueList(values: (0..<list.count).reversed().map { list.element(at: $0) }))
            case "count": return .int(list.count)
            case "empty": return .bool(list.count == 0)
            case "sorted": return sorted(list)
            default: return nil
            }
        case .map(let map):
            switch name {
            case "count": return .int(map.count)
            case "empty": return .bool(map.count == 0)
            case "enumerated": return keyValueList(map.entries)
            case "sorted": return keyValueList(map.entries.sorted { $0.key < $1.key })
            default: return nil
            }
        case .bool, .double, .object:
            return nil
        }
    }

    static func apply(_ name: String, to position: TemplateRenderer.Position) -> TemplateValue? {
        switch name {
        case "first": return .bool(position.first)
        case "last": return .bool(position.last)
        case "index": return .int(position.index)
        case "even": return .bool(position.index & 1 == 0)
        case "odd": return .bool(position.index & 1 == 1)
        default: return nil
        }
    }

    private static func keyValueList(_ entries: [(key: String, value: TemplateValue?)]) -> TemplateValue {
        .list(of: ValueList(values: entries.map { .object(of: KeyValueItem(key: $0.key, value: $0.value)) }))
    }

    /// Lists of strings or of numbers sort; any other list has no `sorted`.
    private static func sorted(_ list: TemplateSequenceReference) -> TemplateValue? {
        let values = (0..<list.count).map { list.element(at: $0) }
        var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
        for value in values {
            switch value {
            case .string(let string)?: strings.append(string)
            case .int(let int)?: ints.append(int)
            case .double(let double)?: doubles.append(double)
            default: return nil
            }
        }
        if strings.count == values.count { return .list(of: strings.sorted()) }
        if ints.count == values.count { return .list(of: ints.sorted()) }
        if doubles.count == values.count { return .list(of: doubles.sorted()) }
        return nil
    }
}
