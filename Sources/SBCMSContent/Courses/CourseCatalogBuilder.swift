import SBCMSCore
import SBCMSSource

/// Placeholder until the section is implemented: reads and checks a site's courses.
struct CourseCatalogBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    func prepare() -> PreparedSection<CourseCatalog> {
        PreparedSection(pages: [], diagnostics: []) { _ in FinishedSection(section: .empty, bodies: []) }
    }
}
