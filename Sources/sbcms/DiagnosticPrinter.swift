import Foundation
import SBCMSBuild
import SBCMSCore

/// Prints build results: compiler-style text on stderr, or one JSON document on stdout.
struct DiagnosticPrinter {
    let format: BuildCommand.DiagnosticFormat
    let quiet: Bool
    let verbose: Bool

    func siteFinished(_ result: SiteBuildResult) {
        guard format == .text else { return }
        for diagnostic in result.diagnostics where diagnostic.severity == .error || !quiet {
            printError(diagnostic.formatted)
        }
        if verbose, result.status == .failed {
            printError("  \(result.siteID): nothing written; output/\(result.siteID)/ is unchanged")
        }
        guard !quiet else { return }
        let time = String(format: "%.2f s", result.seconds)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        switch result.status {
        case .built where verbose:
            let stages = result.stageSeconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }
            printError("built \(result.siteID): \(result.pages) pages, \(result.files) files in \(time) (\(stages.joined(separator: ", ")))")
        case .built:
            let warningText = warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""
            printError("built \(result.siteID): \(result.pages) pages, \(result.files) files in \(time)\(warningText)")
        case .upToDate:
            printError("up to date \(result.siteID): nothing changed, output/\(result.siteID)/ untouched (\(time))")
        case .failed:
            printError("failed \(result.siteID): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); previous output kept")
        }
    }

    func finish(_ results: [SiteBuildResult], outputDirectory: String) {
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
            let built = results.filter { $0.status != .failed }.count
            let failed = results.count - built
            printError("\(built) site\(built == 1 ? "" : "s") built, \(failed) failed; output in \(outputDirectory)")
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
