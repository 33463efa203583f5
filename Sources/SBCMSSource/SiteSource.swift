import SBCMSCore

/// A file of a site, with its path relative to the site folder and to the repository root.
public struct SourceFile: Sendable, Hashable {
    /// Relative to the site folder: `blog/2026-01-02-hello.md`.
    public var path: String
    /// Relative to the repository root, for diagnostics: `sites/acme/blog/2026-01-02-hello.md`.
    public var displayPath: String
    /// Absolute path on disk.
    public var absolutePath: String

    public init(path: String, displayPath: String, absolutePath: String) {
        self.path = path
        self.displayPath = displayPath
        self.absolutePath = absolutePath
    }

    /// The file name without its folder.
    public var fileName: String {
        // Found in the UTF-8 bytes (`/` is ASCII and ends no character): this runs for every
        // page file of every build.
        let utf8 = path.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")), utf8.index(after: slash) < utf8.endIndex {
            return String(path[utf8.index(after: slash)...])
        }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file name without folder and extension.
    public var baseName: String {
        let name = fileName
        // An ASCII name is cut at its last `.` byte; any other, by characters (a `.` followed
        // by a combining mark is not a dot there).
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let utf8 = name.utf8
            guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot > utf8.startIndex else { return name }
            return String(name[..<dot])
        }
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Everything `SiteLoader` found in one site folder: its configuration and its files by kind.
/// Reading and parsing the files happens in the next stage, in parallel.
public struct SiteSource: Sendable {
    public var config: SiteConfig
    /// Absolute path of the site folder.
    public var directory: String
    /// `blog/*.md`, sorted.
    public var posts: [SourceFile]
    /// `docs/**.md`, sorted (depth is checked by the content stage).
    public var docs: [SourceFile] = []
    /// Every file under `courses/` (course.yaml, lesson Markdown, quiz and flashcard YAML), sorted.
    public var courseFiles: [SourceFile] = []
    /// `portfolio/*.md`, sorted.
    public var portfolio: [SourceFile] = []
    /// `characters/*.md`, sorted.
    public var characters: [SourceFile] = []
    /// The repository's character templates, `templates/characters/*.yaml`, sorted. Their
    /// `path` and `displayPath` are repository-relative (`templates/characters/basic.yaml`).
    public var characterTemplates: [SourceFile] = []
    /// Page history from git (or file times outside git), by site-relative path.
    public var history: PageHistoryIndex = PageHistoryIndex()
    /// Everything under `media/`, sorted.
    public var media: [SourceFile]
    /// The site's own layout overrides under `layouts/`.
    public var layouts: [SourceFile]
    /// Every regular file of the site, by site-relative path (for link checks).
    public var filePaths: Set<String>

    public init(config: SiteConfig, directory: String, posts: [SourceFile], media: [SourceFile],
                layouts: [SourceFile], filePaths: Set<String>) {
        self.config = config
        self.directory = directory
        self.posts = posts
        self.media = media
        self.layouts = layouts
        self.filePaths = filePaths
    }
}
