import SBCMSCore

/// What building one site produced.
public struct SiteBuildResult: Sendable {
    public enum Status: String, Sendable, Codable {
        /// Built and published to `output/<site>/`.
        case built
        /// Not published because of errors; the previous output stays.
        case failed
    }

    public var siteID: String
    public var status: Status
    /// Number of HTML pages written.
    public var pages: Int
    /// Number of files written (pages, feeds, copies).
    public var files: Int
    public var diagnostics: [Diagnostic]
    /// Wall time of the site's build in seconds.
    public var seconds: Double
    /// Seconds spent in each stage (`load`, `content`, `render`), in pipeline order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
}
