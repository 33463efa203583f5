/// A position in a file of a site: the file relative to the repository root, 1-based line and column.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var site: String?
    public var file: String
    public var line: Int
    public var column: Int

    public init(site: String?, file: String, line: Int = 0, column: Int = 0) {
        self.site = site
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file at another line and column.
    public func at(line: Int, column: Int) -> SourceLocation {
        SourceLocation(site: site, file: file, line: line, column: column)
    }
}
