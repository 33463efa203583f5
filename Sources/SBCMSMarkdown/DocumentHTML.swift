import SBCMSCore

/// A rendered body's HTML: a string, or bytes of the render cache's mapped pack, turned into a
/// string only when something reads it.
///
/// A build that keeps most pages (one edited post) needs every body's headings and links, but
/// the HTML of only the pages it renders; the others' HTML is then never copied into memory.
public struct DocumentHTML: Sendable {
    private enum Storage: Sendable {
        case string(String)
        case mapped(MappedBytes)
    }

    private var storage: Storage

    public init(_ string: String) {
        storage = .string(string)
    }

    /// HTML read from `bytes` (UTF-8) each time it is asked for.
    public init(mapped bytes: MappedBytes) {
        storage = .mapped(bytes)
    }

    /// The HTML; mapped bytes are decoded again on every call.
    public var string: String {
        switch storage {
        case .string(let string): return string
        case .mapped(let bytes): return bytes.string
        }
    }

    /// The length of the HTML in UTF-8 bytes.
    public var utf8Count: Int {
        switch storage {
        case .string(let string): return string.utf8.count
        case .mapped(let bytes): return bytes.count
        }
    }

    /// True while the HTML is bytes not yet decoded (for tests).
    public var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }
}
