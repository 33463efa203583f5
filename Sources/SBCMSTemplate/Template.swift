/// A parsed Mustache layout, in the dialect of swift-mustache 2 (which sbcms used before):
/// sections, inverted sections, partials with indentation, parents and blocks (`{{< base}}`,
/// `{{$main}}`), transforms (`{{^empty(tags)}}`), set delimiters and the content-type pragma.
///
/// Parse once, render many times with `TemplateLibrary.render(_:with:)`.
public struct Template: Sendable {
    /// The parsed tokens, as the renderer walks them.
    let program: TemplateProgram

    /// Parses a layout. Throws `TemplateSyntaxError` with the line and column where parsing stopped.
    public init(string: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(string)
        self = try parser.parseDocument()
    }

    init(tokens: [Token]) {
        self.program = TemplateProgram(tokens)
    }

    /// Where a tag looks its value up.
    enum Path: Sendable, Equatable {
        /// `{{.}}`: the innermost context.
        case current
        /// `{{first()}}` and friends: the position inside the enclosing list.
        case position
        /// `{{.name}}`: only the innermost context, then the remaining names.
        case local([String])
        /// `{{a.b}}`: the first context from the inside out that has `a`, then `b` inside it.
        case stack([String])

        init(name: String, hasTransforms: Bool) {
            if name == "." {
                self = .current
            } else if name.isEmpty, hasTransforms {
                self = .position
            } else if name.first == "." {
                self = .local(name.split(separator: ".").map(String.init))
            } else {
                self = .stack(name.split(separator: ".").map(String.init))
            }
        }
    }

    /// A value lookup with the transforms to apply, outermost first (`empty(tags)`: `["empty"]`).
    /// A class, so that rendering passes it around without copying its arrays.
    final class Reference: @unchecked Sendable {
        let path: Path
        let transforms: [String]
        /// The path's names (`["post", "title"]`; none for `.current` and `.position`) and the
        /// transforms, in buffers written once here: every thread that renders the layout reads
        /// them, and reading an array would retain it, making the cores exchange its cache line.
        let names: UnsafeMutableBufferPointer<String>
        let transformNames: UnsafeMutableBufferPointer<String>

        init(path: Path, transforms: [String]) {
            self.path = path
            self.transforms = transforms
            let pathNames: [String]
            switch path {
            case .current, .position: pathNames = []
            case .local(let values), .stack(let values): pathNames = values
            }
            names = .allocate(capacity: pathNames.count)
            _ = names.initialize(fromContentsOf: pathNames)
            transformNames = .allocate(capacity: transforms.count)
            _ = transformNames.initialize(fromContentsOf: transforms)
        }

        deinit {
            names.deinitialize().deallocate()
            transformNames.deinitialize().deallocate()
        }
    }

    enum Token: Sendable {
        case text([UInt8])
        case variable(Reference)
        case unescapedVariable(Reference)
        case section(Reference, Template)
        case invertedSection(Reference, Template)
        /// `{{$name}}…{{/name}}` inside a parent tag: replaces the parent's block of that name.
        case blockDefinition(name: String, template: Template)
        /// `{{$name}}…{{/name}}` elsewhere: the block, or what an inheriting layout put there.
        case blockExpansion(name: String, defaultContent: Template, indentation: [UInt8])
        /// `{{> name}}`, or `{{< name}}` with its block definitions.
        case partial(name: String, indentation: [UInt8]?, blocks: [String: Template]?)
        /// `{{>*name}}`: the partial named by the value `name`.
        case dynamicPartial(name: String, indentation: [UInt8]?, blocks: [String: Template]?)
        case escaping(TemplateEscaping)
    }
}

/// How `{{value}}` writes text, chosen by the pragma `{{% CONTENT_TYPE: HTML}}` or `TEXT`.
public enum TemplateEscaping: Sendable {
    /// `& < > " '` become entities (the default).
    case html
    /// Values are written as they are.
    case text
}
