import Testing

/// Set-delimiter tags and the content-type pragma render byte for byte like swift-mustache.
@Suite struct DelimitersAndPragmaMatchSwiftMustacheTests {
    static let snippets: [Snippet] = [
        Snippet("set delimiters and back", "{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{title}}"),
        Snippet("standalone set-delimiter lines", "a\n{{=| |=}}\n|name|\n  |={{ }}=|  \nb {{name}}"),
        Snippet("new delimiters in sections and comments", "{{=[[ ]]=}}[[#items]][[name]][[! note ]][[/items]] [[{title]]} [[&title]]"),
        Snippet("set delimiters last until the section ends", "{{#yes}}{{=[ ]=}}[name][/yes]{{name}}"),
        Snippet("single-character delimiters", "{{=< >=}}<name> <#yes>y</yes> {{name}} <{title>}"),
        Snippet("text holding the new delimiter's first character", "{{=<% %>=}}a < b <= c <%name%>"),
        Snippet("text pragma", "{{% CONTENT_TYPE: TEXT}}{{title}}"),
        Snippet("pragmas switch mid-template", "{{title}}{{% CONTENT_TYPE: TEXT}}{{title}}{{%CONTENT_TYPE:HTML}}{{title}}"),
        Snippet("standalone pragma line", "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n"),
        Snippet("a pragma inside a section ends with it", "{{#yes}}{{% CONTENT_TYPE: TEXT}}{{title}}{{/yes}}{{title}}"),
        Snippet("a pragma reaches list elements", "{{% CONTENT_TYPE: TEXT}}{{#items}}{{title}}{{/items}}"),
        Snippet("partials start in HTML", "{{% CONTENT_TYPE: TEXT}}{{> escaped}} {{title}}"),
        Snippet("a partial's pragma stays in the partial", "{{> text}} {{title}}"),
        Snippet("blocks keep the pragma", "{{% CONTENT_TYPE: TEXT}}{{$b}}{{title}}{{/b}}"),
        Snippet("overrides use the parent's pragma", "{{< textcard}}{{$body}}{{title}}{{/body}}{{/textcard}}"),
        Snippet("set delimiters and a pragma", "{{=<% %>=}}<%% CONTENT_TYPE: TEXT%><%title%>"),
    ]

    @Test(arguments: snippets)
    func rendersLikeSwiftMustache(_ snippet: Snippet) throws {
        try expectSameOutput(snippet)
    }
}
