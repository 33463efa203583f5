import Testing
@testable import SBCMSContent

/// `LinkResolver` cuts a destination at its fragment and query on the UTF-8 bytes.
@Suite struct LinkDestinationPartsTests {
    @Test(arguments: [
        ("page.md", nil, nil), ("page.md#usage", 7, nil), ("page.md?x=1#top", 11, 7), ("page.md#a?b", 7, nil),
        ("#only", 0, nil), ("?q", nil, 0), ("dossier/été.md#résumé", 16, nil), ("a?b?c", nil, 1), ("", nil, nil),
    ] as [(String, Int?, Int?)])
    func fragmentAndQueryAreFoundInTheBytes(destination: String, hash: Int?, question: Int?) {
        let found = LinkResolver.fragmentAndQueryOffsets(destination)
        #expect(found.hash == hash)
        #expect(found.question == question)
    }
}
