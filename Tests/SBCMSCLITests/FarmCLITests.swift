import Foundation
import SBCMSTestSupport
import Testing

/// `sbcms build` as a farm: --jobs, --shard, --shard-count, --report and the terminal output.
@Suite struct FarmCLITests {
    private static let siteIDs = ["alpha", "beta", "broken", "delta", "gamma"]

    private func farm() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for id in Self.siteIDs where id != "broken" {
            try repo.writeSite(id)
            for day in 1...3 {
                try repo.write("sites/\(id)/blog/2026-01-0\(day)-note-\(day).md", "---\ntitle: Note \(day)\ntags: [farm]\n---\nNote \(day) of \(id).\n")
            }
        }
        try repo.writeSite("broken")
        try repo.write("sites/broken/blog/2026-01-01-bad.md", "---\ntitle: Bad\ndate: 2026-13-01\n---\nBody\n")
        return repo
    }

    /// The lines that report a finished site (`built alpha: ...`, `failed broken: ...`).
    private func siteLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("built ") || $0.hasPrefix("failed ") || $0.hasPrefix("up to date ") }
    }

    @Test func withoutATerminalEachSiteGetsOnePlainLineInSiteOrder() throws {
        let repo = try farm()
        let output = try CommandRunner.run(["build", "--all", "--jobs", "3"], in: repo.root)
        #expect(output.status == 1)
        #expect(!output.stderr.contains("\u{1B}["), "no escape codes when stderr is a pipe")
        #expect(!output.stderr.contains("\r"))
        let lines = siteLines(output.stderr)
        #expect(lines.count == Self.siteIDs.count, "\(output.stderr)")
        #expect(lines.map { $0.split(separator: " ")[1].dropLast() }.map(String.init) == Self.siteIDs)
        #expect(lines[2].hasPrefix("failed broken:"))
        #expect(output.stderr.contains("sites/broken/blog/2026-01-01-bad.md:3:7: error[invalid-date]:"))
        #expect(output.stderr.hasSuffix("4 sites built, 1 failed; output in \(repo.root)/output\n"))
        #expect(!output.stderr.contains("status  pages"), "the summary table is for terminals")
    }

    /// Runs `sbcms` on a pseudo-terminal (util-linux `script`) and returns what the terminal got.
    private func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let command = ([CommandRunner.binary] + arguments).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ["TERM": "xterm", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func onATerminalTheProgressBarAndTheSummaryTableShow() throws {
        let repo = try farm()
        let (status, text) = try runOnTerminal(["build", "--all", "--jobs", "2", "--root", repo.root])
        #expect(status == 1)
        #expect(text.contains("\r\u{1B}[2K["), "the bar is redrawn in place")
        #expect(text.contains("sites"))
        // Each redraw is `\r ESC[2K <line>`: cut there too, then drop the erase code.
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.hasPrefix("\u{1B}[2K") ? String($0.dropFirst(4)) : String($0) }
        let header = try #require(lines.firstIndex {
            $0.split(separator: " ").suffix(7).map(String.init) == ["site", "status", "pages", "written", "kept", "removed", "time"]
        })
        let rows = lines[(header + 1)...].prefix(Self.siteIDs.count).map { String($0.split(separator: " ")[0]) }
        #expect(rows == Self.siteIDs)
        #expect(text.contains("error[invalid-date]"))
        #expect(text.contains("4 sites built, 1 failed"))
    }

    @Test func quietAndJSONShowNoBarEvenOnATerminal() throws {
        let repo = try farm()
        let quiet = try runOnTerminal(["build", "--all", "--quiet", "--root", repo.root])
        #expect(!quiet.text.contains("\u{1B}["))
        #expect(quiet.text.contains("error[invalid-date]"))
        #expect(!quiet.text.contains("built alpha") && !quiet.text.contains("status"))
        let json = try runOnTerminal(["build", "--all", "--format", "json", "--root", repo.root])
        #expect(!json.text.contains("\u{1B}["))
        #expect(json.text.contains("\"diagnostics\""))
    }

    @Test func oneJobAndFourJobsWriteIdenticalTrees() throws {
        let repo = try farm()
        let serial = try CommandRunner.run(["build", "--all", "--jobs", "1", "--output", "serial"], in: repo.root)
        let parallel = try CommandRunner.run(["build", "--all", "--jobs", "4", "--output", "parallel"], in: repo.root)
        #expect(serial.status == 1 && parallel.status == 1)
        // The build records (.sbcms/) name each tree's inode, which differs by nature.
        for folder in ["parallel", "serial"] { try? repo.remove(folder + "/.sbcms") }
        let differences = GoldenTree.compare(actual: repo.root + "/parallel", expected: repo.root + "/serial")
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(repo.files(under: "serial").count > 20)
        // Apart from timings, what is printed does not depend on --jobs either.
        func withoutTimes(_ text: String) -> String {
            text.replacingOccurrences(of: #"in [0-9.]+ s"#, with: "in _ s", options: .regularExpression)
                .replacingOccurrences(of: "/serial", with: "/_").replacingOccurrences(of: "/parallel", with: "/_")
        }
        #expect(withoutTimes(serial.stderr) == withoutTimes(parallel.stderr))
    }

    @Test func reportFileHasEverySiteAndTheTotals() throws {
        let repo = try farm()
        let output = try CommandRunner.run(["build", "--all", "--jobs", "2", "--report", "reports/farm.json"], in: repo.root)
        #expect(output.status == 1)
        #expect(repo.files(under: "reports") == ["farm.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(repo.read("reports/farm.json").utf8)) as? [String: Any])
        #expect(object["report"] as? String == "sbcms-farm")
        #expect(object["jobs"] as? Int == 2)
        #expect(object["shard"] is NSNull)
        #expect((object["wall_seconds"] as? Double ?? -1) >= 0)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["sites"] as? Int == 5)
        #expect(totals["built"] as? Int == 4)
        #expect(totals["failed"] as? Int == 1)
        #expect(totals["errors"] as? Int == 1)
        let sites = try #require(object["sites"] as? [[String: Any]])
        #expect(sites.map { $0["id"] as? String } == Self.siteIDs)
        for site in sites {
            for key in ["status", "pages", "files", "files_written", "files_kept", "files_removed", "seconds",
                        "peak_memory_bytes", "concurrent_sites", "memory_share_bytes", "errors", "warnings"] {
                #expect(site[key] != nil, "\(site["id"] ?? "?") lacks \(key)")
            }
        }
        let alpha = sites[0]
        #expect(alpha["status"] as? String == "built")
        #expect((alpha["pages"] as? Int ?? 0) > 3)
        #expect(alpha["files_written"] as? Int == alpha["files"] as? Int)
        #expect((alpha["peak_memory_bytes"] as? Int ?? 0) > 0)
        #expect(sites[2]["status"] as? String == "failed")
        #expect(sites[2]["errors"] as? Int == 1)
    }

    @Test func shardsSplitTheSitesWithoutOverlap() throws {
        let repo = try farm()
        var built: [String] = []
        for index in 0..<3 {
            let output = try CommandRunner.run(["build", "--all", "--shard", "\(index)/3", "--output", "out\(index)",
                                                "--report", "shard\(index).json"], in: repo.root)
            #expect(output.status == 0 || output.status == 1)
            #expect(output.stderr.contains("shard \(index)/3: "))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(repo.read("shard\(index).json").utf8)) as? [String: Any])
            let shard = try #require(object["shard"] as? [String: Any])
            #expect(shard["index"] as? Int == index && shard["count"] as? Int == 3)
            #expect(shard["sites_requested"] as? Int == Self.siteIDs.count)
            let ids = (object["sites"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(shard["sites_in_shard"] as? Int == ids.count)
            #expect(ids == ids.sorted())
            built += ids
        }
        #expect(built.sorted() == Self.siteIDs)
    }

    @Test func shardCountTakesTheIndexFromJobCompletionIndex() throws {
        let repo = try farm()
        let fromFlag = try CommandRunner.run(["build", "--all", "--shard", "1/2", "--report", "flag.json"], in: repo.root)
        let fromEnv = try CommandRunner.run(["build", "--all", "--shard-count", "2", "--report", "env.json"], in: repo.root,
                                            environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(fromFlag.status == fromEnv.status)
        func ids(_ file: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(repo.read(file).utf8)) as? [String: Any]
            return (object?["sites"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids("flag.json") == ids("env.json"))
        let missing = try CommandRunner.run(["build", "--all", "--shard-count", "2"], in: repo.root,
                                            environment: ["JOB_COMPLETION_INDEX": ""])
        #expect(missing.status == 64)
        let outOfRange = try CommandRunner.run(["build", "--all", "--shard-count", "2"], in: repo.root,
                                               environment: ["JOB_COMPLETION_INDEX": "2"])
        #expect(outOfRange.status == 64)
        #expect(outOfRange.stderr.contains("JOB_COMPLETION_INDEX '2' is not a shard index from 0 to 1"))
    }

    @Test func badFarmOptionsExit64() throws {
        let repo = try farm()
        for arguments in [["--jobs", "0"], ["--jobs", "-2"], ["--jobs", "257"], ["--shard", "3/3"], ["--shard", "1"], ["--shard", "a/b"],
                          ["--shard", "0/0"], ["--shard", "0/2", "--shard-count", "2"], ["--shard-count", "0"]] {
            let output = try CommandRunner.run(["build", "--all"] + arguments, in: repo.root)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
        }
        let help = try CommandRunner.run(["build", "--help"], in: "/")
        for flag in ["--jobs", "--shard", "--shard-count", "--report"] {
            #expect(help.stdout.contains(flag), "build --help lacks \(flag)")
        }
    }
}
