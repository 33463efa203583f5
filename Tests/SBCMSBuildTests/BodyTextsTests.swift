@testable import SBCMSContent
import SBCMSSource
import Testing

/// `BodyTexts` hands each body to the render exactly once and keeps no other copy of it.
@Suite struct BodyTextsTests {
    @Test func eachBodyIsTakenOnceAndTheFilesKeepNone() {
        var files = ["a", "b", "c"].map { name in
            ParsedFile<Int>(file: SourceFile(path: "blog/\(name).md", displayPath: "sites/s/blog/\(name).md",
                                             absolutePath: "/r/sites/s/blog/\(name).md"),
                            frontMatter: 1, body: MarkdownBody(text: "Body \(name).\n", digest: [1, 2]), bodyLineOffset: 4,
                            diagnostics: [])
        }
        let bodies = BodyTexts(takingFrom: &files)
        #expect(files.allSatisfy { $0.body.text == "" && $0.body.digest == nil })
        #expect(files.map(\.bodyLineOffset) == [4, 4, 4], "only the body moves")
        let taken = bodies.take(1)
        #expect(taken.text == "Body b.\n" && taken.digest == [1, 2])
        #expect(bodies.take(1).text == "", "a body is handed out once")
        #expect(bodies.take(0).text == "Body a.\n" && bodies.take(2).text == "Body c.\n")
    }
}
