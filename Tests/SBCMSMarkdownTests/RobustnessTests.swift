import Foundation // also checks that clients importing Foundation can import SBCMSMarkdown (ICU clash)
import SBCMSTestSupport
import Testing
@testable import SBCMSMarkdown

@Suite("Robustness")
struct RobustnessTests {
    let renderers = [MarkdownRenderer(), MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true))]

    @Test func emptyInput() {
        for renderer in renderers {
            let document = renderer.render("")
            #expect(document.html == "")
            #expect(document.headings.isEmpty)
            #expect(document.toc.isEmpty)
            #expect(document.links.isEmpty)
            #expect(document.wordCount == 0)
        }
    }

    @Test func randomBytesAndInvalidUTF8DoNotCrash() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("[]()!<>`*_~|#-:\\\n\r\t >^".utf8)
        for round in 0..<300 {
            let count = Int(generator.next() % 600)
            let bytes: [UInt8] = (0..<count).map { _ in
                let value = generator.next()
                return round % 2 == 0 ? UInt8(truncatingIfNeeded: value) : alphabet[Int(value % UInt64(alphabet.count))]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for renderer in renderers {
                let document = renderer.render(text) { _ in "/x" }
                for link in document.links {
                    #expect(link.line >= 1)
                    #expect(link.column >= 1)
                }
            }
            _ = HTMLSanitizer.sanitize(text)
        }
    }

    @Test func nulAndByteOrderMark() {
        let document = MarkdownRenderer().render("\u{FEFF}# T\0itle\n\na\0b [z](z.md)")
        #expect(document.headings.count == 1)
        #expect(document.links == [MarkdownLink(destination: "z.md", isImage: false, line: 3, column: 5)])
    }

    @Test func hugeNestingDoesNotCrash() {
        let depth = 20_000
        let inputs = [
            String(repeating: ">", count: depth) + " deep",
            String(repeating: "- ", count: 2_000) + "item",
            String(repeating: "[", count: depth) + "x" + String(repeating: "](y)", count: depth),
            String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth),
            String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth),
            String(repeating: "<span>", count: depth) + "x",
        ]
        for input in inputs {
            for renderer in renderers {
                _ = renderer.render(input)
            }
            _ = HTMLSanitizer.sanitize(input)
        }
    }

    @Test func concurrentRenderingIsDeterministic() async {
        let markdown = (0..<40).map { i in
            "## Part \(i)\n\nSome ~~old~~ text with https://example.com/\(i) and [link](p\(i).md).\n\n| a | b |\n|---|---|\n| \(i) | x |\n"
        }.joined(separator: "\n")
        let expected = MarkdownRenderer().render(markdown).html
        let expectedRaw = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true)).render(markdown + "\n<b onclick=x>b</b>\n").html
        let results = await withTaskGroup(of: (String, String).self) { group in
            for _ in 0..<64 {
                group.addTask {
                    (MarkdownRenderer().render(markdown).html,
                     MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true)).render(markdown + "\n<b onclick=x>b</b>\n").html)
                }
            }
            var all: [(String, String)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0.0 == expected && $0.1 == expectedRaw })
        #expect(expected.contains("<del>old</del>"))
        #expect(expected.contains("<a href=\"https://example.com/39\">"))
    }

    @Test func largeDocumentStaysFast() {
        let page = (0..<200).map { "Paragraph \($0) with [a link](p\($0).md), `code` and *emphasis*." }.joined(separator: "\n\n")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<20 { _ = MarkdownRenderer().render(page) }
        }
        #expect(elapsed < .seconds(10))
    }
}

