@testable import SBCMSRender
import SBCMSTestSupport
import Testing

/// `list.pagination.window`: the first and last page and two on each side of the current one,
/// a gap entry for pages left out (never for a single page); `pages` still lists every page.
@Suite struct PaginationWindowTests {
    /// The window as numbers, 0 for a gap.
    static func window(_ current: Int, of total: Int) -> [Int] {
        PaginationPages(base: "/blog/", current: current, count: total).window().map(\.number)
    }

    @Test func shortListsShowEveryPage() {
        #expect(Self.window(1, of: 1) == [1])
        #expect(Self.window(2, of: 3) == [1, 2, 3])
        #expect(Self.window(1, of: 7) == [1, 2, 3, 0, 7])
        #expect(Self.window(4, of: 7) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func longListsShowGapsAroundTheCurrentPage() {
        #expect(Self.window(1, of: 289) == [1, 2, 3, 0, 289])
        #expect(Self.window(4, of: 289) == [1, 2, 3, 4, 5, 6, 0, 289])
        // Page 2 alone would be the gap: it is shown instead.
        #expect(Self.window(5, of: 289) == [1, 2, 3, 4, 5, 6, 7, 0, 289])
        #expect(Self.window(207, of: 289) == [1, 0, 205, 206, 207, 208, 209, 0, 289])
        #expect(Self.window(289, of: 289) == [1, 0, 287, 288, 289])
    }

    @Test func entriesLinkTheirPagesAndMarkTheCurrentOne() {
        let window = PaginationPages(base: "/blog/tags/swift/", current: 207, count: 289).window()
        #expect(window.filter(\.isCurrent).map(\.number) == [207])
        #expect(window.filter(\.isGap).allSatisfy { $0.number == 0 && $0.url.isEmpty && !$0.isCurrent })
        #expect(window.first?.url == "/blog/tags/swift/")
        #expect(window.last?.url == "/blog/tags/swift/page/289/")
        let every = PaginationPages(base: "/blog/", current: 3, count: 40)
        #expect(every.count == 40)
        #expect(every.page(40).url == "/blog/page/40/" && every.page(3).isCurrent && !every.page(4).isCurrent)
    }

    @Test func theDefaultThemeShowsTheWindow() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("many")
        for day in 1...20 {
            try repo.write("sites/many/blog/2026-01-\(day < 10 ? "0" : "")\(day)-post-\(day).md", post("title: Post \(day)"))
        }
        #expect(buildSites(repo, ["many"]).first?.status == .built)
        // posts_per_page is 2: 20 posts make 10 pages. Page 6 shows 1, a gap for 2 and 3, 4 to 8,
        // then 9 (a gap would hide only it) and 10.
        let html = try repo.read("output/many/blog/page/6/index.html")
        for shown in [1, 4, 5, 7, 8, 9, 10] { #expect(html.contains("aria-label=\"Page \(shown)\"")) }
        #expect(html.contains("aria-label=\"Page 6\" aria-current=\"page\""))
        for hidden in [2, 3] { #expect(!html.contains("aria-label=\"Page \(hidden)\"")) }
        #expect(html.components(separatedBy: "class=\"pagination-gap\"").count == 2)
    }
}
