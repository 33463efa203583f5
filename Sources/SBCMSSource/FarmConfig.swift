import SBCMSCore

/// The limits a site's build must stay within (one plan of `sbcms.yaml`, or a site's override).
public struct QuotaLimits: Sendable, Hashable {
    /// HTML pages a build writes.
    public var pages: Int
    /// Total bytes of the site's output tree.
    public var outputBytes: Int
    /// Total bytes of the site's `media/` folder.
    public var mediaBytes: Int
    /// Wall time of the site's build, in seconds.
    public var buildSeconds: Double

    public init(pages: Int, outputBytes: Int, mediaBytes: Int, buildSeconds: Double) {
        self.pages = pages
        self.outputBytes = outputBytes
        self.mediaBytes = mediaBytes
        self.buildSeconds = buildSeconds
    }
}

/// A site's own limits from `sbcms.yaml`'s `sites:` section; unset ones come from its plan.
public struct QuotaOverride: Sendable, Hashable {
    public var pages: Int?
    public var outputBytes: Int?
    public var mediaBytes: Int?
    public var buildSeconds: Double?

    public init(pages: Int? = nil, outputBytes: Int? = nil, mediaBytes: Int? = nil, buildSeconds: Double? = nil) {
        self.pages = pages
        self.outputBytes = outputBytes
        self.mediaBytes = mediaBytes
        self.buildSeconds = buildSeconds
    }
}

/// The farm configuration, `sbcms.yaml` at the repository root: each plan's quotas and
/// optional per-site overrides. See docs/FARM.md, "Plans, quotas and isolation".
public struct FarmConfig: Sendable, Hashable {
    /// The limits of each plan.
    public var plans: [SiteConfig.Plan: QuotaLimits]
    /// Per-site overrides, by site id.
    public var sites: [String: QuotaOverride]

    public init(plans: [SiteConfig.Plan: QuotaLimits] = FarmConfig.defaultPlans, sites: [String: QuotaOverride] = [:]) {
        self.plans = plans
        self.sites = sites
    }

    /// The limits used when `sbcms.yaml` is absent or does not name a plan or a limit:
    /// generous, but finite.
    public static let defaultPlans: [SiteConfig.Plan: QuotaLimits] = [
        .free: QuotaLimits(pages: 2_000, outputBytes: 1_000_000_000, mediaBytes: 500_000_000, buildSeconds: 300),
        .pro: QuotaLimits(pages: 50_000, outputBytes: 20_000_000_000, mediaBytes: 10_000_000_000, buildSeconds: 1_800),
        .enterprise: QuotaLimits(pages: 500_000, outputBytes: 200_000_000_000, mediaBytes: 100_000_000_000,
                                 buildSeconds: 7_200),
    ]

    /// The configuration without `sbcms.yaml`.
    public static let defaults = FarmConfig()

    /// The limits of a site on `plan`: its plan's, with its own overrides on top.
    public func limits(siteID: String, plan: SiteConfig.Plan) -> QuotaLimits {
        var limits = plans[plan] ?? FarmConfig.defaultPlans[plan]!
        if let override = sites[siteID] {
            if let pages = override.pages { limits.pages = pages }
            if let bytes = override.outputBytes { limits.outputBytes = bytes }
            if let bytes = override.mediaBytes { limits.mediaBytes = bytes }
            if let seconds = override.buildSeconds { limits.buildSeconds = seconds }
        }
        return limits
    }
}

/// `sbcms.yaml` as loaded for one run: the configuration when it is usable, and every
/// diagnostic about it. A broken file has no configuration: every site fails with its errors
/// rather than being built without limits.
public struct LoadedFarmConfig: Sendable {
    public var config: FarmConfig?
    /// Diagnostics of `sbcms.yaml` (site-less; errors mean `config` is nil).
    public var diagnostics: [Diagnostic]

    public init(config: FarmConfig?, diagnostics: [Diagnostic]) {
        self.config = config
        self.diagnostics = diagnostics
    }

    /// Reads `sbcms.yaml` of `workspace`; the defaults when there is no such file.
    public static func load(workspace: Workspace) -> LoadedFarmConfig {
        let path = workspace.farmConfigPath
        // A dangling link is not "no file": reading it fails below, and so does every site.
        guard FileSystem.exists(path) || FileSystem.isSymlink(path) else {
            return LoadedFarmConfig(config: .defaults, diagnostics: [])
        }
        let location = SourceLocation(site: nil, file: Workspace.farmConfigFileName)
        let text: String
        do {
            text = try FileSystem.readText(path)
        } catch {
            return LoadedFarmConfig(config: nil, diagnostics: [
                .error("farm-config", at: location, "cannot read sbcms.yaml: \(error)",
                       hint: "make the file readable, or remove it to use the default quotas"),
            ])
        }
        let (config, diagnostics) = FarmConfigParser.parse(text, location: location,
                                                            knownSiteIDs: Set(workspace.siteIDs()))
        return LoadedFarmConfig(config: config, diagnostics: diagnostics)
    }

    /// The diagnostics as they are reported with `siteID`'s build.
    public func diagnostics(for siteID: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.site = siteID
            return copy
        }
    }
}
