import SBCMSContent
import SBCMSCore

/// Characters in the API: `/api/v1/characters.json` (paginated summaries) and
/// `/api/v1/characters/<slug>.json` (profile with typed values, relationships both ways,
/// timeline, bio HTML).
extension APIWriter {
    func characterList(page: Int) -> OutputFile {
        let cast = graph.characters
        return listPage("characters", page: page, total: cast.listOrder.count) { range in
            cast.listOrder[range].map { .object(characterFields(cast.characters[$0])) }
        }
    }

    func character(_ index: Int) -> OutputFile {
        let character = graph.characters.characters[index]
        let url = APIPaths.item("characters", character.slug)
        let profile = JSONValue.object(character.profile.map { ($0.field.name, $0.value.json) })
        let relationships = renderer.characterRelations(index).map { view, relationship -> JSONValue in
            let other = graph.characters.characters[view.other]
            return .object([
                ("direction", .string(view.isIncoming ? "incoming" : "outgoing")),
                ("kind", .string(relationship.kind)),
                ("slug", .string(other.slug)),
                ("name", .string(other.name)),
                ("url", .string(other.url)),
                ("note", .optional(relationship.note)),
            ])
        }
        let timeline = character.timeline.map { entry in
            JSONValue.object([("date", .string(entry.dateText)), ("event", .string(entry.event))])
        }
        let backlinks = backlinksJSON(of: character.source.path)
        let data = JSONValue.object(characterFields(character) + [
            ("template_name", .optional(character.template?.title)),
            ("images", .array(character.images.map { .string("/" + $0) })),
            ("profile", profile),
            ("relationships", .array(relationships)),
            ("timeline", .array(timeline)),
            ("bio_html", .html(BodyHTML(character.bio))),
            ("backlinks", backlinks),
        ])
        return OutputFile(path: APIPaths.outputPath(url), content: .text(document(data, selfURL: url)))
    }

    private func characterFields(_ character: CharacterProfile) -> [(String, JSONValue)] {
        [
            ("slug", .string(character.slug)),
            ("name", .string(character.name)),
            ("template", .optional(character.template?.fileName)),
            ("tags", .array(character.tags.map(JSONValue.string))),
            ("url", .string(character.url)),
            ("permalink", .string(renderer.absolute(character.url))),
            ("api_url", .string(renderer.absolute(APIPaths.item("characters", character.slug)))),
            ("image", .optional(character.imageURL)),
        ]
    }
}
