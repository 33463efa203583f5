import SBCMSCore
import SBCMSSource

/// Reads and checks a site's projects (`portfolio/*.md`), then renders their bodies once
/// every page of the site is known.
struct PortfolioBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    private typealias ParsedProject = ParsedFile<ProjectFrontMatter>

    func prepare() -> PreparedSection<Portfolio> {
        let config = source.config
        let filePaths = source.filePaths
        let splits = options.markdownSplits
        let parsed: [ParsedProject] = Parallel.map(source.portfolio) { file in
            MarkdownFileReader.parse(file, site: config, splits: splits) { markdown, file in
                ProjectFrontMatter.read(markdown, file: file, site: config, filePaths: filePaths)
            }
        }
        var diagnostics = parsed.flatMap(\.diagnostics)
        var failed = Set(parsed.filter { $0.frontMatter == nil }.map(\.file.path))
        var built: [ParsedProject] = []
        var owners: [String: SourceFile] = [:]
        for project in parsed {
            guard let frontMatter = project.frontMatter else { continue }
            if let owner = owners[frontMatter.slug] {
                let location = frontMatter.slugLocation
                    ?? SourceLocation(site: config.id, file: project.file.displayPath, line: 1, column: 1)
                diagnostics.append(.duplicateSlug(frontMatter.slug, at: location, owner: owner))
                failed.insert(project.file.path)
                continue
            }
            owners[frontMatter.slug] = project.file
            built.append(project)
        }
        let pages = built.compactMap { project in
            project.frontMatter.map {
                PageReference(kind: .project, title: $0.title, url: Self.url(slug: $0.slug), path: project.file.path)
            }
        }
        let ready = built
        return PreparedSection(pages: pages, failedPages: failed, diagnostics: diagnostics) { bodyRenderer in
            let rendered = Parallel.map(ready) { project -> (Project?, RenderedBody) in
                let body = bodyRenderer.render(project.body, lineOffset: project.bodyLineOffset, file: project.file)
                guard let frontMatter = project.frontMatter, !body.diagnostics.containsErrors else { return (nil, body) }
                return (Self.makeProject(project.file, frontMatter, body), body)
            }
            let portfolio = Portfolio(unordered: rendered.compactMap(\.0))
            let bodies = zip(ready, rendered).map { (path: $0.file.path, body: $1.1) }
            return FinishedSection(section: portfolio, bodies: bodies)
        }
    }

    /// `/portfolio/<slug>/`.
    static func url(slug: String) -> String { Portfolio.listURL + slug + "/" }

    private static func makeProject(_ file: SourceFile, _ frontMatter: ProjectFrontMatter, _ body: RenderedBody) -> Project {
        Project(
            source: file, slug: frontMatter.slug, title: frontMatter.title, description: frontMatter.description,
            technologies: frontMatter.technologies, githubURL: frontMatter.githubURL, demoURL: frontMatter.demoURL,
            images: frontMatter.images, featuredImage: frontMatter.featuredImage, status: frontMatter.status,
            startDate: frontMatter.startDate, completionDate: frontMatter.completionDate, featured: frontMatter.featured,
            params: frontMatter.params, body: body.document, url: url(slug: frontMatter.slug))
    }
}
