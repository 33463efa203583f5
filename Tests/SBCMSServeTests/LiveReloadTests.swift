import Foundation
import SBCMSTestSupport
import Testing

/// Edits picked up through inotify reach open pages over Server-Sent Events: `reload` with the
/// changed paths, `error` with the diagnostics of a broken build, `clear` once it is fixed.
/// Waits are bounded by the reader's 20 s timeout; nothing here measures time.
@Suite struct LiveReloadTests {
    static let post = PreviewTestServer.blog + "2026-01-05-first-steps.md"

    @Test func aBodyEditSendsReloadWithThePagePath() async throws {
        try await PreviewTestServer.with { preview in
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(events.status == 200)
            #expect(try await events.next().name == "hello")
            try preview.replace(Self.post, "no guesswork.", "no guesswork. A sentence added while previewing.")
            let reload = try await events.next(named: "reload")
            #expect(reload.paths.contains("/blog/first-steps/"))
            #expect(try await preview.client.request("/blog/first-steps/").text.contains("A sentence added while previewing."))
        }
    }

    @Test func servedPagesCarryTheScriptButBuiltFilesDoNot() async throws {
        try await PreviewTestServer.with { preview in
            let page = try await preview.client.request("/blog/first-steps/").text
            let tag = try #require(page.range(of: "<script src=\"/__sbcms/live-reload.js\""))
            #expect(page.contains("data-sbcms-page=\"/blog/first-steps/\""), "the script knows which page it is on")
            #expect(tag.lowerBound < page.range(of: "</body>", options: .backwards)!.lowerBound)
            let onDisk = try String(contentsOfFile: preview.siteOutput + "/blog/first-steps/index.html", encoding: .utf8)
            #expect(!onDisk.contains("__sbcms"))
            let script = try await preview.client.request("/__sbcms/live-reload.js")
            #expect(script.headers["content-type"] == "application/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/__sbcms/events\")"))
            // The preview's URLs use the local address, not base_url.
            #expect(page.contains("http://127.0.0.1:\(preview.port)/blog/first-steps/"))
            #expect(!page.contains("golden.example.com"))
        }
    }

