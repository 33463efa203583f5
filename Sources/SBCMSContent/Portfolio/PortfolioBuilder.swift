import SBCMSCore
import SBCMSSource

/// Placeholder until the section is implemented: reads and checks a site's projects.
struct PortfolioBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    func prepare() -> PreparedSection<Portfolio> {
        PreparedSection(pages: [], diagnostics: []) { _ in FinishedSection(section: .empty, bodies: []) }
    }
}
