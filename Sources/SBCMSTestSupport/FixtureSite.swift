#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A temporary repository (sites/, themes/, templates/) written file by file for a test,
/// removed when the test ends.
public final class FixtureRepository: @unchecked Sendable {
    /// Absolute path of the repository root.
    public let root: String

    /// Creates an empty temporary repository; `copyThemesFrom` copies a real `themes/` folder in.
    public init(copyThemesFrom themes: String? = FixtureRepository.projectRoot + "/themes") throws {
        let base = FileManager.default.temporaryDirectory.path + "/sbcms-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = base
        if let themes, FileManager.default.fileExists(atPath: themes) {
            try FileManager.default.copyItem(atPath: themes, toPath: base + "/themes")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes a file relative to the root, creating its folders.
    public func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    public func write(_ relativePath: String, _ data: Data) throws {
        let path = root + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    public func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + relativePath)
    }

    public func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relativePath)
    }

    /// Writes a minimal valid `site.yaml` for `id`.
    public func writeSite(_ id: String, theme: String = "default", extra: String = "") throws {
        try write("sites/\(id)/site.yaml", """
            name: \(id.capitalized) Notes
            base_url: https://\(id).example.com/
            plan: free
            theme: \(theme)
            language: en
            description: Notes from \(id).
            author: jane
            settings:
              posts_per_page: 2
            \(extra)
            """)
    }

    /// Copies a fixture folder's `sites/` into this repository.
    public func copySites(from fixture: String) throws {
        try FileManager.default.copyItem(atPath: fixture + "/sites", toPath: root + "/sites")
    }

    /// Sets the modification time of every file below `relativePath` (history outside git).
    public func setModificationDates(under relativePath: String, to date: Date) throws {
        for file in files(under: relativePath) {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: root + "/" + relativePath + "/" + file)
        }
    }

    /// Runs a command in the repository root and returns its standard output; throws when it fails.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "FixtureRepository", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file below `relativePath`, relative to it, sorted.
    public func files(under relativePath: String) -> [String] {
        let base = root + "/" + relativePath
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }

    /// The root of the sbcms checkout (found from this source file's location).
    public static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
