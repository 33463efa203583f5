import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// `sbcms.yaml`: plans, limits with units, per-site overrides, and every problem at its line.
@Suite struct FarmConfigTests {
    let location = SourceLocation(site: nil, file: "sbcms.yaml")

    private func positions(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.severity.rawValue):\($0.code)@\($0.line):\($0.column)" }
    }

    @Test func readsPlansWithUnitsAndSiteOverrides() throws {
        let (config, diagnostics) = FarmConfigParser.parse("""
            plans:
              free:
                pages: 100
                output_bytes: 500MB
                media_bytes: 2 GiB
                build_seconds: 90s
              pro:
                output_bytes: 1048576
                build_seconds: 1.5
            sites:
              big-client:
                pages: 50000
                build_seconds: 10 min
            """, location: location, knownSiteIDs: ["big-client"])
        #expect(diagnostics.isEmpty)
        let farm = try #require(config)
        #expect(farm.plans[.free] == QuotaLimits(pages: 100, outputBytes: 500_000_000, mediaBytes: 2_147_483_648,
                                                 buildSeconds: 90))
        // A plan names only some limits: the others keep their defaults.
        let pro = try #require(farm.plans[.pro])
        #expect(pro.outputBytes == 1_048_576 && pro.buildSeconds == 1.5)
        #expect(pro.pages == FarmConfig.defaultPlans[.pro]?.pages)
        #expect(farm.plans[.enterprise] == FarmConfig.defaultPlans[.enterprise])
        // A site's override sits on top of its plan.
        #expect(farm.limits(siteID: "big-client", plan: .free)
            == QuotaLimits(pages: 50_000, outputBytes: 500_000_000, mediaBytes: 2_147_483_648, buildSeconds: 600))
        #expect(farm.limits(siteID: "other", plan: .free) == farm.plans[.free])
    }

    @Test func reportsEveryProblemAtItsLineAndColumn() {
        let (config, diagnostics) = FarmConfigParser.parse("""
            plans:
              gold:
                pages: 10
              free:
                pages: -5
                output_bytes: 12 parsecs
                media_bytes: -1MB
                build_seconds: soon
                colour: blue
              pro: 7
            sites:
              Bad_Site: { pages: 1 }
              ghost: { pages: 1.5 }
            timeout: 3
            """, location: location, knownSiteIDs: ["real"])
        #expect(config == nil)
        #expect(positions(diagnostics) == [
            "error:unknown-plan@2:3",
            "error:invalid-value@5:12",
            "error:invalid-value@6:19",
            "error:invalid-value@7:18",
            "error:invalid-value@8:20",
            "warning:unknown-key@9:5",
            "error:invalid-type@10:8",
            "error:invalid-site-id@12:3",
            "warning:unknown-site@13:3",
            "error:invalid-type@13:19",
            "warning:unknown-key@14:1",
        ])
        #expect(diagnostics.first?.message == "sbcms.yaml names an unknown plan `gold`")
        #expect(diagnostics[1].message == "`pages` of plan `free` must not be negative, found '-5'")
        #expect(diagnostics[2].message == "`output_bytes` of plan `free` must be a size in bytes, found '12 parsecs'")
    }

    @Test func brokenYAMLIsAnErrorAtItsPosition() {
        let (config, diagnostics) = FarmConfigParser.parse("plans:\n  free: [pages\n", location: location)
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "yaml" && diagnostics.first?.file == "sbcms.yaml")
        #expect(diagnostics.first?.line == 3)
    }

    @Test func aFileOfCommentsIsTheDefaults() {
        let (config, diagnostics) = FarmConfigParser.parse("# nothing set\n", location: location)
        #expect(diagnostics.isEmpty)
        #expect(config == .defaults)
    }

    @Test func defaultsWithoutTheFile() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let loaded = LoadedFarmConfig.load(workspace: Workspace(root: repo.root))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config == .defaults)
        #expect(FarmConfig.defaults.limits(siteID: "x", plan: .free)
            == QuotaLimits(pages: 2_000, outputBytes: 1_000_000_000, mediaBytes: 500_000_000, buildSeconds: 300))
    }

    @Test func theShippedFileIsTheDefaults() {
        let loaded = LoadedFarmConfig.load(workspace: Workspace(root: FixtureRepository.projectRoot))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config == .defaults)
    }

    @Test func sizesAndDurations() throws {
        #expect(try QuotaValue.bytes("500MB").get() == 500_000_000)
        #expect(try QuotaValue.bytes("2 GiB").get() == 2_147_483_648)
        #expect(try QuotaValue.bytes("1.5gb").get() == 1_500_000_000)
        #expect(try QuotaValue.bytes("64 KiB").get() == 65_536)
        #expect(try QuotaValue.bytes("1200").get() == 1_200)
        #expect(QuotaValue.bytes("-1MB") == .failure(.negative))
        #expect(QuotaValue.bytes("12 parsecs") == .failure(.malformed))
        #expect(QuotaValue.bytes("MB") == .failure(.malformed))
        #expect(QuotaValue.bytes("99999999 TB") == .failure(.tooLarge))
        #expect(try QuotaValue.seconds("90s").get() == 90)
        #expect(try QuotaValue.seconds("10 min").get() == 600)
        #expect(try QuotaValue.seconds("1.5h").get() == 5_400)
        #expect(QuotaValue.describeBytes(999) == "999 bytes")
        #expect(QuotaValue.describeBytes(1_234_567) == "1,234,567 bytes (1.2 MB)")
        #expect(QuotaValue.describeSeconds(300) == "300 s")
        #expect(QuotaValue.describeSeconds(12.345) == "12.3 s")
    }
}
