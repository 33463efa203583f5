#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SBCMSServe
import SBCMSTestSupport
import Testing

/// `sbcms serve` as a user runs it: it prints the URL, serves, writes nothing into output/,
/// and Ctrl-C (SIGINT) stops it cleanly, open event streams included, releasing the port.
@Suite struct ServeCommandTests {
    @Test func servesAndStopsCleanlyOnControlC() async throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: FixtureRepository.projectRoot + "/Tests/Fixtures/golden")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["serve", "--root", repo.root, "--site", "golden", "--port", "0"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let reading = out.fileHandleForReading
        let firstLine = try await onOwnThread { () throws -> String in
            var text = ""
            while !text.contains("\n") {
                let data = reading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        guard let match = firstLine.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.1) else {
            process.terminate()
            Issue.record("no URL in '\(firstLine)'")
            return
        }
        #expect(firstLine.hasPrefix("Serving golden at http://127.0.0.1:\(port)/"))
        let client = LoopbackHTTPClient(port: port)
        #expect(try await client.request("/blog/first-steps/").status == 200)
        let events = try await EventStreamReader.open(port: port)
        #expect(try await events.next().name == "hello")

        process.interrupt()
        let status = try await onOwnThread { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(process.terminationReason == .exit)
        #expect(status == 0)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("built golden"))
        #expect(stderr.hasSuffix("stopped\n"))
        for crashSign in ["Fatal error", "Stack dump", "Backtrace", "Current stack trace"] {
            #expect(!stderr.contains(crashSign))
        }
        await #expect(throws: (any Error).self) { _ = try await events.next() }
        // The port is free again: a new server can listen on it at once.
        #expect((try? FreePort.check(host: "127.0.0.1", port: port)) != nil, "the port is released")
        #expect(!repo.exists("output"))
        #expect(repo.exists(".sbcms-cache/serve/golden/index.html"))
    }

    @Test func aPortInUseIsReportedBeforeBuilding() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: FixtureRepository.projectRoot + "/Tests/Fixtures/golden")
        // Something else listens on the port.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        try #require(listening)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try CommandRunner.run(["serve", "--root", repo.root, "--site", "golden", "--port", String(port)], in: repo.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
        #expect(!result.stderr.contains("built golden"))
    }
}
