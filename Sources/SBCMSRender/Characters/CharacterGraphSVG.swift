#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws a relationship graph as SVG, deterministically and in linear time:
///
/// - the nodes sit on a circle in the order given (slug order); with a `center`, that node sits
///   in the middle and the others on the circle around it;
/// - the circle grows with the number of nodes so every node has 22 px of arc, and labels are
///   written along the radius, outwards, so labels of neighbouring nodes never overlap;
/// - every edge is a straight line with an arrow, coloured (and, past eight kinds, dashed) by its
///   kind; a legend below the circle names the kinds;
/// - each node links to its page; `<title>` + `<desc>` and `role="img"` describe the graph.
///
/// Only presentation attributes are used (no `<style>`), so the same markup works as a file
/// and inline in a page. Numbers are written with one decimal.
struct CharacterGraphSVG {
    struct Node {
        var name: String
        var url: String
    }

    struct Edge {
        var from: Int
        var to: Int
        var kind: String
        var note: String?
    }

    var nodes: [Node]
    var edges: [Edge]
    /// The kinds in legend order; every edge's kind is one of them.
    var kinds: [String]
    /// The node drawn in the middle (neighbourhood graphs).
    var center: Int?
    var title: String
    /// The id prefix of `<title>` / `<desc>` (unique within a page).
    var idPrefix: String = "character-graph"

    static let palette = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0a7c86", "#bf3989", "#6e7781"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]
    static let fontSize = 12.0
    static let arc = 22.0
    static let nodeRadius = 6.0
    static let maxLabel = 30
    static let legendTitle = "Relationship kinds (arrows point from who names it)"

