import ArgumentParser
import Foundation
import SBCMSSource

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The repository root, holding sites/, themes/ and templates/.", valueName: "dir"))
    var root: String = "."

    /// The root as an absolute path without a trailing slash.
    var workspace: Workspace {
        Workspace(root: absolutePath(root))
    }
}

/// `path` made absolute against the current folder, with `.` and `..` folded.
func absolutePath(_ path: String) -> String {
    let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: base).standardizedFileURL.path
}
