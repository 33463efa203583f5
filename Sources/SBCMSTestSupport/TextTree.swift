import SBCMSCore

/// Every file below a folder, by relative path, with its text: what tests compare to check
/// exactly which files a tree holds.
public enum TextTree {
    public static func read(_ folder: String) -> [String: String] {
        var files: [String: String] = [:]
        for entry in FileSystem.walk(folder) where !entry.isDirectory {
            files[entry.relativePath] = try? FileSystem.readText(folder + "/" + entry.relativePath)
        }
        return files
    }
}
