/// Turns layout text into `Template` tokens. It follows swift-mustache 2's parser rule for rule
/// (which lines are standalone, how partial and block indentation is recorded, how transforms
/// are written), so layouts written for it render the same.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// What the parser knows about the section it is inside.
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// At the start of a line (only whitespace read since the last newline).
        var newLine = true
        /// Inside `{{< parent}}…{{/parent}}`.
        var inParent = false
        /// Directly inside a parent tag, where `{{$x}}` defines a block instead of expanding one.
        var inParentTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Indentation of the first line inside a parent tag, stripped from the following lines.
        var parentIndentation: Int?

        func enteringSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.inParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inParent = true
            state.inParentTopLevel = true
            return state
        }
    }

    mutating func parseDocument() throws(TemplateSyntaxError) -> Template {
        do {
            return Template(tokens: try parse(State()))
        } catch let kind {
            let (line, column) = location()
            throw TemplateSyntaxError(kind: kind, line: line, column: column)
        }
    }

    // MARK: - Sections

    /// The tokens up to the end of the section `initial` describes (the end of the text at the top).
    private mutating func parse(_ initial: State) throws(TemplateSyntaxError.Kind) -> [Template.Token] {
        var tokens: [Template.Token] = []
        var state = initial
        var whitespaceBefore: [Character] = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                tokens.append(.text(Self.bytes(whitespaceBefore)))
                whitespaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read(while: { $0 == " " || $0 == "\t" })
                if state.inParent, !state.inParentTopLevel {
                    if let indentation = state.parentIndentation {
                        whitespaceBefore = Array(whitespace.dropFirst(indentation))
                    } else {
                        state.parentIndentation = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = try readTextUntilTagOrNewline(state)
            if current.isNewline {
                tokens.append(.text(Self.bytes(whitespaceBefore + text + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Self.bytes(whitespaceBefore + text)))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushWhitespace()
                }
                let body = Template(tokens: try parse(state.enteringSection(name, newLine: standalone, transforms: transforms)))
                let reference = Self.reference(name, transforms)
                tokens.append(inverted ? .invertedSection(reference, body) : .section(reference, body))

            case "/":
                position += 1
                let nameStart = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = nameStart
                    throw .closingTagMismatch
                }
                if !isStandalone(state) {
                    flushWhitespace()
                }
                return tokens

            case "!":
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)

            case "{":
                flushWhitespace()
                position += 1
                let (name, transforms) = try parseName(state)
                guard !atEnd else { throw .unfinishedTag }
                guard current == "}" else { throw .unfinishedTag }
                position += 1
                tokens.append(.unescapedVariable(Self.reference(name, transforms)))

            case "&":
                flushWhitespace()
                position += 1
                let (name, transforms) = try parseName(state)
                tokens.append(.unescapedVariable(Self.reference(name, transforms)))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty {
                    tokens.append(.text(Self.bytes(whitespaceBefore)))
                }
                var indentation: [UInt8]?
                if isStandalone(state) {
                    standalone = true
                    indentation = Self.bytes(whitespaceBefore)
                }
                tokens.append(dynamic ? .dynamicPartial(name: name, indentation: indentation, blocks: nil)
                                      : .partial(name: name, indentation: indentation, blocks: nil))
                whitespaceBefore = []

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whitespaceBefore.isEmpty {
                    tokens.append(.text(Self.bytes(whitespaceBefore)))
                }
                if isStandalone(state) {
                    standalone = true
                }
                let body = try parse(state.enteringParent(sectionName))
                var blocks: [String: Template] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let blockName, let template): blocks[blockName] = template
                    case .text: break
                    default: throw .illegalTagInParent
                    }
                }
                let indentation = Self.bytes(whitespaceBefore)
                tokens.append(dynamic ? .dynamicPartial(name: name, indentation: indentation, blocks: blocks)
                                      : .partial(name: name, indentation: indentation, blocks: blocks))
                whitespaceBefore = []

            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw .transformOnBlock }
                if state.inParentTopLevel {
                    standalone = isStandalone(state)
                    let body = Template(tokens: try parse(state.enteringSection(name, newLine: standalone)))
                    tokens.append(.blockDefinition(name: name, template: body))
                } else {
                    if !whitespaceBefore.isEmpty {
                        tokens.append(.text(Self.bytes(whitespaceBefore)))
                    }
                    standalone = isStandalone(state)
                    let body = Template(tokens: try parse(state.enteringSection(name, newLine: standalone)))
                    tokens.append(.blockExpansion(name: name, defaultContent: body, indentation: Self.bytes(whitespaceBefore)))
                    whitespaceBefore = []
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                standalone = isStandalone(state)

            case "%":
                position += 1
                tokens.append(.escaping(try parsePragma(state)))
                standalone = isStandalone(state)

            default:
                flushWhitespace()
                let (name, transforms) = try parseName(state)
                tokens.append(.variable(Self.reference(name, transforms)))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw .unclosedSection }
        return tokens
    }

    private static func reference(_ name: String, _ transforms: [String]) -> Template.Reference {
        Template.Reference(path: Template.Path(name: name, hasTransforms: !transforms.isEmpty), transforms: transforms)
    }

    private static func bytes(_ characters: [Character]) -> [UInt8] {
        Array(String(characters).utf8)
    }

    // MARK: - Text and tags

    /// Reads text up to a newline (left unread) or through the next start delimiter.
    private mutating func readTextUntilTagOrNewline(_ state: State) throws(TemplateSyntaxError.Kind) -> [Character] {
        guard let delimiterFirst = state.startDelimiter.first else { return [] }
        var text: [Character] = []
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != delimiterFirst })
            if current.isNewline {
                break
            } else if current == delimiterFirst {
                guard characters.count - position >= state.startDelimiter.count else { throw .unfinishedTag }
                if read(state.startDelimiter) { break }
                text.append(delimiterFirst)
                position += 1
            }
        }
        return text
    }

    /// Reads a tag's name up to the end delimiter and splits off transforms:
    /// `empty(post.tags)` is the name `post.tags` with the transform `empty`.
    private mutating func parseName(_ state: State) throws(TemplateSyntaxError.Kind) -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        _ = read(while: \.isWhitespace)
        try expectEndDelimiter(state)

        var cursor = 0
        func readName() -> String {
            let start = cursor
            while cursor < text.count, Self.nameCharacters.contains(text[cursor]) { cursor += 1 }
            return String(text[start..<cursor])
        }
        let first = readName()
        if cursor == text.count { return (first, []) }
        guard text[cursor] == "(" else { throw .unfinishedTag }
        cursor += 1
        var transforms = [first]
        while true {
            let name = readName()
            guard cursor < text.count else { throw .unfinishedTag }
            if text[cursor] == ")" {
                var closing = 1
                cursor += 1
                while cursor < text.count, text[cursor] == ")" {
                    closing += 1
                    cursor += 1
                }
                guard closing == transforms.count, cursor == text.count else { throw .unfinishedTag }
                return (name, transforms)
            }
            guard text[cursor] == "(" else { throw .unfinishedTag }
            cursor += 1
            transforms.append(name)
        }
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateSyntaxError.Kind) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.nameCharacters.contains($0) || "()/".contains($0) }))
        _ = read(while: \.isWhitespace)
        try expectEndDelimiter(state)
        return name
    }

    private mutating func expectEndDelimiter(_ state: State) throws(TemplateSyntaxError.Kind) {
        guard characters.count - position >= state.endDelimiter.count else { throw .unfinishedTag }
        guard read(state.endDelimiter) else { throw .unfinishedTag }
    }

    /// Skips a comment through the end delimiter; a comment that never ends stays unread.
    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError.Kind) {
        let delimiter = state.endDelimiter
        var cursor = position
        while cursor + delimiter.count <= characters.count {
            if characters[cursor..<cursor + delimiter.count].elementsEqual(delimiter) {
                position = cursor + delimiter.count
                return
            }
            cursor += 1
        }
        throw .unfinishedTag
    }

    private mutating func parseSetDelimiter(_ state: State) throws(TemplateSyntaxError.Kind) -> State {
        _ = read(while: \.isWhitespace)
        guard let start = readUntil({ $0.isWhitespace }) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard let end = readUntil({ $0 == "=" || $0.isWhitespace }) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard !atEnd, current == "=" else { throw .invalidSetDelimiter }
        position += 1
        guard characters.count - position >= state.endDelimiter.count, read(state.endDelimiter) else {
            throw .invalidSetDelimiter
        }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        var next = state
        next.startDelimiter = start
        next.endDelimiter = end
        next.inParentTopLevel = false
        return next
    }

    private mutating func parsePragma(_ state: State) throws(TemplateSyntaxError.Kind) -> TemplateEscaping {
        _ = read(while: \.isWhitespace)
        let variable = String(read(while: { Self.nameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard !atEnd, current == ":" else { throw .invalidPragma }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = String(read(while: { Self.nameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard characters.count - position >= state.endDelimiter.count, read(state.endDelimiter) else { throw .invalidPragma }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidPragma }
        guard variable == "CONTENT_TYPE" else { throw .unknownPragma }
        switch value {
        case "HTML": return .html
        case "TEXT": return .text
        default: throw .unknownPragma
        }
    }

    /// A tag alone on its line (only whitespace around it): its line, newline included, is
    /// consumed and produces no output.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var cursor = position
        while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" { cursor += 1 }
        if cursor < characters.count, characters[cursor].isNewline {
            position = cursor + 1
            return true
        }
        return false
    }

    // MARK: - Reading characters

    private var atEnd: Bool { position == characters.count }

    /// The current character, or NUL at the end.
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// Reads up to the first character matching `predicate`; nil (and nothing read) when none does.
    private mutating func readUntil(_ predicate: (Character) -> Bool) -> [Character]? {
        var cursor = position
        while cursor < characters.count {
            if predicate(characters[cursor]) {
                defer { position = cursor }
                return Array(characters[position..<cursor])
            }
            cursor += 1
        }
        return nil
    }

    /// Reads `expected` when it comes next.
    private mutating func read(_ expected: [Character]) -> Bool {
        guard characters.count - position >= expected.count,
              characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    /// 1-based line and column of the current position (columns count characters since the last `\n`).
    private func location() -> (line: Int, column: Int) {
        var column = 1
        var cursor = position
        while cursor > 0, characters[cursor - 1] != "\n" {
            cursor -= 1
            column += 1
        }
        let line = characters[0..<position].reduce(1) { $1.isNewline ? $0 + 1 : $0 }
        return (line, column)
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
}
