import CSBCMSSystem

/// The one-line farm progress shown on a terminal: a bar, sites done of total, pages and pages
/// per second, and the sites being built, cut to the terminal's width.
public struct FarmProgressLine: Sendable {
    public var sitesDone: Int
    public var sitesTotal: Int
    public var pages: Int
    public var elapsedSeconds: Double
    /// Sites being built, in the order they started.
    public var building: [String]

    public init(sitesDone: Int, sitesTotal: Int, pages: Int, elapsedSeconds: Double, building: [String]) {
        self.sitesDone = sitesDone
        self.sitesTotal = sitesTotal
        self.pages = pages
        self.elapsedSeconds = elapsedSeconds
        self.building = building
    }

    /// The line, at most `width` characters, without escape codes.
    public func rendered(width: Int) -> String {
        let barWidth = 20
        let filled = sitesTotal == 0 ? barWidth : barWidth * sitesDone / sitesTotal
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        let rate = elapsedSeconds > 0 ? Int((Double(pages) / elapsedSeconds).rounded()) : 0
        var line = "\(bar) \(sitesDone)/\(sitesTotal) sites  \(pages) pages  \(rate) pages/s"
        if !building.isEmpty { line += "  building: " + building.joined(separator: ", ") }
        let limit = max(10, width - 1)
        if line.count > limit { line = String(line.prefix(limit - 3)) + "..." }
        return line
    }

    /// The width of the terminal on file descriptor `fd`; 80 when unknown.
    public static func terminalColumns(fd: Int32) -> Int {
        let columns = Int(sbcms_terminal_columns(fd))
        return columns > 0 ? columns : 80
    }
}
