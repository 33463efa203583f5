import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSRender
import SBCMSTestSupport
import Testing

/// The tree switched out of `output/<site>/` is kept and becomes the next build's staging
/// folder; whatever it held, the new tree is exactly the files written.
@Suite struct SpareTreeTests {
    private let output = FileManager.default.temporaryDirectory.path + "/sbcms-spare-\(UUID().uuidString)"

    /// One build through the writer: every (path, text) pair; `nil` text keeps the previous file.
    @discardableResult
    private func build(_ files: [(String, String?)]) throws -> OutputWriter.Changes {
        let writer = try OutputWriter(siteID: "s", outputDirectory: output)
        for (path, text) in files {
            let file = OutputFile(path: path, content: text.map(OutputFile.Content.text) ?? .unchanged)
            #expect(try writer.write(file), "\(path)")
        }
        let changes = try writer.finish()
        try writer.commit()
        return changes
    }

    private func tree(_ folder: String) -> [String: String] { TextTree.read(folder) }

    private func inode(_ path: String) -> UInt64? { FileSystem.identity(output + "/s/" + path)?.inode }

    @Test func eachBuildLeavesExactlyItsFilesWhateverTheSpareHeld() throws {
        defer { FileSystem.removeTree(output) }
        try build([("index.html", "home 1"), ("a/index.html", "a 1"), ("b/index.html", "b 1"), ("x", "x file")])
        try build([("index.html", "home 2"), ("a/index.html", nil), ("c/d/index.html", "d 2"), ("x", "x file")])
        #expect(FileSystem.isDirectory(output + "/.spare-s"), "the first tree is kept as the spare")
        let keptInode = inode("a/index.html")
        // The spare (build 1) has b/ and the file x; this build removes b, turns x into a folder
        // and c/d into a file, keeps a/ and brings back home 1's bytes.
        let changes = try build([("index.html", "home 1"), ("a/index.html", nil), ("x/y.html", "y 3"), ("c/d", "d file 3")])
        #expect(tree(output + "/s") == ["index.html": "home 1", "a/index.html": "a 1", "x/y.html": "y 3", "c/d": "d file 3"])
        #expect(inode("a/index.html") == keptInode, "an unchanged file keeps its inode")
        #expect(changes.removed == ["c/d/index.html", "x"] && Set(changes.added) == ["x/y.html", "c/d"])
        #expect(!FileSystem.exists(output + "/s/b"), "folders without files are removed")
        // The spare now holds build 2 exactly, and build 2's files were never written through.
        #expect(tree(output + "/.spare-s") == ["index.html": "home 2", "a/index.html": "a 1", "c/d/index.html": "d 2", "x": "x file"])
        try build([("index.html", "home 4"), ("c/d", nil)])
        #expect(tree(output + "/s") == ["index.html": "home 4", "c/d": "d file 3"])
    }

    @Test func aFolderLosingSomeFilesKeepsTheOthersAndOnlyEmptyFoldersGo() throws {
        defer { FileSystem.removeTree(output) }
        try build([("a/one.html", "1"), ("a/two.html", "2"), ("a/b/c/deep.html", "d"), ("e/f.html", "f")])
        try build([("a/one.html", "1"), ("a/two.html", "2"), ("a/b/c/deep.html", "d"), ("e/f.html", "f")])
        // The spare holds all four; this build drops two of a/'s files and all of e/.
        let changes = try build([("a/one.html", nil), ("a/b/other.html", "o")])
        #expect(tree(output + "/s") == ["a/one.html": "1", "a/b/other.html": "o"])
        #expect(!FileSystem.exists(output + "/s/a/b/c") && !FileSystem.exists(output + "/s/e"))
        #expect(changes.removed == ["a/b/c/deep.html", "a/two.html", "e/f.html"] && changes.added == ["a/b/other.html"])
    }

    @Test func aSpareWhoseRecordIsMissingOrWrongIsThrownAway() throws {
        defer { FileSystem.removeTree(output) }
        try build([("index.html", "one"), ("a.html", "a")])
        try build([("index.html", "two"), ("a.html", "a")])
        // A record that no longer describes the folder (here: removed) means the spare is unknown.
        unlink(output + "/.sbcms/s/spare.bin")
        try FileSystem.write(Array("stray".utf8), to: output + "/.spare-s/stray.html")
        try build([("index.html", "three")])
        #expect(tree(output + "/s") == ["index.html": "three"])
        #expect(tree(output + "/.spare-s") == ["index.html": "two", "a.html": "a"])
    }

    @Test func aFailedBuildLeavesTheOutputAndDropsTheSpare() throws {
        defer { FileSystem.removeTree(output) }
        try build([("index.html", "one")])
        try build([("index.html", "two")])
        let writer = try OutputWriter(siteID: "s", outputDirectory: output)
        try writer.write(OutputFile(path: "index.html", content: .text("half")))
        writer.discard()
        #expect(tree(output + "/s") == ["index.html": "two"])
        #expect(!FileSystem.exists(output + "/.spare-s"))
        try build([("index.html", "three")])
        #expect(tree(output + "/s") == ["index.html": "three"])
    }
}
