import Foundation

/// A value a layout can read: what a tag such as `{{page.title}}` finds.
///
/// Context types hand these out through `TemplateObject.child(named:)`, so rendering never asks
/// the runtime what type a value is.
public enum TemplateValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A context with named children (`{{site.name}}`).
    case object(TemplateObjectReference)
    /// An array: a section renders once per element.
    case list(TemplateSequenceReference)
    /// A string-keyed dictionary (`site.settings`, `page.params`).
    case map(TemplateMapReference)
}

/// A context type layouts can walk into: `{{name}}` asks `child(named: "name")`.
public protocol TemplateObject: TemplateConvertible {
    /// The value of the named key, or nil when the type has no such key or the value is nil.
    func child(named key: String) -> TemplateValue?
}

extension TemplateObject {
    @inlinable
    public var templateValue: TemplateValue? { .object(of: self) }
}

/// A Swift value with a template representation; nil stands for "absent" (falsy, renders nothing).
public protocol TemplateConvertible {
    var templateValue: TemplateValue? { get }
}

/// An ordered collection a section iterates.
public protocol TemplateSequence {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue?
}

/// A string-keyed collection a layout reads by key.
public protocol TemplateMap {
    var count: Int { get }
    func value(forKey key: String) -> TemplateValue?
    /// Every key with its value, in the collection's own order.
    var entries: [(key: String, value: TemplateValue?)] { get }
}

extension String: TemplateConvertible {
    public var templateValue: TemplateValue? { .string(self) }
}

extension Bool: TemplateConvertible {
    public var templateValue: TemplateValue? { .bool(self) }
}

extension Int: TemplateConvertible {
    public var templateValue: TemplateValue? { .int(self) }
}

extension Double: TemplateConvertible {
    public var templateValue: TemplateValue? { .double(self) }
}

extension Optional: TemplateConvertible where Wrapped: TemplateConvertible {
    public var templateValue: TemplateValue? { self?.templateValue ?? nil }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    @inlinable
    public var templateValue: TemplateValue? { .list(of: self) }
}

extension Array: TemplateSequence where Element: TemplateConvertible {
    public func element(at index: Int) -> TemplateValue? { self[index].templateValue }
}

extension Dictionary where Key == String {
    /// Dictionaries with values of any type (YAML maps from `site.yaml` and front matter) are
    /// read through `TemplateValue(any:)`; this is the only place a cast is needed.
    public var templateValue: TemplateValue? { .map(of: AnyValueMap(storage: self)) }
}

/// A `[String: V]` read by key; values are converted when a layout reads them. Written as text
/// (`{{site.settings}}`) it reads like the dictionary, as in swift-mustache.
struct AnyValueMap<Value>: TemplateMap, CustomStringConvertible {
    var description: String { String(describing: storage) }
    var storage: [String: Value]
    var count: Int { storage.count }
    func value(forKey key: String) -> TemplateValue? {
        guard let value = storage[key] else { return nil }
        return TemplateValue(any: value)
    }
    var entries: [(key: String, value: TemplateValue?)] {
        storage.map { (key: $0.key, value: TemplateValue(any: $0.value)) }
    }
}

/// A key and its value, as the `enumerated` and `sorted` transforms of a map give them.
struct KeyValueItem: TemplateObject {
    var key: String
    var value: TemplateValue?
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "key": return .string(key)
        case "value": return value
        default: return nil
        }
    }
}

/// A list of already converted values (transform results).
struct ValueList: TemplateSequence {
    var values: [TemplateValue?]
    var count: Int { values.count }
    func element(at index: Int) -> TemplateValue? { values[index] }
}

extension TemplateValue {
    /// Converts a value whose type is only known at run time: strings, numbers, booleans,
    /// arrays and string-keyed dictionaries of those, and template objects. A nil optional and
    /// `NSNull` (a JSON null, which swift-mustache also reads as nil) give nil.
    public init?(any value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let double as Double: self = .double(double)
        case let convertible as TemplateConvertible:
            guard let converted = convertible.templateValue else { return nil }
            self = converted
        case let array as [Any]: self = .list(of: ValueList(values: array.map { TemplateValue(any: $0) }))
        case let map as [String: Any]: self = .map(of: AnyValueMap(storage: map))
        case let optional as AnyOptionalValue:
            guard let wrapped = optional.wrappedValue, let converted = TemplateValue(any: wrapped) else { return nil }
            self = converted
        case is NSNull: return nil
        default: self = .string(String(describing: value))
        }
    }
}

private protocol AnyOptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}
