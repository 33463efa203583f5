import SBCMSCore
import SBCMSSource

/// The front matter of a character file, checked; the profile is checked against the template
/// by `ProfileChecker` once templates are read.
struct CharacterFrontMatter: Sendable {
    /// A relationship as written, with the position of its `to:` value.
    struct Relation: Sendable {
        var to: String
        var kind: String
        var note: String?
        var toLine: Int
        var toColumn: Int
    }

    var name: String
    var slug: String
    /// Where `slug:` was written (for duplicate slugs), else nil.
    var slugNode: YAMLNode?
    var templateName: String?
    /// The `template:` entry (value position for unknown names, key position for missing fields).
    var templateEntry: YAMLMap.Entry?
    var profile: YAMLMap?
    var profileEntry: YAMLMap.Entry?
    var images: [String]
    var relationships: [Relation]
    var timeline: [CharacterTimelineEntry]
    var tags: [String]
    var isPublic: Bool

    static let knownKeys: Set<String> = [
        "name", "slug", "template", "profile", "images", "relationships", "timeline", "tags", "public",
    ]

    static func read(_ source: MarkdownSource, file: SourceFile, site: SiteConfig,
                     filePaths: Set<String>) -> (CharacterFrontMatter?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        let map = source.frontMatter
        var reader = FieldReader(map: map, location: location, mapLine: source.frontMatterLine, what: "front matter")
        for entry in reader.unknownEntries(known: knownKeys) {
            reader.report(.error("unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                                 "unknown key `\(entry.key)` in a character's front matter",
                                 hint: "put profile details under `profile:`; other keys are "
                                     + knownKeys.sorted().joined(separator: ", ")))
        }
        let name = reader.string("name", required: true, example: "Mira Vale")
        var slug = file.baseName
        let slugNode = map["slug"]
        if let written = reader.string("slug"), let node = slugNode {
            if Slug.isValid(written) {
                slug = written
            } else {
                reader.report(.error("invalid-slug", at: reader.location(of: node), "slug '\(written)' is not valid in a URL",
                                     hint: "use lowercase letters, digits and hyphens, e.g. `slug: \(Slug.make(written).isEmpty ? "character" : Slug.make(written))`"))
            }
        } else if !Slug.isValid(slug) {
            reader.report(.error("invalid-slug", at: location.at(line: 1, column: 1),
                                 "the file name '\(file.baseName)' is not a valid URL slug",
                                 hint: "rename the file to e.g. \(Slug.make(slug).isEmpty ? "character" : Slug.make(slug)).md or set `slug:`"))
        }
        if slug == "timeline" {
            let at = slugNode.map(reader.location(of:)) ?? location.at(line: 1, column: 1)
            reader.report(.error("reserved-slug", at: at, "the slug 'timeline' is taken by /characters/timeline/",
                                 hint: "set another `slug:`"))
        }
        let templateName = reader.string("template")
        let profile = reader.map("profile")
        let media = MediaPathChecker(filePath: file.path, filePaths: filePaths)
        let images = reader.stringList("images").enumerated().compactMap { offset, path -> String? in
            var node: YAMLNode?
            if case .list(let items)? = map["images"]?.value, offset < items.count { node = items[offset] }
            return media.check(path, node: node ?? map["images"], key: "images", reader: &reader)
        }
        let tags = reader.stringList("tags")
        let isPublic = reader.bool("public") ?? true
        let relationships = readRelationships(map["relationships"], reader: &reader)
        let timeline = readTimeline(map["timeline"], reader: &reader)
        guard let name, !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (CharacterFrontMatter(
            name: name, slug: slug, slugNode: slugNode, templateName: templateName, templateEntry: map.entry("template"),
            profile: profile, profileEntry: map.entry("profile"), images: images, relationships: relationships,
            timeline: timeline, tags: tags, isPublic: isPublic), reader.diagnostics)
    }

    /// The list items of `key` that are maps; other items are reported.
    private static func mapItems(_ node: YAMLNode?, key: String, example: String, reader: inout FieldReader) -> [(YAMLNode, YAMLMap)] {
        guard let node, node.value != .null else { return [] }
        guard case .list(let items) = node.value else {
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`\(key)` must be a list, found \(node.value.typeDescription)",
                                 hint: "write `\(key):` and one `- \(example)` per line"))
            return []
        }
        return items.compactMap { item in
            if case .map(let map) = item.value { return (item, map) }
            reader.report(.error("invalid-type", at: reader.location(of: item),
                                 "items of `\(key)` must be maps, found \(item.value.typeDescription)",
                                 hint: "write `- \(example)`"))
            return nil
        }
    }

    private static func readRelationships(_ node: YAMLNode?, reader: inout FieldReader) -> [Relation] {
        let example = "{ to: other-slug, kind: ally, note: ... }"
        return mapItems(node, key: "relationships", example: example, reader: &reader).compactMap { item, map in
            var itemReader = FieldReader(map: map, location: reader.location, mapLine: item.line, what: "this relationship")
            defer { for diagnostic in itemReader.diagnostics { reader.report(diagnostic.missingKeyMoved(to: item)) } }
            for entry in itemReader.unknownEntries(known: ["to", "kind", "note"]) {
                itemReader.report(.error("unknown-key", at: reader.location.at(line: entry.keyLine, column: entry.keyColumn),
                                         "unknown key `\(entry.key)` in a relationship", hint: "a relationship has to, kind and note"))
            }
            let to = itemReader.string("to", required: true, example: "other-slug")
            let kind = itemReader.string("kind", required: true, example: "ally")
            let note = itemReader.string("note")
            guard let to, let kind, let toNode = map["to"] else { return nil }
            return Relation(to: to, kind: kind, note: note, toLine: toNode.line, toColumn: toNode.column)
        }
    }

    private static func readTimeline(_ node: YAMLNode?, reader: inout FieldReader) -> [CharacterTimelineEntry] {
        let example = "{ date: 1930-07-08, event: ... }"
        let entries = mapItems(node, key: "timeline", example: example, reader: &reader).compactMap { item, map -> CharacterTimelineEntry? in
            var itemReader = FieldReader(map: map, location: reader.location, mapLine: item.line, what: "this timeline entry")
            defer { for diagnostic in itemReader.diagnostics { reader.report(diagnostic.missingKeyMoved(to: item)) } }
            for entry in itemReader.unknownEntries(known: ["date", "event"]) {
                itemReader.report(.error("unknown-key", at: reader.location.at(line: entry.keyLine, column: entry.keyColumn),
                                         "unknown key `\(entry.key)` in a timeline entry", hint: "a timeline entry has date and event"))
            }
            let date = itemReader.date("date", required: true)
            let event = itemReader.string("event", required: true, example: "Joins the studio.")
            guard let date, let event, let text = map["date"]?.value.scalarText else { return nil }
            return CharacterTimelineEntry(date: date, dateText: text, event: event)
        }
        return entries.sorted { ($0.date, $0.event) < ($1.date, $1.event) }
    }
}

extension Diagnostic {
    /// A missing key of a list item is reported at the item itself, not at column 1 of its line.
    func missingKeyMoved(to item: YAMLNode) -> Diagnostic {
        guard code == "missing-key", line == item.line else { return self }
        var moved = self
        moved.column = item.column
        return moved
    }
}
