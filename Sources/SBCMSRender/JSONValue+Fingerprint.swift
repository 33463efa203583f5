extension JSONValue: ContextFingerprinting {
    /// Every value with its type, lists and objects with their sizes and keys in order, so two
    /// documents hash alike only when they serialize alike.
    public func fingerprint(into hasher: inout FingerprintHasher) {
        switch self {
        case .string(let text):
            hasher.addInt(1)
            hasher.addString(text)
        case .html(let body):
            hasher.addInt(1)
            body.fingerprint(into: &hasher)
        case .int(let number):
            hasher.addInt(2)
            hasher.addInt(number)
        case .double(let number):
            hasher.addInt(3)
            hasher.addString("\(number)")
        case .bool(let flag):
            hasher.addInt(4)
            hasher.addInt(flag ? 1 : 0)
        case .null:
            hasher.addInt(5)
        case .array(let items):
            hasher.addInt(6)
            hasher.addInt(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .object(let fields):
            hasher.addInt(7)
            hasher.addInt(fields.count)
            for (key, value) in fields {
                hasher.addString(key)
                value.fingerprint(into: &hasher)
            }
        }
    }
}
