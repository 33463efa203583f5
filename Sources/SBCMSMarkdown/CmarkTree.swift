internal import CCmarkGFM
import SBCMSCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One parsed cmark-gfm document: owns the parser (whose extension list the renderer needs), the
/// root node and any node detached while rewriting the tree. Not shared between threads.
final class CmarkTree {
    /// The GFM extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions and fixes their inline special characters, exactly once
    /// (Swift global initialisers run once, thread-safely, before any parse).
    ///
    /// cmark-gfm 0.29 keeps the "special inline character" tables in process-global arrays:
    /// every parse sets the characters of its extensions on entry and clears them on exit (the
    /// table extension does so around each row it reads), so overlapping parses would lose
    /// strikethrough and autolinks at random. Here the tables are set once, and every
    /// extension but strikethrough has its character list emptied, so the sets and clears of a
    /// parse touch only `~`. The inline parser still calls each extension at its characters
    /// (`cmark_parser_attach_syntax_extension` lists them by their match functions), but finds
    /// the extension that closes a delimiter run through that list, which strikethrough needs.
    /// So a document without `~` is parsed without the strikethrough extension (it could not
    /// produce strikethrough) and without a lock; a document with `~` is parsed with it, under
    /// `strikethroughLock`, and is the only kind of parse that writes the tables.
    ///
    /// This relies on how cmark-gfm 0.29 uses the lists, so it is done only for that version
    /// (`parsesInParallel`); with any other, every parse takes the lock.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard parsesInParallel else { return true }
        let extensions = extensionNames.compactMap { cmark_find_syntax_extension($0) }
        if let parser = cmark_parser_new(CMARK_OPT_DEFAULT) {
            for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
            cmark_manage_extensions_special_characters(parser, 1)
            cmark_parser_free(parser)
        }
        let strikethrough = cmark_find_syntax_extension("strikethrough")
        for ext in extensions where ext != strikethrough { cmark_syntax_extension_set_special_inline_chars(ext, nil) }
        return true
    }()

    /// Serialises the parses of documents that contain `~` (see `registered`).
    private static let strikethroughLock = PosixLock()
    /// How many parses hold `strikethroughLock` (0 or 1), readable without taking it.
    private static let strikethroughParses = Atomic<Int>(0)

    /// True when parsing `bytes` takes `strikethroughLock`.
    static func parseIsSerialized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !parsesInParallel || ByteScan.contains(UInt8(ascii: "~"), in: bytes)
    }

    /// True while a parse holds `strikethroughLock`: one that starts now would wait.
    static var serializedParseIsRunning: Bool { strikethroughParses.load(ordering: .relaxed) > 0 }

    /// True for the cmark-gfm whose use of the special-character lists `registered` relies on.
    static let parsesInParallel = String(cString: cmark_version_string()).hasPrefix("0.29.0.gfm")

    let parser: OpaquePointer
    let root: OpaquePointer
    /// Nodes unlinked from the tree. Text nodes may point into a detached block's buffer, so
    /// these are freed only when the tree itself goes away.
    private var detached: [OpaquePointer] = []

    /// Parses UTF-8 Markdown with the GFM extensions; nil only if cmark cannot allocate.
    init?(bytes: [UInt8], options: Int32) {
        _ = CmarkTree.registered
        guard let parser = cmark_parser_new(options) else { return nil }
        // Every document, when this cmark-gfm is not the one `registered` knows.
        let mayStrikeThrough = bytes.withUnsafeBufferPointer(CmarkTree.parseIsSerialized)
        for name in CmarkTree.extensionNames where mayStrikeThrough || name != "strikethrough" {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        func parse() -> OpaquePointer? {
            bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress, buffer.count > 0 {
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parser_feed(parser, $0, buffer.count)
                    }
                }
                return cmark_parser_finish(parser)
            }
        }
        let root = mayStrikeThrough ? CmarkTree.strikethroughLock.withLock {
            CmarkTree.strikethroughParses.add(1, ordering: .relaxed)
            defer { CmarkTree.strikethroughParses.subtract(1, ordering: .relaxed) }
            return parse()
        } : parse()
        guard let root else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// Unlinks `node` from the tree; it is freed with the tree.
    func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    /// Removes a raw HTML node, and its paragraph when nothing but line breaks or spaces is left.
    func detachRawHTML(_ node: OpaquePointer) {
        let parent = cmark_node_parent(node)
        detach(node)
        guard let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
              cmark_node_parent(parent) != nil else { return }
        var child = cmark_node_first_child(parent)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                break
            case CMARK_NODE_TEXT where Cmark.literalBytes(current).allSatisfy(TextBuffer.isSpace):
                break
            default:
                return
            }
            child = cmark_node_next(current)
        }
        detach(parent)
    }

    /// Replaces `old` by `new` (a node created by the caller); `old` is freed with the tree.
    func replace(_ old: OpaquePointer, with new: OpaquePointer) {
        if cmark_node_replace(old, new) != 0 {
            detached.append(old)
        } else {
            detached.append(new)
        }
    }

    /// Renders the tree to HTML with the parser's extensions (tag filter included).
    func renderHTML(options: Int32) -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(root, options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// Small accessors over cmark's C API.
enum Cmark {
    static let nodeTypeMask: UInt32 = 0xC000
    static let blockTypeBits: UInt32 = 0x8000

    static func isBlock(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node).rawValue & nodeTypeMask == blockTypeBits
    }

    /// Whether the node is a GFM table cell (an extension node type).
    static func isTableCell(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node).rawValue & 0x3FFF > 0x000B,
              let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "table_cell") == 0
    }

    /// The node's literal as raw bytes (empty when it has none).
    static func literalBytes(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let bytes = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: bytes, count: strlen(literal))
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    static func url(_ node: OpaquePointer) -> String {
        guard let url = cmark_node_get_url(node) else { return "" }
        return String(cString: url)
    }
}
