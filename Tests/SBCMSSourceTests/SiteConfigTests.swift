import SBCMSCore
import Testing
@testable import SBCMSSource

@Suite struct SiteConfigTests {
    let location = SourceLocation(site: "acme", file: "sites/acme/site.yaml")

    private func parse(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.parse(text, siteID: "acme", location: location, availableThemes: ["default", "minimal"])
    }

    @Test func readsAValidConfig() throws {
        let (config, diagnostics) = parse("""
            name: Acme
            base_url: https://acme.example.com
            plan: pro
            theme: minimal
            settings:
              posts_per_page: 3
              allow_raw_html: true
            members:
              - { username: jane, role: owner }
            """)
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.baseURL == "https://acme.example.com/")
        #expect(site.plan == .pro)
        #expect(site.postsPerPage == 3)
        #expect(site.allowRawHTML)
        #expect(site.members == [SiteConfig.Member(username: "jane", role: .owner)])
    }

    @Test func reportsEveryProblemAtItsLine() {
        let (config, diagnostics) = parse("""
            name: Acme
            base_url: /relative/
            plan: gold
            theme: fancy
            colour: blue
            members:
              - { username: bob, role: king }
            """)
        #expect(config == nil)
        let found = diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
        #expect(found == ["invalid-value@2:11", "invalid-value@3:7", "unknown-theme@4:8",
                          "unknown-key@5:1", "invalid-value@7:28"])
        #expect(diagnostics.first { $0.code == "unknown-key" }?.severity == .warning)
    }

    @Test func requiresNameAndBaseURL() {
        let (config, diagnostics) = parse("plan: free\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == ["missing-key", "missing-key"])
        #expect(diagnostics.allSatisfy { $0.site == "acme" && $0.file == "sites/acme/site.yaml" })
    }

    @Test func rejectsYAMLThatIsNotAMap() {
        let (config, diagnostics) = parse("- a\n- b\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == ["site-config"])
    }

    @Test func validatesSiteIDs() {
        #expect(Workspace.isValidSiteID("acme-2"))
        #expect(!Workspace.isValidSiteID("-acme"))
        #expect(!Workspace.isValidSiteID("Acme"))
        #expect(!Workspace.isValidSiteID(String(repeating: "a", count: 64)))
    }
}
