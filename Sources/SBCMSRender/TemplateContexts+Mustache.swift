import Mustache

// Layouts read contexts through these lookups instead of reflection (`Mirror`), which made
// rendering several times slower. Each key is the property of the same name.

extension SiteContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return self.id
        case "name": return self.name
        case "description": return self.description
        case "language": return self.language
        case "baseURL": return self.baseURL
        case "author": return self.author
        case "settings": return self.settings
        case "rssURL": return self.rssURL
        case "atomURL": return self.atomURL
        case "jsonFeedURL": return self.jsonFeedURL
        case "stylesheetURL": return self.stylesheetURL
        case "assets": return self.assets
        case "nav": return self.nav
        default: return nil
        }
    }
}

extension NavLink: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        case "isActive": return self.isActive
        default: return nil
        }
    }
}

extension TermLink: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": return self.name
        case "url": return self.url
        case "count": return self.count
        default: return nil
        }
    }
}

extension PageInfo: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "kind": return self.kind
        case "title": return self.title
        case "url": return self.url
        case "permalink": return self.permalink
        case "description": return self.description
        case "content": return self.content
        case "toc": return self.toc
        case "hasTOC": return self.hasTOC
        case "params": return self.params
        case "backlinks": return self.backlinks
        case "hasBacklinks": return self.hasBacklinks
        default: return nil
        }
    }
}

extension BacklinkItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        case "kind": return self.kind
        default: return nil
        }
    }
}

extension DocContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "breadcrumbs": return self.breadcrumbs
        case "sidebar": return self.sidebar
        case "previous": return self.previous
        case "next": return self.next
        case "children": return self.children
        case "hasChildren": return self.hasChildren
        case "isGenerated": return self.isGenerated
        case "isHome": return self.isHome
        case "level": return self.level
        case "lastModifiedISO": return self.lastModifiedISO
        case "lastModifiedReadable": return self.lastModifiedReadable
        case "lastEditedBy": return self.lastEditedBy
        case "version": return self.version
        default: return nil
        }
    }
}

extension SidebarItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        case "isCurrent": return self.isCurrent
        case "isOpen": return self.isOpen
        case "hasChildren": return self.hasChildren
        case "children": return self.children
        default: return nil
        }
    }
}

extension DocChild: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        case "description": return self.description
        case "isFolder": return self.isFolder
        default: return nil
        }
    }
}

extension TOCItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return self.id
        case "text": return self.text
        case "children": return self.children
        default: return nil
        }
    }
}

extension SEOContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "description": return self.description
        case "canonical": return self.canonical
        case "ogType": return self.ogType
        case "image": return self.image
        case "twitterCard": return self.twitterCard
        case "noindex": return self.noindex
        case "keywords": return self.keywords
        case "jsonLD": return self.jsonLD
        case "publishedTime": return self.publishedTime
        case "modifiedTime": return self.modifiedTime
        default: return nil
        }
    }
}

extension PostSummary: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        case "dateISO": return self.dateISO
        case "dateReadable": return self.dateReadable
        case "excerpt": return self.excerpt
        case "readingMinutes": return self.readingMinutes
        case "author": return self.author
        case "categories": return self.categories
        case "tags": return self.tags
        case "featuredImage": return self.featuredImage
        case "isDraft": return self.isDraft
        case "isScheduled": return self.isScheduled
        default: return nil
        }
    }
}

extension PostDetail: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "dateISO": return self.dateISO
        case "dateReadable": return self.dateReadable
        case "updatedISO": return self.updatedISO
        case "updatedReadable": return self.updatedReadable
        case "author": return self.author
        case "readingMinutes": return self.readingMinutes
        case "wordCount": return self.wordCount
        case "categories": return self.categories
        case "tags": return self.tags
        case "featuredImage": return self.featuredImage
        case "excerpt": return self.excerpt
        case "isDraft": return self.isDraft
        case "isScheduled": return self.isScheduled
        case "isArchived": return self.isArchived
        case "params": return self.params
        case "previous": return self.previous
        case "next": return self.next
        default: return nil
        }
    }
}

extension PageLink: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "url": return self.url
        default: return nil
        }
    }
}

extension Pagination: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "current": return self.current
        case "total": return self.total
        case "isPaginated": return self.isPaginated
        case "previousURL": return self.previousURL
        case "nextURL": return self.nextURL
        case "pages": return self.pages
        default: return nil
        }
    }
}

extension PaginationPage: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "number": return self.number
        case "url": return self.url
        case "isCurrent": return self.isCurrent
        default: return nil
        }
    }
}

extension ListContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "description": return self.description
        case "posts": return self.posts
        case "pagination": return self.pagination
        case "termKind": return self.termKind
        default: return nil
        }
    }
}

extension TaxonomyContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "terms": return self.terms
        default: return nil
        }
    }
}

extension PageContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "site": return self.site
        case "page": return self.page
        case "seo": return self.seo
        case "post": return self.post
        case "list": return self.list
        case "taxonomy": return self.taxonomy
        case "doc": return self.doc
        case "course": return self.course
        case "portfolio": return self.portfolio
        case "character": return self.character
        default: return nil
        }
    }
}
