import Mustache

/// Placeholder until the section is implemented: what courses layouts see.
public struct CoursePageContext {}

extension CoursePageContext: MustacheParent {
    public func child(named key: String) -> Any? { nil }
}
