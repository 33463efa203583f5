import SBCMSCore

/// A value whose every part a layout can read is fed to a page fingerprint. Context types get
/// their conformance from scripts/gen-context-fingerprints (ContextFingerprints.swift).
public protocol ContextFingerprinting {
    func fingerprint(into hasher: inout FingerprintHasher)
}

/// Builds a page fingerprint: SHA-256 over typed, delimited fields, so different values or
/// shapes (a missing optional, an empty list, a string that looks like a number) never give
/// the same bytes. A struct is its type's name followed by its fields in their fixed
/// (generated) order, so field names are not hashed.
public struct FingerprintHasher {
    /// Small fields are collected here and hashed in blocks: a page has hundreds of them.
    /// A class: a hasher is made once per fingerprint and passed `inout`, never copied.
    private let sha = BufferedSHA256()

    public init() {}

    private enum Marker: UInt8 {
        case string = 1, int, bool, double, none, some, list, map, begin, end
    }

    private mutating func mark(_ marker: Marker) {
        sha.update(byte: marker.rawValue)
    }

    /// Starts a struct named `type`.
    public mutating func begin(_ type: StaticString) {
        sha.update(byte: Marker.begin.rawValue, name: type)
    }

    public mutating func end() {
        mark(.end)
    }

    /// One field of a struct (`key` names it for the reader; the position identifies it).
    public mutating func add<Value: ContextFingerprinting>(_ key: StaticString, _ value: Value) {
        value.fingerprint(into: &self)
    }

    /// A field holding YAML-like values (`settings`, `params`): hashed with sorted keys.
    public mutating func add(_ key: StaticString, _ value: [String: Any]) {
        addAny(value)
    }

    public mutating func addString(_ text: String) {
        let utf8 = text.utf8
        if let done: Void = utf8.withContiguousStorageIfAvailable({ buffer in
            sha.update(byte: Marker.string.rawValue, Int64(buffer.count))
            sha.update(buffer)
        }) { return done }
        var text = text
        text.withUTF8 { buffer in
            sha.update(byte: Marker.string.rawValue, Int64(buffer.count))
            sha.update(buffer)
        }
    }

    public mutating func addInt(_ value: Int) {
        sha.update(byte: Marker.int.rawValue, Int64(value))
    }

    public mutating func addBool(_ value: Bool) {
        mark(.bool)
        sha.update(byte: value ? UInt8(1) : 0)
    }

    public mutating func addDouble(_ value: Double) {
        mark(.double)
        sha.update(Int64(bitPattern: value.bitPattern))
    }

    public mutating func addOptional<Wrapped: ContextFingerprinting>(_ value: Wrapped?) {
        if let value {
            mark(.some)
            value.fingerprint(into: &self)
        } else {
            mark(.none)
        }
    }

    /// Raw bytes (a nested fingerprint), with their length.
    public mutating func addBytes(_ bytes: [UInt8]) {
        mark(.list)
        sha.update(Int64(bytes.count))
        sha.update(bytes)
    }

    public mutating func addList<Element: ContextFingerprinting>(_ values: [Element]) {
        sha.update(byte: Marker.list.rawValue, Int64(values.count))
        for value in values { value.fingerprint(into: &self) }
    }

    /// A value of a YAML-like tree: strings, numbers, booleans, lists and maps (sorted keys).
    public mutating func addAny(_ value: Any) {
        switch value {
        case let text as String: addString(text)
        case let flag as Bool: addBool(flag)
        case let number as Int: addInt(number)
        case let number as Double: addDouble(number)
        case let list as [Any]:
            mark(.list)
            sha.update(Int64(list.count))
            for item in list { addAny(item) }
        case let map as [String: Any]:
            mark(.map)
            sha.update(Int64(map.count))
            for key in map.keys.sorted() {
                addString(key)
                if let item = map[key] { addAny(item) }
            }
        case let context as any ContextFingerprinting:
            context.fingerprint(into: &self)
        default:
            // Not produced by sbcms today; its description is what a layout would print.
            addString("\(type(of: value)):\(value)")
        }
    }

    /// The 32-byte fingerprint.
    public mutating func finalize() -> [UInt8] {
        sha.finalize()
    }
}

extension String: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addString(self) }
}

extension Int: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addInt(self) }
}

extension Bool: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addBool(self) }
}

extension Double: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addDouble(self) }
}

extension Optional: ContextFingerprinting where Wrapped: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addOptional(self) }
}

extension Array: ContextFingerprinting where Element: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) { hasher.addList(self) }
}

extension Dictionary: ContextFingerprinting where Key == String, Value: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) {
        hasher.addAny(self.mapValues { $0 as Any })
    }
}
