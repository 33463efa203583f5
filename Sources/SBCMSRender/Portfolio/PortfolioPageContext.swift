import Mustache

/// Placeholder until the section is implemented: what portfolio layouts see.
public struct PortfolioPageContext {}

extension PortfolioPageContext: MustacheParent {
    public func child(named key: String) -> Any? { nil }
}
