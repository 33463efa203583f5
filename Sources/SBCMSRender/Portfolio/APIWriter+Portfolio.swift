import SBCMSContent
import SBCMSCore

/// Portfolio projects in the API: a summary in `/api/v1/projects.json` (paginated), the whole
/// project in `/api/v1/projects/<slug>.json`, the technologies in `/api/v1/technologies.json`.
extension APIWriter {
    func projects(page: Int) -> OutputFile {
        let projects = graph.portfolio.projects
        return listPage("projects", page: page, total: projects.count) { range in
            projects[range].map { .object(projectFields($0)) }
        }
    }

    func project(_ index: Int) -> OutputFile {
        let project = graph.portfolio.projects[index]
        let backlinks = backlinksJSON(of: project.source.path)
        let images = project.images.map { image in
            JSONValue.object([("url", .string(image.url)), ("alt", .string(image.alt)),
                              ("caption", .optional(image.caption))])
        }
        let data = JSONValue.object(projectFields(project) + [
            ("images", .array(images)),
            ("toc", .array(project.body.toc.map(Self.tocEntry))),
            ("content_html", .html(BodyHTML(project.body))),
            ("backlinks", backlinks),
            ("params", Self.json(.map(project.params))),
        ])
        let url = APIPaths.item("projects", project.slug)
        return OutputFile(path: APIPaths.outputPath(url), content: .text(document(data, selfURL: url)))
    }

    func technologies() -> OutputFile {
        let terms = graph.portfolio.technologies.map { term in
            JSONValue.object([
                ("name", .string(term.name)), ("slug", .string(term.slug)), ("url", .string(term.url)),
                ("count", .int(term.projectIndexes.count)),
                ("projects", .array(term.projectIndexes.map { .string(graph.portfolio.projects[$0].slug) })),
            ])
        }
        let url = APIPaths.collection("technologies")
        return OutputFile(path: APIPaths.outputPath(url),
                          content: .text(document(.array(terms), meta: [("count", .int(terms.count))], selfURL: url)))
    }

    private func projectFields(_ project: Project) -> [(String, JSONValue)] {
        [
            ("slug", .string(project.slug)),
            ("title", .string(project.title)),
            ("url", .string(project.url)),
            ("permalink", .string(renderer.absolute(project.url))),
            ("api_url", .string(renderer.absolute(APIPaths.item("projects", project.slug)))),
            ("description", .optional(project.description)),
            ("summary", .string(project.summary)),
            ("status", .string(project.status.rawValue)),
            ("technologies", .array(project.technologies.map(JSONValue.string))),
            ("start_date", .optional(project.startDate?.dayOrTimestamp)),
            ("completion_date", .optional(project.completionDate?.dayOrTimestamp)),
            ("featured", .bool(project.featured)),
            ("github_url", .optional(project.githubURL)),
            ("demo_url", .optional(project.demoURL)),
            ("featured_image", .optional(project.featuredImage.map { "/" + $0 })),
        ]
    }
}
