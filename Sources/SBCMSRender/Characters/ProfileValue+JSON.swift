import SBCMSContent

extension ProfileValue {
    /// The value as JSON: numbers as numbers, dates as written, lists as arrays.
    public var json: JSONValue {
        switch self {
        case .string(let text), .word(let text): return .string(text)
        case .integer(let number): return .int(number)
        case .number(let number): return .double(number)
        case .date(_, let text): return .string(text)
        case .list(let items): return .array(items.map(\.json))
        }
    }
}
