import SBCMSCore

/// The repository an sbcms command works on: `sites/`, `themes/`, `templates/` under one root.
public struct Workspace: Sendable {
    /// Absolute path of the repository root.
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var sitesDirectory: String { root + "/sites" }
    public var themesDirectory: String { root + "/themes" }
    public var templatesDirectory: String { root + "/templates" }
    /// The farm configuration file name at the root (plans and quotas).
    public static let farmConfigFileName = "sbcms.yaml"
    /// `<root>/sbcms.yaml`; optional.
    public var farmConfigPath: String { root + "/" + Workspace.farmConfigFileName }

    public func siteDirectory(_ id: String) -> String { sitesDirectory + "/" + id }
    public func themeDirectory(_ name: String) -> String { themesDirectory + "/" + name }

    /// The ids of all sites (folders under `sites/` with a `site.yaml`), sorted.
    public func siteIDs() -> [String] {
        FileSystem.list(sitesDirectory).filter { FileSystem.exists(siteDirectory($0) + "/site.yaml") }
    }

    /// The names of all themes (folders under `themes/` with a `layouts/` folder), sorted.
    public func themeNames() -> [String] {
        FileSystem.list(themesDirectory).filter { FileSystem.isDirectory(themeDirectory($0) + "/layouts") }
    }

    /// True when `id` is a valid site id: `[a-z0-9][a-z0-9-]{0,62}`.
    public static func isValidSiteID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            let isLowerOrDigit = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if !(isLowerOrDigit || (index > 0 && byte == 45)) { return false }
        }
        return true
    }
}
