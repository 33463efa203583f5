import SBCMSCore
import SBCMSSource

/// Placeholder until the section is implemented: reads and checks a site's characters.
struct CharacterCastBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    func prepare() -> PreparedSection<CharacterCast> {
        PreparedSection(pages: [], diagnostics: []) { _ in FinishedSection(section: .empty, bodies: []) }
    }
}
