/// The report as Markdown: headings, the charts as images of the SVG files beside it,
/// captions, and each chart's numbers as a table.
enum MarkdownRenderer {
    static func render(_ content: ReportContent) -> String {
        var out = ["# \(content.title)", ""]
        for paragraph in content.paragraphs { out += [paragraph, ""] }
        for section in content.sections {
            out += ["## \(section.title)", ""]
            for paragraph in section.paragraphs { out += [paragraph, ""] }
            for figure in section.figures {
                let alt = figure.title.replacingOccurrences(of: "]", with: ")").replacingOccurrences(of: "[", with: "(")
                out += ["### \(figure.title)", "", "![\(alt)](\(figure.file))", "", figure.caption, "", figure.table.markdown(), ""]
            }
            for (_, table) in section.tables { out += [table.markdown(), ""] }
        }
        return out.joined(separator: "\n")
    }
}
