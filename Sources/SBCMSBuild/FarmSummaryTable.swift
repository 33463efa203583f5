/// The table printed at the end of a farm build on a terminal: one row per site in the order of
/// the site ids, then the totals.
public enum FarmSummaryTable {
    /// The table's lines, columns aligned, without escape codes.
    public static func lines(_ results: [SiteBuildResult]) -> [String] {
        let header = ["site", "status", "pages", "written", "kept", "removed", "time"]
        var rows = results.map { result in
            [result.siteID, result.status.rawValue, "\(result.pages)", "\(result.filesWritten)",
             "\(result.filesKept)", "\(result.filesRemoved)", seconds(result.seconds)]
        }
        let failed = results.filter { $0.status == .failed }.count
        rows.append(["total", failed == 0 ? "ok" : "\(failed) failed",
                     "\(results.map(\.pages).reduce(0, +))", "\(results.map(\.filesWritten).reduce(0, +))",
                     "\(results.map(\.filesKept).reduce(0, +))", "\(results.map(\.filesRemoved).reduce(0, +))",
                     seconds(results.map(\.seconds).reduce(0, +))])
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Names and statuses read left to right; figures line up on the right.
                return column < 2 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return [line(header)] + rows.dropLast().map(line)
            + [String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)), line(rows.last!)]
    }

    private static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}
