/// Turns titles and names into URL slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// `"Hello, Swift 6!"` becomes `"hello-swift-6"`. Accented Latin letters lose their accents;
    /// other characters become separators. Returns an empty string when nothing is left.
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen { result.append("-") }
            pendingHyphen = false
            result.append(folded)
        }
        return result
    }

    /// `make` for ASCII text, byte by byte (the same rules: letters lowercased, digits kept,
    /// every run of anything else one hyphen between kept characters).
    private static func makeFromASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let folded: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): folded = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte + 32
            default:
                pendingHyphen = !bytes.isEmpty
                continue
            }
            if pendingHyphen { bytes.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            bytes.append(folded)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the text is already a valid slug (what `make` would return for it).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 32)!)
        default: break
        }
        if scalar.value < 0x80 { return "" }
        let decomposed = String(scalar).decomposedStringWithCanonicalMappingASCII
        return decomposed
    }
}

extension String {
    /// The ASCII letters and digits left after removing combining marks (é → e, Ü → u).
    fileprivate var decomposedStringWithCanonicalMappingASCII: String {
        var out = ""
        for scalar in self.unicodeScalars {
            switch scalar.value {
            case 0xC0...0xC5, 0xE0...0xE5: out.append("a")
            case 0xC7, 0xE7: out.append("c")
            case 0xC8...0xCB, 0xE8...0xEB: out.append("e")
            case 0xCC...0xCF, 0xEC...0xEF: out.append("i")
            case 0xD1, 0xF1: out.append("n")
            case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: out.append("o")
            case 0xD9...0xDC, 0xF9...0xFC: out.append("u")
            case 0xDD, 0xFD, 0xFF: out.append("y")
            case 0xDF: out.append("ss")
            case 0xC6, 0xE6: out.append("ae")
            default: break
            }
        }
        return out
    }
}
