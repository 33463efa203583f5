#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import SBCMSBuild
import SBCMSCore

/// Answers every request of the preview: the site's files (pretty URLs, the site's 404 page,
/// ETags, gzip, the live-reload script added to HTML) and the `/__sbcms/` endpoints.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let resolver: StaticPathResolver
    let hub: PreviewEventHub

    static let nothingBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Not found · sbcms preview</title></head>
        <body><h1>Not found</h1><p>The site has no page here, or has not been built yet: see the
        terminal, or the overlay when the build has errors. This page reloads when the site builds.</p>
        </body></html>

        """

    /// Files smaller than this are sent as they are.
    static let minimumGzipSize = 256

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            // A bad request gets a JSON error with a code, like every sbcms endpoint.
            let body = #"{"error":{"code":"method-not-allowed","message":"the preview answers GET and HEAD only"}}"# + "\n"
            return Response(status: .methodNotAllowed,
                            headers: [.allow: "GET, HEAD", .contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        let rawPath = request.uri.path
        if rawPath.hasPrefix("/__sbcms/") { return endpoint(rawPath, request: request) }
        switch resolver.resolve(rawPath: rawPath) {
        case .file(let file):
            return serve(file, status: .ok, request: request)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .cacheControl: "no-cache"])
        case .notFound:
            return notFound(request)
        }
    }

    /// The site's `404.html` with status 404. When the site has none (no build has succeeded
    /// yet), a small page that carries the live-reload script, so the error overlay shows the
    /// build's diagnostics and the page reloads once the site builds.
    private func notFound(_ request: Request) -> Response {
        if case .file(let page) = resolver.resolve(rawPath: "/404.html") {
            return serve(page, status: .notFound, request: request)
        }
        let placeholder = LiveReloadScript.inject(into: Array(Self.nothingBuiltPage.utf8), version: hub.currentVersion,
                                                  page: LiveReloadScript.anyPage)
        return text(String(decoding: placeholder, as: UTF8.self), status: .notFound, type: "text/html; charset=utf-8",
                    request: request)
    }

    private func endpoint(_ rawPath: String, request: Request) -> Response {
        switch rawPath {
        case "/__sbcms/events":
            return events(request)
        case LiveReloadScript.path:
            return text(LiveReloadScript.javascript, status: .ok, type: "application/javascript; charset=utf-8", request: request)
        case "/__sbcms/status":
            return text(PreviewStatus(hub: hub).json, status: .ok, type: "application/json; charset=utf-8", request: request)
        default:
            return notFound(request)
        }
    }

    /// The Server-Sent Events stream; it ends when the client goes away or the server stops.
    private func events(_ request: Request) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        guard request.method == .get else { return Response(status: .ok, headers: headers) }
        let stream = hub.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    private func text(_ text: String, status: HTTPResponse.Status, type: String, request: Request) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        return respond(bytes: Array(text.utf8), status: status, headers: &headers, compressible: true, request: request)
    }

    /// The URL path a file of the site's output is served at (`/blog/x/`, `/404.html`).
    private func urlPath(of file: String) -> String {
        guard let root = FileSystem.realPath(resolver.root), file.hasPrefix(root + "/") else { return "/" }
        return OutputWriter.url(forPath: String(file.dropFirst(root.count + 1)))
    }

    /// A file of the site's output; HTML gets the live-reload script. 200 responses carry an
    /// ETag (the file's inode, size and modification time, plus the output version for HTML)
    /// and answer a matching `If-None-Match` with 304.
    private func serve(_ file: String, status: HTTPResponse.Status, request: Request) -> Response {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let type = ContentTypes.mediaType(forFileName: name)
        let isHTML = type.hasPrefix("text/html")
        let version = hub.currentVersion
        let compressible = ContentTypes.isCompressible(type)
        guard let identity = FileSystem.identity(file), let bytes = try? FileSystem.readBytes(file) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "404 Not Found\n")))
        }
        let body = isHTML ? LiveReloadScript.inject(into: bytes, version: version, page: urlPath(of: file)) : bytes
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        if status == .ok {
            let gzip = compressible && body.count >= Self.minimumGzipSize && Self.acceptsGzip(request.headers[.acceptEncoding])
            var tag = String(identity.inode, radix: 16) + "-" + String(identity.size, radix: 16) + "-"
                + String(identity.modificationNanoseconds, radix: 16)
            if isHTML { tag += "-v\(version)" }
            if gzip { tag += "-gz" }
            let etag = "\"" + tag + "\""
            headers[.eTag] = etag
            if compressible { headers[.vary] = "Accept-Encoding" }
            if Self.matches(request.headers[.ifNoneMatch], etag: etag) {
                return Response(status: .notModified, headers: headers)
            }
        }
        return respond(bytes: body, status: status, headers: &headers, compressible: compressible, request: request)
    }

    /// Sends `bytes`, gzipped when that is worth it and the client accepts it; no body for HEAD.
    private func respond(bytes: [UInt8], status: HTTPResponse.Status, headers: inout HTTPFields, compressible: Bool,
                         request: Request) -> Response {
        var payload = bytes
        if compressible, bytes.count >= Self.minimumGzipSize, Self.acceptsGzip(request.headers[.acceptEncoding]),
           let compressed = Gzip.compress(bytes) {
            payload = compressed
            headers[.contentEncoding] = "gzip"
            headers[.vary] = "Accept-Encoding"
        }
        headers[.contentLength] = String(payload.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: payload)))
    }

    /// True when an `Accept-Encoding` value allows gzip (named or `*`, with a q-value above 0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?
        var any: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if coding == "gzip" || coding == "x-gzip" { gzip = quality } else if coding == "*" { any = quality }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// True when an `If-None-Match` value lists `etag` (weak comparison) or is `*`.
    static func matches(_ header: String?, etag: String) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            var candidate = item.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            if candidate == etag { return true }
        }
        return false
    }
}
