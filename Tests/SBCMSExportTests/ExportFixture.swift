import Foundation
import SBCMSCore
import SBCMSExport
import SBCMSSource
import SBCMSTestSupport

/// A repository with one site, `handbook`, whose docs tree has three levels, a folder without
/// index.md (`reference/`, and `reference/cli/` inside it), links between docs with anchors,
/// links to a blog post, footnotes, and images under media/.
enum ExportFixture {
    static let siteID = "handbook"
    static let baseURL = "https://handbook.example.com/"
    /// 2026-06-01T12:00:00Z.
    static let now = ContentDate(iso: "2026-06-01T12:00:00Z") ?? ContentDate(secondsSince1970: 0)

    /// A valid 1×1 PNG.
    static let png = Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") ?? Data()
    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>"#

    /// Titles in reading order.
    static let readingOrder = [
        "Handbook", "Getting started", "Install", "Configure", "FAQ", "Reference", "Cli", "Commands", "Glossary",
    ]
    /// Section ids in reading order.
    static let sectionIDs = [
        "doc-index", "doc-getting-started", "doc-getting-started-install", "doc-getting-started-configure",
        "doc-faq", "doc-reference", "doc-reference-cli", "doc-reference-cli-commands", "doc-reference-glossary",
    ]
    /// Pages directly under the docs home.
    static let topLevelSections = 3

    static let sources: [String: String] = [
        "docs/index.md": """
            ---
            title: Handbook
            ---
            Welcome. Start with the [requirements](getting-started/install.md#requirements).
            """,
        "docs/getting-started/index.md": """
            ---
            title: Getting started
            order: 1
            description: From zero to a running site.
            ---
            Read [Install](install.md) first, then [Configure](configure.md).
            """,
        "docs/getting-started/install.md": """
            ---
            title: Install
            order: 1
            ---
            ## Requirements

            A computer.[^disk]

            ## Steps

            ![Diagram of the steps](../../media/diagram.png)

            Then [configure it](configure.md#options), or read the [launch post](../../blog/2026-01-01-launch.md).

            [^disk]: With some free disk space.
            """,
        "docs/getting-started/configure.md": """
            ---
            title: Configure
            order: 2
            ---
            ## Options

            See [the options](#options) and the [launch details](../../blog/2026-01-01-launch.md#details).

            ```markdown
            [not a link](../../blog/2026-01-01-launch.md)
            ```

            ## Options

            A second heading with the same text.
            """,
        "docs/faq.md": """
            ---
            title: FAQ
            order: 3
            ---
            ## Why?

            Because. ![logo](../media/icons/logo.svg) See the [glossary](reference/glossary.md#terms).
            """,
        "docs/reference/cli/commands.md": """
            ---
            title: Commands
            ---
            ## Export

            Back to [the steps](../../getting-started/install.md#steps), the [launch][l], and
            the [blog](/blog/launch/).

            [l]: ../../../blog/2026-01-01-launch.md#details
            """,
        "docs/reference/glossary.md": """
            ---
            title: Glossary
            description: Words we use.
            ---
            ## Terms

            See the [FAQ](../faq.md#why) and [commands](cli/commands.md).
            """,
        "blog/2026-01-01-launch.md": """
            ---
            title: Launch
            ---
            We launched. Read the [handbook](../docs/index.md).

            ## Details

            Many details.
            """,
    ]

    /// Writes the repository; `extra` files are written after (and may replace) the standard ones.
    static func make(siteExtra: String = "", extra: [String: String] = [:]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.writeSite(siteID, extra: siteExtra)
        for (path, text) in sources.merging(extra, uniquingKeysWith: { $1 }) {
            try repo.write("sites/\(siteID)/\(path)", text + "\n")
        }
        try repo.write("sites/\(siteID)/media/diagram.png", png)
        try repo.write("sites/\(siteID)/media/icons/logo.svg", svg)
        try repo.write("sites/\(siteID)/media/unused.txt", "not linked from the docs")
        return repo
    }

    static func exporter(_ repo: FixtureRepository, _ format: ExportFormat, images: ImageMode = .embed,
                         weasyPrint: WeasyPrint = WeasyPrint()) -> DocsExporter {
        DocsExporter(workspace: Workspace(root: repo.root),
                     options: ExportOptions(format: format, images: images, now: now, weasyPrint: weasyPrint))
    }

    /// Exports into `<root>/out/` and returns the result.
    @discardableResult
    static func export(_ repo: FixtureRepository, _ format: ExportFormat, images: ImageMode = .embed,
                       weasyPrint: WeasyPrint = WeasyPrint()) throws -> ExportResult {
        let path = repo.root + "/out/\(siteID)-docs.\(format.fileExtension)"
        return try exporter(repo, format, images: images, weasyPrint: weasyPrint).export(siteID: siteID, to: path)
    }

    /// Every capture of group 1 of `pattern` in `text`.
    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// Runs a command-line tool and captures its output.
enum Tool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The absolute path of `name` on this process's PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a full stderr buffer cannot block the child.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return data != nil
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data ?? Data()
    }
}
