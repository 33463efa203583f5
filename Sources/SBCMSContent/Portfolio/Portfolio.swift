import SBCMSCore

/// A technology used by projects: a term of the portfolio's technology taxonomy.
public struct TechnologyTerm: Sendable {
    /// As first written (`Swift` and `swift` are one term).
    public var name: String
    public var slug: String
    /// Site-relative URL: `/portfolio/technologies/<slug>/`.
    public var url: String
    /// Indexes into `Portfolio.projects`, in list order.
    public var projectIndexes: [Int]

    /// The slug of a technology name: like `Slug.make`, but `+` and `#` are spelled out, so
    /// `C`, `C++` and `C#` stay three technologies (`c`, `c-plus-plus`, `c-sharp`).
    public static func slug(for name: String) -> String {
        var spelled = ""
        for character in name {
            switch character {
            case "+": spelled += " plus "
            case "#": spelled += " sharp "
            default: spelled.append(character)
            }
        }
        return Slug.make(spelled)
    }
}

/// A site's portfolio: its projects in list order and the technologies they use.
public struct Portfolio: Sendable {
    public static let empty = Portfolio(projects: [], technologies: [])

    /// Featured projects first, then by completion date (newest first; projects without one
    /// after those with one), then by title without case, then slug.
    public var projects: [Project]
    /// Sorted by slug.
    public var technologies: [TechnologyTerm] {
        didSet { technologyIndexes = Self.indexes(technologies) }
    }
    /// Technology slug → index into `technologies`.
    private var technologyIndexes: [String: Int]

    /// True when the site has no projects to build.
    public var isEmpty: Bool { projects.isEmpty }

    public static let listURL = "/portfolio/"
    public static let technologiesURL = "/portfolio/technologies/"

    public init(projects: [Project], technologies: [TechnologyTerm]) {
        self.projects = projects
        self.technologies = technologies
        technologyIndexes = Self.indexes(technologies)
    }

    private static func indexes(_ technologies: [TechnologyTerm]) -> [String: Int] {
        Dictionary(technologies.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Orders projects and groups their technologies by slug.
    init(unordered: [Project]) {
        let projects = unordered.sorted(by: Self.listOrder)
        var bySlug: [String: TechnologyTerm] = [:]
        for (index, project) in projects.enumerated() {
            for name in project.technologies {
                let slug = TechnologyTerm.slug(for: name)
                bySlug[slug, default: TechnologyTerm(name: name, slug: slug, url: Self.technologiesURL + slug + "/",
                                                     projectIndexes: [])].projectIndexes.append(index)
            }
        }
        self.init(projects: projects, technologies: bySlug.values.sorted { $0.slug < $1.slug })
    }

    /// The term of a technology name (`Swift` or `swift`), if a project uses it.
    public func technology(named name: String) -> TechnologyTerm? {
        technologyIndexes[TechnologyTerm.slug(for: name)].map { technologies[$0] }
    }

    static func listOrder(_ left: Project, _ right: Project) -> Bool {
        if left.featured != right.featured { return left.featured }
        switch (left.completionDate, right.completionDate) {
        case let (l?, r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let leftTitle = left.title.lowercased(), rightTitle = right.title.lowercased()
        if leftTitle != rightTitle { return leftTitle < rightTitle }
        return left.slug < right.slug
    }
}
