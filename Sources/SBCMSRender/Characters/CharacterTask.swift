/// The files the characters section writes: pages, graphs and API files.
public enum CharacterTask: Sendable, Hashable {
    /// `/characters/`: every public character and the whole cast's graph.
    case list
    /// `/characters/<slug>/` of `CharacterCast.characters[index]`.
    case profile(index: Int)
    /// `/characters/timeline/`: every public character's timeline, merged.
    case timeline
    /// `/characters/graph.svg`: the whole cast.
    case castGraph
    /// `/characters/<slug>/graph.svg`: a character and its direct relations.
    case neighbourhoodGraph(index: Int)
    /// Page `page` of `/api/v1/characters.json`.
    case apiList(page: Int)
    /// `/api/v1/characters/<slug>.json`.
    case apiCharacter(index: Int)

    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {
        case .list, .profile, .timeline: return true
        case .castGraph, .neighbourhoodGraph, .apiList, .apiCharacter: return false
        }
    }
}
