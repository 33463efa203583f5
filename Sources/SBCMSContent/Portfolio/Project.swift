import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Where a project stands: `planning`, `development` or `completed`.
public enum ProjectStatus: String, Sendable, CaseIterable {
    case planning
    case development
    case completed

    /// `Planning`, `In development`, `Completed`: for people.
    public var label: String {
        switch self {
        case .planning: return "Planning"
        case .development: return "In development"
        case .completed: return "Completed"
        }
    }
}

/// An image of a project's gallery: a file under media/ with its text alternative.
public struct ProjectImage: Sendable, Hashable {
    /// Site-relative path of the file: `media/projects/x.png`.
    public var path: String
    /// Text alternative: written as `alt`, or made from the file name (`loom-board.png` → `Loom board`).
    public var alt: String
    /// Optional caption shown under the image.
    public var caption: String?

    /// Site-relative URL: `/media/projects/x.png`.
    public var url: String { "/" + path }

    /// `media/shots/wal-graph_v2.png` → `Wal graph v2`.
    static func alt(fromPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let words = base.map { $0 == "-" || $0 == "_" ? " " : $0 }
            .reduce(into: "") { text, character in
                if character == " ", text.last == " " { return }
                text.append(character)
            }
            .trimmingSpaces()
        guard let first = words.first else { return "Project image" }
        return first.uppercased() + words.dropFirst()
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// A portfolio project: `portfolio/<slug>.md` read, checked and rendered.
public struct Project: Sendable {
    public var source: SourceFile
    public var slug: String
    public var title: String
    public var description: String?
    /// As written (duplicates by slug removed); each links to its technology page.
    public var technologies: [String]
    /// Absolute http(s) URL of the code repository.
    public var githubURL: String?
    /// Absolute http(s) URL of a live demo.
    public var demoURL: String?
    /// The gallery, in the order written.
    public var images: [ProjectImage]
    /// Site-relative path under media/.
    public var featuredImage: String?
    public var status: ProjectStatus
    public var startDate: ContentDate?
    public var completionDate: ContentDate?
    public var featured: Bool
    /// Front matter keys the format does not define.
    public var params: YAMLMap
    public var body: MarkdownDocument
    /// Site-relative URL: `/portfolio/<slug>/`.
    public var url: String

    /// The newest date the project has (completion, else start), for sitemaps.
    public var lastModified: ContentDate? { completionDate ?? startDate }

    /// The description, or the body's first paragraph when there is none.
    public var summary: String { description ?? body.firstParagraph }
}

extension ContentDate {
    /// `2026-01-15` for a date without time, RFC 3339 otherwise.
    public var dayOrTimestamp: String { hasTime ? rfc3339 : isoDay }
}
