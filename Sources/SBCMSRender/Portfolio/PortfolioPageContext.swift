import SBCMSTemplate

/// What the portfolio layouts see, as `portfolio`: on the project list (`portfolio` layout), a
/// project page (`project`), a technology page and the technologies overview (`technology`).
public struct PortfolioPageContext {
    /// `list`, `project`, `technology` or `technologies` (the overview).
    public var kind: String
    /// The heading of the page: `Portfolio`, the project's title, the technology's name, `Technologies`.
    public var title: String
    /// The projects listed: all of them on the list, those using the technology on its page.
    public var projects: [ProjectSummary]
    /// The project of a project page.
    public var project: ProjectDetail?
    /// The technology of a technology page (`count` is its number of projects).
    public var technology: TermLink?
    /// Every technology with its number of projects, sorted by slug.
    public var technologies: [TermLink]
    /// True on the technologies overview (`/portfolio/technologies/`).
    public var isOverview: Bool
    /// `/portfolio/`.
    public var listURL: String
    /// `/portfolio/technologies/`.
    public var technologiesURL: String
}

/// A project as shown in lists.
public struct ProjectSummary {
    public var title: String
    public var slug: String
    public var url: String
    public var description: String?
    /// The description, or the body's first paragraph.
    public var summary: String
    /// `planning`, `development` or `completed`.
    public var status: String
    /// `Planning`, `In development`, `Completed`.
    public var statusLabel: String
    public var isFeatured: Bool
    /// `2025-03-01` (or RFC 3339 when a time was written): for `<time datetime>`.
    public var startISO: String?
    public var startReadable: String?
    public var completionISO: String?
    public var completionReadable: String?
    /// Each links to its technology page.
    public var technologies: [TermLink]
    /// Site-relative URL of the featured image.
    public var featuredImage: String?
    /// Absolute http(s) URLs; link them with `rel="noopener"`.
    public var githubURL: String?
    public var demoURL: String?
}

/// A project's own page: everything of its summary (the same keys) plus the gallery.
public struct ProjectDetail {
    public var summary: ProjectSummary
    /// The gallery, in the order written.
    public var images: [ProjectImageContext]
    public var hasImages: Bool
    /// True when there is a GitHub or demo link.
    public var hasLinks: Bool
}

/// An image of a project's gallery.
public struct ProjectImageContext {
    /// Site-relative URL (`/media/...`).
    public var url: String
    /// Text alternative: as written, or made from the file name.
    public var alt: String
    public var caption: String?
}

extension PortfolioPageContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "kind": return self.kind.templateValue
        case "title": return self.title.templateValue
        case "projects": return self.projects.templateValue
        case "project": return self.project.templateValue
        case "technology": return self.technology.templateValue
        case "technologies": return self.technologies.templateValue
        case "isOverview": return self.isOverview.templateValue
        case "listURL": return self.listURL.templateValue
        case "technologiesURL": return self.technologiesURL.templateValue
        default: return nil
        }
    }
}

extension ProjectSummary: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "title": return self.title.templateValue
        case "slug": return self.slug.templateValue
        case "url": return self.url.templateValue
        case "description": return self.description.templateValue
        case "summary": return self.summary.templateValue
        case "status": return self.status.templateValue
        case "statusLabel": return self.statusLabel.templateValue
        case "isFeatured": return self.isFeatured.templateValue
        case "startISO": return self.startISO.templateValue
        case "startReadable": return self.startReadable.templateValue
        case "completionISO": return self.completionISO.templateValue
        case "completionReadable": return self.completionReadable.templateValue
        case "technologies": return self.technologies.templateValue
        case "featuredImage": return self.featuredImage.templateValue
        case "githubURL": return self.githubURL.templateValue
        case "demoURL": return self.demoURL.templateValue
        default: return nil
        }
    }
}

extension ProjectDetail: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "images": return self.images.templateValue
        case "hasImages": return self.hasImages.templateValue
        case "hasLinks": return self.hasLinks.templateValue
        default: return summary.child(named: key)
        }
    }
}

extension ProjectImageContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "url": return self.url.templateValue
        case "alt": return self.alt.templateValue
        case "caption": return self.caption.templateValue
        default: return nil
        }
    }
}
