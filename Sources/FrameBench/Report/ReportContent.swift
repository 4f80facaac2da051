/// A chart with its caption and the table of the numbers it plots.
struct ReportFigure: Sendable {
    /// The SVG file's name inside the report directory, such as `throughput.svg`.
    var file: String
    var title: String
    /// How to read the chart, in a sentence or two.
    var caption: String
    /// The chart as a standalone `.svg` file (with the SVG namespace).
    var svgFile: String
    /// The chart for inlining in HTML (without the namespace URL).
    var svgInline: String
    var table: ReportTable
}

/// A heading with text, figures and plain tables under it.
struct ReportSection: Sendable {
    var title: String
    var paragraphs: [String] = []
    var figures: [ReportFigure] = []
    var tables: [(caption: String, table: ReportTable)] = []
}

/// The whole report, before it is rendered as Markdown and HTML.
struct ReportContent: Sendable {
    var title: String
    var paragraphs: [String]
    var sections: [ReportSection]

    /// Every figure, in page order.
    var figures: [ReportFigure] { sections.flatMap(\.figures) }
}

extension ReportFigure {
    /// A figure from a line chart: the SVG rendered both ways.
    init(file: String, caption: String, chart: LineChart, table: ReportTable) {
        self.init(
            file: file, title: chart.title, caption: caption, svgFile: chart.render(standalone: true),
            svgInline: chart.render(standalone: false), table: table)
    }
}
