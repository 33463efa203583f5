import ArgumentParser

@main
struct SBCMSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbcms",
        abstract: "Build many second-brain websites from Markdown.",
        discussion: """
            Run from the repository root (or pass --root), where sites/, themes/, templates/ \
            and output/ live. Each site is a folder sites/<id>/ with a site.yaml.

            Exit status: 0 when every site built, 1 when a site failed, 64 on bad usage.
            """,
        version: "sbcms\n\(Allocator.description)",
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, ExportCommand.self])
}
