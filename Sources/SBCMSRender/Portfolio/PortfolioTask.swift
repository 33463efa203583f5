/// The files the portfolio section writes: pages and API files.
public enum PortfolioTask: Sendable, Hashable {
    /// `/portfolio/`: every project.
    case list
    /// `Portfolio.projects[index]`: `/portfolio/<slug>/`.
    case project(index: Int)
    /// `/portfolio/technologies/`: every technology with its number of projects.
    case technologies
    /// `Portfolio.technologies[index]`: `/portfolio/technologies/<slug>/`.
    case technology(index: Int)
    /// Page `page` of `/api/v1/projects.json` (`/api/v1/projects/page/N.json`).
    case apiList(page: Int)
    /// `/api/v1/projects/<slug>.json`: one project in full.
    case apiProject(index: Int)
    /// `/api/v1/technologies.json`: every technology with its count.
    case apiTechnologies

    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {
        case .list, .project, .technologies, .technology: return true
        case .apiList, .apiProject, .apiTechnologies: return false
        }
    }
}
