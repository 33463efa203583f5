internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a libxml2 HTML subtree back to HTML, keeping only what `HTMLPolicy` allows.
/// The walk is iterative (no recursion), so deeply nested input cannot exhaust the stack.
/// Attribute values are written exactly as checked (re-escaped), so an entity trick cannot turn
/// a value that passed the URL check into a different one in the browser.
struct SanitizingWriter {
    private var bytes: [UInt8] = []

    var output: String { String(decoding: bytes, as: UTF8.self) }

    private enum Decision {
        case drop
        case unwrap
        case keep(String)
    }

    mutating func writeChildren(of root: xmlNodePtr) {
        var next = root.pointee.children
        while let node = next {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                writeEscaped(node.pointee.content, attribute: false)
            case XML_ELEMENT_NODE:
                switch SanitizingWriter.decision(for: node) {
                case .drop:
                    break
                case .unwrap:
                    descend = node.pointee.children != nil
                case .keep(let name):
                    writeStartTag(name, node: node)
                    if HTMLPolicy.voidElements.contains(name) { break }
                    if node.pointee.children != nil {
                        descend = true
                    } else {
                        writeEndTag(name)
                    }
                }
            default:
                break // comments, processing instructions, DTDs
            }
            if descend {
                next = node.pointee.children
                continue
            }
            // Move on to the next sibling, closing every element we climb out of.
            var current = node
            next = nil
            while true {
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = current.pointee.parent, parent != root else { break }
                if case .keep(let name) = SanitizingWriter.decision(for: parent) { writeEndTag(name) }
                current = parent
            }
        }
    }

    private static func decision(for node: xmlNodePtr) -> Decision {
        let name = self.name(of: node)
        if HTMLPolicy.droppedElements.contains(name) { return .drop }
        guard HTMLPolicy.allowedElements.contains(name) else { return .unwrap }
        if name == "input" {
            return attribute("type", of: node)?.lowercased() == "checkbox" ? .keep(name) : .drop
        }
        return .keep(name)
    }

    private mutating func writeStartTag(_ name: String, node: xmlNodePtr) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = SanitizingWriter.lowercased(current.pointee.name)
            let value = SanitizingWriter.value(of: current)
            guard HTMLPolicy.allowedAttributes.contains(attributeName)
                || (attributeName == "style" && HTMLPolicy.isAllowedStyle(value)) else { continue }
            if name == "input", attributeName == "disabled" { continue }
            if HTMLPolicy.urlAttributes.contains(attributeName),
               !HTMLPolicy.isSafeURL(value, allowImageData: name == "img" && attributeName == "src") {
                continue
            }
            if attributeName == "srcset", !HTMLPolicy.isSafeSrcset(value) { continue }
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attributeName.utf8)
            if !value.isEmpty, !HTMLPolicy.booleanAttributes.contains(attributeName) {
                bytes.append(contentsOf: "=\"".utf8)
                writeEscaped(value.utf8, attribute: true)
                bytes.append(UInt8(ascii: "\""))
            }
        }
        if name == "input" { bytes.append(contentsOf: " disabled".utf8) }
        if HTMLPolicy.voidElements.contains(name) { bytes.append(contentsOf: " /".utf8) }
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func writeEndTag(_ name: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func writeEscaped(_ text: UnsafeMutablePointer<xmlChar>?, attribute: Bool) {
        guard let text else { return }
        let count = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        writeEscaped(UnsafeBufferPointer(start: text, count: count), attribute: attribute)
    }

    private mutating func writeEscaped<C: Sequence>(_ text: C, attribute: Bool) where C.Element == UInt8 {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0: break
            default: bytes.append(byte)
            }
        }
    }

    /// An element's lowercased name.
    static func name(of node: xmlNodePtr) -> String {
        lowercased(node.pointee.name)
    }

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The text of an attribute (libxml2 has already decoded character references).
    private static func value(of attribute: xmlAttrPtr) -> String {
        var bytes: [UInt8] = []
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content {
                let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
            }
            child = node.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if lowercased(current.pointee.name) == name { return value(of: current) }
            attribute = current.pointee.next
        }
        return nil
    }
}
