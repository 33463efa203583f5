#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SBCMSTestSupport
import Testing

/// The preview serves the built site over a real loopback socket: content types, pretty URLs,
/// the site's 404 page, ETags, gzip, and no way out of the site's output folder.
@Suite struct ServingTests {
    @Test func contentTypesByKindOfFile() async throws {
        try await PreviewTestServer.with { preview in
            let stylesheet = try #require(FileManager.default.contentsOfDirectory(atPath: preview.siteOutput + "/assets")
                .first { $0.hasSuffix(".css") })
            let expected: [(String, String)] = [
                ("/", "text/html; charset=utf-8"),
                ("/assets/" + stylesheet, "text/css; charset=utf-8"),
                ("/media/app.js", "application/javascript; charset=utf-8"),
                ("/media/data.json", "application/json; charset=utf-8"),
                ("/feed.json", "application/json; charset=utf-8"),
                ("/rss.xml", "application/rss+xml; charset=utf-8"),
                ("/atom.xml", "application/atom+xml; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/robots.txt", "text/plain; charset=utf-8"),
                ("/media/logo.svg", "image/svg+xml"),
                ("/media/diagram.png", "image/png"),
                ("/media/photo.jpg", "image/jpeg"),
                ("/media/font.woff2", "font/woff2"),
            ]
            for (path, type) in expected {
                let reply = try await preview.client.request(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers["content-type"] == type, "\(path)")
            }
        }
    }

    @Test func prettyURLsAndTheRedirectToTheTrailingSlash() async throws {
        try await PreviewTestServer.with { preview in
            let page = try await preview.client.request("/blog/first-steps/")
            #expect(page.status == 200)
            #expect(page.text.contains("First steps with the toolchain"))
            #expect(try await preview.client.request("/blog/first-steps/index.html").text.contains("First steps with the toolchain"))
            let redirect = try await preview.client.request("/blog/first-steps?from=feed")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/blog/first-steps/?from=feed")
            #expect(try await preview.client.request("/blog").headers["location"] == "/blog/")
            // A file is not a folder.
            #expect(try await preview.client.request("/rss.xml/").status == 404)
        }
    }

    @Test func unknownPathsGetTheSitesOwn404PageWithStatus404() async throws {
        try await PreviewTestServer.with { preview in
            for path in ["/no-such-page/", "/blog/no-such-post", "/__sbcms/unknown"] {
                let reply = try await preview.client.request(path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.text.contains("Lost in the golden fixture"), "\(path)")
                #expect(reply.text.contains("/__sbcms/live-reload.js"), "\(path)")
            }
        }
    }

    @Test func eTagAndIfNoneMatchGive304() async throws {
        try await PreviewTestServer.with { preview in
            for path in ["/blog/first-steps/", "/media/diagram.png", "/rss.xml"] {
                let first = try await preview.client.request(path)
                let etag = try #require(first.headers["etag"], "\(path)")
                let again = try await preview.client.request(path, headers: ["If-None-Match": etag])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
                #expect(again.headers["etag"] == etag)
                let other = try await preview.client.request(path, headers: ["If-None-Match": "\"something-else\""])
                #expect(other.status == 200, "\(path)")
                #expect(other.body == first.body)
            }
        }
    }

    @Test func gzipWhenTheClientAcceptsIt() async throws {
        try await PreviewTestServer.with { preview in
            let plain = try await preview.client.request("/blog/first-steps/")
            #expect(plain.headers["content-encoding"] == nil)
            let compressed = try await preview.client.request("/blog/first-steps/", headers: ["Accept-Encoding": "br, gzip;q=0.8"])
            #expect(compressed.headers["content-encoding"] == "gzip")
            #expect(compressed.headers["vary"] == "Accept-Encoding")
            #expect(compressed.body.count < plain.body.count)
            #expect(try gunzip(compressed.body) == plain.body)
            #expect(compressed.headers["etag"] != plain.headers["etag"])
            let refused = try await preview.client.request("/blog/first-steps/", headers: ["Accept-Encoding": "gzip;q=0, deflate"])
            #expect(refused.headers["content-encoding"] == nil)
            // Images are sent as they are.
            let image = try await preview.client.request("/media/diagram.png", headers: ["Accept-Encoding": "gzip"])
            #expect(image.headers["content-encoding"] == nil)
        }
    }

    @Test func headAnswersWithoutABody() async throws {
        try await PreviewTestServer.with { preview in
            let get = try await preview.client.request("/rss.xml")
            let head = try await preview.client.request("/rss.xml", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            let post = try await preview.client.request("/rss.xml", method: "POST")
            #expect(post.status == 405)
            #expect(post.text.contains(#""code":"method-not-allowed""#))
        }
    }

    static let traversals = [
        "/../secret.txt", "/../../secret.txt", "/../../../../../../etc/passwd",
        "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/.%2e/.%2e/secret.txt",
        "/..%2fsecret.txt", "/..%2F..%2Fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5csecret.txt", "/..%5c..%5csecret.txt", "/blog/..%5c..%5c..%5csecret.txt",
        "/%252e%252e/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
        "/blog/../../secret.txt", "/blog/%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "//etc/passwd", "/%2fetc/passwd", "/%2Fetc%2Fpasswd",
        "/secret.txt%00.html", "/%00../secret.txt", "/..%00/secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/..%c0%afsecret.txt", "/%", "/%zz",
        "/./index.html", "/leak.txt", "/leak-folder/passwd", "/leak-folder/",
    ]

    @Test func pathTraversalInAnyFormIs404() async throws {
        try await PreviewTestServer.with { preview in
            let secret = "TOP-SECRET-\(UUID().uuidString)"
            // Beside the site's output, above it, and in the repository root.
            try secret.write(toFile: preview.siteOutput + "/../secret.txt", atomically: true, encoding: .utf8)
            try secret.write(toFile: preview.siteOutput + "/../../secret.txt", atomically: true, encoding: .utf8)
            try preview.repo.write("secret.txt", secret)
            // Symlinks inside the output that lead out of it.
            #expect(symlink(preview.repo.root + "/secret.txt", preview.siteOutput + "/leak.txt") == 0)
            #expect(symlink("/etc", preview.siteOutput + "/leak-folder") == 0)
            for path in Self.traversals {
                let reply = try await preview.client.request(path)
                #expect(reply.status == 404, "\(path) answered \(reply.status)")
                #expect(!reply.text.contains(secret), "\(path)")
                #expect(!reply.text.contains("root:x:0:0"), "\(path)")
            }
            // Raw backslashes: refused by the HTTP parser (400) or 404, never the file.
            for path in ["/..\\secret.txt", "/..\\..\\secret.txt"] {
                let reply = try await preview.client.request(path)
                #expect(reply.status == 404 || reply.status == 400, "\(path) answered \(reply.status)")
                #expect(!reply.text.contains(secret), "\(path)")
            }
        }
    }
}

/// Decompresses gzip data with the system's `gzip -dc`.
func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}
