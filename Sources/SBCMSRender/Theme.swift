import SBCMSTemplate
import SBCMSCore
import SBCMSSource
import SBCMSTemplate

/// A site's theme, ready to render: its Mustache layouts (theme layouts with the site's own
/// `layouts/` overrides on top) and its assets with fingerprinted URLs.
public struct Theme: Sendable {
    /// A published theme asset: `assets/style.css` → `/assets/style.1a2b3c4d.css`.
    public struct Asset: Sendable, Hashable {
        /// Absolute path of the source file.
        public var sourcePath: String
        /// Path under the asset folder: `style.css`, `js/menu.js`.
        public var name: String
        /// Site-relative output path: `assets/style.1a2b3c4d.css`.
        public var outputPath: String
        /// Site-relative URL: `/assets/style.1a2b3c4d.css`.
        public var url: String
    }

    public var name: String
    public var library: TemplateLibrary
    /// Layout name → the file it came from (repository-relative), for messages.
    public var layoutFiles: [String: String]
    public var assets: [Asset]
    /// Layout name → fingerprint of the layout with every partial it can include.
    public var layoutFingerprints: [String: [UInt8]] = [:]

    /// The layouts every blog site needs.
    public static let requiredLayouts = ["home", "list", "post", "term", "taxonomy", "404"]

    /// True when a layout of that name exists.
    public func hasLayout(_ name: String) -> Bool { layoutFiles[name] != nil }

    /// Renders a layout with a context.
    public func render(_ layout: String, _ context: any TemplateObject) -> String {
        library.render(layout, with: context) ?? ""
    }

    /// Renders a layout with a context into UTF-8 bytes.
    public func renderBytes(_ layout: String, _ context: any TemplateObject) -> [UInt8] {
        library.renderBytes(layout, with: context) ?? []
    }
}

