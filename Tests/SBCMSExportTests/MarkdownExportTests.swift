import Foundation
import SBCMSExport
import SBCMSTestSupport
import Testing
import ZIPFoundation

/// `sbcms export --format markdown`: a zip of the docs as written, links kept working.
@Suite struct MarkdownExportTests {
    /// The zip's entries: path → bytes, in archive order.
    private func exportZip() throws -> (FixtureRepository, [(path: String, data: Data)], ExportResult) {
        let repo = try ExportFixture.make()
        let result = try ExportFixture.export(repo, .markdown)
        return (repo, try Self.read(result.path), result)
    }

    static func read(_ path: String) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append((entry.path, data))
        }
        return entries
    }

    @Test func zipHoldsEveryDocFileAndTheMediaTheyUse() throws {
        let (_, entries, result) = try exportZip()
        #expect(entries.map(\.path) == [
            "docs/faq.md", "docs/getting-started/configure.md", "docs/getting-started/index.md",
            "docs/getting-started/install.md", "docs/index.md", "docs/reference/cli/commands.md",
            "docs/reference/glossary.md", "media/diagram.png", "media/icons/logo.svg",
        ])
        #expect(result.mediaFiles == 2)
        let png = try #require(entries.first { $0.path == "media/diagram.png" })
        #expect(png.data == ExportFixture.png)
    }

    @Test func filesWithoutOutsideLinksAreKeptByteForByte() throws {
        let (repo, entries, _) = try exportZip()
        for path in ["docs/index.md", "docs/getting-started/index.md", "docs/faq.md", "docs/reference/glossary.md"] {
            let entry = try #require(entries.first { $0.path == path })
            #expect(entry.data == Data(try repo.read("sites/handbook/" + path).utf8), "\(path) changed")
        }
    }

    @Test func linksLeavingDocsBecomeAbsoluteURLs() throws {
        let (_, entries, result) = try exportZip()
        func text(_ path: String) throws -> String {
            String(decoding: try #require(entries.first { $0.path == path }).data, as: UTF8.self)
        }
        let install = try text("docs/getting-started/install.md")
        #expect(install.contains("[launch post](https://handbook.example.com/blog/launch/)"))
        #expect(install.contains("[configure it](configure.md#options)"))
        #expect(install.contains("![Diagram of the steps](../../media/diagram.png)"))
        let configure = try text("docs/getting-started/configure.md")
        #expect(configure.contains("[launch details](https://handbook.example.com/blog/launch/#details)"))
        // Text that only looks like a link, in a code block, is left alone.
        #expect(configure.contains("[not a link](../../blog/2026-01-01-launch.md)"))
        let commands = try text("docs/reference/cli/commands.md")
        #expect(commands.contains("[l]: https://handbook.example.com/blog/launch/#details"))
        #expect(commands.contains("[blog](https://handbook.example.com/blog/launch/)"))
        #expect(commands.hasPrefix("---\ntitle: Commands\n---\n"))
        #expect(result.warnings.isEmpty)
    }

    @Test func everyRelativeLinkInTheZipResolvesToAnEntryAndAnchor() throws {
        let (_, entries, _) = try exportZip()
        let paths = Set(entries.map(\.path))
        var anchors: [String: Set<String>] = [:]
        for entry in entries where entry.path.hasSuffix(".md") {
            anchors[entry.path] = Self.headingIDs(String(decoding: entry.data, as: UTF8.self))
        }
        var checked = 0
        for entry in entries where entry.path.hasSuffix(".md") {
            let text = Self.withoutCodeBlocks(String(decoding: entry.data, as: UTF8.self))
            let destinations = ExportFixture.captures(#"\]\(([^)\s]+)\)"#, in: text)
                + ExportFixture.captures(#"^ {0,3}\[[^\]^][^\]]*\]:\s*(\S+)"#, in: text)
            for destination in destinations where !destination.hasPrefix("https://") {
                let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? entry.path : Self.resolve(String(parts[0]), from: entry.path)
                #expect(paths.contains(target), "\(entry.path): \(destination) → \(target) is not in the zip")
                if parts.count == 2 {
                    #expect(anchors[target]?.contains(String(parts[1])) == true,
                            "\(entry.path): \(destination) → no heading #\(parts[1]) in \(target)")
                }
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test func zipIsDeterministic() throws {
        let repo = try ExportFixture.make()
        let first = try Data(contentsOf: URL(fileURLWithPath: ExportFixture.export(repo, .markdown).path))
        let second = try Data(contentsOf: URL(fileURLWithPath: ExportFixture.export(repo, .markdown).path))
        #expect(first == second)
    }

    @Test func escapedDestinationsAreRewrittenAndUnfoundOnesReported() throws {
        // A backslash escape is matched; a character reference makes the written destination
        // differ from the parsed one, so that link is kept as written and reported.
        let repo = try ExportFixture.make(extra: [
            "docs/faq.md": """
                ---
                title: FAQ
                ---
                ## Why?

                See [launch](../blog/2026\\-01-01-launch.md) and [again](../blog/2026&#45;01-01-launch.md).
                """,
        ])
        let result = try ExportFixture.export(repo, .markdown)
        let faq = try #require(try Self.read(result.path).first { $0.path == "docs/faq.md" })
        let text = String(decoding: faq.data, as: UTF8.self)
        #expect(text.contains("[launch](https://handbook.example.com/blog/launch/)"))
        #expect(text.contains("[again](../blog/2026&#45;01-01-launch.md)"))
        #expect(result.warnings.map { "\($0.code)@\($0.file ?? ""):\($0.line):\($0.column)" }
                == ["export-link-kept@sites/handbook/docs/faq.md:6:49"])
    }

    // MARK: Helpers

    /// GitHub-style heading ids of a Markdown file (enough for the fixture's headings).
    static func headingIDs(_ markdown: String) -> Set<String> {
        var ids: Set<String> = []
        var counts: [String: Int] = [:]
        for text in ExportFixture.captures(#"^#{1,6} +(.+?) *$"#, in: withoutCodeBlocks(markdown)) {
            let base = String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
                if scalar == " " || scalar == "-" { return "-" }
                return CharacterSet.alphanumerics.contains(scalar) || scalar == "_" ? Character(scalar) : nil
            })
            let count = counts[base, default: 0]
            ids.insert(count == 0 ? base : "\(base)-\(count)")
            counts[base] = count + 1
        }
        return ids
    }

    /// The text with fenced code blocks removed.
    static func withoutCodeBlocks(_ markdown: String) -> String {
        var inFence = false
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.hasPrefix("```") {
                inFence.toggle()
                return false
            }
            return !inFence
        }.joined(separator: "\n")
    }

    /// A relative link written in the file at `from`, as a path inside the zip.
    static func resolve(_ relative: String, from: String) -> String {
        var parts = from.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/") {
            if component == "." { continue }
            if component == ".." { _ = parts.popLast() } else { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }
}
