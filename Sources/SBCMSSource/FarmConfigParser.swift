import SBCMSCore

/// Parses `sbcms.yaml` text into a `FarmConfig`, reporting every problem at its line and column:
/// unknown plans and invalid limits are errors (the file is then unusable), unknown keys and
/// sites that do not exist are warnings.
public enum FarmConfigParser {
    public static let topLevelKeys: Set<String> = ["plans", "sites"]
    public static let limitKeys: Set<String> = ["pages", "output_bytes", "media_bytes", "build_seconds"]

    /// Parses `text` (the contents of `location.file`). `knownSiteIDs`, when given, are the
    /// sites of the repository: an override for another id is a warning.
    public static func parse(_ text: String, location: SourceLocation,
                             knownSiteIDs: Set<String>? = nil) -> (FarmConfig?, [Diagnostic]) {
        let root: YAMLNode
        switch YAMLParser.parse(text, location: location) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .empty: return (.defaults, [])
        case .node(let node): root = node
        }
        guard case .map(let map) = root.value else {
            return (nil, [.error("farm-config", at: location.at(line: root.line, column: root.column),
                                 "sbcms.yaml must be a map with `plans:` and `sites:`, found \(root.value.typeDescription)",
                                 hint: "see docs/FARM.md for the format")])
        }
        var reader = FieldReader(map: map, location: location, mapLine: 1, what: "sbcms.yaml")
        var config = FarmConfig.defaults

        if let plans = reader.map("plans") {
            for entry in plans.entries {
                let entryLocation = location.at(line: entry.keyLine, column: entry.keyColumn)
                guard let plan = SiteConfig.Plan(rawValue: entry.key) else {
                    reader.report(.error(
                        "unknown-plan", at: entryLocation, "sbcms.yaml names an unknown plan `\(entry.key)`",
                        hint: "the plans are \(SiteConfig.Plan.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                guard let limits = limitMap(entry, what: "plan `\(plan.rawValue)`", reader: &reader) else { continue }
                let override = readLimits(limits, at: entry, what: "plan `\(plan.rawValue)`", reader: &reader)
                config.plans[plan] = apply(override, to: FarmConfig.defaultPlans[plan]!)
            }
        }
        if let sites = reader.map("sites") {
            for entry in sites.entries {
                let entryLocation = location.at(line: entry.keyLine, column: entry.keyColumn)
                guard Workspace.isValidSiteID(entry.key) else {
                    reader.report(.error("invalid-site-id", at: entryLocation, "'\(entry.key)' is not a valid site id",
                                         hint: "site ids are lowercase letters, digits and hyphens"))
                    continue
                }
                if let knownSiteIDs, !knownSiteIDs.contains(entry.key) {
                    reader.report(.warning("unknown-site", at: entryLocation,
                                           "sbcms.yaml sets limits for site '\(entry.key)', which does not exist",
                                           hint: "check the id against the folders under sites/"))
                }
                guard let limits = limitMap(entry, what: "site `\(entry.key)`", reader: &reader) else { continue }
                config.sites[entry.key] = readLimits(limits, at: entry, what: "site `\(entry.key)`", reader: &reader)
            }
        }
        for entry in reader.unknownEntries(known: topLevelKeys) {
            reader.report(.warning(
                "unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                "sbcms.yaml has an unknown key `\(entry.key)`; it is ignored",
                hint: "known keys: \(topLevelKeys.sorted().joined(separator: ", "))"))
        }
        let diagnostics = reader.diagnostics.sortedByLocation()
        return (diagnostics.containsErrors ? nil : config, diagnostics)
    }

    private static func apply(_ override: QuotaOverride, to limits: QuotaLimits) -> QuotaLimits {
        var result = limits
        if let pages = override.pages { result.pages = pages }
        if let bytes = override.outputBytes { result.outputBytes = bytes }
        if let bytes = override.mediaBytes { result.mediaBytes = bytes }
        if let seconds = override.buildSeconds { result.buildSeconds = seconds }
        return result
    }

    /// The map of limits under a plan or site key; nil after reporting a wrong type.
    private static func limitMap(_ entry: YAMLMap.Entry, what: String, reader: inout FieldReader) -> YAMLMap? {
        switch entry.node.value {
        case .map(let map): return map
        case .null: return YAMLMap()
        default:
            reader.report(.error("invalid-type", at: reader.location(of: entry.node),
                                 "\(what) must be a map of limits, found \(entry.node.value.typeDescription)",
                                 hint: "write e.g. `\(entry.key): { pages: 1000, output_bytes: 500MB }`"))
            return nil
        }
    }

    private static func readLimits(_ map: YAMLMap, at entry: YAMLMap.Entry, what: String,
                                   reader: inout FieldReader) -> QuotaOverride {
        var override = QuotaOverride()
        for item in map.entries {
            let node = item.node
            switch item.key {
            case "pages":
                override.pages = count(node, key: item.key, what: what, reader: &reader)
            case "output_bytes":
                override.outputBytes = size(node, key: item.key, what: what, reader: &reader)
            case "media_bytes":
                override.mediaBytes = size(node, key: item.key, what: what, reader: &reader)
            case "build_seconds":
                override.buildSeconds = duration(node, key: item.key, what: what, reader: &reader)
            default:
                reader.report(.warning(
                    "unknown-key", at: reader.location.at(line: item.keyLine, column: item.keyColumn),
                    "\(what) has an unknown limit `\(item.key)`; it is ignored",
                    hint: "limits: \(limitKeys.sorted().joined(separator: ", "))"))
            }
        }
        return override
    }

    private static func count(_ node: YAMLNode, key: String, what: String, reader: inout FieldReader) -> Int? {
        guard case .int(let number) = node.value else {
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`\(key)` of \(what) must be a whole number, found \(describe(node))",
                                 hint: "write `\(key): 1000`"))
            return nil
        }
        guard number >= 0 else {
            reader.report(negative(key, what: what, node: node, reader: reader, example: "1000"))
            return nil
        }
        return number
    }

