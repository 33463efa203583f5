/// GitHub-style heading ids, unique within one document.
///
/// The base slug is the lowercased text keeping letters, marks, numbers, `_` and `-`, with each
/// space turned into `-` and everything else removed; an empty slug becomes `section`. Repeats get
/// `-1`, `-2`... in document order, skipping ids already taken (github-slugger's rule).
/// `main` is reserved for the layout's `<main id="main">`, so a heading "Main" gets `main-1`.
struct HeadingSlugger {
    private var occurrences: [String: Int] = ["main": 0]

    /// The next unique id for a heading with this text.
    mutating func slug(_ text: String) -> String {
        var base = HeadingSlugger.baseSlug(text)
        if base.isEmpty { base = "section" }
        var result = base
        while occurrences[result] != nil {
            let count = (occurrences[base] ?? 0) + 1
            occurrences[base] = count
            result = "\(base)-\(count)"
        }
        occurrences[result] = 0
        return result
    }

    static func baseSlug(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ", "-":
                scalars.append("-")
            case "_", "a"..."z", "0"..."9":
                scalars.append(scalar)
            default:
                if !scalar.isASCII, keeps(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
