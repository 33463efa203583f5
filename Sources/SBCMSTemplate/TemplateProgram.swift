/// A template's tokens in the form the renderer walks: instructions that are plain values, and
/// the text they copy, both in buffers the program owns.
///
/// Walking the tokens as objects retained and released each one, and each array or reference it
/// held, every time a page visited it; that was most of the time spent rendering a layout with
/// long lists (a doc page's sidebar). Instructions hold indexes instead, so walking them counts
/// no references; only a section's body, a lookup and a name are retained when they are used.
final class TemplateProgram: @unchecked Sendable {
    enum Kind: UInt8 {
        case text, variable, unescapedVariable, section, invertedSection, blockDefinition, blockExpansion
        case partial, dynamicPartial, escaping
    }

    /// One token. The indexes point into the program's tables; -1 where the kind has none.
    struct Instruction {
        let kind: Kind
        let escaping: TemplateEscaping
        /// False for a partial that is not standalone (no indentation at all).
        let isIndented: Bool
        /// The text of a text token, the indentation of a partial or block: `text[textStart..<textEnd]`.
        let textStart: Int
        let textEnd: Int
        /// Into `references`: the value looked up; for a dynamic partial, the value naming it.
        let reference: Int
        /// Into `bodies`: a section's body, a block's default content.
        let body: Int
        /// Into `names`: a block's or partial's name.
        let name: Int
        /// Into `blockSets`: the blocks a partial tag defines.
        let blocks: Int
    }

    /// Written once in `init` and only read afterwards (hence `@unchecked Sendable`).
    let instructions: UnsafeMutableBufferPointer<Instruction>
    let text: UnsafeMutableBufferPointer<UInt8>
    /// Kept alive by `referenceObjects`. Every thread that renders this layout reads these, so
    /// the renderer borrows them unretained (`_withUnsafeGuaranteedRef`): a retain of an object
    /// that two cores share makes them exchange its cache line.
    let references: UnsafeMutableBufferPointer<Unmanaged<Template.Reference>>
    /// Kept alive by `bodyTemplates`, and borrowed the same way.
    let bodies: UnsafeMutableBufferPointer<Unmanaged<TemplateProgram>>
    private let referenceObjects: [Template.Reference]
    let bodyTemplates: [Template]
    let names: [String]
    let blockSets: [[String: Template]]

    init(_ tokens: [Template.Token]) {
        var instructions: [Instruction] = [], text: [UInt8] = []
        var references: [Template.Reference] = [], bodies: [Template] = [], names: [String] = []
        var blockSets: [[String: Template]] = []
        func index<Element>(appending element: Element, to table: inout [Element]) -> Int {
            table.append(element)
            return table.count - 1
        }
        for token in tokens {
            var kind = Kind.text, bytes: [UInt8] = [], isIndented = false, escaping = TemplateEscaping.html
            var reference = -1, body = -1, name = -1, blocks = -1
            switch token {
            case .text(let value): bytes = value
            case .variable(let value):
                (kind, reference) = (.variable, index(appending: value, to: &references))
            case .unescapedVariable(let value):
                (kind, reference) = (.unescapedVariable, index(appending: value, to: &references))
            case .section(let value, let template):
                (kind, reference, body) = (.section, index(appending: value, to: &references),
                                           index(appending: template, to: &bodies))
            case .invertedSection(let value, let template):
                (kind, reference, body) = (.invertedSection, index(appending: value, to: &references),
                                           index(appending: template, to: &bodies))
            case .blockDefinition(let blockName, let template):
                (kind, name, body) = (.blockDefinition, index(appending: blockName, to: &names),
                                      index(appending: template, to: &bodies))
            case .blockExpansion(let blockName, let defaultContent, let indentation):
                (kind, name, body, bytes, isIndented) = (.blockExpansion, index(appending: blockName, to: &names),
                                                         index(appending: defaultContent, to: &bodies), indentation, true)
            case .partial(let partialName, let indentation, let partialBlocks),
                 .dynamicPartial(let partialName, let indentation, let partialBlocks):
                if case .dynamicPartial = token {
                    kind = .dynamicPartial
                    let path = Template.Path(name: partialName, hasTransforms: false)
                    reference = index(appending: Template.Reference(path: path, transforms: []), to: &references)
                } else {
                    kind = .partial
                }
                (name, bytes, isIndented) = (index(appending: partialName, to: &names), indentation ?? [], indentation != nil)
                if let partialBlocks { blocks = index(appending: partialBlocks, to: &blockSets) }
            case .escaping(let value): (kind, escaping) = (.escaping, value)
            }
            instructions.append(Instruction(kind: kind, escaping: escaping, isIndented: isIndented,
                                            textStart: text.count, textEnd: text.count + bytes.count,
                                            reference: reference, body: body, name: name, blocks: blocks))
            text.append(contentsOf: bytes)
        }
        self.instructions = .allocate(capacity: instructions.count)
        _ = self.instructions.initialize(fromContentsOf: instructions)
        self.text = .allocate(capacity: text.count)
        _ = self.text.initialize(fromContentsOf: text)
        self.referenceObjects = references
        self.references = .allocate(capacity: references.count)
        _ = self.references.initialize(fromContentsOf: references.map { Unmanaged.passUnretained($0) })
        self.bodyTemplates = bodies
        self.bodies = .allocate(capacity: bodies.count)
        _ = self.bodies.initialize(fromContentsOf: bodies.map { Unmanaged.passUnretained($0.program) })
        self.names = names
        self.blockSets = blockSets
    }

    deinit {
        instructions.deallocate()
        text.deallocate()
        references.deallocate()
        bodies.deallocate()
    }

    /// The bytes of a text token, or a partial's or block's indentation.
    func bytes(of instruction: Instruction) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[instruction.textStart..<instruction.textEnd])
    }
}
