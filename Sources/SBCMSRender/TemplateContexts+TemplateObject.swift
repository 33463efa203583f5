import SBCMSTemplate

// Layouts read contexts through these lookups instead of reflection (`Mirror`), which made
// rendering several times slower. Each key is the property of the same name.

extension SiteContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return self.id.templateValue
        case "name": return self.name.templateValue
        case "description": return self.description.templateValue
        case "language": return self.language.templateValue
        case "baseURL": return self.baseURL.templateValue
        case "author": return self.author.templateValue
        case "settings": return self.settings.templateValue
        case "rssURL": return self.rssURL.templateValue
        case "atomURL": return self.atomURL.templateValue
        case "jsonFeedURL": return self.jsonFeedURL.templateValue
        case "stylesheetURL": return self.stylesheetURL.templateValue
        case "assets": return self.assets.templateValue
        case "nav": return self.nav.templateValue
        default: return nil
        }
    }
}

extension NavLink: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "isActive": return self.isActive.templateValue
        default: return nil
        }
    }
}

extension TermLink: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "name": return self.name.templateValue
        case "url": return self.url.templateValue
        case "count": return self.count.templateValue
        default: return nil
        }
    }
}

extension PageInfo: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "kind": return self.kind.templateValue
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "permalink": return self.permalink.templateValue
        case "description": return self.description.templateValue
        case "content": return self.content.templateValue
        case "toc": return self.toc.templateValue
        case "hasTOC": return self.hasTOC.templateValue
        case "params": return self.params.templateValue
        case "backlinks": return self.backlinks.templateValue
        case "hasBacklinks": return self.hasBacklinks.templateValue
        default: return nil
        }
    }
}

extension BacklinkItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "kind": return self.kind.templateValue
        default: return nil
        }
    }
}

extension DocContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "breadcrumbs": return self.breadcrumbs.templateValue
        case "sidebar": return self.sidebar.templateValue
        case "previous": return self.previous.templateValue
        case "next": return self.next.templateValue
        case "children": return self.children.templateValue
        case "hasChildren": return self.hasChildren.templateValue
        case "isGenerated": return self.isGenerated.templateValue
        case "isHome": return self.isHome.templateValue
        case "level": return self.level.templateValue
        case "lastModifiedISO": return self.lastModifiedISO.templateValue
        case "lastModifiedReadable": return self.lastModifiedReadable.templateValue
        case "lastEditedBy": return self.lastEditedBy.templateValue
        case "version": return self.version.templateValue
        default: return nil
        }
    }
}

extension SidebarItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "isCurrent": return self.isCurrent.templateValue
        case "isOpen": return self.isOpen.templateValue
        case "hasChildren": return self.hasChildren.templateValue
        case "children": return self.children.templateValue
        default: return nil
        }
    }
}

extension DocChild: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "description": return self.description.templateValue
        case "isFolder": return self.isFolder.templateValue
        default: return nil
        }
    }
}

extension TOCItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return self.id.templateValue
        case "text": return self.text.templateValue
        case "children": return self.children.templateValue
        default: return nil
        }
    }
}

extension SEOContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "description": return self.description.templateValue
        case "canonical": return self.canonical.templateValue
        case "ogType": return self.ogType.templateValue
        case "image": return self.image.templateValue
        case "twitterCard": return self.twitterCard.templateValue
        case "noindex": return self.noindex.templateValue
        case "keywords": return self.keywords.templateValue
        case "jsonLD": return self.jsonLD.templateValue
        case "publishedTime": return self.publishedTime.templateValue
        case "modifiedTime": return self.modifiedTime.templateValue
        default: return nil
        }
    }
}

extension PostSummary: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        case "dateISO": return self.dateISO.templateValue
        case "dateReadable": return self.dateReadable.templateValue
        case "excerpt": return self.excerpt.templateValue
        case "readingMinutes": return self.readingMinutes.templateValue
        case "author": return self.author.templateValue
        case "categories": return self.categories.templateValue
        case "tags": return self.tags.templateValue
        case "featuredImage": return self.featuredImage.templateValue
        case "isDraft": return self.isDraft.templateValue
        case "isScheduled": return self.isScheduled.templateValue
        default: return nil
        }
    }
}

extension PostDetail: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "dateISO": return self.dateISO.templateValue
        case "dateReadable": return self.dateReadable.templateValue
        case "updatedISO": return self.updatedISO.templateValue
        case "updatedReadable": return self.updatedReadable.templateValue
        case "author": return self.author.templateValue
        case "readingMinutes": return self.readingMinutes.templateValue
        case "wordCount": return self.wordCount.templateValue
        case "categories": return self.categories.templateValue
        case "tags": return self.tags.templateValue
        case "featuredImage": return self.featuredImage.templateValue
        case "excerpt": return self.excerpt.templateValue
        case "isDraft": return self.isDraft.templateValue
        case "isScheduled": return self.isScheduled.templateValue
        case "isArchived": return self.isArchived.templateValue
        case "params": return self.params.templateValue
        case "previous": return self.previous.templateValue
        case "next": return self.next.templateValue
        default: return nil
        }
    }
}

extension PageLink: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "url": return self.url.templateValue
        default: return nil
        }
    }
}

extension Pagination: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "current": return self.current.templateValue
        case "total": return self.total.templateValue
        case "isPaginated": return self.isPaginated.templateValue
        case "previousURL": return self.previousURL.templateValue
        case "nextURL": return self.nextURL.templateValue
        case "pages": return self.pages.templateValue
        case "window": return self.window.templateValue
        default: return nil
        }
    }
}

extension PaginationPage: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "number": return self.number.templateValue
        case "url": return self.url.templateValue
        case "isCurrent": return self.isCurrent.templateValue
        case "isGap": return self.isGap.templateValue
        default: return nil
        }
    }
}

extension ListContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "description": return self.description.templateValue
        case "posts": return self.posts.templateValue
        case "pagination": return self.pagination.templateValue
        case "termKind": return self.termKind.templateValue
        default: return nil
        }
    }
}

extension TaxonomyContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "terms": return self.terms.templateValue
        default: return nil
        }
    }
}

extension PageContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "site": return self.site.templateValue
        case "page": return self.page.templateValue
        case "seo": return self.seo.templateValue
        case "post": return self.post.templateValue
        case "list": return self.list.templateValue
        case "taxonomy": return self.taxonomy.templateValue
        case "doc": return self.doc.templateValue
        case "course": return self.course.templateValue
        case "portfolio": return self.portfolio.templateValue
        case "character": return self.character.templateValue
        default: return nil
        }
    }
}
