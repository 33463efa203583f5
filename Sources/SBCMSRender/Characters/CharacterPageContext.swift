import SBCMSTemplate

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

extension CharacterPageContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "characters": return characters.templateValue
        case "hasCharacters": return hasCharacters.templateValue
        case "profile": return profile.templateValue
        case "timeline": return timeline.templateValue
        case "hasTimeline": return hasTimeline.templateValue
        case "graph": return graph.templateValue
        case "listURL": return listURL.templateValue
        case "timelineURL": return timelineURL.templateValue
        default: return nil
        }
    }
}

extension CharacterSummary: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "name": return name.templateValue
        case "slug": return slug.templateValue
        case "url": return url.templateValue
        case "templateName": return templateName.templateValue
        case "summary": return summary.templateValue
        case "tags": return tags.templateValue
        case "hasTags": return hasTags.templateValue
        case "image": return image.templateValue
        default: return nil
        }
    }
}

extension CharacterFieldItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "name": return name.templateValue
        case "label": return label.templateValue
        case "type": return type.templateValue
        case "value": return value.templateValue
        case "items": return items.templateValue
        case "isList": return isList.templateValue
        default: return nil
        }
    }
}

extension CharacterRelationItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "label": return label.templateValue
        case "kind": return kind.templateValue
        case "direction": return direction.templateValue
        case "isIncoming": return isIncoming.templateValue
        case "name": return name.templateValue
        case "url": return url.templateValue
        case "note": return note.templateValue
        default: return nil
        }
    }
}

extension CharacterDetail: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "name": return name.templateValue
        case "slug": return slug.templateValue
        case "url": return url.templateValue
        case "templateName": return templateName.templateValue
        case "templateDescription": return templateDescription.templateValue
        case "fields": return fields.templateValue
        case "hasFields": return hasFields.templateValue
        case "images": return images.templateValue
        case "hasImages": return hasImages.templateValue
        case "relationships": return relationships.templateValue
        case "hasRelationships": return hasRelationships.templateValue
        case "tags": return tags.templateValue
        case "hasTags": return hasTags.templateValue
        default: return nil
        }
    }
}

extension CharacterImage: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "url": return url.templateValue
        case "alt": return alt.templateValue
        default: return nil
        }
    }
}

extension CharacterTimelineItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "dateISO": return dateISO.templateValue
        case "date": return date.templateValue
        case "event": return event.templateValue
        case "name": return name.templateValue
        case "url": return url.templateValue
        default: return nil
        }
    }
}

extension CharacterGraphContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "svg": return svg.templateValue
        case "url": return url.templateValue
        case "nodeCount": return nodeCount.templateValue
        case "edgeCount": return edgeCount.templateValue
        default: return nil
        }
    }
}
