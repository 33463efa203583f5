import SBCMSCore

/// One shard of a farm split over several machines: `--shard K/N` builds the sites that
/// rendezvous (highest-random-weight) hashing assigns to shard `index` of `count`.
///
/// Shards are numbered from 0 to `count - 1`, like a Kubernetes indexed Job's
/// `JOB_COMPLETION_INDEX`. Each site scores every shard with a stable 64-bit hash of
/// (site id, shard index) and goes to the shard with the highest score, so adding or removing a
/// site moves no other site, and removing the last shard moves only the sites it had.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which shard this is, from 0 to `count - 1`.
    public let index: Int
    /// How many shards the farm is split into (at least 1).
    public let count: Int

    /// A shard, or nil when `count < 1` or `index` is outside `0..<count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` (for example `0/4`); nil when the text is not of that form or out of range.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// True when `siteID` belongs to this shard.
    public func contains(_ siteID: String) -> Bool {
        Shard.assignment(of: siteID, count: count) == index
    }

    /// The sites of `siteIDs` that belong to this shard, in their given order.
    public func select(_ siteIDs: [String]) -> [String] {
        siteIDs.filter(contains)
    }

    /// The shard (0 to `count - 1`) that rendezvous hashing gives `siteID` among `count` shards.
    public static func assignment(of siteID: String, count: Int) -> Int {
        precondition(count >= 1, "a farm has at least one shard")
        var best = 0
        var bestScore: UInt64 = 0
        for shard in 0..<count {
            let score = weight(siteID: siteID, shard: shard)
            // Ties (practically never) go to the lower shard, so the answer never depends on order.
            if shard == 0 || score > bestScore {
                best = shard
                bestScore = score
            }
        }
        return best
    }

    /// The rendezvous weight of (site, shard): FNV-1a over the site id's bytes, a zero byte and the
    /// shard index as 8 little-endian bytes, finished with the 64-bit MurmurHash3 mix so that
    /// neighbouring shard indexes give unrelated scores. Independent of Swift's seeded `Hasher`.
    public static func weight(siteID: String, shard: Int) -> UInt64 {
        var hash = ContentHash()
        hash.combine(siteID)
        let index = UInt64(shard)
        hash.combine((0..<8).map { UInt8(truncatingIfNeeded: index >> (8 * $0)) })
        var mixed = hash.value
        mixed ^= mixed >> 33
        mixed &*= 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        mixed &*= 0xc4ce_b9fe_1a85_ec53
        mixed ^= mixed >> 33
        return mixed
    }
}
