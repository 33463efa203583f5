import SBCMSCore

/// What the cache remembers about a site's last successful build:
/// `<cache>/sites/<site>.state` (binary). The up-to-date short cut trusts it only when the
/// input fingerprint is equal, `output/<site>/` is still the tree that build switched in, and
/// the build time is inside the same schedule window.
struct CacheSiteState: Sendable, Equatable {
    var inputFingerprint: String
    /// The theme the site used (its folder is part of the fingerprint).
    var theme: String
    /// The inode of the `output/<site>/` the build switched in.
    var outputInode: UInt64
    /// The build time, and the first time after it at which a scheduled post is published.
    var now: Int64
    var nextScheduleChange: Int64?
    var pages: Int
    var files: Int

    private static let magic = "sbcms-site-1"

    static func path(cacheDirectory: String, siteID: String) -> String {
        cacheDirectory + "/sites/" + siteID + ".state"
    }

    static func load(cacheDirectory: String, siteID: String) -> CacheSiteState? {
        guard let bytes = try? FileSystem.readBytes(path(cacheDirectory: cacheDirectory, siteID: siteID)) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let fingerprint = reader.readString(), let theme = reader.readString(),
              let inode = reader.readUInt(), let now = reader.readInt(), let hasNext = reader.readBool() else { return nil }
        var next: Int64?
        if hasNext {
            guard let value = reader.readInt() else { return nil }
            next = Int64(value)
        }
        guard let pages = reader.readInt(), let files = reader.readInt(), reader.readString() == magic, reader.isAtEnd else { return nil }
        return CacheSiteState(inputFingerprint: fingerprint, theme: theme, outputInode: inode, now: Int64(now),
                              nextScheduleChange: next, pages: pages, files: files)
    }

    func save(cacheDirectory: String, siteID: String) throws {
        var writer = BinaryWriter()
        writer.write(Self.magic)
        writer.write(inputFingerprint)
        writer.write(theme)
        writer.write(outputInode)
        writer.write(Int(now))
        writer.write(nextScheduleChange != nil)
        if let nextScheduleChange { writer.write(Int(nextScheduleChange)) }
        writer.write(pages)
        writer.write(files)
        writer.write(Self.magic)
        try FileSystem.createDirectories(cacheDirectory + "/sites")
        try FileSystem.writeAtomically(writer.bytes, to: Self.path(cacheDirectory: cacheDirectory, siteID: siteID))
    }

    /// True when a build at `time` publishes the same posts as the recorded build.
    func coversTime(_ time: Int64) -> Bool {
        time >= now && (nextScheduleChange.map { time < $0 } ?? true)
    }
}
