import Mustache

/// What the characters layouts see as `character`: `characters` (list), `character-timeline`
/// and `character` (one profile). Fields that do not apply to a page are empty.
public struct CharacterPageContext {
    /// Every public character in list order (name, then slug); the `characters` layout.
    public var characters: [CharacterSummary]
    public var hasCharacters: Bool
    /// The character of a `character` page.
    public var profile: CharacterDetail?
    /// Timeline entries: the character's own, or everyone's on `/characters/timeline/`.
    public var timeline: [CharacterTimelineItem]
    public var hasTimeline: Bool
    /// The relationship graph of the page (the whole cast, or the character's neighbourhood).
    public var graph: CharacterGraphContext?
    /// `/characters/`.
    public var listURL: String
    /// `/characters/timeline/`.
    public var timelineURL: String
}

/// A character in the list.
public struct CharacterSummary {
    public var name: String
    public var slug: String
    public var url: String
    /// The template's `name` (`Comic character`), if the character has a template.
    public var templateName: String?
    /// The first three profile values, `Label: value` joined by ` · `.
    public var summary: String
    public var tags: [String]
    public var hasTags: Bool
    /// The first image (`/media/...`).
    public var image: String?
}

/// A profile field with its value, in the template's order.
public struct CharacterFieldItem {
    public var name: String
    public var label: String
    /// `string`, `integer`, `number`, `date`, `list` or `enum`.
    public var type: String
    /// The value as text (lists joined by commas).
    public var value: String
    /// List values one by one (empty for other types).
    public var items: [String]
    public var isList: Bool
}

/// One relationship as a character page shows it: outgoing ones as written (`Ally: Kit`),
/// incoming ones as the inverse (`Ally of Mira`).
public struct CharacterRelationItem {
    /// `Ally` for outgoing, `Ally of` for incoming.
    public var label: String
    public var kind: String
    /// `outgoing` or `incoming`.
    public var direction: String
    public var isIncoming: Bool
    public var name: String
    public var url: String
    public var note: String?
}

/// A character's whole profile, as `character.profile`.
public struct CharacterDetail {
    public var name: String
    public var slug: String
    public var url: String
    public var templateName: String?
    public var templateDescription: String?
    public var fields: [CharacterFieldItem]
    public var hasFields: Bool
    /// `/media/...` URLs.
    public var images: [CharacterImage]
    public var hasImages: Bool
    public var relationships: [CharacterRelationItem]
    public var hasRelationships: Bool
    public var tags: [String]
    public var hasTags: Bool
}

/// An image of a character, with alternative text.
public struct CharacterImage {
    public var url: String
    /// `<name>, image <n>`.
    public var alt: String
}

/// A dated event.
public struct CharacterTimelineItem {
    /// `1930-07-08T00:00:00Z`, for `<time datetime>`.
    public var dateISO: String
    /// The date as written (`1930-07-08`).
    public var date: String
    public var event: String
    public var name: String
    public var url: String
}

/// A relationship graph: the SVG inline (`{{{character.graph.svg}}}`) and as a file.
public struct CharacterGraphContext {
    /// The SVG markup, without XML declaration, to include with triple braces.
    public var svg: String
    /// The same graph as a file (`/characters/graph.svg`).
    public var url: String
    public var nodeCount: Int
    public var edgeCount: Int
}

extension CharacterPageContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "characters": return characters
        case "hasCharacters": return hasCharacters
        case "profile": return profile
        case "timeline": return timeline
        case "hasTimeline": return hasTimeline
        case "graph": return graph
        case "listURL": return listURL
        case "timelineURL": return timelineURL
        default: return nil
        }
    }
}

extension CharacterSummary: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "slug": return slug
        case "url": return url
        case "templateName": return templateName
        case "summary": return summary
        case "tags": return tags
        case "hasTags": return hasTags
        case "image": return image
        default: return nil
        }
    }
}

extension CharacterFieldItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "label": return label
        case "type": return type
        case "value": return value
        case "items": return items
        case "isList": return isList
        default: return nil
        }
    }
}

extension CharacterRelationItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "kind": return kind
        case "direction": return direction
        case "isIncoming": return isIncoming
        case "name": return name
        case "url": return url
        case "note": return note
        default: return nil
        }
    }
}

extension CharacterDetail: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "slug": return slug
        case "url": return url
        case "templateName": return templateName
        case "templateDescription": return templateDescription
        case "fields": return fields
        case "hasFields": return hasFields
        case "images": return images
        case "hasImages": return hasImages
        case "relationships": return relationships
        case "hasRelationships": return hasRelationships
        case "tags": return tags
        case "hasTags": return hasTags
        default: return nil
        }
    }
}

extension CharacterImage: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "url": return url
        case "alt": return alt
        default: return nil
        }
    }
}

extension CharacterTimelineItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "dateISO": return dateISO
        case "date": return date
        case "event": return event
        case "name": return name
        case "url": return url
        default: return nil
        }
    }
}

extension CharacterGraphContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "svg": return svg
        case "url": return url
        case "nodeCount": return nodeCount
        case "edgeCount": return edgeCount
        default: return nil
        }
    }
}
