import Mustache
import SBCMSTemplate
import Testing

/// Odd but valid layouts that swift-mustache parses are parsed by SBCMSTemplate too.
@Suite struct ParserAcceptsWhatSwiftMustacheAcceptsTests {
    static let templates: [String] = [
        "", "}}", "{{}}", "{{ }}", "{{()}}", "{{#}}{{/}}", "{{^ }}{{/}}", "{{> }}", "{{!}}", "{{{ }}}",
        "{{=<< >>=}}", "{{= | | =}}|name|", "{{=<% %>=}}<%={{ }}=%>{{x}}",
        "{{# yes}}x{{/ yes }}", "{{%CONTENT_TYPE:TEXT}}", "{{% CONTENT_TYPE : HTML }}",
        "{{a-b?*}}", "{{a.b.c}}", "{{.a}}", "{{..}}", "{{a..b}}", "{{.}}", "{{x(.)}}", "{{x(y(z))}}", "{{index()}}",
        "{{$b}}{{/b}}", "{{< base}}{{/base}}", "{{<*p}}{{/*p}}", "{{>*p}}", "{{> partials/x}}", "{{> a(b)}}",
        "{{{x}}}}", "a{{\nb", "{{#a}}{{#a}}{{/a}}{{/a}}", "{{#a(b)}}{{/a(b)}}",
        "{{< base}}\ntext {{! c }}\n{{$a}}{{#x}}{{/x}}{{/a}}\n{{/base}}",
        "{{< base}}{{$a}}{{< card}}{{$b}}{{/b}}{{/card}}{{/a}}{{/base}}",
        "\r\n{{#a}}\r\n{{/a}}\r\n", "{{! {{ }} }}", "{{!\n\n}}", "é{{\u{301}}}", "{{\tname\t}}", "{{\nname\n}}",
    ]

    @Test(arguments: templates)
    func parsesWhatSwiftMustacheParses(_ text: String) throws {
        _ = try MustacheTemplate(string: text)
        #expect(throws: Never.self) { try Template(string: text) }
    }
}
