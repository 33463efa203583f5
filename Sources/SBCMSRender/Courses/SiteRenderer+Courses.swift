import SBCMSContent

/// Placeholder until the section is implemented: courses pages.
extension SiteRenderer {
    /// The section's files, in a stable order.
    func coursePlan() -> [RenderTask] { [] }

    func renderCourses(_ task: CourseTask) -> OutputFile {
        switch task {}
    }

    /// The section's indexable pages.
    func courseSitemapEntries() -> [SitemapEntry] { [] }

    /// The layouts the section needs when the site has such content.
    static func courseLayouts(for graph: ContentGraph) -> [String] { [] }
}
