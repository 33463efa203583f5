#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SBCMSTestSupport
import Testing

/// `kill -9` at any moment of a build leaves a complete output and the cache usable: the real
/// binary builds an edited site of a few hundred posts and is killed after several delays; each
/// time `output/<site>/` must be the previous complete tree (or, when the kill came after the
/// atomic switch, the whole new tree), and a final build must equal a cold build.
@Suite(.serialized) struct KillDuringBuildTests {
    static func writeSite(_ repo: FixtureRepository, posts: Int, revision: Int) throws {
        try repo.writeSite("big", extra: "# revision \(revision)")
        try repo.write("sites/big/site.yaml", try repo.read("sites/big/site.yaml")
            .replacingOccurrences(of: "description: Notes from big.", with: "description: Notes from big, revision \(revision)."))
        for index in 0..<posts {
            let link = index > 0 ? "See [the previous post](\(String(format: "%@-post-%04d", Self.day(index - 1), index - 1)).md)." : ""
            let body = "Post \(index) says hello (revision \(index % 7 == 0 ? revision : 0)).\n\n## Section\n\n\(link)\n"
            try repo.write("sites/big/blog/\(Self.day(index))-post-\(String(format: "%04d", index)).md",
                           "---\ntitle: Post \(index)\ntags: [tag\(index % 10)]\n---\n\(body)")
        }
    }

    static func day(_ index: Int) -> String {
        String(format: "2026-%02d-%02d", 1 + index % 10, 1 + index % 28)
    }

    static func snapshot(_ repo: FixtureRepository, to name: String) throws {
        try? FileManager.default.removeItem(atPath: repo.root + "/" + name)
        try FileManager.default.copyItem(atPath: repo.root + "/output/big", toPath: repo.root + "/" + name)
    }

    @Test func killedBuildsLeaveThePreviousOutput() throws {
        let repo = try FixtureRepository()
        try Self.writeSite(repo, posts: 300, revision: 0)
        let first = try CommandRunner.run(["build", "--site", "big"], in: repo.root)
        try #require(first.status == 0, "\(first.stderr)")
        try Self.snapshot(repo, to: "previous")

        var revision = 1
        var kills = 0
        try Self.writeSite(repo, posts: 300, revision: revision)
        for delay in [20, 60, 120, 250, 400, 700, 1000] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            process.arguments = ["build", "--site", "big"]
            process.currentDirectoryURL = URL(fileURLWithPath: repo.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                kills += 1
                let differences = GoldenTree.compare(actual: repo.root + "/output/big", expected: repo.root + "/previous")
                if differences.isEmpty { continue }
                // Killed after the switch (while removing the old tree or writing the reports):
                // then the output must be the whole new tree, as a cold build makes it.
                let expected = "expected-\(revision)"
                let cold = try CommandRunner.run(["build", "--site", "big", "--no-cache", "--output", expected], in: repo.root)
                #expect(cold.status == 0, "\(cold.stderr)")
                let newTree = GoldenTree.compare(actual: repo.root + "/output/big", expected: repo.root + "/" + expected + "/big")
                let mismatch = "killed after \(delay) ms: neither the previous nor the new tree: "
                    + "\(differences.prefix(3).joined(separator: "\n")) / \(newTree.prefix(3).joined(separator: "\n"))"
                #expect(newTree.isEmpty, "\(mismatch)")
                try Self.snapshot(repo, to: "previous")
                revision += 1
                try Self.writeSite(repo, posts: 300, revision: revision)
            } else {
                // The build finished before the kill: its tree is the new previous one; edit again.
                #expect(process.terminationStatus == 0)
                try Self.snapshot(repo, to: "previous")
                revision += 1
                try Self.writeSite(repo, posts: 300, revision: revision)
            }
        }
        #expect(kills >= 2, "the builds were too fast to be killed")

        let final = try CommandRunner.run(["build", "--site", "big"], in: repo.root)
        #expect(final.status == 0, "\(final.stderr)")
        let cold = try CommandRunner.run(["build", "--site", "big", "--no-cache", "--output", "cold"], in: repo.root)
        #expect(cold.status == 0, "\(cold.stderr)")
        let differences = GoldenTree.compare(actual: repo.root + "/output/big", expected: repo.root + "/cold/big")
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/output")
            .filter { $0.hasPrefix(".staging-") || $0.hasPrefix(".old-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(repo.exists("output/.sbcms/big/manifest.json") && repo.exists("output/.sbcms/big/changes.json"))
    }
}
