import Testing

/// Sections, inverted sections and standalone lines render byte for byte like swift-mustache.
@Suite struct SectionsMatchSwiftMustacheTests {
    static let snippets: [Snippet] = [
        Snippet("bool sections", "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^yes}}notY{{/yes}}{{^no}}notN{{/no}}"),
        Snippet("object section", "{{#author}}by {{name}} <{{email}}>{{/author}}{{^author}}anonymous{{/author}}"),
        Snippet("list of objects", "{{#items}}<{{name}}>{{/items}}"),
        Snippet("empty list", "[{{#noItems}}x{{/noItems}}][{{^noItems}}none{{/noItems}}][{{^noTags}}no tags{{/noTags}}]"),
        Snippet("non-empty list inverted", "[{{^tags}}none{{/tags}}][{{^items}}none{{/items}}]"),
        Snippet("nil and unknown", "{{#nothing}}x{{/nothing}}{{^nothing}}nil{{/nothing}}{{#missing}}x{{/missing}}{{^missing}}missing{{/missing}}"),
        Snippet("strings, and the empty string is truthy", "{{#name}}[{{.}}]{{/name}}{{#empty}}[empty:{{.}}]{{/empty}}{{^empty}}never{{/empty}}"),
        Snippet("ints, zero included, are truthy", "{{#zero}}zero:{{.}}{{/zero}}{{^zero}}no{{/zero}}{{#count}}{{.}}{{/count}}"),
        Snippet("doubles are truthy", "{{#price}}{{.}}{{/price}}{{^price}}no{{/price}}"),
        Snippet("maps, empty ones too, are truthy", "{{#settings}}{{theme}}{{/settings}}{{^settings}}x{{/settings}}{{#noParams}}[empty map]{{/noParams}}{{^noParams}}x{{/noParams}}"),
        Snippet("bools and empty strings in a map", "{{#settings.on}}on{{/settings.on}}{{^settings.off}}off{{/settings.off}}{{#settings.blank}}[blank]{{/settings.blank}}"),
        Snippet("nested sections", "{{#items}}{{#flag}}{{name}} is flagged{{/flag}}{{^flag}}{{name}} is not{{/flag}};{{/items}}"),
        Snippet("outer list inside a list", "{{#items}}{{name}}:{{#tags}}{{.}}{{/tags}};{{/items}}"),
        Snippet("list of lists from a map", "{{#settings.anyList}}({{.}}){{/settings.anyList}}"),
        Snippet("list of maps from a map", "{{#settings.people}}{{index()}}{{name}}{{/settings.people}}"),
        Snippet("local section names", "{{#items}}{{#.flag}}[{{name}}]{{/.flag}}{{#.title}}({{.}}){{/.title}}{{/items}}"),
        Snippet("the current value as a section", "{{#tags}}{{#.}}{{.}}{{/.}}{{/tags}}{{#price}}{{#.}}{{.}}{{/.}}{{/price}}"),
        Snippet("standalone section lines", "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n"),
        Snippet("standalone inverted lines", "{{^no}}\nshown\n{{/no}}\n{{^yes}}\nhidden\n{{/yes}}\nend\n"),
        Snippet("standalone lines with tabs and CRLF", "a\r\n\t{{#yes}}  \r\nyes\r\n\t{{/yes}}\r\nb"),
        Snippet("standalone closing tag at the end of the file", "a\n{{#yes}}\nb\n{{/yes}}"),
        Snippet("opening standalone, closing not", "a\n  {{#yes}}\nx{{/yes}} y\nz\n"),
        Snippet("closing standalone, opening not", "a {{#yes}}\nx\n  {{/yes}}\nz\n"),
        Snippet("section tags with text around are not standalone", " {{#yes}} x {{/yes}} \n  {{#no}}\n {{/no}}x\n"),
        Snippet("two tags on one line are not standalone", "a\n  {{#yes}}{{#yes}}\nb\n  {{/yes}}{{/yes}}\nc\n"),
        Snippet("standalone comment", "a\n  {{! comment }}  \nb\n"),
        Snippet("comments with text around", "a {{! c }} b\n  {{!c}} x\n"),
        Snippet("multi-line comment", "a\n{{!\nmulti\nline\n}}\nb"),
        Snippet("a comment ends at the first closing delimiter", "a{{! comment with {{braces}} }}b"),
        Snippet("empty comment", "a{{!}}b"),
        Snippet("sections in an empty list's context", "{{^noItems}}[{{count}}]{{/noItems}}"),
    ]

    @Test(arguments: snippets)
    func rendersLikeSwiftMustache(_ snippet: Snippet) throws {
        try expectSameOutput(snippet)
    }
}