    /// The SVG document: with the XML declaration for a file, without it for inline use.
    func render(standalone: Bool) -> String {
        let ringCount = nodes.count - (center == nil ? 0 : 1)
        let radius = max(ringCount == 0 || (ringCount == 1 && center == nil) ? 0 : 90, ringCount == 0 ? 0 : Double(ringCount) * Self.arc / (2 * Double.pi))
        let labels = nodes.map { Self.label($0.name) }
        let labelWidth = labels.map { Self.textWidth($0) }.max() ?? 0
        let margin = labelWidth + 24
        let size = 2 * (radius + margin)
        let center = (x: size / 2, y: size / 2)
        var positions: [(x: Double, y: Double, angle: Double)] = []
        var ring = 0
        for index in nodes.indices {
            if index == self.center || (self.center == nil && ringCount == 1) {
                positions.append((center.x, center.y, 0))
                continue
            }
            let angle = 2 * Double.pi * Double(ring) / Double(max(ringCount, 1))
            positions.append((center.x + radius * cos(angle), center.y + radius * sin(angle), angle))
            ring += 1
        }
        let legendRows = kinds.isEmpty ? 0 : kinds.count + 1
        let legendHeight = Double(legendRows) * 20 + (legendRows > 0 ? 10 : 0)
        let legendWidth = kinds.isEmpty ? 0
            : max(Self.textWidth(Self.legendTitle), 40 + (kinds.map { Self.textWidth($0) }.max() ?? 0)) + 32
        let width = max(size, 220, legendWidth)
        let height = size + legendHeight
        let offsetX = (width - size) / 2

        var svg = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\""
        svg += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        svg += " role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" class=\"character-graph\""
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"\(Self.number(Self.fontSize))\">\n"
        svg += "<title id=\"\(idPrefix)-title\">\(Self.escape(title))</title>\n"
        svg += "<desc id=\"\(idPrefix)-desc\">\(Self.escape(description()))</desc>\n"
        if !kinds.isEmpty {
            svg += "<defs>\n"
            for (index, _) in kinds.enumerated() {
                svg += "<marker id=\"\(idPrefix)-arrow-\(index)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                svg += " markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"\(Self.color(index))\"/></marker>\n"
            }
            svg += "</defs>\n"
        }
        svg += "<g transform=\"translate(\(Self.number(offsetX)) 0)\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Self.number(size))\" height=\"\(Self.number(size))\" fill=\"#ffffff\"/>\n"
        let kindIndexes = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        svg += "<g class=\"edges\" fill=\"none\" stroke-width=\"1.5\">\n"
        for edge in edges {
            let from = positions[edge.from], to = positions[edge.to]
            let dx = to.x - from.x, dy = to.y - from.y
            let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
            let shrink = Self.nodeRadius + 1
            let x1 = from.x + dx / length * shrink, y1 = from.y + dy / length * shrink
            let x2 = to.x - dx / length * shrink, y2 = to.y - dy / length * shrink
            let kind = kindIndexes[edge.kind] ?? 0
            svg += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\""
            svg += " stroke=\"\(Self.color(kind))\" stroke-opacity=\"0.75\""
            let dash = Self.dash(kind)
            if !dash.isEmpty { svg += " stroke-dasharray=\"\(dash)\"" }
            svg += " marker-end=\"url(#\(idPrefix)-arrow-\(kind))\">"
            svg += "<title>\(Self.escape(edgeText(edge)))</title></line>\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let position = positions[index]
            let isCenter = index == self.center || (self.center == nil && ringCount == 1)
            svg += "<a xlink:href=\"\(Self.escape(node.url))\">"
            svg += "<title>\(Self.escape(node.name))</title>"
            svg += "<circle cx=\"\(Self.number(position.x))\" cy=\"\(Self.number(position.y))\" r=\"\(Self.number(isCenter && self.center != nil ? Self.nodeRadius + 2 : Self.nodeRadius))\""
            svg += " fill=\"\(isCenter && self.center != nil ? "#24292f" : "#ffffff")\" stroke=\"#24292f\" stroke-width=\"1.5\"/>"
            if isCenter {
                let y = position.y + Self.nodeRadius + 6 + Self.fontSize
                svg += "<text x=\"\(Self.number(position.x))\" y=\"\(Self.number(y))\" text-anchor=\"middle\" fill=\"#24292f\""
                svg += " font-weight=\"bold\">\(Self.escape(labels[index]))</text>"
            } else {
                var degrees = position.angle * 180 / Double.pi
                let leftSide = cos(position.angle) < -0.000_001
                if leftSide { degrees += 180 }
                if degrees > 180 { degrees -= 360 }
                let distance = Self.nodeRadius + 5
                let x = position.x + distance * cos(position.angle)
                let y = position.y + distance * sin(position.angle)
                svg += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" dy=\"0.35em\" fill=\"#24292f\""
                svg += " text-anchor=\"\(leftSide ? "end" : "start")\""
                svg += " transform=\"rotate(\(Self.number(degrees)) \(Self.number(x)) \(Self.number(y)))\">\(Self.escape(labels[index]))</text>"
            }
            svg += "</a>\n"
        }
        svg += "</g>\n</g>\n"
        if !kinds.isEmpty {
            var y = size + 20
            svg += "<g class=\"legend\" fill=\"#24292f\">\n"
            svg += "<text x=\"16\" y=\"\(Self.number(y))\" font-weight=\"bold\">\(Self.legendTitle)</text>\n"
            for (index, kind) in kinds.enumerated() {
                y += 20
                svg += "<line x1=\"16\" y1=\"\(Self.number(y - 4))\" x2=\"48\" y2=\"\(Self.number(y - 4))\" stroke=\"\(Self.color(index))\" stroke-width=\"2\""
                let dash = Self.dash(index)
                if !dash.isEmpty { svg += " stroke-dasharray=\"\(dash)\"" }
                svg += "/><text x=\"56\" y=\"\(Self.number(y))\">\(Self.escape(kind))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// What the graph shows, in words: every relationship, one sentence each.
    func description() -> String {
        let people = "\(nodes.count) character\(nodes.count == 1 ? "" : "s")"
        let links = "\(edges.count) relationship\(edges.count == 1 ? "" : "s")"
        guard !edges.isEmpty else { return "\(people), no relationships." }
        return "\(people) and \(links): " + edges.map(edgeText).joined(separator: "; ") + "."
    }

    private func edgeText(_ edge: Edge) -> String {
        var text = "\(nodes[edge.from].name) → \(edge.kind) → \(nodes[edge.to].name)"
        if let note = edge.note, !note.isEmpty { text += " (\(note))" }
        return text
    }

    static func color(_ kind: Int) -> String { palette[kind % palette.count] }
    static func dash(_ kind: Int) -> String { dashes[(kind / palette.count) % dashes.count] }

    /// A name cut to `maxLabel` characters (the full name is in the node's `<title>`).
    static func label(_ name: String) -> String {
        name.count <= maxLabel ? name : String(name.prefix(maxLabel - 1)) + "…"
    }

    /// A generous estimate of a label's width in pixels (no font metrics at build time).
    static func textWidth(_ text: String) -> Double {
        Double(text.count) * fontSize * 0.62
    }

    static func escape(_ text: String) -> String { TextEscaping.xml(text) }

    /// One decimal, no locale, `-0.0` written as `0`.
    static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
