/// A context object seen through one render: each key is looked up in the object once, and an
/// object found under a key is itself memoized.
///
/// Context types are structs. `child(named:)` hands out a nested struct (`page`, `post`, `site`)
/// by copying it into a new existential box, every field retained, and a layout reads
/// `{{post.title}}`, `{{post.dateISO}}`… dozens of times per page. Through this wrapper the
/// nested struct is boxed once per render and later lookups retain one reference. Context
/// lookups are pure, so the result is the same; a render is single-threaded, so the class needs
/// no lock and never leaves the renderer.
final class MemoizedObject: TemplateObjectReference {
    private let base: TemplateObjectReference
    private var keys: [String] = []
    private var values: [TemplateValue?] = []

    init(_ base: TemplateObjectReference) {
        self.base = base
    }

    override func child(named key: String) -> TemplateValue? {
        if let index = keys.firstIndex(of: key) { return values[index] }
        var value = base.child(named: key)
        if case .object(let object)? = value { value = .object(MemoizedObject(object)) }
        keys.append(key)
        values.append(value)
        return value
    }

    /// The wrapped object's own text, so that `{{post}}` writes what it wrote before.
    override var description: String { base.description }
}
