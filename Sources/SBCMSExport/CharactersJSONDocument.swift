import SBCMSContent
import SBCMSCore
import SBCMSRender

/// Every public character as one JSON document: `site`, `exported_at`, `characters` (list
/// order: name, then slug) and the merged `timeline`. Profile values keep their types; URLs
/// are absolute; `bio_html` has absolute links.
struct CharactersJSONDocument {
    let graph: ContentGraph
    let date: ContentDate

    func render() -> String {
        let cast = graph.characters
        let config = graph.config
        let characters = cast.listOrder.map { character($0, cast: cast) }
        let timeline = cast.timeline.map { item -> JSONValue in
            let character = cast.characters[item.character]
            return .object([("date", .string(item.entry.dateText)), ("slug", .string(character.slug)),
                            ("name", .string(character.name)), ("event", .string(item.entry.event))])
        }
        return JSONValue.object([
            ("site", .object([("id", .string(config.id)), ("name", .string(config.name)), ("base_url", .string(config.baseURL))])),
            ("exported_at", .string(date.rfc3339)),
            ("characters", .array(characters)),
            ("timeline", .array(timeline)),
        ]).serialized()
    }

    private func character(_ index: Int, cast: CharacterCast) -> JSONValue {
        let character = cast.characters[index]
        let baseURL = graph.config.baseURL
        let relationships = ExportedRelation.of(index, in: cast).map { relation -> JSONValue in
            .object([("direction", .string(relation.isIncoming ? "incoming" : "outgoing")), ("kind", .string(relation.kind)),
                     ("slug", .string(relation.other.slug)), ("name", .string(relation.other.name)),
                     ("note", .optional(relation.note))])
        }
        return .object([
            ("slug", .string(character.slug)),
            ("name", .string(character.name)),
            ("url", .string(URLPaths.absolute(character.url, baseURL: baseURL))),
            ("template", .optional(character.template?.fileName)),
            ("template_name", .optional(character.template?.title)),
            ("tags", .array(character.tags.map(JSONValue.string))),
            ("images", .array(character.images.map { .string(URLPaths.absolute($0, baseURL: baseURL)) })),
            ("profile", .object(character.profile.map { ($0.field.name, $0.value.json) })),
            ("relationships", .array(relationships)),
            ("timeline", .array(character.timeline.map { .object([("date", .string($0.dateText)), ("event", .string($0.event))]) })),
            ("bio_html", .string(TextEscaping.absolutizeURLs(in: character.bio.html, baseURL: baseURL, pageURL: character.url))),
            ("bio_markdown", .string(character.bioMarkdown)),
        ])
    }
}
