import SBCMSContent
import SBCMSCore

/// Characters pages (`/characters/`, `/characters/<slug>/`, `/characters/timeline/`), their
/// relationship graphs as SVG files, and the characters API.
extension SiteRenderer {
    var cast: CharacterCast { graph.characters }

    /// The section's files, in a stable order.
    func characterPlan() -> [RenderTask] {
        guard !cast.isEmpty else { return [] }
        var tasks: [CharacterTask] = [.list, .timeline, .castGraph]
        for index in cast.characters.indices { tasks += [.profile(index: index), .neighbourhoodGraph(index: index)] }
        let api = APIWriter(renderer: self)
        tasks += (1...api.pageCount(cast.characters.count)).map { CharacterTask.apiList(page: $0) }
        tasks += cast.characters.indices.map { CharacterTask.apiCharacter(index: $0) }
        return tasks.map(RenderTask.characters)
    }

    func renderCharacters(_ task: CharacterTask) -> OutputFile {
        switch task {
        case .list: return renderCharacterList()
        case .profile(let index): return renderCharacterProfile(index)
        case .timeline: return renderCharacterTimeline()
        case .castGraph:
            return OutputFile(path: "characters/graph.svg", content: .text(castGraph().render(standalone: true)))
        case .neighbourhoodGraph(let index):
            let character = cast.characters[index]
            return OutputFile(path: "characters/\(character.slug)/graph.svg",
                              content: .text(neighbourhoodGraph(index).render(standalone: true)))
        case .apiList(let page): return APIWriter(renderer: self).characterList(page: page)
        case .apiCharacter(let index): return APIWriter(renderer: self).character(index)
        }
    }

    /// The section's indexable pages.
    func characterSitemapEntries() -> [SitemapEntry] {
        guard !cast.isEmpty else { return [] }
        let newest = cast.characters.compactMap { $0.history?.lastModified }.max()
        var entries = [SitemapEntry(url: "/characters/", lastModified: newest),
                       SitemapEntry(url: "/characters/timeline/", lastModified: newest)]
        entries += cast.listOrder.map { SitemapEntry(url: cast.characters[$0].url, lastModified: cast.characters[$0].history?.lastModified) }
        return entries
    }

    /// The layouts the section needs when the site has such content.
    static func characterLayouts(for graph: ContentGraph) -> [String] {
        graph.characters.isEmpty ? [] : ["characters", "character", "character-timeline"]
    }

    // MARK: Graphs

    /// Every public character (slug order) and every relationship between them.
    func castGraph() -> CharacterGraphSVG {
        CharacterGraphSVG(
            nodes: cast.characters.map { .init(name: $0.name, url: $0.url) },
            edges: cast.relationships.map { .init(from: $0.from, to: $0.to, kind: $0.kind, note: $0.note) },
            kinds: cast.kinds, center: nil, title: "Relationships between the characters of \(config.name)")
    }

    /// A character in the middle, its direct relations around it, and the relationships among them.
    func neighbourhoodGraph(_ index: Int) -> CharacterGraphSVG {
        let members = Array(Set([index] + cast.relations[index].map(\.other))).sorted()
        let positions = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        var edges: [CharacterGraphSVG.Edge] = []
        for member in members {
            for view in cast.relations[member] where !view.isIncoming {
                guard let to = positions[view.other] else { continue }
                let relationship = cast.relationships[view.relationship]
                edges.append(.init(from: positions[member] ?? 0, to: to, kind: relationship.kind, note: relationship.note))
            }
        }
        let character = cast.characters[index]
        return CharacterGraphSVG(
            nodes: members.map { .init(name: cast.characters[$0].name, url: cast.characters[$0].url) },
            edges: edges, kinds: Set(edges.map(\.kind)).sorted(), center: positions[index],
            title: "Relationships of \(character.name)")
    }

    private func graphContext(_ svg: CharacterGraphSVG, url: String) -> CharacterGraphContext {
        CharacterGraphContext(svg: svg.render(standalone: false), url: url, nodeCount: svg.nodes.count, edgeCount: svg.edges.count)
    }

    // MARK: Pages

    private func characterContext(characters: [CharacterSummary] = [], profile: CharacterDetail? = nil,
                                  timeline: [CharacterTimelineItem] = [], graph: CharacterGraphContext? = nil) -> CharacterPageContext {
        CharacterPageContext(characters: characters, hasCharacters: !characters.isEmpty, profile: profile, timeline: timeline,
                             hasTimeline: !timeline.isEmpty, graph: graph, listURL: "/characters/",
                             timelineURL: "/characters/timeline/")
    }

    private func renderCharacterList() -> OutputFile {
        let url = "/characters/"
        let summaries = cast.listOrder.map { characterSummary(cast.characters[$0]) }
        let count = cast.characters.count
        let info = pageInfo(kind: "characters", title: "Characters", url: url,
                            description: "The \(count) character\(count == 1 ? "" : "s") of \(config.name) and how they relate.")
        var context = PageContext(site: siteContext(activeURL: url), page: info, seo: seo(for: info, jsonLD: websiteJSONLD()),
                                  post: nil, list: nil, taxonomy: nil, doc: nil)
        context.character = characterContext(characters: summaries, graph: graphContext(castGraph(), url: "/characters/graph.svg"))
        return page("characters", url: url, context)
    }

