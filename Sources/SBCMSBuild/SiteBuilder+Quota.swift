import SBCMSCore
import SBCMSRender
import SBCMSSource

extension SiteBuilder {
    /// The quota guard of one site's build, after its first checks (media bytes, the deadline
    /// after loading). Nil, with the reasons appended to `diagnostics`, when the site must not
    /// be built: `sbcms.yaml` is broken (a platform never builds without limits) or a quota is
    /// already exceeded. `sbcms.yaml`'s warnings are appended too.
    func startQuotas(for source: SiteSource, startedAt start: ContinuousClock.Instant,
                     diagnostics: inout [Diagnostic]) -> QuotaGuard? {
        diagnostics += farmConfig.diagnostics(for: source.config.id)
        guard let config = farmConfig.config else { return nil }
        let clock = quotaElapsed ?? { instant in
            let duration = ContinuousClock.now - instant
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let quota = QuotaGuard(siteID: source.config.id, plan: source.config.plan, config: config,
                               elapsed: { clock(start) })
        if let breach = quota.checkMedia(source.media) ?? quota.checkDeadline("after loading") {
            diagnostics.append(breach)
            return nil
        }
        return quota
    }
}

extension QuotaGuard {
    /// `checkPlan(pages:copiedFiles:)` for a site's render tasks.
    func checkPlan(_ tasks: [RenderTask]) -> Diagnostic? {
        var pages = 0
        var copied: [String] = []
        for task in tasks {
            if task.isPage { pages += 1 }
            if case .copy(let source, _) = task { copied.append(source) }
        }
        return checkPlan(pages: pages, copiedFiles: copied) ?? checkDeadline("after planning")
    }
}
