import Testing
@testable import SBCMSCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Hello, Swift 6!", "hello-swift-6"),
        ("  Déjà vu  ", "deja-vu"),
        ("Straße & Co.", "strasse-co"),
        ("C++ / Rust", "c-rust"),
        ("---", ""),
        ("already-a-slug", "already-a-slug"),
    ])
    func makesSlugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    /// ASCII text takes a byte-level path; an ASCII text followed by a non-ASCII letter takes
    /// the general one. Both must give the same slug for the ASCII part.
    @Test func theASCIIPathAgreesWithTheGeneralOne() {
        let pieces = ["a", "Z", "9", " ", "-", "_", "!", "é", "Hello", "  ", "x-y", "\t", "~", "ß"]
        for first in pieces { for second in pieces { for third in pieces {
            let text = first + second + third
            let general = Slug.make(text + "\u{00E9}")  // é makes the text non-ASCII: it slugs to "e"
            let expected = general == "e" ? "" : String(general.dropLast(general.hasSuffix("-e") ? 2 : 1))
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(Slug.make(text) == expected, "\(text)")
            }
        } } }
    }

    @Test func validity() {
        #expect(Slug.isValid("hello-world"))
        #expect(!Slug.isValid("Hello"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid(""))
    }
}
