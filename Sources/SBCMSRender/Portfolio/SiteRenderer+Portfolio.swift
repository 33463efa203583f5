import SBCMSContent
import SBCMSCore

/// Portfolio pages: the project list, one page per project, technology pages and their overview.
extension SiteRenderer {
    /// The section's files, in a stable order: pages, then API files.
    func portfolioPlan() -> [RenderTask] {
        let portfolio = graph.portfolio
        guard !portfolio.isEmpty else { return [] }
        var tasks: [PortfolioTask] = [.list]
        tasks += portfolio.projects.indices.map { PortfolioTask.project(index: $0) }
        tasks.append(.technologies)
        tasks += portfolio.technologies.indices.map { PortfolioTask.technology(index: $0) }
        let api = APIWriter(renderer: self)
        tasks += (1...api.pageCount(portfolio.projects.count)).map { PortfolioTask.apiList(page: $0) }
        tasks += portfolio.projects.indices.map { PortfolioTask.apiProject(index: $0) }
        tasks.append(.apiTechnologies)
        return tasks.map(RenderTask.portfolio)
    }

    func renderPortfolio(_ task: PortfolioTask) -> OutputFile {
        switch task {
        case .list: return renderProjectList()
        case .project(let index): return renderProject(index)
        case .technologies: return renderTechnologies()
        case .technology(let index): return renderTechnology(index)
        case .apiList(let page): return APIWriter(renderer: self).projects(page: page)
        case .apiProject(let index): return APIWriter(renderer: self).project(index)
        case .apiTechnologies: return APIWriter(renderer: self).technologies()
        }
    }

    /// The section's indexable pages: the list, every project, the technologies and their overview.
    func portfolioSitemapEntries() -> [SitemapEntry] {
        let portfolio = graph.portfolio
        guard !portfolio.isEmpty else { return [] }
        let newest = portfolio.projects.compactMap(\.lastModified).max()
        var entries = [SitemapEntry(url: Portfolio.listURL, lastModified: newest)]
        entries += portfolio.projects.map { SitemapEntry(url: $0.url, lastModified: $0.lastModified) }
        entries.append(SitemapEntry(url: Portfolio.technologiesURL, lastModified: newest))
        entries += portfolio.technologies.map { term in
            SitemapEntry(url: term.url, lastModified: term.projectIndexes.compactMap { portfolio.projects[$0].lastModified }.max())
        }
        return entries
    }

    /// The layouts the section needs when the site has projects.
    static func portfolioLayouts(for graph: ContentGraph) -> [String] {
        graph.portfolio.isEmpty ? [] : ["portfolio", "project", "technology"]
    }

    // MARK: Pages

    private func renderProjectList() -> OutputFile {
        let url = Portfolio.listURL
        let description = "Projects from \(config.name)"
        let info = pageInfo(kind: "portfolio", title: "Portfolio", url: url, description: description)
        let context = portfolioContext(kind: "list", title: "Portfolio", projects: graph.portfolio.projects.indices.map(projectSummary))
        return page("portfolio", url: url, pageContext(info, seo: seo(for: info, jsonLD: websiteJSONLD()), context))
    }

    private func renderProject(_ index: Int) -> OutputFile {
        let project = graph.portfolio.projects[index]
        var info = pageInfo(kind: "project", title: project.title, url: project.url,
                            description: Self.truncated(project.summary))
        setBody(project.body, on: &info)
        if !project.params.entries.isEmpty { info.params = YAMLValueBridge.dictionary(project.params) }
        setBacklinks(of: project.source.path, on: &info)
        let summary = projectSummary(index)
        let images = project.images.map { ProjectImageContext(url: $0.url, alt: $0.alt, caption: $0.caption) }
        var context = portfolioContext(kind: "project", title: project.title, projects: [])
        context.project = ProjectDetail(summary: summary, images: images, hasImages: !images.isEmpty,
                                        hasLinks: project.githubURL != nil || project.demoURL != nil)
        var seo = seo(for: info, jsonLD: projectJSONLD(project))
        seo.ogType = "article"
        if let image = project.featuredImage ?? project.images.first?.path {
            seo.image = absolute("/" + image)
            seo.twitterCard = "summary_large_image"
        }
        seo.keywords = project.technologies.joined(separator: ", ")
        seo.publishedTime = project.completionDate?.rfc3339
        return page("project", url: project.url, pageContext(info, seo: seo, context))
    }

