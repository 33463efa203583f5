/// One token of a parsed template in the form the renderer reads: a class with plain fields, so
/// that walking a template retains one object per token instead of copying every field of an
/// enum payload (those copies were a third of the reference counting in rendering).
final class TemplateNode: Sendable {
    enum Kind: UInt8, Sendable {
        case text, variable, unescapedVariable, section, invertedSection, blockDefinition, blockExpansion
        case partial, dynamicPartial, escaping
    }

    let kind: Kind
    /// The text of a text token; the indentation of a partial or block.
    let bytes: [UInt8]
    /// False for a partial that is not standalone (no indentation at all).
    let isIndented: Bool
    /// The value looked up; for a dynamic partial, the value that names the partial.
    let reference: Template.Reference?
    /// A section's body, a block's default content.
    let body: Template?
    /// A block's or partial's name.
    let name: String
    let blocks: [String: Template]?
    let escaping: TemplateEscaping

    init(_ token: Template.Token) {
        var kind = Kind.text, bytes: [UInt8] = [], isIndented = false
        var reference: Template.Reference?, body: Template?, name = "", blocks: [String: Template]?
        var escaping = TemplateEscaping.html
        switch token {
        case .text(let text): bytes = text
        case .variable(let value): (kind, reference) = (.variable, value)
        case .unescapedVariable(let value): (kind, reference) = (.unescapedVariable, value)
        case .section(let value, let template): (kind, reference, body) = (.section, value, template)
        case .invertedSection(let value, let template): (kind, reference, body) = (.invertedSection, value, template)
        case .blockDefinition(let blockName, let template): (kind, name, body) = (.blockDefinition, blockName, template)
        case .blockExpansion(let blockName, let defaultContent, let indentation):
            (kind, name, body, bytes, isIndented) = (.blockExpansion, blockName, defaultContent, indentation, true)
        case .partial(let partialName, let indentation, let partialBlocks):
            (kind, name, bytes, isIndented, blocks) = (.partial, partialName, indentation ?? [], indentation != nil, partialBlocks)
        case .dynamicPartial(let partialName, let indentation, let partialBlocks):
            (kind, name, bytes, isIndented, blocks) = (.dynamicPartial, partialName, indentation ?? [], indentation != nil, partialBlocks)
            reference = Template.Reference(path: Template.Path(name: partialName, hasTransforms: false), transforms: [])
        case .escaping(let value): (kind, escaping) = (.escaping, value)
        }
        self.kind = kind
        self.bytes = bytes
        self.isIndented = isIndented
        self.reference = reference
        self.body = body
        self.name = name
        self.blocks = blocks
        self.escaping = escaping
    }
}
