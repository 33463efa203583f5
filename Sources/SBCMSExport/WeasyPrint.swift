#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The WeasyPrint command (`weasyprint in.html out.pdf`), found on a PATH-like list of folders.
/// The list is injectable so tests can simulate a machine without it.
public struct WeasyPrint: Sendable {
    /// What `sbcms export --format pdf` says when the command is not found.
    public static let missingMessage =
        "WeasyPrint is not installed: install it with `apt-get install weasyprint` (or `pip install weasyprint`)"

    /// Folders searched for `weasyprint`, separated by `:` like PATH; nil means this process's PATH.
    public var searchPath: String?

    public init(searchPath: String? = nil) {
        self.searchPath = searchPath
    }

    /// The absolute path of the `weasyprint` executable, or nil when it is not installed.
    public func executable() -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + (folder.hasSuffix("/") ? "weasyprint" : "/weasyprint")
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 else {
                continue
            }
            return candidate.hasPrefix("/") ? candidate : FileManager.default.currentDirectoryPath + "/" + candidate
        }
        return nil
    }

    /// Runs WeasyPrint on `input` (HTML) to write `output` (PDF) and waits; throws with
    /// WeasyPrint's own messages when it fails.
    ///
    /// WeasyPrint may load no resource except `data:` URIs: every image of the export is
    /// embedded, and a page must not make the export read files outside its site (`file:` URLs,
    /// relative paths, SVG references) or fetch URLs from the machine that runs it. When the
    /// command is a Python script (the Debian and pip installs), its interpreter runs WeasyPrint
    /// with a URL fetcher that refuses everything else; other installs are run as they are.
    func convert(executable: String, input: String, output: String) throws {
        let process = Process()
        if let interpreter = Self.pythonInterpreter(of: executable) {
            process.executableURL = URL(fileURLWithPath: interpreter[0])
            process.arguments = Array(interpreter.dropFirst()) + ["-c", Self.restrictedScript, input, output]
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [input, output]
        }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExportError.io("cannot run \(executable): \(error)")
        }
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: messages, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let lines = text.split(separator: "\n").suffix(20).joined(separator: "\n")
            throw ExportError.weasyPrintFailed(status: process.terminationStatus, output: lines)
        }
        guard FileManager.default.fileExists(atPath: output) else {
            throw ExportError.weasyPrintFailed(status: 0, output: "it wrote no PDF. " + text)
        }
    }

    /// The interpreter command of a `#!...python...` script (`["/usr/bin/python3"]`,
    /// `["/usr/bin/env", "python3"]`), or nil when the file is not a Python script.
    static func pythonInterpreter(of executable: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: executable) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 256), as: UTF8.self)
        guard head.hasPrefix("#!"), let line = head.dropFirst(2).split(separator: "\n").first,
              line.contains("python") else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first, first.hasPrefix("/") else { return nil }
        return words
    }

    /// `python -c` program: WeasyPrint with a URL fetcher that allows only `data:` URIs.
    static let restrictedScript = """
        import sys
        import weasyprint

        def fetch(url, *args, **kwargs):
            if url.startswith("data:"):
                return weasyprint.default_url_fetcher(url, *args, **kwargs)
            raise ValueError("sbcms export loads no external resource: " + url[:100])

        with open(sys.argv[1], encoding="utf-8") as source:
            html = source.read()
        weasyprint.HTML(string=html, url_fetcher=fetch).write_pdf(sys.argv[2])
        """
}