    private func renderTechnologies() -> OutputFile {
        let url = Portfolio.technologiesURL
        let info = pageInfo(kind: "technologies", title: "Technologies", url: url,
                            description: "The technologies of the projects of \(config.name)")
        var context = portfolioContext(kind: "technologies", title: "Technologies", projects: [])
        context.isOverview = true
        return page("technology", url: url, pageContext(info, seo: seo(for: info, jsonLD: websiteJSONLD()), context))
    }

    private func renderTechnology(_ index: Int) -> OutputFile {
        let term = graph.portfolio.technologies[index]
        let info = pageInfo(kind: "technology", title: "Technology: \(term.name)", url: term.url,
                            description: "Projects using \(term.name) on \(config.name)")
        var context = portfolioContext(kind: "technology", title: term.name, projects: term.projectIndexes.map(projectSummary))
        context.technology = TermLink(name: term.name, url: term.url, count: term.projectIndexes.count)
        return page("technology", url: term.url, pageContext(info, seo: seo(for: info, jsonLD: websiteJSONLD()), context))
    }

    // MARK: Context pieces

    private func pageContext(_ info: PageInfo, seo: SEOContext, _ portfolio: PortfolioPageContext) -> PageContext {
        var context = PageContext(site: siteContext(activeURL: info.url), page: info, seo: seo, post: nil, list: nil,
                                  taxonomy: nil, doc: nil)
        context.portfolio = portfolio
        return context
    }

    private func portfolioContext(kind: String, title: String, projects: [ProjectSummary]) -> PortfolioPageContext {
        PortfolioPageContext(
            kind: kind, title: title, projects: projects, project: nil, technology: nil,
            technologies: graph.portfolio.technologies.map { TermLink(name: $0.name, url: $0.url, count: $0.projectIndexes.count) },
            isOverview: false, listURL: Portfolio.listURL, technologiesURL: Portfolio.technologiesURL)
    }

    func projectSummary(_ index: Int) -> ProjectSummary {
        let project = graph.portfolio.projects[index]
        let technologies = project.technologies.compactMap { name in
            graph.portfolio.technology(named: name).map { TermLink(name: $0.name, url: $0.url, count: $0.projectIndexes.count) }
        }
        return ProjectSummary(
            title: project.title, slug: project.slug, url: project.url, description: project.description,
            summary: project.summary, status: project.status.rawValue, statusLabel: project.status.label,
            isFeatured: project.featured, startISO: project.startDate?.dayOrTimestamp,
            startReadable: project.startDate?.readable, completionISO: project.completionDate?.dayOrTimestamp,
            completionReadable: project.completionDate?.readable, technologies: technologies,
            featuredImage: project.featuredImage.map { "/" + $0 }, githubURL: project.githubURL, demoURL: project.demoURL)
    }

    // MARK: JSON-LD

    /// A schema.org `CreativeWork`: the code repository and demo are `sameAs` links.
    private func projectJSONLD(_ project: Project) -> String {
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"CreativeWork\"",
            "\"name\":\(script(project.title))",
            "\"url\":\(script(absolute(project.url)))",
            "\"mainEntityOfPage\":\(script(absolute(project.url)))",
            "\"description\":\(script(Self.truncated(project.summary)))",
            "\"creativeWorkStatus\":\(script(project.status.label))",
            "\"inLanguage\":\(script(config.language))",
        ]
        if let start = project.startDate { fields.append("\"dateCreated\":\(script(start.dayOrTimestamp))") }
        if let completion = project.completionDate {
            fields.append("\"datePublished\":\(script(completion.dayOrTimestamp))")
            fields.append("\"dateModified\":\(script(completion.dayOrTimestamp))")
        }
        if !project.technologies.isEmpty {
            fields.append("\"keywords\":\(script(project.technologies.joined(separator: ", ")))")
        }
        let images = ([project.featuredImage].compactMap { $0 } + project.images.map(\.path)).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        if !images.isEmpty {
            fields.append("\"image\":[" + images.map { script(absolute("/" + $0)) }.joined(separator: ",") + "]")
        }
        if let author = config.author {
            fields.append("\"author\":{\"@type\":\"Person\",\"name\":\(script(author))}")
        }
        let sameAs = [project.githubURL, project.demoURL].compactMap { $0 }
        if !sameAs.isEmpty {
            fields.append("\"sameAs\":[" + sameAs.map(script).joined(separator: ",") + "]")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
