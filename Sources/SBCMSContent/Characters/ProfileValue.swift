import SBCMSCore

/// A checked profile value, typed by its template field.
public indirect enum ProfileValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    /// A date and its text as written (`1930-07-08`).
    case date(ContentDate, String)
    /// One of the field's `values`.
    case word(String)
    case list([ProfileValue])

    /// The value for people: numbers in Swift's shortest form, dates as written, lists joined by commas.
    public var displayText: String {
        switch self {
        case .string(let text), .word(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .date(_, let text): return text
        case .list(let items): return items.map(\.displayText).joined(separator: ", ")
        }
    }
}

/// A field of a profile with its checked value, in the template's order.
public struct ProfileEntry: Sendable, Hashable {
    public var field: CharacterField
    public var value: ProfileValue
}