    struct BadEdit: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var old: String
        var new: String
        var code: String
        var testDescription: String { name }
    }

    static let badEdits = [
        BadEdit(name: "bad front matter", path: post, old: "title: First steps with the toolchain",
                new: "title: [First steps", code: "yaml"),
        BadEdit(name: "broken link", path: post, old: "no guesswork.", new: "no guesswork. See [this](nowhere.md).",
                code: "broken-link"),
        BadEdit(name: "layout syntax error", path: "themes/default/layouts/post.mustache", old: "</article>",
                new: "{{#unclosed}}</article>", code: "layout-syntax"),
    ]

    @Test(arguments: badEdits)
    func aBadEditSendsErrorAndTheFixSendsClear(_ edit: BadEdit) async throws {
        try await PreviewTestServer.with { preview in
            let before = try await preview.client.request("/blog/first-steps/").text
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            try preview.replace(edit.path, edit.old, edit.new)
            let error = try await events.next(named: "error")
            let diagnostics = try #require(error.json["diagnostics"] as? [[String: Any]])
            let first = try #require(diagnostics.first)
            #expect(first["file"] as? String != nil)
            #expect(first["line"] as? Int != nil)
            #expect(first["column"] as? Int != nil)
            #expect(first["message"] as? String != nil)
            #expect(diagnostics.contains { ($0["code"] as? String)?.hasPrefix(edit.code) == true },
                    "codes: \(diagnostics.map { $0["code"] ?? "-" })")
            // The last good page is still served, and pages that connect now see the error too.
            #expect(try await preview.client.request("/blog/first-steps/").text == before)
            let status = try await preview.client.request("/__sbcms/status").text
            #expect(status.contains("\"status\":\"failed\""))
            let late = try await EventStreamReader.open(port: preview.port)
            #expect(try await late.next().name == "hello")
            #expect(try await late.next().name == "error")

            try preview.replace(edit.path, edit.new, edit.old)
            #expect(try await events.next().name == "clear")
            #expect(try await late.next().name == "clear")
            #expect(try await preview.client.request("/__sbcms/status").text.contains("\"status\":\"ok\""))
        }
    }

    @Test func anAtomicSaveIsPickedUp() async throws {
        try await PreviewTestServer.with { preview in
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            // What editors do: write a temporary file beside the real one, then rename it over.
            let text = try preview.repo.read(Self.post).replacingOccurrences(of: "no guesswork.", with: "no guesswork, saved atomically.")
            let temporary = preview.repo.root + "/" + PreviewTestServer.blog + ".first-steps.md.tmp"
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(atPath: temporary, toPath: preview.repo.root + "/" + Self.post + ".swap")
            #expect(rename(preview.repo.root + "/" + Self.post + ".swap", preview.repo.root + "/" + Self.post) == 0)
            let reload = try await events.next(named: "reload")
            #expect(reload.paths.contains("/blog/first-steps/"))
            #expect(try await preview.client.request("/blog/first-steps/").text.contains("saved atomically"))
        }
    }

    @Test func newAndDeletedFilesArePickedUp() async throws {
        try await PreviewTestServer.with { preview in
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            let path = PreviewTestServer.blog + "2026-03-01-brand-new.md"
            try preview.repo.write(path, "---\ntitle: A brand new post\n---\nFresh text.\n")
            #expect(try await events.next(named: "reload").paths.contains("/blog/brand-new/"))
            #expect(try await preview.client.request("/blog/brand-new/").text.contains("Fresh text."))
            try preview.repo.remove(path)
            #expect(try await events.next(named: "reload").paths.contains("/blog/brand-new/"))
            #expect(try await preview.client.request("/blog/brand-new/").status == 404)
        }
    }

    @Test func filesInAFolderCreatedAfterStartAreWatched() async throws {
        try await PreviewTestServer.with { preview in
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            try preview.repo.write("sites/golden/media/icons/star.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
            #expect(try await events.next(named: "reload").paths.contains("/media/icons/star.svg"))
            // A change inside the new folder alone.
            try preview.repo.write("sites/golden/media/icons/star.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\"/>\n")
            #expect(try await events.next(named: "reload").paths == ["/media/icons/star.svg"])
        }
    }

    @Test func aStylesheetOnlyChangeListsOnlyCSS() async throws {
        try await PreviewTestServer.with { preview in
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            try preview.repo.write("sites/golden/media/extra.css", "body { margin: 1px; }\n")
            #expect(try await events.next(named: "reload").paths == ["/media/extra.css"])
        }
    }

    /// The preview keeps theme assets' names, so a theme stylesheet edit changes that file only.
    @Test func aThemeStylesheetEditListsOnlyTheStylesheet() async throws {
        try await PreviewTestServer.with { preview in
            let page = try await preview.client.request("/").text
            #expect(page.contains("href=\"/assets/style.css\""))
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            let stylesheet = preview.repo.root + "/themes/default/assets/style.css"
            try (try String(contentsOfFile: stylesheet, encoding: .utf8) + "\nbody { margin: 1px; }\n")
                .write(toFile: stylesheet, atomically: true, encoding: .utf8)
            #expect(try await events.next(named: "reload").paths == ["/assets/style.css"])
        }
    }

    /// Before any build succeeded there is no page to serve: the placeholder carries the
    /// script, so the overlay lists the errors and the page reloads once the site builds.
    @Test func aSiteThatNeverBuiltServesAPageWithTheOverlayScript() async throws {
        let post = PreviewTestServer.blog + "2026-01-05-first-steps.md"
        let original = try String(contentsOfFile: FixtureRepository.projectRoot + "/Tests/Fixtures/golden/" + post, encoding: .utf8)
        try await PreviewTestServer.with(edit: { try $0.write(post, "---\ntitle: [broken\n---\nText\n") }) { preview in
            let placeholder = try await preview.client.request("/blog/first-steps/")
            #expect(placeholder.status == 404)
            #expect(placeholder.text.contains("<script src=\"/__sbcms/live-reload.js\"") && placeholder.text.contains("data-sbcms-page=\"*\""))
            let events = try await EventStreamReader.open(port: preview.port)
            #expect(try await events.next().name == "hello")
            #expect(try await events.next().name == "error")
            try preview.repo.write(post, original)
            #expect(try await events.next().name == "clear")
            #expect(try await events.next(named: "reload").paths.contains("/blog/first-steps/"))
            #expect(try await preview.client.request("/blog/first-steps/").status == 200)
        }
    }

    static func addFuturePost(_ repo: FixtureRepository) throws {
        try repo.write(PreviewTestServer.blog + "2099-01-01-far-future.md",
                       "---\ntitle: From the future\npublished_at: 2099-01-01T09:00:00Z\n---\nNot yet.\n")
    }

    @Test func scheduledAndDraftPostsAreShownWithABanner() async throws {
        try await PreviewTestServer.with(edit: Self.addFuturePost) { preview in
            let scheduled = try await preview.client.request("/blog/far-future/").text
            #expect(scheduled.contains("banner-scheduled"))
            let draft = try await preview.client.request("/blog/draft/").text
            #expect(draft.contains("banner-draft"))
        }
    }
}
