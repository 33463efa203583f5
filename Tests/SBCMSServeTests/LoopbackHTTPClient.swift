#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal HTTP/1.1 client over a real loopback TCP socket: it sends the request target
/// exactly as given (no normalisation, no redirects followed, no automatic decompression),
/// so tests see precisely what the server answered.
struct LoopbackHTTPClient: Sendable {
    let port: Int
    /// Bound on every wait for the server (not a timing assertion).
    var timeoutSeconds = 20

    struct Reply: Sendable {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request (with `Connection: close`) and reads the whole reply, on a thread of
    /// its own (blocking reads must not hold the threads the server's handlers run on).
    func request(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Reply {
        try await onOwnThread { try requestNow(target, method: method, headers: headers) }
    }

    private func requestNow(_ target: String, method: String, headers: [String: String]) throws -> Reply {
        let socket = try LoopbackSocket(port: port, timeoutSeconds: timeoutSeconds)
        defer { socket.close() }
        try socket.send(Self.requestText(target, method: method, headers: headers, port: port))
        let data = try socket.readToEnd()
        return try Self.parse(data, hasBody: method != "HEAD")
    }

    static func requestText(_ target: String, method: String, headers: [String: String], port: Int) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    /// Splits a raw reply into status, headers and body (by Content-Length when given).
    static func parse(_ data: [UInt8], hasBody: Bool) throws -> Reply {
        guard let end = headerEnd(data) else { throw Failure(description: "no complete header in \(data.count) bytes") }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if !hasBody { body = [] } else if let length = headers["content-length"].flatMap(Int.init), body.count > length {
            body = Array(body.prefix(length))
        }
        return Reply(status: status, headers: headers, body: body)
    }

    static func headerEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 0...(data.count - 4) where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// A connected TCP socket to 127.0.0.1 with a receive timeout.
final class LoopbackSocket {
    private var descriptor: Int32
    let timeoutSeconds: Int

    init(port: Int, timeoutSeconds: Int) throws {
        self.timeoutSeconds = timeoutSeconds
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackHTTPClient.Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw LoopbackHTTPClient.Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close() }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw LoopbackHTTPClient.Failure(description: "send failed") }
            offset += sent
        }
    }

    /// Reads what has arrived (waiting up to the timeout for something); empty at end of stream.
    func receive() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw LoopbackHTTPClient.Failure(description: "no data within \(timeoutSeconds) s") }
        return Array(buffer.prefix(count))
    }

    func readToEnd() throws -> [UInt8] {
        var data: [UInt8] = []
        while true {
            let chunk = try receive()
            if chunk.isEmpty { return data }
            data += chunk
        }
    }
}

/// Reads a Server-Sent Events stream (`/__sbcms/events`, chunked) event by event.
final class EventStreamReader: @unchecked Sendable {
    struct Event: Sendable {
        var name: String
        var data: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
        var paths: [String] { json["paths"] as? [String] ?? [] }
    }

    private let socket: LoopbackSocket
    /// Received bytes not yet de-chunked, and the event text de-chunked so far.
    private var raw: [UInt8] = []
    private var text = ""
    let status: Int

    /// Connects and reads the response header (on a thread of its own).
    static func open(port: Int, path: String = "/__sbcms/events", timeoutSeconds: Int = 20) async throws -> EventStreamReader {
        try await onOwnThread { try EventStreamReader(port: port, path: path, timeoutSeconds: timeoutSeconds) }
    }

    private init(port: Int, path: String, timeoutSeconds: Int) throws {
        socket = try LoopbackSocket(port: port, timeoutSeconds: timeoutSeconds)
        try socket.send(LoopbackHTTPClient.requestText(path, method: "GET", headers: ["Accept": "text/event-stream"], port: port))
        var data: [UInt8] = []
        while LoopbackHTTPClient.headerEnd(data) == nil {
            let chunk = try socket.receive()
            guard !chunk.isEmpty else { throw LoopbackHTTPClient.Failure(description: "stream closed before its header") }
            data += chunk
        }
        let end = LoopbackHTTPClient.headerEnd(data)!
        status = try LoopbackHTTPClient.parse(Array(data[..<(end + 4)]), hasBody: false).status
        raw = Array(data[(end + 4)...])
        dechunk()
    }

    /// The next event (blocks without data, like `retry:`, skipped); throws after the timeout.
    func next() async throws -> Event {
        try await onOwnThread { try self.nextNow() }
    }

    private func nextNow() throws -> Event {
        while true {
            if let range = text.range(of: "\n\n") {
                let block = String(text[..<range.lowerBound])
                text = String(text[range.upperBound...])
                var name = "message"
                var data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if data.isEmpty { continue }
                return Event(name: name, data: data.joined(separator: "\n"))
            }
            let chunk = try socket.receive()
            guard !chunk.isEmpty else { throw LoopbackHTTPClient.Failure(description: "event stream closed") }
            raw += chunk
            dechunk()
        }
    }

    /// The next event named `name`, skipping others (up to `limit` events).
    func next(named name: String, limit: Int = 50) async throws -> Event {
        for _ in 0..<limit {
            let event = try await next()
            if event.name == name { return event }
        }
        throw LoopbackHTTPClient.Failure(description: "no '\(name)' event among \(limit) events")
    }

    /// Moves every complete chunk (`<hex size>\r\n<bytes>\r\n`) from `raw` to `text`.
    private func dechunk() {
        while let lineEnd = (0..<max(0, raw.count - 1)).first(where: { raw[$0] == 13 && raw[$0 + 1] == 10 }),
              let size = Int(String(decoding: raw[..<lineEnd], as: UTF8.self), radix: 16),
              raw.count >= lineEnd + 2 + size + 2 {
            text += String(decoding: raw[(lineEnd + 2)..<(lineEnd + 2 + size)], as: UTF8.self)
            raw.removeFirst(lineEnd + 2 + size + 2)
        }
    }
}

/// Runs blocking socket work on a new thread, off the shared pool of the server's tasks.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
