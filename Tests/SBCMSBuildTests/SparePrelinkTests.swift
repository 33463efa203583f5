import Foundation
@testable import SBCMSBuild
import SBCMSCore
import SBCMSRender
import SBCMSTestSupport
import Testing

/// Without a spare tree, one is made from the live tree while the site is read; the writer
/// stages into it and must never write through the files it shares with the live tree.
@Suite struct SparePrelinkTests {
    private let output = FileManager.default.temporaryDirectory.path + "/sbcms-prelink-\(UUID().uuidString)"

    private func writer(_ files: [(String, String?)]) throws -> OutputWriter {
        let writer = try OutputWriter(siteID: "s", outputDirectory: output)
        for (path, text) in files {
            #expect(try writer.write(OutputFile(path: path, content: text.map(OutputFile.Content.text) ?? .unchanged)), "\(path)")
        }
        return writer
    }

    private func tree(_ folder: String) -> [String: String] { TextTree.read(folder) }

    @Test func theSpareIsMadeFromTheLiveTreeAndNothingIsWrittenThroughIt() throws {
        defer { FileSystem.removeTree(output) }
        #expect(SparePrelink.start(outputDirectory: output, siteID: "s") == nil, "no live tree, no spare")
        let first = try writer([("index.html", "home 1"), ("a/index.html", "a 1"), ("b/c/index.html", "c 1"), ("x", "x 1")])
        _ = try first.finish()
        try first.commit()
        let live = tree(output + "/s")

        let prelink = try #require(SparePrelink.start(outputDirectory: output, siteID: "s"))
        prelink.wait()
        prelink.wait()  // a second wait returns at once
        #expect(tree(output + "/.spare-s") == live)
        #expect(FileSystem.identity(output + "/.spare-s/a/index.html")?.inode == FileSystem.identity(output + "/s/a/index.html")?.inode,
                "the spare's files are links to the live tree's")
        #expect(SparePrelink.start(outputDirectory: output, siteID: "s") == nil, "a spare exists")

        let second = try writer([("index.html", "home 2"), ("a/index.html", nil), ("d/index.html", "d 2"), ("x", "x 1")])
        #expect(tree(output + "/s") == live, "the live tree is untouched until the switch")
        _ = try second.finish()
        try second.commit()
        #expect(tree(output + "/s") == ["index.html": "home 2", "a/index.html": "a 1", "d/index.html": "d 2", "x": "x 1"])
        #expect(tree(output + "/.spare-s") == live, "the tree switched out kept its bytes")
    }

    @Test func aLiveTreeThatDiffersFromItsRecordGivesNoSpare() throws {
        defer { FileSystem.removeTree(output) }
        let files = (0..<300).map { ("p\($0)/index.html", "page \($0)") as (String, String?) }
        let first = try writer(files)
        _ = try first.finish()
        try first.commit()
        unlink(output + "/s/p250/index.html")  // the record still lists it
        let prelink = try #require(SparePrelink.start(outputDirectory: output, siteID: "s"))
        prelink.wait()
        #expect(!FileSystem.exists(output + "/.spare-s"))
        #expect(!FileSystem.exists(SparePrelink.buildingFolder(outputDirectory: output, siteID: "s")))
    }

    @Test func aPrelinkFolderLeftByAKilledBuildIsRemoved() throws {
        defer { FileSystem.removeTree(output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let abandoned = output + "/.prelink-s-\(process.processIdentifier)"
        try FileSystem.createDirectories(abandoned + "/a")
        _ = try writer([("index.html", "home")])
        #expect(!FileSystem.exists(abandoned))
    }
}
