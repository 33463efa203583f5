extension TemplateEscaping {
    /// Appends `text` to `output`, escaped for HTML when `self` is `.html`: `& < > " '` become
    /// `&amp; &lt; &gt; &quot; &#39;`; runs without them are copied at once.
    func append(_ text: String, to output: inout [UInt8]) {
        // A native string's bytes are read in place; only a bridged one is copied first.
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0, to: &output) }) { return done }
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard self == .html else {
            output.append(contentsOf: bytes)
            return
        }
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
