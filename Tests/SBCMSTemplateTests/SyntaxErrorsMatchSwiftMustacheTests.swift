import Mustache
import SBCMSTemplate
import Testing

/// Malformed layouts throw `TemplateSyntaxError` of the right kind, at the line and column where
/// swift-mustache's parser stops too.
@Suite struct SyntaxErrorsMatchSwiftMustacheTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var template: String
        var kind: TemplateSyntaxError.Kind
        var testDescription: String { label }

        init(_ label: String, _ template: String, _ kind: TemplateSyntaxError.Kind) {
            self.label = label
            self.template = template
            self.kind = kind
        }
    }

    static let cases: [Case] = [
        Case("unclosed section", "a\n{{#x}}\nb", .unclosedSection),
        Case("unclosed inverted section", "{{^x}}", .unclosedSection),
        Case("unclosed block", "{{$b}}x", .unclosedSection),
        Case("unclosed parent", "{{< base}}{{$main}}x{{/main}}", .unclosedSection),
        Case("unclosed section on a later CRLF line", "a\r\nb\r\n{{#x}}", .unclosedSection),
        Case("mismatched closing tag", "{{#a}}\n  {{/b}}", .closingTagMismatch),
        Case("closing tag without a section", "x\n{{/x}}", .closingTagMismatch),
        Case("closing tag without the transform", "{{#empty(x)}}{{/x}}", .closingTagMismatch),
        Case("closing tag with another transform", "{{^empty(x)}}{{/count(x)}}", .closingTagMismatch),
        Case("block closed by a section's tag", "{{< base}}{{$main}}{{#x}}{{/main}}{{/base}}", .closingTagMismatch),
        Case("unfinished variable", "x {{name", .unfinishedTag),
        Case("a single closing brace", "{{name}", .unfinishedTag),
        Case("a space inside a name", "{{na me}}", .unfinishedTag),
        Case("a triple mustache missing a brace at the end", "{{{x}}", .unfinishedTag),
        Case("a triple mustache missing a brace", "{{{x}} y", .unfinishedTag),
        Case("unfinished section tag", "{{#x", .unfinishedTag),
        Case("unfinished partial", "{{> item", .unfinishedTag),
        Case("a space inside a partial name", "{{> it em}}", .unfinishedTag),
        Case("unfinished comment", "a\n  {{! never closed", .unfinishedTag),
        Case("unclosed transform", "{{a(b}}", .unfinishedTag),
        Case("too many closing parentheses", "{{a(b))}}", .unfinishedTag),
        Case("a closing parenthesis without transform", "{{a)}}", .unfinishedTag),
        Case("text after a transform", "{{a(b)c}}", .unfinishedTag),
        Case("a combining accent on the closing brace", "{{name}}\u{301}", .unfinishedTag),
        Case("unfinished tag after wide characters", "日本語 e\u{301}\n{{#x}}{{na me}}", .unfinishedTag),
        Case("a { at the very end", "abc{", .unfinishedTag),
        Case("a { at the very end of a later line", "{{x}}\n{", .unfinishedTag),
        Case("the new delimiter's first character at the very end", "{{=<% %>=}}a<", .unfinishedTag),
        Case("set delimiter without a space", "{{=<%%>=}}", .invalidSetDelimiter),
        Case("set delimiter with one delimiter", "{{=<% =}}", .invalidSetDelimiter),
        Case("set delimiter without the closing =", "{{=<% %>}}\n", .invalidSetDelimiter),
        Case("set delimiter without the end delimiter", "{{=<% %>=}", .invalidSetDelimiter),
        Case("set delimiter with text after the =", "{{=<% %>= x}}", .invalidSetDelimiter),
        Case("transform on a block", "{{$upper(x)}}{{/upper(x)}}", .transformOnBlock),
        Case("transform on a block definition", "{{< base}}\n{{$upper(main)}}{{/upper(main)}}\n{{/base}}", .transformOnBlock),
        Case("section inside a parent", "{{< base}}\n{{#x}}{{/x}}\n{{/base}}", .illegalTagInParent),
        Case("variable inside a parent", "{{< base}}{{name}}{{/base}}", .illegalTagInParent),
        Case("partial inside a parent", "{{< base}}\n  {{> item}}\n{{/base}}\n", .illegalTagInParent),
        Case("pragma inside a parent", "{{< base}}{{% CONTENT_TYPE: TEXT}}{{/base}}", .illegalTagInParent),
        Case("block after set delimiters inside a parent", "{{< base}}{{=<% %>=}}<%$main%>x<%/main%><%/base%>", .illegalTagInParent),
        Case("pragma without a colon", "{{% CONTENT_TYPE TEXT}}", .invalidPragma),
        Case("pragma without a value", "{{% CONTENT_TYPE:}}", .invalidPragma),
        Case("empty pragma", "{{%}}", .invalidPragma),
        Case("pragma cut off", "{{% CONTENT_TYPE", .invalidPragma),
        Case("pragma without its end delimiter", "x\n{{% CONTENT_TYPE: TEXT }", .invalidPragma),
        Case("unknown content type", "{{% CONTENT_TYPE: XML}}", .unknownPragma),
        Case("unknown pragma", "{{% FOO: TEXT}}", .unknownPragma),
    ]

    @Test(arguments: cases)
    func throwsWhereSwiftMustacheThrows(_ testCase: Case) throws {
        let theirs = try #require(Self.swiftMustacheError(testCase.template), "swift-mustache accepts \(testCase.template.debugDescription)")
        let error = try #require(throws: TemplateSyntaxError.self) { try Template(string: testCase.template) }
        #expect(error.kind == testCase.kind)
        #expect(error.line == theirs.lineNumber, "line")
        #expect(error.column == theirs.columnNumber, "column")
    }

    @Test func errorsSayWhereAndWhat() {
        let error = TemplateSyntaxError(kind: .unclosedSection, line: 3, column: 7)
        #expect(error.description == "3:7: a section is never closed")
    }

    /// Where swift-mustache's parser stopped, nil when it accepts the template.
    static func swiftMustacheError(_ text: String) -> MustacheParserContext? {
        do {
            _ = try MustacheTemplate(string: text)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            return error.context
        } catch {
            Issue.record("swift-mustache threw \(error) without a position")
            return nil
        }
    }
}
