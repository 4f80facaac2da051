import Foundation

/// The report as one self-contained HTML page: CSS inline, every chart inline as SVG,
/// no scripts, no fonts, no links to anything outside the page.
enum HTMLRenderer {
    static func render(_ content: ReportContent) -> String {
        let esc = ReportFormat.escapeXML
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(content.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(esc(content.title))</h1>

            """
        for paragraph in content.paragraphs { out += "<p>\(inline(paragraph))</p>\n" }
        out += "<nav><ul>\n"
        for (index, section) in content.sections.enumerated() {
            out += "<li><a href=\"#section-\(index + 1)\">\(esc(section.title))</a>"
            if !section.figures.isEmpty {
                out += "<ul>" + section.figures.map { "<li><a href=\"#\(anchor($0))\">\(esc($0.title))</a></li>" }.joined() + "</ul>"
            }
            out += "</li>\n"
        }
        out += "</ul></nav>\n"
        for (index, section) in content.sections.enumerated() {
            out += "<section id=\"section-\(index + 1)\">\n<h2>\(esc(section.title))</h2>\n"
            for paragraph in section.paragraphs { out += "<p>\(inline(paragraph))</p>\n" }
            for figure in section.figures {
                out += "<figure id=\"\(anchor(figure))\">\n<h3>\(esc(figure.title))</h3>\n<figcaption>\(inline(figure.caption)) "
                out += "<span class=\"file\">(\(esc(figure.file)))</span></figcaption>\n"
                out += "<div class=\"pair\">\n<div class=\"chart\">\n\(figure.svgInline)</div>\n"
                out += "<div class=\"data\">\n\(figure.table.html())\n</div>\n</div>\n</figure>\n"
            }
            for (caption, table) in section.tables {
                out += "<div class=\"plain\" aria-label=\"\(esc(caption))\">\n\(table.html())\n</div>\n"
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    private static func anchor(_ figure: ReportFigure) -> String {
        "figure-" + ReportFormat.slug(figure.file.replacingOccurrences(of: ".svg", with: ""))
    }

    /// Escaped text with Markdown's `code` and **strong** spans as HTML.
    static func inline(_ text: String) -> String {
        func spans(_ text: String, marker: String, tag: String) -> String {
            let parts = text.components(separatedBy: marker)
            return parts.enumerated().map {
                $0.offset % 2 == 1 && $0.offset < parts.count - 1 ? "<\(tag)>\($0.element)</\(tag)>" : $0.element
            }
            .joined()
        }
        return spans(spans(ReportFormat.escapeXML(text), marker: "`", tag: "code"), marker: "**", tag: "strong")
    }

    static let style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
               margin: 20px auto; max-width: 1560px; padding: 0 16px; line-height: 1.45; }
        h1 { font-size: 26px; margin-bottom: 6px; }
        h2 { font-size: 21px; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 16px; margin: 0 0 4px 0; }
        p, figcaption { max-width: 1100px; }
        figcaption { color: #444; font-size: 14px; margin-bottom: 8px; }
        figure { margin: 28px 0; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; background: #f3f3f3; padding: 0 3px; }
        nav ul { margin: 4px 0; } nav li { font-size: 14px; }
        .file { color: #888; font-size: 12px; }
        .pair { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
        .data { flex: 0 1 auto; max-height: 560px; overflow: auto; }
        table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
        th, td { padding: 2px 6px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; position: sticky; top: 0; }
        td.num, th.num { text-align: right; }
        tbody tr:nth-child(even) { background: #fafafa; }
        tr.regression td { color: #c62828; font-weight: 600; }
        tr.improvement td { color: #2b8a3e; }
        tr.differs td { font-weight: 600; background: #fff6dd; }
        .plain table { font-size: 13.5px; } .plain td:first-child { color: #555; white-space: nowrap; }
        @media print { .data { max-height: none; overflow: visible; } }
        """
}
