import Dispatch
import SBCMSCore
@testable import SBCMSMarkdown
import Testing

/// Parses run in parallel without a lock (see `CmarkTree.registered`): documents that use every
/// GFM extension render the same bytes on many threads at once as they do alone.
@Suite struct ConcurrentParsingTests {
    static let documents: [String] = [
        "Some ~~struck~~ text and ~one~ tilde, www.example.com and https://example.org/path.\n",
        "| a | b |\n|---|---|\n| ~~x~~ | www.example.net |\n| *em* | `code` |\n\nAfter the table ~~again~~.\n",
        "- [x] done ~~item~~\n- [ ] open https://example.com/x?y=1\n\nMail: someone@example.com\n",
        "Plain paragraph without any extension at all, only *emphasis* and **strong**.\n",
        "# Heading ~~with strike~~\n\n> quoted www.quoted.example ~~and struck~~\n",
    ]

    /// A canary: with another cmark-gfm every parse takes the lock again (correct, slower), and
    /// whether that version allows parallel parses should be checked before trusting it.
    @Test func thisCmarkGFMParsesInParallel() {
        #expect(CmarkTree.parsesInParallel, "cmark-gfm \(MarkdownRenderer.engineVersion)")
    }

    /// Only a body with `~` takes the lock, so only such bodies need scheduling around it.
    @Test func onlyBodiesWithATildeParseOneAtATime() {
        #expect(MarkdownRenderer.parseIsSerialized("Some ~~struck~~ text.\n"))
        #expect(MarkdownRenderer.parseIsSerialized("~"))
        #expect(!MarkdownRenderer.parseIsSerialized("| a | b |\n|---|---|\n| www.example.com | [x] |\n"))
        #expect(!MarkdownRenderer.parseIsSerialized(""))
    }

    @Test func parallelRendersEqualSerialOnes() {
        let renderer = MarkdownRenderer()
        let expected = Self.documents.map { renderer.render($0).html }
        #expect(expected[0].contains("<del>struck</del>"))
        #expect(expected[0].contains("href=\"http://www.example.com\""))
        #expect(expected[1].contains("<td><del>x</del></td>"))
        let rounds = 2000
        let results = ResultBox(count: rounds)
        DispatchQueue.concurrentPerform(iterations: rounds) { round in
            let index = round % Self.documents.count
            results.set(round, MarkdownRenderer().render(Self.documents[index]).html == expected[index])
        }
        #expect(results.mismatches == 0)
    }
}

/// Results written by concurrent iterations, each to its own slot.
private final class ResultBox: @unchecked Sendable {
    private let lock = PosixLock()
    private var values: [Bool]

    init(count: Int) {
        values = Array(repeating: false, count: count)
    }

    func set(_ index: Int, _ value: Bool) {
        lock.withLock { values[index] = value }
    }

    var mismatches: Int { lock.withLock { values.filter { !$0 }.count } }
}
