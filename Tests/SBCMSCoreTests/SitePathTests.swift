import Testing
@testable import SBCMSCore

@Suite struct SitePathTests {
    @Test(arguments: [
        ("../media/x.png", "blog/post.md", "media/x.png"),
        ("other.md", "blog/post.md", "blog/other.md"),
        ("./a/./b.md", "docs/guide/index.md", "docs/guide/a/b.md"),
        ("../../x.md", "docs/guide/index.md", "x.md"),
        ("a//b.md", "index.md", "a/b.md"),
        ("..", "blog/post.md", ""),
        ("../x/../y.md", "a/b/c.md", "a/y.md"),
        ("héllo wörld.md", "blog/ü.md", "blog/héllo wörld.md"),
    ])
    func resolvesAgainstTheLinkingFile(relative: String, file: String, expected: String) {
        #expect(SitePath.resolve(relative, from: file) == expected)
    }

    @Test(arguments: [("../x.md", "index.md"), ("../../x.md", "blog/post.md"), ("a/../../../x", "b/c.md")])
    func climbingAboveTheSiteIsNil(relative: String, file: String) {
        #expect(SitePath.resolve(relative, from: file) == nil)
    }

    /// The component-list definition the byte-level version must agree with.
    private func reference(_ relative: String, from filePath: String) -> String? {
        var parts = Array(filePath.split(separator: "/").dropLast())
        for component in relative.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func agreesWithTheComponentDefinitionOnEveryCombination() {
        let pieces = ["a", "..", ".", "", "b.md", "é", "..."]
        let files = ["x.md", "d/x.md", "d/e/x.md", "d//x.md"]
        var checked = 0
        for first in pieces { for second in pieces { for third in pieces {
            let relative = [first, second, third].joined(separator: "/")
            for file in files {
                #expect(SitePath.resolve(relative, from: file) == reference(relative, from: file), "\(relative) from \(file)")
                checked += 1
            }
        } } }
        #expect(checked == 7 * 7 * 7 * 4)
    }
}

@Suite struct ByteScanTests {
    @Test func findsBytesAnywhereAndOnlyWhenPresent() {
        #expect(!ByteScan.contains(0, in: [UInt8]()))
        #expect(ByteScan.contains(0, in: [1, 2, 0]))
        #expect(!ByteScan.contains(0, in: Array(repeating: 7, count: 1000)))
        #expect(ByteScan.contains(13, in: String(repeating: "a", count: 999) + "\r\n"))
        #expect(!ByteScan.contains(13, in: "no carriage return\n"))
        #expect(!ByteScan.contains(13, in: ""))
    }
}