    private func renderCharacterTimeline() -> OutputFile {
        let url = "/characters/timeline/"
        let items = cast.timeline.map { timelineItem($0.entry, of: cast.characters[$0.character]) }
        let info = pageInfo(kind: "character-timeline", title: "Timeline", url: url,
                            description: "Every dated event of the characters of \(config.name), in order.")
        var context = PageContext(site: siteContext(activeURL: url), page: info, seo: seo(for: info, jsonLD: websiteJSONLD()),
                                  post: nil, list: nil, taxonomy: nil, doc: nil)
        context.character = characterContext(timeline: items)
        return page("character-timeline", url: url, context)
    }

    private func renderCharacterProfile(_ index: Int) -> OutputFile {
        let character = cast.characters[index]
        let firstParagraph = Self.truncated(character.bio.firstParagraph)
        var info = pageInfo(kind: "character", title: character.name, url: character.url,
                            description: firstParagraph.isEmpty ? "\(character.name), a character of \(config.name)." : firstParagraph)
        setBody(character.bio, on: &info)
        setBacklinks(of: character.source.path, on: &info)
        var seo = seo(for: info, jsonLD: characterJSONLD(character, description: info.description))
        seo.ogType = "profile"
        seo.image = character.imageURL.map(absolute)
        seo.keywords = character.tags.joined(separator: ", ")
        seo.modifiedTime = character.history?.lastModified.rfc3339
        var context = PageContext(site: siteContext(activeURL: character.url), page: info, seo: seo, post: nil, list: nil,
                                  taxonomy: nil, doc: nil)
        let graph = graphContext(neighbourhoodGraph(index), url: character.url + "graph.svg")
        context.character = characterContext(profile: characterDetail(index),
                                             timeline: character.timeline.map { timelineItem($0, of: character) }, graph: graph)
        return page("character", url: character.url, context)
    }

    func characterSummary(_ character: CharacterProfile) -> CharacterSummary {
        let summary = character.profile.prefix(3).map { "\($0.field.label): \($0.value.displayText)" }.joined(separator: " · ")
        return CharacterSummary(name: character.name, slug: character.slug, url: character.url,
                                templateName: character.template?.title, summary: summary, tags: character.tags,
                                hasTags: !character.tags.isEmpty, image: character.imageURL)
    }

    private func characterDetail(_ index: Int) -> CharacterDetail {
        let character = cast.characters[index]
        let fields = character.profile.map { entry -> CharacterFieldItem in
            var items: [String] = []
            if case .list(let values) = entry.value { items = values.map(\.displayText) }
            return CharacterFieldItem(name: entry.field.name, label: entry.field.label, type: entry.field.type.rawValue,
                                      value: entry.value.displayText, items: items, isList: entry.field.type == .list)
        }
        let images = character.images.enumerated().map { offset, path in
            CharacterImage(url: "/" + path, alt: character.images.count == 1 ? character.name : "\(character.name), image \(offset + 1)")
        }
        let relations = characterRelations(index).map { view, relationship in
            let other = cast.characters[view.other]
            let kind = Self.capitalized(relationship.kind)
            return CharacterRelationItem(label: view.isIncoming ? "\(kind) of" : kind, kind: relationship.kind,
                                         direction: view.isIncoming ? "incoming" : "outgoing", isIncoming: view.isIncoming,
                                         name: other.name, url: other.url, note: relationship.note)
        }
        return CharacterDetail(name: character.name, slug: character.slug, url: character.url,
                               templateName: character.template?.title, templateDescription: character.template?.description,
                               fields: fields, hasFields: !fields.isEmpty, images: images, hasImages: !images.isEmpty,
                               relationships: relations, hasRelationships: !relations.isEmpty, tags: character.tags,
                               hasTags: !character.tags.isEmpty)
    }

    /// A character's relationships both ways: outgoing as written, then incoming.
    func characterRelations(_ index: Int) -> [(CharacterRelationView, CharacterRelationship)] {
        cast.relations[index].map { ($0, cast.relationships[$0.relationship]) }
    }

    private func timelineItem(_ entry: CharacterTimelineEntry, of character: CharacterProfile) -> CharacterTimelineItem {
        CharacterTimelineItem(dateISO: entry.date.hasTime ? entry.date.rfc3339 : entry.date.isoDay, date: entry.dateText,
                              event: entry.event, name: character.name, url: character.url)
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private func characterJSONLD(_ character: CharacterProfile, description: String) -> String {
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"Person\"",
            "\"name\":\(script(character.name))",
            "\"url\":\(script(absolute(character.url)))",
            "\"description\":\(script(description))",
        ]
        if let image = character.imageURL { fields.append("\"image\":\(script(absolute(image)))") }
        if !character.tags.isEmpty { fields.append("\"keywords\":\(script(character.tags.joined(separator: ", ")))") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
