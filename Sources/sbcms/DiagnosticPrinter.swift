import Foundation
import SBCMSBuild
import SBCMSCore

/// Prints build results: compiler-style text on stderr, or one JSON document on stdout. On a
/// terminal (`progress` set) messages go above the live progress bar and a summary table ends the
/// run; otherwise each finished site gets one plain line, without escape codes.
struct DiagnosticPrinter {
    let format: BuildCommand.DiagnosticFormat
    let quiet: Bool
    let verbose: Bool
    /// The live progress bar, when stderr is a terminal.
    var progress: FarmProgressDisplay?

    init(format: BuildCommand.DiagnosticFormat, quiet: Bool, verbose: Bool, progress: FarmProgressDisplay? = nil) {
        self.format = format
        self.quiet = quiet
        self.verbose = verbose
        self.progress = progress
    }

    func siteFinished(_ result: SiteBuildResult) {
        guard format == .text else { return }
        var lines = diagnosticLines(result.diagnostics)
        if verbose, result.status == .failed {
            lines.append("  \(result.siteID): nothing written; output/\(result.siteID)/ is unchanged")
        }
        // On a terminal the summary table lists every site; elsewhere each site gets its line.
        if !quiet, progress == nil || verbose { lines.append(statusLine(result)) }
        emit(lines)
    }

    /// Prints diagnostics the way `siteFinished` does, without the status line (`sbcms serve`).
    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard format == .text else { return }
        emit(diagnosticLines(diagnostics))
    }

    private func diagnosticLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error || !quiet }.map(\.formatted)
    }

    private func statusLine(_ result: SiteBuildResult) -> String {
        let time = String(format: "%.2f s", result.seconds)
        let errors = result.errorCount
        let warnings = result.warningCount
        switch result.status {
        case .built where verbose:
            let stages = result.stageSeconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }
            return "built \(result.siteID): \(result.pages) pages, \(result.files) files in \(time) (\(stages.joined(separator: ", ")))"
        case .built:
            let warningText = warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""
            return "built \(result.siteID): \(result.pages) pages, \(result.files) files in \(time)\(warningText)"
        case .upToDate:
            return "up to date \(result.siteID): nothing changed, output/\(result.siteID)/ untouched (\(time))"
        case .failed:
            return "failed \(result.siteID): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); previous output kept"
        }
    }

    /// A line said before the build (text format, not quiet), such as which shard runs.
    func note(_ text: String) {
        guard format == .text, !quiet else { return }
        emit([text])
    }

    func finish(_ results: [SiteBuildResult], outputDirectory: String) {
        progress?.stop()
        switch format {
        case .json:
            let report = BuildReportJSON(results: results)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) {
                print(text)
            }
        case .text:
            guard !quiet else { return }
            if progress != nil, !results.isEmpty { FarmSummaryTable.lines(results).forEach(printError) }
            let built = results.filter { $0.status == .built }.count
            let upToDate = results.filter { $0.status == .upToDate }.count
            let failed = results.count - built - upToDate
            let upToDateText = upToDate > 0 ? ", \(upToDate) up to date" : ""
            printError("\(built) site\(built == 1 ? "" : "s") built\(upToDateText), \(failed) failed; output in \(outputDirectory)")
        }
    }

    private func emit(_ lines: [String]) {
        if let progress {
            progress.printAbove(lines)
        } else {
            lines.forEach(printError)
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The `--format json` document.
struct BuildReportJSON: Encodable {
    struct Site: Encodable {
        var id: String
        var status: String
        var pages: Int
        var files: Int
        var seconds: Double
    }

    var sites: [Site]
    var diagnostics: [Diagnostic]

    init(results: [SiteBuildResult]) {
        sites = results.map {
            Site(id: $0.siteID, status: $0.status.rawValue, pages: $0.pages, files: $0.files,
                 seconds: ($0.seconds * 1000).rounded() / 1000)
        }
        diagnostics = results.flatMap(\.diagnostics)
    }
}