/// Loads and checks a theme: every layout parses, every partial a layout names exists, every
/// required layout exists.
public struct ThemeLoader: Sendable {
    public let workspace: Workspace
    /// Theme assets are published under names with their content hash (`style.3f2a9c01b7.css`),
    /// so a CDN can cache them for ever; false keeps their names (the preview, where a
    /// stylesheet edit should change that one file and not every page that links it).
    public var fingerprintsAssetNames = true

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func load(config: SiteConfig, siteLayouts: [SourceFile]) -> (Theme?, [Diagnostic]) {
        let themeDirectory = workspace.themeDirectory(config.theme)
        var diagnostics: [Diagnostic] = []
        var sources: [String: (text: String, file: String)] = [:]
        let layoutsDirectory = themeDirectory + "/layouts"
        // Isolation: the theme, its layouts/ and assets/ are real folders, never links elsewhere.
        for (path, display) in [(themeDirectory, "themes/\(config.theme)"), (layoutsDirectory, "themes/\(config.theme)/layouts"),
                                (themeDirectory + "/assets", "themes/\(config.theme)/assets")]
        where FileSystem.isSymlink(path) {
            diagnostics.append(Diagnostic(.error, code: "path-outside-site", site: config.id, file: display,
                                          message: "\(display) is a symbolic link; the theme is not read through it",
                                          hint: "a theme is a real folder under themes/ with real layouts/ and assets/ folders"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        for entry in FileSystem.walk(layoutsDirectory) where !entry.isDirectory && entry.relativePath.hasSuffix(".mustache") {
            let name = String(entry.relativePath.dropLast(".mustache".count))
            let display = "themes/\(config.theme)/layouts/\(entry.relativePath)"
            if entry.isSymlink {
                diagnostics.append(Diagnostic(.error, code: "path-outside-site", site: config.id, file: display,
                                              message: "layouts may not be symbolic links",
                                              hint: "copy the file instead of linking it"))
                continue
            }
            guard let text = try? FileSystem.readText(layoutsDirectory + "/" + entry.relativePath) else { continue }
            sources[name] = (text, display)
        }
        for file in siteLayouts {
            let name = String(file.path.dropFirst("layouts/".count).dropLast(".mustache".count))
            guard let text = try? FileSystem.readText(file.absolutePath) else { continue }
            sources[name] = (text, file.displayPath)
        }

        var library = TemplateLibrary()
        var layoutFiles: [String: String] = [:]
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            layoutFiles[name] = source.file
            do {
                library.register(try LayoutParseCache.template(for: source.text), named: name)
            } catch {
                diagnostics.append(Diagnostic(
                    .error, code: "layout-syntax", site: config.id, file: source.file,
                    line: error.line, column: error.column,
                    message: "Mustache syntax error: \(error.message)",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"))
            }
        }
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            for reference in PartialReference.scan(source.text) where sources[reference.name] == nil {
                diagnostics.append(Diagnostic(
                    .error, code: "missing-partial", site: config.id, file: source.file,
                    line: reference.line, column: reference.column,
                    message: "layout uses '\(reference.name)', which exists neither in the theme nor in the site's layouts/",
                    hint: "create themes/\(config.theme)/layouts/\(reference.name).mustache or fix the name"))
            }
        }
        for name in Theme.requiredLayouts where sources[name] == nil {
            diagnostics.append(Diagnostic(
                .error, code: "missing-layout", site: config.id, file: "themes/\(config.theme)/layouts",
                message: "layout '\(name)' is missing: neither themes/\(config.theme)/layouts/\(name).mustache nor sites/\(config.id)/layouts/\(name).mustache exists",
                hint: "add the layout to the theme, or copy it from themes/default/layouts/"))
        }
        let assets = loadAssets(themeDirectory: themeDirectory, theme: config.theme, site: config.id, diagnostics: &diagnostics)
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Theme(name: config.theme, library: library, layoutFiles: layoutFiles, assets: assets,
                      layoutFingerprints: LayoutFingerprints.compute(sources.mapValues(\.text))), diagnostics)
    }

    private func loadAssets(themeDirectory: String, theme: String, site: String, diagnostics: inout [Diagnostic]) -> [Theme.Asset] {
        let assetsDirectory = themeDirectory + "/assets"
        var assets: [Theme.Asset] = []
        for entry in FileSystem.walk(assetsDirectory) where !entry.isDirectory {
            if entry.isSymlink {
                diagnostics.append(Diagnostic(.error, code: "path-outside-site", site: site,
                                              file: "themes/\(theme)/assets/\(entry.relativePath)",
                                              message: "theme assets may not be symbolic links"))
                continue
            }
            let sourcePath = assetsDirectory + "/" + entry.relativePath
            guard let bytes = try? FileSystem.readBytes(sourcePath) else { continue }
            let fingerprint = String(ContentHash.of(bytes).hex.prefix(10))
            let fingerprinted: String
            if !fingerprintsAssetNames {
                fingerprinted = entry.relativePath
            } else if let dot = entry.relativePath.lastIndex(of: "."),
               !entry.relativePath[dot...].contains("/") {
                fingerprinted = entry.relativePath[..<dot] + "." + fingerprint + entry.relativePath[dot...]
            } else {
                fingerprinted = entry.relativePath + "." + fingerprint
            }
            assets.append(Theme.Asset(sourcePath: sourcePath, name: entry.relativePath,
                                      outputPath: "assets/" + fingerprinted, url: "/assets/" + fingerprinted))
        }
        return assets
    }
}

/// A `{{> name}}` or `{{< name}}` tag in a layout, with its position.
struct PartialReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    /// Finds partial and parent references with the default delimiters.
    static func scan(_ text: String) -> [PartialReference] {
        var result: [PartialReference] = []
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if byte == 10 {
                line += 1
                lineStart = index + 1
            } else if byte == 123, bytes[index + 1] == 123, bytes[index + 2] == 62 || bytes[index + 2] == 60 {
                var cursor = index + 3
                while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, bytes[cursor] != 125, bytes[cursor] != 32, bytes[cursor] != 10 { cursor += 1 }
                let name = String(decoding: bytes[start..<cursor], as: UTF8.self)
                if !name.isEmpty {
                    let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                    result.append(PartialReference(name: name, line: line, column: column))
                }
                index = cursor
                continue
            }
            index += 1
        }
        return result
    }
}
