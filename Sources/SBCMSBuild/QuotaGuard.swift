import SBCMSCore
import SBCMSRender
import SBCMSSource

#if canImport(Glibc)
import Glibc
#endif

/// Holds one site's build to its quotas from `sbcms.yaml`, each as early as it can be known:
/// media bytes after loading, pages (and copied bytes) after planning, output bytes while
/// writing, build seconds between stages and before each page. The first breach stops the
/// site's render; it fails with a `quota-exceeded` diagnostic and its previous output stays.
/// Quotas are per site: one guard per build, nothing shared with other sites.
public final class QuotaGuard: @unchecked Sendable {
    public let siteID: String
    public let plan: SiteConfig.Plan
    public let limits: QuotaLimits
    /// The site's own limits from `sbcms.yaml`'s `sites:` section, if any.
    public let siteOverride: QuotaOverride?
    /// Seconds since the site's build started.
    private let elapsed: @Sendable () -> Double
    private let lock = PosixLock()
    private var writtenBytes = 0
    private var firstBreach: Diagnostic?

    public init(siteID: String, plan: SiteConfig.Plan, config: FarmConfig,
                elapsed: @escaping @Sendable () -> Double) {
        self.siteID = siteID
        self.plan = plan
        self.limits = config.limits(siteID: siteID, plan: plan)
        self.siteOverride = config.sites[siteID]
        self.elapsed = elapsed
    }

    /// The breach that stopped the build, if any.
    public var breach: Diagnostic? { lock.withLock { firstBreach } }

    /// Total bytes of the site's media, checked after loading.
    public func checkMedia(_ media: [SourceFile]) -> Diagnostic? {
        let bytes = media.reduce(0) { $0 + Self.fileSize($1.absolutePath) }
        guard bytes > limits.mediaBytes else { return nil }
        return record(exceeded("media_bytes", file: "sites/\(siteID)/media",
                               "site \(siteID) has \(QuotaValue.describeBytes(bytes)) of media; \(allows(\.mediaBytes)) \(QuotaValue.describeBytes(limits.mediaBytes)) (media_bytes)"))
    }

    /// The pages and files the plan will write, checked before anything is rendered: the page
    /// count, and the bytes of files copied as they are (media, theme assets), which are known
    /// without rendering.
    public func checkPlan(pages: Int, copiedFiles: [String]) -> Diagnostic? {
        if pages > limits.pages {
            return record(exceeded("pages", file: "sites/\(siteID)",
                                   "site \(siteID) has \(QuotaValue.grouped(pages)) pages; \(allows(\.pages)) \(QuotaValue.grouped(limits.pages)) (pages)"))
        }
        let copied = copiedFiles.reduce(0) { $0 + Self.fileSize($1) }
        guard copied > limits.outputBytes else { return nil }
        return record(exceeded("output_bytes", file: "sites/\(siteID)",
                               "site \(siteID) copies \(QuotaValue.describeBytes(copied)) of media and theme assets into its output; \(allows(\.outputBytes)) \(QuotaValue.describeBytes(limits.outputBytes)) of output (output_bytes)"))
    }

    /// The deadline, checked between stages; `stage` says where the build was ("after loading").
    public func checkDeadline(_ stage: String) -> Diagnostic? {
        if let breach { return breach }
        let seconds = elapsed()
        guard seconds > limits.buildSeconds else { return nil }
        return record(exceeded("build_seconds", file: "sites/\(siteID)",
                               "site \(siteID) was still building after \(QuotaValue.describeSeconds(seconds)) (\(stage)) and was stopped; \(siteOverride?.buildSeconds != nil ? siteAllows : "the \(plan.rawValue) plan allows") \(QuotaValue.describeSeconds(limits.buildSeconds)) (build_seconds)"))
    }

    /// Called before each page is rendered: false once a quota is breached or the deadline passed.
    public func mayRender() -> Bool {
        checkDeadline("while rendering") == nil
    }

    /// Counts a rendered file's bytes before it is written; false (and the render stops) when
    /// the output would pass `output_bytes`.
    public func admit(_ file: OutputFile) -> Bool {
        let size: Int
        switch file.content {
        case .text(let text): size = text.utf8.count
        case .bytes(let bytes): size = bytes.count
        case .copy(let source): size = Self.fileSize(source)
        case .unchanged: size = 0  // kept files are counted with `admit(bytes:)` and their previous size
        }
        return admit(bytes: size)
    }

    /// Forgets the output counted so far, for a render that was abandoned without a breach
    /// (the edited-posts short cut) before the site is rendered again in full.
    func forgetOutputBytes() {
        lock.withLock {
            if firstBreach == nil { writtenBytes = 0 }
        }
    }

    /// Counts `bytes` of output (also for files kept from a previous build, which are part of
    /// the output tree); false when the total passes `output_bytes`.
    public func admit(bytes: Int) -> Bool {
        let (total, stopped) = lock.withLock { () -> (Int, Bool) in
            writtenBytes += bytes
            return (writtenBytes, firstBreach != nil)
        }
        if stopped { return false }
        guard total > limits.outputBytes else { return true }
        record(exceeded("output_bytes", file: "sites/\(siteID)",
                        "site \(siteID) had \(QuotaValue.describeBytes(total)) of output when it was stopped; \(allows(\.outputBytes)) \(QuotaValue.describeBytes(limits.outputBytes)) (output_bytes)"))
        return false
    }

    /// "the free plan allows", or "sbcms.yaml (sites: x) allows" for a site's own limit.
    private func allows(_ limit: KeyPath<QuotaOverride, Int?>) -> String {
        siteOverride?[keyPath: limit] != nil ? siteAllows : "the \(plan.rawValue) plan allows"
    }

    private var siteAllows: String { "sbcms.yaml (sites: \(siteID)) allows" }

    private func exceeded(_ limit: String, file: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, code: "quota-exceeded", site: siteID, file: file, message: message,
                   hint: "make the site smaller, move it to a bigger plan (`plan:` in sites/\(siteID)/site.yaml) or raise `\(limit)` in sbcms.yaml")
    }

    /// Keeps the first breach (parallel renders may find several) and returns the one kept.
    @discardableResult
    private func record(_ diagnostic: Diagnostic) -> Diagnostic {
        lock.withLock {
            if firstBreach == nil { firstBreach = diagnostic }
            return firstBreach!
        }
    }

    /// A file's size in bytes (symbolic links followed), 0 when it cannot be read.
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }
}
