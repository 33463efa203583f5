import SBCMSCore
import SBCMSTemplate

/// Parsed layouts by source text, shared by every site a process builds: a farm of sites on
/// the same theme parses each theme layout once instead of once per site.
enum LayoutParseCache {
    private static let lock = PosixLock()
    nonisolated(unsafe) private static var templates: [String: Template] = [:]

    /// The parsed layout for `text`; a syntax error is thrown (and not remembered) every time.
    static func template(for text: String) throws(TemplateSyntaxError) -> Template {
        if let cached = lock.withLock({ templates[text] }) { return cached }
        let template = try Template(string: text)
        lock.withLock { templates[text] = template }
        return template
    }
}
