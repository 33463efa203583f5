#if canImport(Glibc)
import Glibc
#endif

/// Checks TCP ports on an IPv4 address before the server starts: `find` asks the system for a
/// free one (for `--port 0`: the preview's URLs must name the port before the first build), and
/// `check` tells early, before a long first build, that a port is taken.
public enum FreePort {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A port that is free now on `host`.
    public static func find(host: String = "127.0.0.1") throws -> Int {
        try listen(host: host, port: 0)
    }

    /// Throws when a server cannot listen on `host`:`port` now. Hosts that are not IPv4
    /// addresses are not checked (the server reports its own error).
    public static func check(host: String, port: Int) throws {
        var probe = in_addr()
        guard inet_pton(AF_INET, host, &probe) == 1 else { return }
        _ = try listen(host: host, port: port)
    }

    /// Listens on `host`:`port` (SO_REUSEADDR, as servers do) for a moment; returns the port.
    private static func listen(host: String, port: Int) throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw Failure(description: "--port 0 needs an IPv4 --host (got '\(host)')")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(descriptor, 1) == 0 else {
            throw Failure(description: "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
