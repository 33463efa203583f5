import Mustache

/// Placeholder until the section is implemented: what characters layouts see.
public struct CharacterPageContext {}

extension CharacterPageContext: MustacheParent {
    public func child(named key: String) -> Any? { nil }
}
