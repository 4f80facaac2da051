/// A minimal SVG writer: elements appended as text, numbers rounded to 0.1 px.
struct SVGDocument: Sendable {
    let width: Double
    let height: Double
    let title: String
    private(set) var body: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// The whole document. `standalone` adds the XML namespace a separate `.svg` file
    /// needs; SVG inline in HTML goes without it (the page then names no URL at all).
    func render(standalone: Bool) -> String {
        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        var out = "<svg\(namespace) viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\""
        out +=
            " role=\"img\" aria-label=\"\(esc(title))\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif\" font-size=\"12\">\n"
        out += "<title>\(esc(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    /// Appends raw markup.
    mutating func raw(_ markup: String) { body.append(markup) }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil, extra: String = ""
    ) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append(
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dashed)\(extra)/>"
        )
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, weight: String? = nil,
        fill: String = "#222222", rotate: Double? = nil, extra: String = ""
    ) {
        let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
        let rotation = rotate.map { " transform=\"rotate(\(n($0)) \(n(x)) \(n(y)))\"" } ?? ""
        body.append(
            "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(bold)\(rotation)\(extra)>\(esc(content))</text>"
        )
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, opacity: Double? = nil,
        extra: String = "", tooltip: String? = nil
    ) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let alpha = opacity.map { " fill-opacity=\"\(n($0))\"" } ?? ""
        let open =
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(Swift.max(width, 0)))\" height=\"\(n(Swift.max(height, 0)))\" fill=\"\(fill)\"\(outline)\(alpha)\(extra)"
        body.append(tooltip.map { open + "><title>\(esc($0))</title></rect>" } ?? open + "/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String, extra: String = "", tooltip: String? = nil) {
        let open =
            "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\"\(extra)"
        body.append(tooltip.map { open + "><title>\(esc($0))</title></circle>" } ?? open + "/>")
    }

    /// `data-name="value"` attributes, escaped.
    static func data(_ pairs: [(String, String)]) -> String {
        pairs.map { " data-\($0.0)=\"\(ReportFormat.escapeXML($0.1))\"" }.joined()
    }

    func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private func esc(_ text: String) -> String { ReportFormat.escapeXML(text) }
}
