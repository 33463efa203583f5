import SBCMSCore

/// What building one site produced.
public struct SiteBuildResult: Sendable {
    public enum Status: String, Sendable, Codable {
        /// Built and published to `output/<site>/`.
        case built
        /// Not published because of errors; the previous output stays.
        case failed
        /// Nothing the site is made from changed since the last build: output left untouched.
        case upToDate = "up-to-date"
    }

    public var siteID: String
    public var status: Status
    /// Number of HTML pages written.
    public var pages: Int
    /// Number of files of the site's output tree (pages, feeds, API files, copies).
    public var files: Int
    /// Files rendered or copied anew in this build (the rest were kept from the previous output).
    public var filesWritten: Int = 0
    /// Unchanged files kept from the previous output (their modification times stay).
    public var filesKept: Int = 0
    /// Files of the previous output that no longer have a source.
    public var filesRemoved: Int = 0
    public var diagnostics: [Diagnostic]
    /// Wall time of the site's build in seconds.
    public var seconds: Double
    /// Seconds spent in each stage (`load`, `content`, `render`), in pipeline order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []

    // Farm measures, set by `BuildFarm` (see `SiteMemoryWatch`).
    /// The process's peak resident size while the site was building, in bytes (0 when unmeasured).
    public var peakMemoryBytes: Int = 0
    /// The most sites (itself included) building at one time during this site's build.
    public var concurrentSites: Int = 1
}
