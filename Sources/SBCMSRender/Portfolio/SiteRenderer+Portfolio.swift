import SBCMSContent

/// Placeholder until the section is implemented: portfolio pages.
extension SiteRenderer {
    /// The section's files, in a stable order.
    func portfolioPlan() -> [RenderTask] { [] }

    func renderPortfolio(_ task: PortfolioTask) -> OutputFile {
        switch task {}
    }

    /// The section's indexable pages.
    func portfolioSitemapEntries() -> [SitemapEntry] { [] }

    /// The layouts the section needs when the site has such content.
    static func portfolioLayouts(for graph: ContentGraph) -> [String] { [] }
}
