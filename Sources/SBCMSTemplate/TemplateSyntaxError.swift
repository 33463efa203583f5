/// A layout that cannot be parsed, with the position where the parser stopped.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Error, Sendable, Equatable {
        /// `{{/x}}` does not close the open section.
        case closingTagMismatch
        /// A tag without its closing delimiter, or a malformed name.
        case unfinishedTag
        /// A section is still open at the end of the file.
        case unclosedSection
        case invalidSetDelimiter
        /// `{{$block}}` cannot take transforms.
        case transformOnBlock
        /// Inside `{{< parent}}…{{/parent}}` only block definitions are allowed.
        case illegalTagInParent
        case invalidPragma
        case unknownPragma
    }

    public var kind: Kind
    /// 1-based line of the position where parsing stopped.
    public var line: Int
    /// 1-based column (in characters) of that position.
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// What went wrong, in words for an author.
    public var message: String {
        switch kind {
        case .closingTagMismatch: return "a closing tag does not match the section it closes"
        case .unfinishedTag: return "a tag is not finished (missing `}}`?)"
        case .unclosedSection: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformOnBlock: return "a transform cannot be applied to an inheritance section"
        case .illegalTagInParent: return "illegal tag inside an inheritance section"
        case .invalidPragma: return "invalid config variable syntax"
        case .unknownPragma: return "unrecognised config variable"
        }
    }

    public var description: String { "\(line):\(column): \(message)" }
}
