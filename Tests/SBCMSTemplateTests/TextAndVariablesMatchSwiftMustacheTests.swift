import Testing

/// Text, newlines and `{{value}}` tags render byte for byte like swift-mustache.
@Suite struct TextAndVariablesMatchSwiftMustacheTests {
    static let snippets: [Snippet] = [
        Snippet("plain text", "Hello, world."),
        Snippet("empty template", ""),
        Snippet("LF newlines and blank lines", "a\nb\n\nc\n"),
        Snippet("CRLF newlines", "a\r\nb\r\n{{name}}\r\n\r\nc"),
        Snippet("lone CR inside text", "a\rb {{name}}\r\n"),
        Snippet("whitespace after the last newline is dropped", "a\n  "),
        Snippet("whitespace-only lines are kept", "a\n   \n\t\nb"),
        Snippet("single braces are text", "a { b } c {{name}} }} { x"),
        Snippet("an opening delimiter followed by a newline", "a{{\nb"),
        Snippet("escaped and unescaped", "{{title}}|{{{title}}}|{{&title}}"),
        Snippet("all five HTML characters", "{{quote}}|{{{quote}}}|{{& quote }}"),
        Snippet("unicode text and values", "é ü 日本語 {{unicode}} {{{unicode}}}"),
        Snippet("spaces inside tags", "{{ title }}|{{{ title }}}|{{&  title}}"),
        Snippet("ints, doubles and bools", "{{count}} {{zero}} {{negative}} {{price}} {{whole}} {{yes}} {{no}}"),
        Snippet("nil and unknown names render nothing", "[{{nothing}}][{{missing}}][{{{missing}}}][{{&nothing}}]"),
        Snippet("dotted names", "{{author.name}} {{author.address.city}} [{{author.missing.city}}] [{{missing.name}}] [{{author.bio}}]"),
        Snippet("dotted names into a map", "{{settings.theme}} {{settings.size}} {{settings.ratio}} {{settings.on}} {{settings.nested.deep}} {{settings.nested.deeper.deepest}} [{{settings.missing}}]"),
        Snippet("an optional inside a map", "{{settings.optional}} {{#settings.optional}}[{{.}}]{{/settings.optional}}"),
        Snippet("NSNull in a map is nil", "[{{settings.null}}][{{#settings.null}}x{{/settings.null}}][{{^settings.null}}null{{/settings.null}}]"),
        Snippet("names with dashes, question marks and stars", "{{settings.a-b}} {{settings.q?}} {{settings.star*}}"),
        Snippet("a template object inside a map", "{{settings.owner.name}} {{#settings.owner}}{{.name}}{{/settings.owner}}"),
        Snippet("empty name is the current value", "{{#tags}}<{{}}>{{/tags}}"),
        Snippet("double dots", "{{#author}}{{..name}}{{/author}} {{author..name}}"),
        Snippet("current value", "{{#tags}}{{.}},{{/tags}}"),
        Snippet("local lookups", "{{#author}}{{.name}} {{.address.city}}{{/author}}"),
        Snippet("local lookups do not climb", "{{#author}}[{{.title}}][{{title}}][{{.bio}}]{{/author}}"),
        Snippet("lookups fall back to outer contexts", "{{#items}}{{name}}:{{title}};{{/items}}"),
        Snippet("lookups fall back through several levels", "{{#author}}{{#address}}{{city}} {{name}} {{count}} {{title}}{{/address}}{{/author}}"),
        Snippet("a dotted name stops at the first context with its head", "{{#author}}[{{address.zip}}][{{author.name}}][{{name.x}}]{{/author}}"),
        Snippet("names of list elements in a map", "{{#settings.people}}{{name}} {{/settings.people}}"),
        Snippet("a key-value item does not hide outer names", "{{#sorted(single)}}{{key}} {{value}} {{name}}{{/sorted(single)}}"),
    ]

    @Test(arguments: snippets)
    func rendersLikeSwiftMustache(_ snippet: Snippet) throws {
        try expectSameOutput(snippet)
    }
}