    private static func size(_ node: YAMLNode, key: String, what: String, reader: inout FieldReader) -> Int? {
        let result: Result<Int, QuotaValue.Problem>
        switch node.value {
        case .int(let number): result = number < 0 ? .failure(.negative) : .success(number)
        case .string(let text): result = QuotaValue.bytes(text)
        default: result = .failure(.malformed)
        }
        switch result {
        case .success(let bytes): return bytes
        case .failure(.negative):
            reader.report(negative(key, what: what, node: node, reader: reader, example: "500MB"))
        case .failure(.tooLarge):
            reader.report(.error("invalid-value", at: reader.location(of: node),
                                 "`\(key)` of \(what) is too large: \(describe(node))", hint: "write at most `\(key): 8 EB`"))
        case .failure(.malformed):
            reader.report(.error("invalid-value", at: reader.location(of: node),
                                 "`\(key)` of \(what) must be a size in bytes, found \(describe(node))",
                                 hint: "write a number of bytes or a size with a unit: `500MB`, `2 GiB` (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)"))
        }
        return nil
    }

    private static func duration(_ node: YAMLNode, key: String, what: String, reader: inout FieldReader) -> Double? {
        let result: Result<Double, QuotaValue.Problem>
        switch node.value {
        case .int(let number): result = number < 0 ? .failure(.negative) : .success(Double(number))
        case .double(let number): result = number < 0 ? .failure(.negative) : (number.isFinite ? .success(number) : .failure(.tooLarge))
        case .string(let text): result = QuotaValue.seconds(text)
        default: result = .failure(.malformed)
        }
        switch result {
        case .success(let seconds): return seconds
        case .failure(.negative):
            reader.report(negative(key, what: what, node: node, reader: reader, example: "300"))
        case .failure(.tooLarge), .failure(.malformed):
            reader.report(.error("invalid-value", at: reader.location(of: node),
                                 "`\(key)` of \(what) must be a number of seconds, found \(describe(node))",
                                 hint: "write `\(key): 300`, or with a unit: `90s`, `10 min`, `1h`"))
        }
        return nil
    }

    private static func negative(_ key: String, what: String, node: YAMLNode, reader: FieldReader,
                                 example: String) -> Diagnostic {
        .error("invalid-value", at: reader.location(of: node),
               "`\(key)` of \(what) must not be negative, found \(describe(node))",
               hint: "write e.g. `\(key): \(example)`")
    }

    private static func describe(_ node: YAMLNode) -> String {
        node.value.scalarText.map { "'\($0)'" } ?? node.value.typeDescription
    }
}
