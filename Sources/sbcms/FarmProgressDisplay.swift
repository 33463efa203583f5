import Dispatch
import Foundation
import SBCMSBuild
import SBCMSCore

/// The live progress bar on a terminal's stderr: redrawn in place at most ten times a second,
/// with messages printed above it. Used only when stderr is a terminal.
final class FarmProgressDisplay: BuildFarmObserver, @unchecked Sendable {
    /// Counts pages as the sites write them (given to the build options).
    let pageCounter = PageCounter()
    private let lock = PosixLock()
    private let total: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var done = 0
    private var building: [String] = []
    private var timer: DispatchSourceTimer?
    private var shown = false

    init(sites total: Int) {
        self.total = total
        start = clock.now
    }

    /// True when stderr is a terminal that can redraw a line.
    static var isAvailable: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Draws the bar now and then every 100 ms until `stop()`.
    func begin() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now(), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.lock.withLock { self?.draw() } }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    func siteStarted(_ siteID: String) {
        lock.withLock { building.append(siteID) }
    }

    func siteFinished(_ result: SiteBuildResult) {
        lock.withLock {
            done += 1
            building.removeAll { $0 == result.siteID }
        }
    }

    /// Prints whole lines above the bar.
    func printAbove(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        lock.withLock {
            clear()
            write(lines.map { $0 + "\n" }.joined())
            draw()
        }
    }

    /// Stops redrawing and erases the bar.
    func stop() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            clear()
        }
    }

    /// Called with the lock held.
    private func draw() {
        guard timer != nil else { return }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = FarmProgressLine(sitesDone: done, sitesTotal: total, pages: pageCounter.value,
                                    elapsedSeconds: seconds, building: building)
        write("\r\u{1B}[2K" + line.rendered(width: FarmProgressLine.terminalColumns(fd: STDERR_FILENO)))
        shown = true
    }

    /// Called with the lock held.
    private func clear() {
        if shown { write("\r\u{1B}[2K") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
