import SBCMSCore

/// A website's `site.yaml`, validated.
public struct SiteConfig: Sendable {
    /// The plans a site may be on; each selects a set of quotas.
    public enum Plan: String, Sendable, CaseIterable {
        case free, pro, enterprise
    }

    /// The roles a member may have, from most to least powerful.
    public enum Role: String, Sendable, CaseIterable {
        case owner, admin, editor, contributor, viewer
    }

    public struct Member: Sendable, Hashable {
        public var username: String
        public var role: Role
    }

    public var id: String
    public var name: String
    /// Absolute, always ending in `/`.
    public var baseURL: String
    public var customDomain: String?
    public var plan: Plan
    public var theme: String
    public var language: String
    public var description: String
    public var author: String?
    /// `settings:` as written, visible to templates as `site.settings`.
    public var settings: YAMLMap
    public var members: [Member]
    /// `settings.posts_per_page`, default 10.
    public var postsPerPage: Int
    /// `settings.allow_raw_html`, default false.
    public var allowRawHTML: Bool

    public static let knownKeys: Set<String> = [
        "name", "base_url", "custom_domain", "plan", "theme", "language", "description", "author",
        "settings", "members",
    ]

    /// Parses and validates `site.yaml` text. `availableThemes` are the theme folder names.
    /// Returns the config when it is usable (possibly with warnings) and all diagnostics.
    public static func parse(
        _ text: String, siteID: String, location: SourceLocation, availableThemes: [String]
    ) -> (SiteConfig?, [Diagnostic]) {
        let root: YAMLNode
        switch YAMLParser.parse(text, location: location) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .empty:
            return (nil, [.error("site-config", at: location.at(line: 1, column: 1), "site.yaml is empty",
                                 hint: "give at least `name:` and `base_url:`")])
        case .node(let node): root = node
        }
        guard case .map(let map) = root.value else {
            return (nil, [.error("site-config", at: location.at(line: root.line, column: root.column),
                                 "site.yaml must be a map of keys to values, found \(root.value.typeDescription)",
                                 hint: "write `key: value` lines, e.g. `name: My site`")])
        }
        var reader = FieldReader(map: map, location: location, mapLine: 1, what: "site.yaml")
        let name = reader.string("name", required: true, example: "My notes")
        let baseURL = reader.string("base_url", required: true, example: "https://notes.example.com/")
        let plan = reader.choice("plan", in: Plan.allCases.map(\.rawValue)).flatMap(Plan.init(rawValue:)) ?? .free
        let theme = reader.string("theme") ?? "default"
        let settings = reader.map("settings") ?? YAMLMap()
        var config = SiteConfig(
            id: siteID, name: name ?? siteID, baseURL: "", customDomain: reader.string("custom_domain"),
            plan: plan, theme: theme, language: reader.string("language") ?? "en",
            description: reader.string("description") ?? "", author: reader.string("author"),
            settings: settings, members: [], postsPerPage: 10, allowRawHTML: false)

        if let baseURL, let node = map["base_url"] {
            if let normalized = normalizedBaseURL(baseURL) {
                config.baseURL = normalized
            } else {
                reader.report(.error("invalid-value", at: reader.location(of: node),
                                     "`base_url` must be an absolute http(s) URL, found '\(baseURL)'",
                                     hint: "write `base_url: https://notes.example.com/`"))
            }
        }
        if !availableThemes.contains(theme) {
            let node = map["theme"]
            reader.report(.error(
                "unknown-theme", at: node.map(reader.location(of:)) ?? location.at(line: 1, column: 1),
                "theme '\(theme)' does not exist",
                hint: availableThemes.isEmpty ? "add a theme under themes/" :
                    "use one of: \(availableThemes.sorted().joined(separator: ", "))"))
        }

        var settingsReader = FieldReader(map: settings, location: location,
                                         mapLine: map.entry("settings")?.keyLine ?? 1, what: "settings")
        if let perPage = settingsReader.int("posts_per_page"), let node = settings["posts_per_page"] {
            if perPage < 1 {
                settingsReader.report(.error("invalid-value", at: settingsReader.location(of: node),
                                             "`posts_per_page` must be at least 1, found \(perPage)",
                                             hint: "write `posts_per_page: 10`"))
            } else {
                config.postsPerPage = perPage
            }
        }
        config.allowRawHTML = settingsReader.bool("allow_raw_html") ?? false
        for diagnostic in settingsReader.diagnostics { reader.report(diagnostic) }

        config.members = parseMembers(map["members"], reader: &reader)

        for entry in reader.unknownEntries(known: knownKeys) {
            reader.report(.warning(
                "unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                "site.yaml has an unknown key `\(entry.key)`; it is ignored",
                hint: "known keys: \(knownKeys.sorted().joined(separator: ", ")); free-form values go under `settings:`"))
        }
        let diagnostics = reader.diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.site = siteID
            return copy
        }.sortedByLocation()
        return (diagnostics.containsErrors ? nil : config, diagnostics)
    }

    static func parseMembers(_ node: YAMLNode?, reader: inout FieldReader) -> [Member] {
        guard let node, node.value != .null else { return [] }
        guard case .list(let items) = node.value else {
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`members` must be a list, found \(node.value.typeDescription)",
                                 hint: "write `members: [{ username: jane, role: owner }]`"))
            return []
        }
        var members: [Member] = []
        for item in items {
            guard case .map(let memberMap) = item.value else {
                reader.report(.error("invalid-type", at: reader.location(of: item),
                                     "each member must be a map with `username` and `role`",
                                     hint: "write `- { username: jane, role: owner }`"))
                continue
            }
            var memberReader = FieldReader(map: memberMap, location: reader.location, mapLine: item.line, what: "member")
            let username = memberReader.string("username", required: true, example: "jane")
            let role = memberReader.choice("role", in: Role.allCases.map(\.rawValue)).flatMap(Role.init(rawValue:))
            if memberMap["role"] == nil {
                memberReader.report(.error("missing-key", at: reader.location(of: item),
                                           "member has no `role`",
                                           hint: "add `role: viewer` (owner, admin, editor, contributor or viewer)"))
            }
            for diagnostic in memberReader.diagnostics { reader.report(diagnostic) }
            if let username, let role { members.append(Member(username: username, role: role)) }
        }
        return members
    }

    /// `https://x.example.com` → `https://x.example.com/`; nil when not an absolute http(s) URL.
    public static func normalizedBaseURL(_ text: String) -> String? {
        let lower = text.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") { schemeLength = 8 } else if lower.hasPrefix("http://") { schemeLength = 7 } else { return nil }
        let rest = text.dropFirst(schemeLength)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !text.contains(" "), !text.contains("?"), !text.contains("#")
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
