import Foundation

/// Compares a generated folder with a recorded one, file by file. Set the environment
/// variable `SBCMS_RECORD_GOLDEN=1` to re-record instead (never done silently).
public enum GoldenTree {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["SBCMS_RECORD_GOLDEN"] == "1"
    }

    /// Differences as readable lines; empty when the trees are identical.
    public static func compare(actual: String, expected: String) -> [String] {
        let actualFiles = listFiles(actual)
        let expectedFiles = listFiles(expected)
        var problems: [String] = []
        for missing in expectedFiles.subtracting(actualFiles).sorted() { problems.append("missing: \(missing)") }
        for extra in actualFiles.subtracting(expectedFiles).sorted() { problems.append("unexpected: \(extra)") }
        for file in actualFiles.intersection(expectedFiles).sorted() {
            let left = FileManager.default.contents(atPath: actual + "/" + file) ?? Data()
            let right = FileManager.default.contents(atPath: expected + "/" + file) ?? Data()
            if left != right { problems.append("differs: \(file)\n" + firstDifference(left, right)) }
        }
        return problems
    }

    /// Replaces the recorded tree with the generated one.
    public static func record(actual: String, expected: String) throws {
        try? FileManager.default.removeItem(atPath: expected)
        try FileManager.default.createDirectory(atPath: (expected as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: actual, toPath: expected)
    }

    static func listFiles(_ root: String) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: Set<String> = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.insert(next)
            }
        }
        return files
    }

    static func firstDifference(_ left: Data, _ right: Data) -> String {
        let leftLines = String(decoding: left, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let rightLines = String(decoding: right, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(leftLines.count, rightLines.count) {
            let got = index < leftLines.count ? String(leftLines[index]) : "<end>"
            let want = index < rightLines.count ? String(rightLines[index]) : "<end>"
            if got != want { return "  line \(index + 1)\n  - expected: \(want)\n  + actual:   \(got)" }
        }
        return "  (binary difference)"
    }
}
