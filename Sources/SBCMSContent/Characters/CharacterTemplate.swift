import SBCMSCore

/// A character profile template (`templates/characters/<file>.yaml`): the fields a profile may
/// have, in the order pages show them.
public struct CharacterTemplate: Sendable, Hashable {
    /// The file name, as characters name it in `template:` (`basic.yaml`).
    public var fileName: String
    /// The template's `name` (`Basic character`).
    public var title: String
    public var description: String?
    public var fields: [CharacterField]

    public init(fileName: String, title: String, description: String?, fields: [CharacterField]) {
        self.fileName = fileName
        self.title = title
        self.description = description
        self.fields = fields
    }
}

/// The type of a profile field (and of a list field's items).
public enum CharacterFieldType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, date, list, `enum`
}

/// One field of a template.
public struct CharacterField: Sendable, Hashable {
    /// The key in `profile:` (`species`).
    public var name: String
    /// What pages show (`label:`, default: the name with `_` as spaces, first letter upper case).
    public var label: String
    public var type: CharacterFieldType
    public var required: Bool
    /// Bounds: values for integer and number, dates for date, lengths for string, item counts for list.
    public var min: FieldBound?
    public var max: FieldBound?
    /// The allowed words of an enum field (or of an enum list's items).
    public var values: [String]
    /// The type of a list field's items (default string).
    public var items: CharacterFieldType?

    public init(name: String, label: String, type: CharacterFieldType, required: Bool = false, min: FieldBound? = nil,
                max: FieldBound? = nil, values: [String] = [], items: CharacterFieldType? = nil) {
        self.name = name
        self.label = label
        self.type = type
        self.required = required
        self.min = min
        self.max = max
        self.values = values
        self.items = items
    }

    /// `species` → `Species`, `home_town` → `Home town`.
    public static func defaultLabel(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

/// A lower or upper bound of a field: a number, or a date for date fields.
public enum FieldBound: Sendable, Hashable, Comparable {
    case number(Double)
    case date(ContentDate)

    /// The bound as written in messages.
    public var text: String {
        switch self {
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .date(let date): return date.isoDay
        }
    }
}
