import Testing

/// Partials (with their indentation), parents and blocks render byte for byte like swift-mustache.
@Suite struct PartialsAndInheritanceMatchSwiftMustacheTests {
    static let snippets: [Snippet] = [
        Snippet("partial per element", "{{#items}}{{> item}}{{/items}}"),
        Snippet("partial with text around", "x {{> inline}} y {{>inline}}\n"),
        Snippet("standalone indented partial", "<ul>\n  {{> item}}\n</ul>\n"),
        Snippet("indented multi-line partial with sections", "{{#items}}\n    {{> multi}}\n{{/items}}\n"),
        Snippet("indented partial holding a list section", "<div>\n  {{> listing}}\n</div>\n"),
        Snippet("indented partial holding an inline list section", "<div>\n  {{> listing-inline}}\n</div>\n"),
        Snippet("indented partials nest their indentation", "<x>\n  {{> outer}}\n</x>\n"),
        Snippet("multi-line unescaped value in an indented partial", "<pre>\n  {{> content}}\n</pre>\n"),
        Snippet("indented partial with CRLF", "a\r\n  {{> item}}\r\nb"),
        Snippet("tab-indented partial", "a\n\t{{> multi}}\nb"),
        Snippet("recursive partial", "<ul>\n{{#toc}}\n{{> toc}}\n{{/toc}}\n</ul>\n"),
        Snippet("recursive indented partial", "<nav>\n  <ul>\n  {{#toc}}\n    {{> toc-indented}}\n  {{/toc}}\n  </ul>\n</nav>\n"),
        Snippet("unknown partial", "a{{> nope}}b\n  {{> nope}}\nc"),
        Snippet("dynamic partial", "{{>*partialName}}|{{> *partialName}}|{{>*missing}}|{{>*count}}"),
        Snippet("dynamic partial named by a map value", "{{>*settings.theme}}|{{>*settings.part}}"),
        Snippet("indented partial with CRLF lines", "  {{> crlf}}\n"),
        Snippet("standalone partial inside standalone sections", "{{#items}}\n  {{#flag}}\n  {{> multi}}\n  {{/flag}}\n{{/items}}"),
        Snippet("parent with its defaults", "{{< base}}{{/base}}"),
        Snippet("parent with a standalone override", "{{< base}}\n{{$main}}\n<h1>{{title}}</h1>\n{{#items}}\n<p>{{name}}</p>\n{{/items}}\n{{/main}}\n{{/base}}\n"),
        Snippet("parent with an inline override", "{{< base}}{{$head}}<title>{{title}}</title>{{/head}}{{/base}}"),
        Snippet("override indentation inside a parent is stripped", "{{< base}}\n  {{$main}}\n    indented one\n      indented two\n    {{#yes}}\n    yes\n    {{/yes}}\n  {{/main}}\n{{/base}}\n"),
        Snippet("nested inheritance", "{{< middle}}\n{{$main}}\nchild main\n{{/main}}\n{{/middle}}\n"),
        Snippet("the outermost override wins", "{{< middle}}{{$head}}child head{{/head}}{{/middle}}"),
        Snippet("text inside a parent is ignored", "{{< base}}\nignored text\n{{$head}}H{{/head}}\nmore {{! comment }}\n{{/base}}"),
        Snippet("blocks outside a parent render their default", "a {{$b}}default {{name}}{{/b}} c\n  {{$d}}\n  line\n  {{/d}}\nend\n"),
        Snippet("parent per element", "{{#items}}{{< card}}{{$body}}{{name}}{{/body}}{{/card}}{{/items}}"),
        Snippet("dynamic parent", "{{<*parentName}}{{$body}}X{{/body}}{{/*parentName}}"),
        Snippet("parent with text before it", "x {{< card}}{{$body}}y{{/body}}{{/card}}"),
        Snippet("standalone indented parent", "<section>\n  {{< card}}\n  {{$body}}\n  b\n  {{/body}}\n  {{/card}}\n</section>\n"),
        Snippet("indented block expansion in a parent", "{{< frame}}\n{{$inner}}\none\ntwo\n{{/inner}}\n{{/frame}}"),
        Snippet("unknown parent", "a{{< nope}}{{$x}}y{{/x}}{{/nope}}b"),
        Snippet("parent inside an override", "{{< base}}\n{{$main}}\n  {{< card}}\n  {{$body}}inner{{/body}}\n  {{/card}}\n{{/main}}\n{{/base}}\n"),
        Snippet("indented parent inside an indented override", "{{< base}}\n{{$main}}\n  {{< card}}\n    {{$body}}\n      deep\n    {{/body}}\n  {{/card}}\n{{/main}}\n{{/base}}"),
        Snippet("override lines indented less than its first line", "{{< base}}\n    {{$main}}\n    a\n  b\n      c\n    {{/main}}\n{{/base}}"),
        Snippet("indented standalone parent with an indented block", "  {{< frame}}\n  {{$inner}}\n  x\n  {{/inner}}\n  {{/frame}}\n"),
    ]

    @Test(arguments: snippets)
    func rendersLikeSwiftMustache(_ snippet: Snippet) throws {
        try expectSameOutput(snippet)
    }
}
