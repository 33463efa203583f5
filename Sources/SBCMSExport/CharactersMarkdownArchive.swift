import SBCMSContent
import SBCMSCore
import SBCMSRender
import SBCMSSource

/// The public characters as a .zip of Markdown: `characters/<slug>.md` for each (front matter
/// written anew from the checked profile, with only public relationships; the bio as written,
/// links to pages outside the zip made absolute; then the relationships both ways as a list),
/// `characters/index.md` (every character and the merged timeline), and the `media/` files
/// they use, so relative image links keep working. Entries are sorted by path.
struct CharactersMarkdownArchive {
    let graph: ContentGraph

    struct Entry {
        var path: String
        var bytes: [UInt8]
    }

    func entries() throws -> (entries: [Entry], mediaFiles: Int, warnings: [Diagnostic]) {
        let cast = graph.characters
        let editor = MarkdownLinkEditor(pages: graph.pages, mediaPaths: Set(graph.media.map(\.path)), baseURL: graph.config.baseURL)
        var entries: [Entry] = []
        var mediaPaths: Set<String> = []
        var warnings: [Diagnostic] = []
        for (index, character) in cast.characters.enumerated() {
            mediaPaths.formUnion(character.images)
            let original: String
            do {
                original = String(decoding: try FileSystem.readBytes(character.source.absolutePath), as: UTF8.self)
            } catch {
                throw ExportError.io("cannot read \(character.source.displayPath): \(error)")
            }
            let outcome = editor.edit(fileText: original, filePath: character.source.path, links: character.bio.links)
            mediaPaths.formUnion(outcome.media)
            for link in outcome.missed {
                warnings.append(.warning(
                    "export-link-kept",
                    at: SourceLocation(site: graph.config.id, file: character.source.displayPath,
                                       line: outcome.bodyLineOffset + link.line, column: link.column),
                    "link '\(link.destination)' could not be rewritten in the Markdown export; it is kept as written",
                    hint: "write it as an inline link [text](\(link.destination)) so the export can make it absolute"))
            }
            var body = character.bioMarkdown
            if let edited = outcome.text,
               case .success(let parsed) = MarkdownSource.parse(edited, location: SourceLocation(site: nil, file: character.source.path)) {
                body = parsed.body
            }
            let relations = relationsSection(index, cast: cast)
            if !relations.isEmpty {
                while body.hasSuffix("\n") { body.removeLast() }
                body += "\n"
            }
            let text = frontMatter(character, index: index, cast: cast) + body + relations
            entries.append(Entry(path: "characters/\(character.slug).md", bytes: Array(text.utf8)))
        }
        entries.append(Entry(path: "characters/index.md", bytes: Array(index(cast).utf8)))
        let mediaFiles = graph.media.filter { mediaPaths.contains($0.path) }
        for file in mediaFiles {
            do {
                entries.append(Entry(path: file.path, bytes: try FileSystem.readBytes(file.absolutePath)))
            } catch {
                throw ExportError.io("cannot read \(file.displayPath): \(error)")
            }
        }
        entries.sort { $0.path < $1.path }
        return (entries, mediaFiles.count, warnings)
    }

    /// YAML front matter in the site format; every string double-quoted.
    private func frontMatter(_ character: CharacterProfile, index: Int, cast: CharacterCast) -> String {
        var yaml = "---\nname: \(Self.quoted(character.name))\nslug: \(Self.quoted(character.slug))\n"
        if let template = character.template { yaml += "template: \(Self.quoted(template.fileName))\n" }
        if !character.profile.isEmpty {
            yaml += "profile:\n"
            for entry in character.profile { yaml += "  \(entry.field.name): \(Self.yaml(entry.value))\n" }
        }
        if !character.images.isEmpty { yaml += "images: [\(character.images.map(Self.quoted).joined(separator: ", "))]\n" }
        let outgoing = cast.relations[index].filter { !$0.isIncoming }.map { cast.relationships[$0.relationship] }
        if !outgoing.isEmpty {
            yaml += "relationships:\n"
            for relationship in outgoing {
                yaml += "  - { to: \(Self.quoted(cast.characters[relationship.to].slug)), kind: \(Self.quoted(relationship.kind))"
                if let note = relationship.note { yaml += ", note: \(Self.quoted(note))" }
                yaml += " }\n"
            }
        }
        if !character.timeline.isEmpty {
            yaml += "timeline:\n"
            for entry in character.timeline {
                yaml += "  - { date: \(Self.quoted(entry.dateText)), event: \(Self.quoted(entry.event)) }\n"
            }
        }
        if !character.tags.isEmpty { yaml += "tags: [\(character.tags.map(Self.quoted).joined(separator: ", "))]\n" }
        return yaml + "---\n"
    }

    private func relationsSection(_ index: Int, cast: CharacterCast) -> String {
        let relations = ExportedRelation.of(index, in: cast)
        guard !relations.isEmpty else { return "" }
        var text = "\n## Relationships\n\n"
        for relation in relations {
            text += "- \(relation.label) [\(Self.linkText(relation.other.name))](\(relation.other.slug).md)"
            if let note = relation.note, !note.isEmpty { text += " — \(Self.linkText(note))" }
            text += "\n"
        }
        return text
    }

    private func index(_ cast: CharacterCast) -> String {
        var text = "# \(Self.linkText(graph.config.name)): characters\n\n"
        for index in cast.listOrder {
            let character = cast.characters[index]
            text += "- [\(Self.linkText(character.name))](\(character.slug).md)"
            if let template = character.template { text += " — \(Self.linkText(template.title))" }
            text += "\n"
        }
        if !cast.timeline.isEmpty {
            text += "\n## Timeline\n\n"
            for item in cast.timeline {
                let character = cast.characters[item.character]
                text += "- \(item.entry.dateText): [\(Self.linkText(character.name))](\(character.slug).md) — \(Self.linkText(item.entry.event))\n"
            }
        }
        return text
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ text: String) -> String { TextEscaping.jsonString(text) }

    static func yaml(_ value: ProfileValue) -> String {
        switch value {
        case .integer, .number: return value.displayText
        case .string(let text), .word(let text): return quoted(text)
        case .date(_, let text): return quoted(text)
        case .list(let items): return "[" + items.map(yaml).joined(separator: ", ") + "]"
        }
    }

    /// Text with Markdown punctuation escaped, for generated lines.
    static func linkText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
