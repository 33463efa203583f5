import SBCMSCore
import SBCMSSource

extension Diagnostic {
    /// A page whose slug another file of its section already took (`owner`); the first file
    /// keeps the slug.
    static func duplicateSlug(_ slug: String, at location: SourceLocation, owner: SourceFile) -> Diagnostic {
        .error("duplicate-slug", at: location, "slug '\(slug)' is already used by \(owner.displayPath)",
               hint: "rename one of the files or set a different `slug:` in its front matter")
    }
}
