internal import CLibXML2

/// Cleans an HTML fragment with an allowlist: libxml2's HTML parser builds the tree, and only
/// allowed elements and attributes are written back out. Script-like elements (`script`, `style`,
/// `iframe`, `object`, `embed`, forms...) are dropped with their content; unknown elements are
/// unwrapped (children kept); `on*` attributes and `javascript:`, `vbscript:` and `data:` URLs
/// are removed. Safe to call from many threads at once.
public enum HTMLSanitizer {
    /// libxml2 must be initialised once before any concurrent use.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    private static let prefix = Array("<!DOCTYPE html><html><head></head><body>".utf8)
    private static let suffix = Array("</body></html>".utf8)

    /// Returns the sanitised fragment (no `<html>` or `<body>` wrapper).
    public static func sanitize(_ html: String) -> String {
        _ = initialized
        var input = prefix
        input.reserveCapacity(prefix.count + html.utf8.count + suffix.count)
        input.append(contentsOf: html.utf8)
        input.append(contentsOf: suffix)
        guard input.count < Int(Int32.max) else { return "" }

        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        let document: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", Int32(options))
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        guard let body = findBody(document) else { return "" }
        var writer = SanitizingWriter()
        writer.writeChildren(of: body)
        return writer.output
    }

    private static func findBody(_ document: htmlDocPtr) -> xmlNodePtr? {
        var node = xmlDocGetRootElement(document)?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, SanitizingWriter.name(of: current) == "body" {
                return current
            }
            node = current.pointee.next
        }
        return nil
    }
}
