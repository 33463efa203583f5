import SBCMSContent
import SBCMSCore
import SBCMSRender

/// Every public character as one self-contained HTML5 file: a title page, a list of the
/// characters, then one `<section id="character-<slug>">` each (template, images, profile,
/// bio, relationships both ways as links inside the file, timeline), and the merged timeline.
/// Links to other characters become in-document anchors; other site links absolute URLs;
/// images `data:` URIs (or `media/...` paths with `--images relative`).
struct CharactersHTMLDocument {
    let graph: ContentGraph
    let images: ImageMode
    let date: ContentDate

    func render() throws -> (html: String, embeddedImages: Int) {
        let cast = graph.characters
        let config = graph.config
        let sectionIDs = Dictionary(uniqueKeysWithValues: cast.characters.map { ($0.url, Self.sectionID($0)) })
        let media = MediaEmbedder(media: graph.media)
        let rewriter = HTMLBodyRewriter(anchors: DocAnchors(sectionIDs: sectionIDs), baseURL: config.baseURL, images: images,
                                        media: media)
        var html = ExportHTMLOpening.html(config: config, subtitle: "Characters", date: date, extraCSS: """
            .character-profile { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; }
            .character-profile dt { font-weight: bold; }
            .character-profile dd { margin: 0; }
            .character-images img { max-width: 12rem; height: auto; margin: 0 .5rem .5rem 0; }
            """)
        html += "<ol>\n"
        for index in cast.listOrder {
            let character = cast.characters[index]
            html += "<li><a href=\"#\(Self.sectionID(character))\">\(HTMLText.escape(character.name))</a></li>\n"
        }
        if !cast.timeline.isEmpty { html += "<li><a href=\"#characters-timeline\">Timeline</a></li>\n" }
        html += "</ol>\n</nav>\n<main>\n"
        for index in cast.listOrder {
            html += try section(index, cast: cast, rewriter: rewriter, media: media)
        }
        if !cast.timeline.isEmpty {
            html += "<section id=\"characters-timeline\" class=\"timeline\">\n<h2>Timeline</h2>\n<ol>\n"
            for item in cast.timeline {
                let character = cast.characters[item.character]
                html += "<li>\(Self.time(item.entry)) <a href=\"#\(Self.sectionID(character))\">\(HTMLText.escape(character.name))</a>: "
                html += "\(HTMLText.escape(item.entry.event))</li>\n"
            }
            html += "</ol>\n</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return (html, media.embeddedCount)
    }

    static func sectionID(_ character: CharacterProfile) -> String { "character-" + character.slug }

    private static func time(_ entry: CharacterTimelineEntry) -> String {
        let datetime = entry.date.hasTime ? entry.date.rfc3339 : entry.date.isoDay
        return "<time datetime=\"\(datetime)\">\(HTMLText.escape(entry.dateText))</time>"
    }

    private func section(_ index: Int, cast: CharacterCast, rewriter: HTMLBodyRewriter, media: MediaEmbedder) throws -> String {
        let character = cast.characters[index]
        let id = Self.sectionID(character)
        var html = "<section id=\"\(id)\" class=\"character\" data-url=\"\(HTMLText.escape(character.url))\">\n"
        html += "<h2>\(HTMLText.escape(character.name))</h2>\n"
        if let template = character.template {
            html += "<p class=\"character-template\">\(HTMLText.escape(template.title))</p>\n"
        }
        if !character.images.isEmpty {
            html += "<p class=\"character-images\">"
            for (offset, path) in character.images.enumerated() {
                let source: String
                if images == .embed, let file = media.file(forURLPath: "/" + path) {
                    source = try media.dataURI(for: file)
                } else {
                    source = path
                }
                let alt = character.images.count == 1 ? character.name : "\(character.name), image \(offset + 1)"
                html += "<img src=\"\(HTMLText.escape(source))\" alt=\"\(HTMLText.escape(alt))\">"
            }
            html += "</p>\n"
        }
        if !character.profile.isEmpty {
            html += "<dl class=\"character-profile\">\n"
            for entry in character.profile {
                html += "<dt>\(HTMLText.escape(entry.field.label))</dt><dd>\(HTMLText.escape(entry.value.displayText))</dd>\n"
            }
            html += "</dl>\n"
        }
        html += try rewriter.rewrite(character.bio.html, pageURL: character.url, sectionID: id, headingShift: 1)
        if !html.hasSuffix("\n") { html += "\n" }
        let relations = ExportedRelation.of(index, in: cast)
        if !relations.isEmpty {
            html += "<h3>Relationships</h3>\n<ul class=\"character-relations\">\n"
            for relation in relations {
                html += "<li>\(HTMLText.escape(relation.label)) <a href=\"#\(Self.sectionID(relation.other))\">"
                html += "\(HTMLText.escape(relation.other.name))</a>"
                if let note = relation.note, !note.isEmpty { html += " — \(HTMLText.escape(note))" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if !character.timeline.isEmpty {
            html += "<h3>Timeline</h3>\n<ol class=\"character-timeline\">\n"
            for entry in character.timeline {
                html += "<li>\(Self.time(entry)) \(HTMLText.escape(entry.event))</li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>\n"
    }
}
