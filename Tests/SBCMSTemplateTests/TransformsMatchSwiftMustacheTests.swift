import Testing

/// Transforms, position transforms included, render byte for byte like swift-mustache.
@Suite struct TransformsMatchSwiftMustacheTests {
    static let snippets: [Snippet] = [
        Snippet("empty", "{{^empty(tags)}}has tags{{/empty(tags)}}{{#empty(noTags)}} no tags{{/empty(noTags)}} {{empty(name)}} {{empty(empty)}} {{empty(settings)}} {{empty(noParams)}}"),
        Snippet("count", "{{count(tags)}} {{count(noTags)}} {{count(items)}} {{count(settings)}} {{count(noParams)}}"),
        Snippet("first and last", "{{first(tags)}} {{last(tags)}} [{{first(noTags)}}] {{first(numbers)}} {{last(settings.anyList)}}"),
        Snippet("first and last objects", "{{#first(items)}}{{name}}{{/first(items)}}{{#last(items)}}{{name}}{{/last(items)}}{{^first(noItems)}} none{{/first(noItems)}}"),
        Snippet("reversed list", "{{#reversed(tags)}}{{.}} {{/reversed(tags)}}{{#reversed(items)}}{{name}}{{/reversed(items)}}"),
        Snippet("reversed twice", "{{#reversed(reversed(numbers))}}{{.}} {{/reversed(reversed(numbers))}}"),
        Snippet("sorted strings and ints", "{{#sorted(tags)}}{{.}} {{/sorted(tags)}}{{#sorted(numbers)}}{{.}} {{/sorted(numbers)}}"),
        Snippet("sorted list of objects gives nothing", "[{{#sorted(items)}}x{{/sorted(items)}}][{{^sorted(items)}}not sortable{{/sorted(items)}}]"),
        Snippet("string transforms", "{{uppercased(mixed)}} {{lowercased(mixed)}} {{capitalized(lower)}} {{reversed(name)}} {{uppercased(unicode)}}"),
        Snippet("string transforms escape their result", "{{reversed(title)}} {{{uppercased(title)}}}"),
        Snippet("int transforms", "{{plusone(count)}} {{minusone(count)}} {{even(count)}} {{odd(count)}} {{equalzero(zero)}} {{equalzero(count)}} {{odd(negative)}} {{even(negative)}}"),
        Snippet("int transforms on map values", "{{plusone(settings.size)}} {{odd(params.a)}}"),
        Snippet("sorted map gives key and value", "{{#sorted(params)}}{{key}}={{value}};{{/sorted(params)}}"),
        Snippet("sorted map with positions", "{{#sorted(params)}}{{key}}{{^last()}},{{/last()}}{{/sorted(params)}}"),
        Snippet("sorted empty map", "[{{#sorted(noParams)}}x{{/sorted(noParams)}}][{{^sorted(noParams)}}none{{/sorted(noParams)}}]"),
        Snippet("enumerated one-entry map", "{{#enumerated(single)}}{{key}}:{{value}}{{/enumerated(single)}} {{count(enumerated(settings))}}"),
        Snippet("chained transforms", "{{#empty(reversed(tags))}}x{{/empty(reversed(tags))}}{{^empty(reversed(tags))}}y{{/empty(reversed(tags))}} {{first(reversed(tags))}} {{count(sorted(numbers))}} {{uppercased(first(sorted(tags)))}} {{last(sorted(reversed(numbers)))}}"),
        Snippet("chained transforms on a sorted map", "{{#first(sorted(params))}}{{key}}{{/first(sorted(params))}} {{#last(reversed(sorted(params)))}}{{key}}{{/last(reversed(sorted(params)))}} {{count(sorted(params))}}"),
        Snippet("transforms on a typed list in a map", "{{count(settings.list)}} {{first(settings.list)}} {{#sorted(settings.list)}}{{.}}{{/sorted(settings.list)}}"),
        Snippet("transforms on an untyped list in a map", "{{count(settings.anyList)}} {{first(settings.anyList)}} {{#reversed(settings.anyList)}}{{.}}{{/reversed(settings.anyList)}}"),
        Snippet("transforms on a list of maps", "{{#reversed(settings.people)}}{{name}}{{/reversed(settings.people)}} {{#first(settings.people)}}{{name}}{{/first(settings.people)}} {{count(settings.people)}}"),
        Snippet("sorted nested map", "{{count(settings.nested)}} {{#sorted(settings.nested.deeper)}}{{key}}={{value}}{{/sorted(settings.nested.deeper)}}"),
        Snippet("unknown transforms", "[{{nope(tags)}}][{{uppercased(count)}}][{{#nope(tags)}}x{{/nope(tags)}}][{{^nope(tags)}}inverted{{/nope(tags)}}][{{count(name)}}]"),
        Snippet("transforms on unknown and nil values", "[{{empty(missing)}}][{{^empty(missing)}}y{{/empty(missing)}}][{{count(nothing)}}]"),
        Snippet("transforms on doubles, bools and objects", "[{{plusone(price)}}][{{empty(yes)}}][{{count(author)}}][{{^empty(author)}}no empty for objects{{/empty(author)}}]"),
        Snippet("transform of the current value", "{{#tags}}{{uppercased(.)}} {{/tags}}{{#numbers}}{{plusone(.)}} {{/numbers}}"),
        Snippet("transform of a local lookup", "{{#author}}{{uppercased(.name)}} [{{uppercased(.title)}}]{{/author}}"),
        Snippet("positions in a list", "{{#tags}}{{index()}}:{{.}}{{^last()}}, {{/last()}}{{/tags}}"),
        Snippet("first, last, even, odd", "{{#items}}{{#first()}}[first]{{/first()}}{{#last()}}[last]{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{first()}}{{/items}}"),
        Snippet("transform of a position", "{{#items}}{{plusone(index())}}{{#odd(index())}}!{{/odd(index())}}{{/items}}"),
        Snippet("one-element list is first and last", "{{#one}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{index()}}{{/one}}"),
        Snippet("positions outside a list", "[{{index()}}][{{first()}}]{{^first()}}no position{{/first()}}"),
        Snippet("positions inside a partial included from a list", "{{#items}}{{> pos}}{{/items}}"),
        Snippet("positions inside an object section in a list", "{{#items}}[{{#author}}{{index()}}{{/author}}]{{/items}}"),
        Snippet("positions inside a bool section in a list", "{{#items}}{{#yes}}{{index()}}{{/yes}}{{^no}}{{last()}}{{/no}}{{/items}}"),
        Snippet("positions in nested lists", "{{#items}}{{#tags}}{{index()}}{{/tags}}|{{index()}};{{/items}}"),
        Snippet("positions inside a block in a list", "{{#items}}[{{$b}}{{index()}}{{/b}}]{{/items}}"),
        Snippet("positions in an empty list's inverted section", "{{^noItems}}[{{index()}}]{{/noItems}}"),
        Snippet("unknown position transform", "{{#tags}}[{{nope()}}]{{/tags}}"),
    ]

    @Test(arguments: snippets)
    func rendersLikeSwiftMustache(_ snippet: Snippet) throws {
        try expectSameOutput(snippet)
    }
}
