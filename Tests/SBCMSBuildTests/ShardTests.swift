import SBCMSBuild
import Testing

/// `--shard K/N`: rendezvous hashing of site ids over shards numbered from 0.
@Suite struct ShardTests {
    private static let tenants = (0..<1000).map { "tenant-\($0)" }

    @Test func everySiteIsInExactlyOneShard() throws {
        for count in 1...16 {
            var seen: [String: Int] = [:]
            for index in 0..<count {
                let shard = try #require(Shard(index: index, count: count))
                for site in shard.select(Self.tenants) {
                    #expect(seen[site] == nil, "\(site) is in shards \(seen[site]!) and \(index) of \(count)")
                    seen[site] = index
                }
            }
            #expect(seen.count == Self.tenants.count, "\(count) shards lost \(Self.tenants.count - seen.count) sites")
        }
    }

    /// The weights come from a fixed FNV-1a + MurmurHash3-mix hash, never from Swift's seeded
    /// `Hasher`, so every process and every machine agrees. These values were computed by an
    /// independent implementation of the same hash.
    @Test func assignmentIsStableAcrossRuns() {
        let expected: [String: [Int]] = [
            "field-notes": [0, 0, 0, 5, 5],
            "studio-ink": [1, 1, 1, 1, 1],
            "golden": [1, 1, 1, 1, 10],
            "manual": [0, 2, 3, 5, 12],
            "academy": [0, 0, 3, 6, 6],
            "works": [0, 0, 0, 4, 10],
            "a": [1, 2, 3, 3, 12],
        ]
        for (site, shards) in expected {
            let actual = [2, 3, 4, 7, 16].map { Shard.assignment(of: site, count: $0) }
            #expect(actual == shards, "\(site)")
        }
        #expect(Shard.weight(siteID: "field-notes", shard: 0) == 0xbf26_5891_6244_690a)
        #expect(Shard.weight(siteID: "field-notes", shard: 3) == 0xbba8_1ee7_5ed0_4488)
    }

    @Test func addingASiteMovesNoOtherSite() throws {
        let shard = try #require(Shard(index: 2, count: 5))
        let before = shard.select(Self.tenants)
        let after = shard.select(Self.tenants + ["newcomer"])
        #expect(after.filter { $0 != "newcomer" } == before)
        let removed = shard.select(Array(Self.tenants.dropFirst(10)))
        #expect(removed == before.filter { !Self.tenants.prefix(10).contains($0) })
    }

    @Test func removingTheLastShardMovesOnlyItsSites() {
        for count in 2...12 {
            for site in Self.tenants {
                let before = Shard.assignment(of: site, count: count)
                let after = Shard.assignment(of: site, count: count - 1)
                if before != count - 1 { #expect(after == before, "\(site) moved from \(before) going from \(count) to \(count - 1) shards") }
            }
        }
    }

    @Test func addingAShardMovesAboutItsShareOfSites() {
        for count in [1, 3, 4, 9] {
            let moved = Self.tenants.filter { Shard.assignment(of: $0, count: count) != Shard.assignment(of: $0, count: count + 1) }
            #expect(moved.allSatisfy { Shard.assignment(of: $0, count: count + 1) == count }, "sites only move to the new shard")
            let share = Double(Self.tenants.count) / Double(count + 1)
            #expect(Double(moved.count) > 0.7 * share && Double(moved.count) < 1.3 * share,
                    "\(moved.count) of \(Self.tenants.count) sites moved going to \(count + 1) shards")
        }
    }

    @Test func shardsAreBalanced() throws {
        let count = 8
        for index in 0..<count {
            let size = try #require(Shard(index: index, count: count)).select(Self.tenants).count
            #expect(size > 90 && size < 160, "shard \(index) of \(count) has \(size) of 1000 sites")
        }
    }

    @Test func parsingAndValidation() {
        #expect(Shard(parsing: "0/4") == Shard(index: 0, count: 4))
        #expect(Shard(parsing: "3/4")?.description == "3/4")
        #expect(Shard(parsing: "0/1") != nil)
        for bad in ["4/4", "-1/4", "1/0", "0/0", "a/b", "1", "1/2/3", "", "/4", "1/"] {
            #expect(Shard(parsing: bad) == nil, "'\(bad)' should not parse")
        }
    }
}
