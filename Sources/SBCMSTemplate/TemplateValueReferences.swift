/// The context objects, lists and maps inside `TemplateValue`, held by class references.
///
/// With existentials (`any TemplateObject`) as payloads, `TemplateValue` had no fixed layout:
/// every copy of a value, and every `switch` on one, went through the runtime's value
/// witnesses, and copying a boxed context struct retained each of its fields. With a reference
/// as payload a value is copied with one retain, and a `switch` reads its case in place.
/// Each concrete type is wrapped by a generic subclass (`ObjectReference<T>`), so calls are
/// dispatched through the class, not through an existential.
public class TemplateObjectReference: CustomStringConvertible {
    /// `TemplateObject.child(named:)` of the object.
    public func child(named key: String) -> TemplateValue? { nil }
    /// The object's own text (`{{post}}` writes it).
    public var description: String { "" }
}

/// An ordered collection in a `TemplateValue` (see `TemplateObjectReference`).
public class TemplateSequenceReference: CustomStringConvertible {
    public var count: Int { 0 }
    public func element(at index: Int) -> TemplateValue? { nil }
    public var description: String { "" }
}

/// A string-keyed collection in a `TemplateValue` (see `TemplateObjectReference`).
public class TemplateMapReference: CustomStringConvertible {
    public var count: Int { 0 }
    public func value(forKey key: String) -> TemplateValue? { nil }
    public var entries: [(key: String, value: TemplateValue?)] { [] }
    public var description: String { "" }
}

@usableFromInline
final class ObjectReference<Object: TemplateObject>: TemplateObjectReference {
    @usableFromInline let object: Object

    @usableFromInline
    init(_ object: Object) {
        self.object = object
    }

    override func child(named key: String) -> TemplateValue? { object.child(named: key) }
    override var description: String { String(describing: object) }
}

@usableFromInline
final class SequenceReference<Sequence: TemplateSequence>: TemplateSequenceReference {
    @usableFromInline let sequence: Sequence

    @usableFromInline
    init(_ sequence: Sequence) {
        self.sequence = sequence
    }

    override var count: Int { sequence.count }
    override func element(at index: Int) -> TemplateValue? { sequence.element(at: index) }
    override var description: String { String(describing: sequence) }
}

@usableFromInline
final class MapReference<Map: TemplateMap>: TemplateMapReference {
    @usableFromInline let map: Map

    @usableFromInline
    init(_ map: Map) {
        self.map = map
    }

    override var count: Int { map.count }
    override func value(forKey key: String) -> TemplateValue? { map.value(forKey: key) }
    override var entries: [(key: String, value: TemplateValue?)] { map.entries }
    override var description: String { String(describing: map) }
}

// Inlinable, so that callers in other modules make the value with their concrete type's
// metadata at hand instead of asking the runtime for `ObjectReference<T>` on every call.
extension TemplateValue {
    /// A context object as a value.
    @inlinable
    public static func object<Object: TemplateObject>(of object: Object) -> TemplateValue {
        .object(ObjectReference(object))
    }

    /// An ordered collection as a value.
    @inlinable
    public static func list<Sequence: TemplateSequence>(of sequence: Sequence) -> TemplateValue {
        .list(SequenceReference(sequence))
    }

    /// A string-keyed collection as a value.
    @inlinable
    public static func map<Map: TemplateMap>(of map: Map) -> TemplateValue {
        .map(MapReference(map))
    }
}
