/// Renders one layout: a stack of contexts (the page's context at the bottom, each section's
/// value above it) and one output buffer shared by every nested section and partial.
struct TemplateRenderer {
    let library: TemplateLibrary
    private var stack: [TemplateValue]
    private var output: [UInt8] = []

    /// Where a section's element sits in its list, for `first()`, `last()`, `index()`.
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What a nested template inherits from the tag that renders it.
    struct Frame {
        var position: Position?
        /// A standalone partial's indentation, added after every newline it writes.
        var indentation: [UInt8]?
        /// Blocks that an inheriting layout fills (`{{$main}}`).
        var blocks: [String: Template]?
        var escaping: TemplateEscaping

        func enteringPartial(indentation indented: [UInt8]?, blocks added: [String: Template]?) -> Frame {
            var blocks = self.blocks
            if let added {
                // The outermost layout's definition of a block wins.
                blocks = blocks.map { $0.merging(added) { outer, _ in outer } } ?? added
            }
            return Frame(position: nil, indentation: indented.map { (indentation ?? []) + $0 } ?? indentation,
                         blocks: blocks, escaping: .html)
        }

        func enteringBlock(indentation indented: [UInt8]) -> Frame {
            Frame(position: nil, indentation: (indentation ?? []) + indented, blocks: blocks, escaping: escaping)
        }
    }

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        self.stack = [root]
    }

    mutating func render(_ template: Template) -> [UInt8] {
        output.reserveCapacity(32 * 1024)
        var frame = Frame(position: nil, indentation: nil, blocks: nil, escaping: .html)
        render(template, frame: &frame)
        return output
    }

    /// Renders `template` with `frame`, which it leaves as it found it (a pragma inside the
    /// template changes the escaping only until the template ends). Frames are passed `inout`
    /// so that nested sections do not copy them.
    private mutating func render(_ template: Template, frame: inout Frame) {
        render(template.program, frame: &frame)
    }

    private mutating func render(_ program: TemplateProgram, frame: inout Frame) {
        let escaping = frame.escaping
        defer { frame.escaping = escaping }
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for index in program.instructions.indices { render(program, at: index, frame: &frame) }
            return
        }
        // A token's output that starts a new line (of this template's own output) is indented.
        let start = output.count
        for index in program.instructions.indices {
            let tokenStart = output.count
            render(program, at: index, frame: &frame)
            if output.count > tokenStart, tokenStart > start, output[tokenStart - 1] == UInt8(ascii: "\n"),
               !(tokenStart - 2 >= start && output[tokenStart - 2] == UInt8(ascii: "\r")) {
                output.insert(contentsOf: indentation, at: tokenStart)
            }
        }
    }

    private mutating func render(_ program: TemplateProgram, at index: Int, frame: inout Frame) {
        let instruction = program.instructions[index]
        switch instruction.kind {
        case .text:
            output.append(contentsOf: program.bytes(of: instruction))
        case .variable, .unescapedVariable:
            let value = resolve(program.references[instruction.reference], position: frame.position)
            if let value { append(value, escaping: instruction.kind == .variable ? frame.escaping : .text) }
        case .section:
            let value = resolve(program.references[instruction.reference], position: frame.position)
            program.bodies[instruction.body]._withUnsafeGuaranteedRef { body in
                renderSection(value, body: body, frame: &frame)
            }
        case .invertedSection:
            let value = resolve(program.references[instruction.reference], position: frame.position)
            program.bodies[instruction.body]._withUnsafeGuaranteedRef { body in
                renderInvertedSection(value, body: body, frame: &frame)
            }
        case .blockExpansion:
            var blockFrame = frame.enteringBlock(indentation: Array(program.bytes(of: instruction)))
            render(frame.blocks?[program.names[instruction.name]] ?? program.bodyTemplates[instruction.body], frame: &blockFrame)
        case .partial:
            if let template = library.template(named: program.names[instruction.name]) {
                renderPartial(template, program, instruction, frame: frame)
            }
        case .dynamicPartial:
            if case .string(let partialName)? = resolve(program.references[instruction.reference], position: frame.position),
               let template = library.template(named: partialName) {
                renderPartial(template, program, instruction, frame: frame)
            }
        case .escaping:
            frame.escaping = instruction.escaping
        case .blockDefinition:
            break  // only read by the parent tag that holds it
        }
    }

    private mutating func renderPartial(_ template: Template, _ program: TemplateProgram,
                                        _ instruction: TemplateProgram.Instruction, frame: Frame) {
        let indentation = instruction.isIndented ? Array(program.bytes(of: instruction)) : nil
        let blocks = instruction.blocks >= 0 ? program.blockSets[instruction.blocks] : nil
        var partialFrame = frame.enteringPartial(indentation: indentation, blocks: blocks)
        render(template, frame: &partialFrame)
    }

    private mutating func renderSection(_ value: TemplateValue?, body: TemplateProgram, frame: inout Frame) {
        guard let value else { return }
        let position = frame.position
        defer { frame.position = position }
        switch value {
        case .list(let list):
            let count = list.count
            for index in 0..<count {
                frame.position = Position(first: index == 0, last: index == count - 1, index: index)
                stack.append(list.element(at: index) ?? .string(""))
                render(body, frame: &frame)
                stack.removeLast()
            }
        case .bool(let isTrue):
            if isTrue { render(body, frame: &frame) }
        default:
            frame.position = nil
            stack.append(value)
            render(body, frame: &frame)
            stack.removeLast()
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue?, body: TemplateProgram, frame: inout Frame) {
        guard let value else {
            render(body, frame: &frame)
            return
        }
        switch value {
        case .list(let list) where list.count == 0:
            let position = frame.position
            frame.position = nil
            stack.append(value)
            render(body, frame: &frame)
            stack.removeLast()
            frame.position = position
        case .bool(let isTrue):
            if !isTrue { render(body, frame: &frame) }
        default:
            break
        }
    }

    // MARK: - Values

    /// The value `reference` names, looked up from the innermost context outwards; `position` is
    /// the enclosing list element's, for `first()` and friends.
    private func resolve(_ reference: Unmanaged<Template.Reference>, position: Position?) -> TemplateValue? {
        reference._withUnsafeGuaranteedRef { resolve($0, position: position) }
    }

    private func resolve(_ reference: Template.Reference, position: Position?) -> TemplateValue? {
        let names = reference.names
        let transforms = reference.transformNames
        var value: TemplateValue?
        var transformCount = transforms.count
        switch reference.path {
        case .current:
            value = stack.last
        case .position:
            guard let position, transformCount > 0 else { return nil }
            transformCount -= 1
            value = TemplateTransforms.apply(transforms[transformCount], to: position)
        case .local:
            value = stack.withUnsafeBufferPointer { contexts in contexts.last.flatMap { Self.walk(names, from: 0, of: $0) } }
        case .stack:
            guard !names.isEmpty else {
                value = stack.last
                break
            }
            // The contexts are read in place: copying each one out of the array to ask it for
            // a child retained and released it, for every lookup and every level.
            value = stack.withUnsafeBufferPointer { contexts in
                var index = contexts.count
                while index > 0 {
                    index -= 1
                    if let child = Self.child(named: names[0], of: contexts[index]) {
                        return names.count == 1 ? child : Self.walk(names, from: 1, of: child)
                    }
                }
                return nil
            }
        }
        guard var result = value else { return nil }
        while transformCount > 0 {
            transformCount -= 1
            guard let transformed = TemplateTransforms.apply(transforms[transformCount], to: result) else {
                return nil
            }
            result = transformed
        }
        return result
    }

    /// Looks `names[start...]` up one inside the other, from `value`. Each value found is
    /// consumed by the lookup in it, so its case is read without a copy.
    private static func walk(_ names: UnsafeMutableBufferPointer<String>, from start: Int, of value: TemplateValue) -> TemplateValue? {
        var current = value
        for index in start..<names.count {
            switch consume current {
            case .object(let object):
                guard let child = object.child(named: names[index]) else { return nil }
                current = child
            case .map(let map):
                guard let child = map.value(forKey: names[index]) else { return nil }
                current = child
            default:
                return nil
            }
        }
        return current
    }

    @inline(__always)
    private static func child(named name: String, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let object): return object.child(named: name)
        case .map(let map): return map.value(forKey: name)
        default: return nil
        }
    }

    private mutating func append(_ value: TemplateValue, escaping: TemplateEscaping) {
        switch value {
        case .string(let string): escaping.append(string, to: &output)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): output.append(contentsOf: String(int).utf8)
        case .double(let double): output.append(contentsOf: String(describing: double).utf8)
        case .object(let object): escaping.append(String(describing: object), to: &output)
        case .list(let list): escaping.append(String(describing: list), to: &output)
        case .map(let map): escaping.append(String(describing: map), to: &output)
        }
    }
}
