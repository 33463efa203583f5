/// Placeholder until the section is implemented: the portfolio files a build writes.
public enum PortfolioTask: Sendable, Hashable {
    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {}
    }
}
