#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// True when `path` itself is a symbolic link (it is not followed).
    public static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The real path of `path` when it resolves to a regular file inside the folder whose real
    /// path is `realFolder`; nil when it points elsewhere, to a folder, or nowhere.
    public static func realFile(_ path: String, inside realFolder: String) -> String? {
        guard let target = realPath(path), target.hasPrefix(realFolder + "/") else { return nil }
        var info = stat()
        guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return target
    }
}
