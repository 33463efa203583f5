import SBCMSCore

/// Finds a site's configuration and files: the first stage of a build.
public struct SiteLoader: Sendable {
    public let workspace: Workspace
    /// Identities of the site's regular files (site-relative path) from a walk the caller
    /// already made (the cache's), so their modification times are not asked for again.
    public var knownIdentities: [String: FileSystem.Identity] = [:]

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Loads `sites/<id>/`. Returns nil (with diagnostics) when the site cannot be built at all:
    /// missing folder, unreadable or invalid `site.yaml`.
    public func load(siteID id: String) -> (SiteSource?, [Diagnostic]) {
        let directory = workspace.siteDirectory(id)
        let displayDirectory = "sites/\(id)"
        guard Workspace.isValidSiteID(id) else {
            return (nil, [Diagnostic(.error, code: "invalid-site-id", site: id, file: displayDirectory,
                                     message: "'\(id)' is not a valid site id",
                                     hint: "use lowercase letters, digits and hyphens, starting with a letter or digit")])
        }
        let configPath = directory + "/site.yaml"
        let configLocation = SourceLocation(site: id, file: displayDirectory + "/site.yaml")
        guard FileSystem.isDirectory(directory) else {
            return (nil, [Diagnostic(.error, code: "unknown-site", site: id, file: displayDirectory,
                                     message: "there is no site '\(id)'",
                                     hint: "sites are folders under sites/ with a site.yaml; see `sbcms new site`")])
        }
        // Isolation: the site folder is not a link (to another site), site.yaml stays inside it.
        guard !FileSystem.isSymlink(directory), let realDirectory = FileSystem.realPath(directory) else {
            return (nil, [.error("path-outside-site", at: SourceLocation(site: id, file: displayDirectory),
                                 "the site folder is a symbolic link; it is not read",
                                 hint: "a site is a real folder under sites/: copy the site instead of linking to it")])
        }
        if FileSystem.isSymlink(configPath), FileSystem.realFile(configPath, inside: realDirectory) == nil {
            return (nil, [.error("path-outside-site", at: configLocation,
                                 "site.yaml is a symbolic link that leaves the site folder (or points nowhere); it is not read",
                                 hint: "write the site's own site.yaml instead of linking to another one")])
        }
        let configText: String
        do {
            configText = try FileSystem.readText(configPath)
        } catch {
            return (nil, [.error("site-config", at: configLocation, "cannot read site.yaml: \(error)",
                                 hint: "every site folder needs a site.yaml")])
        }
        var (config, diagnostics) = SiteConfig.parse(configText, siteID: id, location: configLocation,
                                                     availableThemes: workspace.themeNames())
        guard let config else { return (nil, diagnostics) }

        var posts: [SourceFile] = []
        var docs: [SourceFile] = []
        var courseFiles: [SourceFile] = []
        var portfolio: [SourceFile] = []
        var characters: [SourceFile] = []
        var media: [SourceFile] = []
        var layouts: [SourceFile] = []
        var filePaths: Set<String> = []
        for entry in FileSystem.walk(directory) where !entry.isDirectory {
            var file = SourceFile(path: entry.relativePath, displayPath: displayDirectory + "/" + entry.relativePath,
                                  absolutePath: directory + "/" + entry.relativePath)
            if entry.isSymlink {
                guard let target = FileSystem.realPath(file.absolutePath),
                      target.hasPrefix(realDirectory + "/") else {
                    diagnostics.append(.error(
                        "path-outside-site", at: SourceLocation(site: id, file: file.displayPath),
                        "symbolic link points outside the site folder (or nowhere); it is not read",
                        hint: "copy the file into the site instead of linking to it"))
                    continue
                }
                if FileSystem.isDirectory(target) { continue }
                // Read (and copy) the checked target, never the link: a hard link of a symbolic
                // link would put the link itself into the output.
                file.absolutePath = target
            }
            filePaths.insert(file.path)
            let components = file.path.split(separator: "/")
            switch components.first {
            case "blog" where components.count == 2 && file.path.hasSuffix(".md"):
                posts.append(file)
            case "docs" where file.path.hasSuffix(".md"):
                docs.append(file)
            case "courses":
                courseFiles.append(file)
            case "portfolio" where components.count == 2 && file.path.hasSuffix(".md"):
                portfolio.append(file)
            case "characters" where components.count == 2 && file.path.hasSuffix(".md"):
                characters.append(file)
            case "media":
                media.append(file)
            case "layouts" where file.path.hasSuffix(".mustache"):
                layouts.append(file)
            default:
                break
            }
        }
        var source = SiteSource(config: config, directory: directory, posts: posts, media: media,
                                layouts: layouts, filePaths: filePaths)
        source.docs = docs
        source.courseFiles = courseFiles
        source.portfolio = portfolio
        source.characters = characters
        source.characterTemplates = characterTemplates(site: id, diagnostics: &diagnostics)
        source.history = PageHistoryIndex.load(siteDirectory: directory, files: posts + docs + characters,
                                               knownIdentities: knownIdentities)
        return (source, diagnostics)
    }

    /// `templates/characters/*.yaml` of the repository; a symlink that leaves `templates/` is
    /// reported and not read.
    private func characterTemplates(site id: String, diagnostics: inout [Diagnostic]) -> [SourceFile] {
        let folder = workspace.templatesDirectory + "/characters"
        guard FileSystem.isDirectory(folder), let realTemplates = FileSystem.realPath(workspace.templatesDirectory) else {
            return []
        }
        for linked in [workspace.templatesDirectory, folder] where FileSystem.isSymlink(linked) {
            let display = linked == folder ? "templates/characters" : "templates"
            diagnostics.append(.error(
                "path-outside-site", at: SourceLocation(site: id, file: display),
                "\(display)/ is a symbolic link; character templates are not read through it",
                hint: "keep the templates in the repository's own templates/characters/ folder"))
            return []
        }
        var templates: [SourceFile] = []
        for name in FileSystem.list(folder) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = "templates/characters/" + name
            let file = SourceFile(path: path, displayPath: path, absolutePath: folder + "/" + name)
            guard let target = FileSystem.realPath(file.absolutePath), target.hasPrefix(realTemplates + "/"),
                  !FileSystem.isDirectory(target) else {
                diagnostics.append(.error(
                    "path-outside-site", at: SourceLocation(site: id, file: path),
                    "character template is a link that leaves templates/ (or points nowhere); it is not read",
                    hint: "copy the template into templates/characters/ instead of linking to it"))
                continue
            }
            templates.append(file)
        }
        return templates
    }
}
