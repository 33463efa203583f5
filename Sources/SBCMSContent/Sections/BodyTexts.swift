import SBCMSMarkdown

/// Page bodies handed to the parallel render one by one: each is taken exactly once, by the
/// iteration that renders it, and the slot is emptied, so a body's text is freed as soon as its
/// HTML exists instead of when the whole content stage ends.
///
/// On the 10k-page site the source texts are 85 MB; holding all of them until every body was
/// rendered made them part of the build's peak memory (and of its page faults).
final class BodyTexts: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<MarkdownBody>

    /// Moves the bodies out of `files`, which keep an empty body.
    init<FrontMatter>(takingFrom files: inout [ParsedFile<FrontMatter>]) {
        slots = .allocate(capacity: files.count)
        for index in files.indices {
            (slots.baseAddress! + index).initialize(to: files[index].body)
            files[index].body = MarkdownBody(text: "")
        }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// True when rendering body `index` parses it while no other such parse runs
    /// (`MarkdownRenderer.parseIsSerialized`); false for a body that was not read.
    func parseIsSerialized(_ index: Int) -> Bool {
        slots[index].text.map(MarkdownRenderer.parseIsSerialized) ?? false
    }

    /// The body of file `index`; each index is taken by one caller, once.
    func take(_ index: Int) -> MarkdownBody {
        let body = slots[index]
        slots[index] = MarkdownBody(text: "")
        return body
    }
}
