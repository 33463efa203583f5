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

    @Test func validity() {
        #expect(Slug.isValid("hello-world"))
        #expect(!Slug.isValid("Hello"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid(""))
    }
}
