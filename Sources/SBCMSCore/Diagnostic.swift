/// How serious a diagnostic is: errors fail the site, warnings are only reported.
public enum DiagnosticSeverity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
}

/// A problem found in a site's content, themes or configuration, with its exact position.
///
/// Printed like a compiler message (`sites/acme/blog/x.md:8:3: error[front-matter]: ...`)
/// and encoded as JSON for `--format json`.
public struct Diagnostic: Error, Sendable, Codable, Equatable, Hashable {
    public var severity: DiagnosticSeverity
    /// A stable, machine-readable code such as `front-matter` or `missing-layout`.
    public var code: String
    /// The site the problem belongs to, or nil for farm-level problems.
    public var site: String?
    /// The file, relative to the repository root (`sites/acme/blog/x.md`).
    public var file: String?
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when the problem concerns the whole line or file.
    public var column: Int
    public var message: String
    /// A suggestion for the fix, if one is known.
    public var hint: String?

    public init(
        _ severity: DiagnosticSeverity, code: String, site: String? = nil, file: String? = nil,
        line: Int = 0, column: Int = 0, message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.site = site
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, site: location.site, file: location.file,
                   line: location.line, column: location.column, message: message, hint: hint)
    }

    public static func warning(
        _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, site: location.site, file: location.file,
                   line: location.line, column: location.column, message: message, hint: hint)
    }

    /// The location part of the message: `file:line:column`, `file:line`, `file` or the site.
    public var locationText: String {
        guard let file else { return site.map { "site \($0)" } ?? "sbcms" }
        if line > 0 && column > 0 { return "\(file):\(line):\(column)" }
        if line > 0 { return "\(file):\(line)" }
        return file
    }

    /// The compiler-style one-line rendering, with the hint on a second line.
    public var formatted: String {
        var text = "\(locationText): \(severity.rawValue)[\(code)]: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one element is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in a stable order: by file, line, column, then code and message.
    public func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.file ?? "", $0.line, $0.column, $0.code, $0.message)
                < ($1.file ?? "", $1.line, $1.column, $1.code, $1.message)
        }
    }
}
