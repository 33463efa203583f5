import SBCMSContent

/// Placeholder until the section is implemented: characters pages.
extension SiteRenderer {
    /// The section's files, in a stable order.
    func characterPlan() -> [RenderTask] { [] }

    func renderCharacters(_ task: CharacterTask) -> OutputFile {
        switch task {}
    }

    /// The section's indexable pages.
    func characterSitemapEntries() -> [SitemapEntry] { [] }

    /// The layouts the section needs when the site has such content.
    static func characterLayouts(for graph: ContentGraph) -> [String] { [] }
}
