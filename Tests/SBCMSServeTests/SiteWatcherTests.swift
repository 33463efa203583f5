#if canImport(Glibc)
import Glibc
#endif
@testable import SBCMSServe
import Testing

/// A folder the watcher cannot watch is said, not skipped in silence; one that does not exist
/// (yet) is not a problem.
@Suite struct SiteWatcherTests {
    @Test func aMissingFolderIsNotAWarning() {
        #expect(SiteWatcher.watchFailure(path: "/repo/templates", errno: ENOENT) == nil)
        #expect(SiteWatcher.watchFailure(path: "/repo/sbcms.yaml", errno: ENOTDIR) == nil)
    }

    @Test func theWatchLimitSaysHowToRaiseIt() throws {
        let warning = try #require(SiteWatcher.watchFailure(path: "/repo/sites/a/docs", errno: ENOSPC))
        #expect(warning.contains("/repo/sites/a/docs") && warning.contains("fs.inotify.max_user_watches"))
    }

    @Test func otherFailuresNameTheFolderAndTheReason() throws {
        let warning = try #require(SiteWatcher.watchFailure(path: "/repo/sites/a/private", errno: EACCES))
        #expect(warning.contains("/repo/sites/a/private") && warning.contains("Permission denied"))
    }
}
