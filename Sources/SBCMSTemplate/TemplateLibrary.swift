/// A theme's layouts by name (`post`, `partials/toc-item`), which `{{> name}}` and `{{< name}}`
/// refer to.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Adds or replaces the layout of that name.
    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    /// The layout of that name, if any.
    public func template(named name: String) -> Template? {
        templates[name]
    }

    private static func reference<Object: TemplateObject>(to object: Object) -> TemplateObjectReference {
        ObjectReference(object)
    }

    /// Renders the named layout with a context; nil when there is no such layout.
    public func render(_ name: String, with context: any TemplateObject) -> String? {
        renderBytes(name, with: context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders the named layout into UTF-8 bytes (valid UTF-8: every piece written is).
    public func renderBytes(_ name: String, with context: any TemplateObject) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: .object(MemoizedObject(Self.reference(to: context))))
        return renderer.render(template)
    }
}
