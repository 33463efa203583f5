import ArgumentParser
import Foundation
import SBCMSCore
import SBCMSSource

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a site or a post from the scaffolds in templates/new/.",
        subcommands: [NewSiteCommand.self, NewPostCommand.self])
}

struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Create sites/<id>/ with a site.yaml and an empty blog.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The new site's id: lowercase letters, digits and hyphens.")
    var id: String

    func validate() throws {
        guard Workspace.isValidSiteID(id) else {
            throw ValidationError("'\(id)' is not a valid site id: use [a-z0-9][a-z0-9-]{0,62}.")
        }
    }

    func run() throws {
        let workspace = common.workspace
        let directory = workspace.siteDirectory(id)
        guard !FileSystem.exists(directory) else {
            throw ValidationError("sites/\(id) already exists; nothing was changed.")
        }
        let scaffold = try Scaffold.load("site.yaml", workspace: workspace)
        let text = Scaffold.fill(scaffold, ["site_id": id, "title": id, "author": NSUserName(),
                                            "date": Scaffold.today, "slug": id])
        try FileSystem.createDirectories(directory + "/blog")
        try FileSystem.createDirectories(directory + "/media")
        try FileSystem.write(text, to: directory + "/site.yaml")
        print("created sites/\(id)/site.yaml; build it with: sbcms build --site \(id)")
    }
}

struct NewPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Create sites/<id>/blog/<today>-<slug>.md as a draft.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The site to add the post to.", valueName: "id"))
    var site: String

    @Argument(help: "The post's title.")
    var title: String

    func run() throws {
        let workspace = common.workspace
        guard Workspace.isValidSiteID(site), FileSystem.exists(workspace.siteDirectory(site) + "/site.yaml") else {
            throw ValidationError("There is no site '\(site)' (no sites/\(site)/site.yaml).")
        }
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw ValidationError("The title '\(title)' gives an empty slug; use some letters or digits.") }
        let relative = "sites/\(site)/blog/\(Scaffold.today)-\(slug).md"
        let path = workspace.root + "/" + relative
        guard !FileSystem.exists(path) else { throw ValidationError("\(relative) already exists; nothing was changed.") }
        let scaffold = try Scaffold.load("post.md", workspace: workspace)
        let yamlTitle = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = Scaffold.fill(scaffold, ["title": yamlTitle, "date": Scaffold.today, "slug": slug, "site_id": site,
                                            "author": NSUserName()])
        try FileSystem.createDirectories(workspace.siteDirectory(site) + "/blog")
        try FileSystem.write(text, to: path)
        print("created \(relative)")
    }
}

/// The scaffolds under `templates/new/`.
enum Scaffold {
    static func load(_ name: String, workspace: Workspace) throws -> String {
        let path = workspace.templatesDirectory + "/new/" + name
        do {
            return try FileSystem.readText(path)
        } catch {
            throw ValidationError("Cannot read the scaffold templates/new/\(name): \(error)")
        }
    }

    /// Replaces `{{key}}` placeholders.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (key, value) in values { result = result.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return result
    }

    /// Today in UTC as `YYYY-MM-DD`.
    static var today: String {
        ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)).isoDay
    }
}
