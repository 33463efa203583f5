import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Reads and checks a site's characters: front matter, profiles against the repository's
/// templates, slugs, relationships; then (in `finish`) renders the bios and assembles the
/// public cast. Private characters (`public: false`) are checked like the others but never
/// become pages: they are `unbuiltPages`, and their bios are not returned as bodies, so
/// nothing they link to gets a backlink from them.
struct CharacterCastBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    private typealias Parsed = ParsedFile<CharacterFrontMatter>

    /// A character that passed every check.
    private struct Checked: Sendable {
        var parsed: Parsed
        var frontMatter: CharacterFrontMatter
        var template: CharacterTemplate?
        var profile: [ProfileEntry]
    }

    func prepare() -> PreparedSection<CharacterCast> {
        guard !source.characters.isEmpty else {
            return PreparedSection(pages: [], diagnostics: []) { _ in FinishedSection(section: .empty, bodies: []) }
        }
        let config = source.config
        let filePaths = source.filePaths
        let splits = options.markdownSplits
        let parsed: [Parsed] = Parallel.map(source.characters) { file in
            // The bio's text is exported as it is written, so it is always read.
            MarkdownFileReader.parse(file, site: config, splits: splits, needsBodyText: true) { markdown, file in
                CharacterFrontMatter.read(markdown, file: file, site: config, filePaths: filePaths)
            }
        }
        var diagnostics = parsed.flatMap(\.diagnostics)
        let templateReader = CharacterTemplateReader(site: config)
        var templates: [String: CharacterTemplate] = [:]
        var invalidTemplates: Set<String> = []
        for file in source.characterTemplates {
            let (template, templateDiagnostics) = templateReader.read(file)
            diagnostics += templateDiagnostics
            if let template { templates[file.fileName] = template } else { invalidTemplates.insert(file.fileName) }
        }

        // Every character's slug (failed files keep their file name), to check relationships.
        var slugOwners: [String: SourceFile] = [:]
        var knownSlugs: Set<String> = Set(parsed.map(\.file.baseName))
        var failed: Set<String> = Set(parsed.filter { $0.frontMatter == nil }.map(\.file.path))
        var checked: [Checked] = []
        for file in parsed {
            guard let frontMatter = file.frontMatter else { continue }
            let location = SourceLocation(site: config.id, file: file.file.displayPath)
            var problems: [Diagnostic] = []
            knownSlugs.insert(frontMatter.slug)
            if let owner = slugOwners[frontMatter.slug] {
                let at = frontMatter.slugNode.map { location.at(line: $0.line, column: $0.column) } ?? location.at(line: 1, column: 1)
                problems.append(.duplicateSlug(frontMatter.slug, at: at, owner: owner))
            } else {
                slugOwners[frontMatter.slug] = file.file
            }
            var template: CharacterTemplate?
            var profile: [ProfileEntry] = []
            var templateKnown = true
            if let name = frontMatter.templateName, let entry = frontMatter.templateEntry {
                let fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
                template = templates[fileName]
                if template == nil {
                    templateKnown = false
                    if !invalidTemplates.contains(fileName) {
                        let available = templates.keys.sorted().joined(separator: ", ")
                        problems.append(.error(
                            "unknown-template", at: location.at(line: entry.node.line, column: entry.node.column),
                            "there is no character template '\(name)' in templates/characters/",
                            hint: available.isEmpty ? "add templates/characters/\(fileName) to the repository"
                                : "available templates: \(available)"))
                    }
                }
            }
            if let template {
                let missingAt = frontMatter.profileEntry ?? frontMatter.templateEntry
                let (entries, profileProblems) = ProfileChecker(template: template, location: location)
                    .check(frontMatter.profile, missingAt: (missingAt?.keyLine ?? 1, missingAt?.keyColumn ?? 1))
                profile = entries
                problems += profileProblems
            } else if templateKnown, frontMatter.profile != nil, let entry = frontMatter.profileEntry {
                problems.append(.error(
                    "profile-without-template", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                    "a profile needs a `template:` that says which fields it has",
                    hint: "add e.g. `template: basic.yaml` (a file in templates/characters/)"))
            }
            if problems.containsErrors { failed.insert(file.file.path) }
            diagnostics += problems
            if !problems.containsErrors {
                checked.append(Checked(parsed: file, frontMatter: frontMatter, template: template, profile: profile))
            }
        }
        // Relationships must name a character of this site (public or not).
        var valid: [Checked] = []
        for character in checked {
            let location = SourceLocation(site: config.id, file: character.parsed.file.displayPath)
            var problems: [Diagnostic] = []
            for relation in character.frontMatter.relationships {
                let at = location.at(line: relation.toLine, column: relation.toColumn)
                if !knownSlugs.contains(relation.to) {
                    problems.append(.error("unknown-character", at: at, "there is no character '\(relation.to)' in this site",
                                           hint: "`to:` takes the slug of a character (its file name without .md, or its `slug:`)"))
                } else if relation.to == character.frontMatter.slug {
                    problems.append(.error("self-relationship", at: at, "a character cannot have a relationship with itself",
                                           hint: "point `to:` at another character"))
                }
            }
            diagnostics += problems
            if problems.containsErrors { failed.insert(character.parsed.file.path) } else { valid.append(character) }
        }

        let publicCharacters = valid.filter(\.frontMatter.isPublic).sorted { $0.frontMatter.slug < $1.frontMatter.slug }
        let privateCharacters = valid.filter { !$0.frontMatter.isPublic }
        var unbuilt = Set(parsed.filter { $0.frontMatter?.isPublic == false }.map(\.file.path))
        unbuilt.formUnion(privateCharacters.map(\.parsed.file.path))
        unbuilt.subtract(failed)
        let pages = publicCharacters.map { character in
            PageReference(kind: .character, title: character.frontMatter.name, url: Self.url(character.frontMatter.slug),
                          path: character.parsed.file.path)
        }
        let history = source.history
        return PreparedSection(pages: pages, unbuiltPages: unbuilt, failedPages: failed, diagnostics: diagnostics) { renderer in
            Self.finish(publicCharacters, privateCharacters, renderer: renderer, history: history)
        }
    }

    static func url(_ slug: String) -> String { "/characters/\(slug)/" }

    private static func finish(_ publicCharacters: [Checked], _ privateCharacters: [Checked], renderer: BodyRenderer,
                               history: PageHistoryIndex) -> FinishedSection<CharacterCast> {
        let publicBodies = Parallel.map(publicCharacters) { character in
            renderer.render(character.parsed.body, lineOffset: character.parsed.bodyLineOffset, file: character.parsed.file)
        }
        // Private bios are rendered only for their problems; their links must not become backlinks.
        let privateBodies = Parallel.map(privateCharacters) { character in
            renderer.render(character.parsed.body, lineOffset: character.parsed.bodyLineOffset, file: character.parsed.file)
        }
        var characters: [CharacterProfile] = []
        var bodies: [(path: String, body: RenderedBody)] = []
        for (checked, body) in zip(publicCharacters, publicBodies) {
            let frontMatter = checked.frontMatter
            bodies.append((checked.parsed.file.path, body))
            characters.append(CharacterProfile(
                source: checked.parsed.file, name: frontMatter.name, slug: frontMatter.slug, url: url(frontMatter.slug),
                template: checked.template, profile: checked.profile, images: frontMatter.images, tags: frontMatter.tags,
                // Characters are read with `needsBodyText`, so the text is always there.
                timeline: frontMatter.timeline, bio: body.document, bioMarkdown: checked.parsed.body.text ?? "",
                history: history[checked.parsed.file.path]))
        }
        let indexes = Dictionary(uniqueKeysWithValues: characters.enumerated().map { ($1.slug, $0) })
        var relationships: [CharacterRelationship] = []
        for (from, checked) in publicCharacters.enumerated() {
            for relation in checked.frontMatter.relationships {
                // A relationship with a private character is left out of everything public.
                guard let to = indexes[relation.to] else { continue }
                relationships.append(CharacterRelationship(from: from, to: to, kind: relation.kind, note: relation.note))
            }
        }
        return FinishedSection(section: CharacterCast(characters: characters, relationships: relationships), bodies: bodies,
                               diagnostics: privateBodies.flatMap(\.diagnostics))
    }
}
