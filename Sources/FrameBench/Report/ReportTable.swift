/// A table of the numbers behind a chart (or of the environment), rendered both as
/// Markdown and as HTML.
struct ReportTable: Sendable {
    /// How a row is emphasised: a regression in red, an improvement in green, a value that
    /// differs between runs in bold.
    enum Emphasis: Sendable { case none, regression, improvement, differs }

    var headers: [String]
    /// Right-aligned (numeric) columns, by index.
    var numericColumns: Set<Int> = []
    private(set) var rows: [[String]] = []
    private(set) var emphasis: [Emphasis] = []

    init(headers: [String], numericColumns: Set<Int> = []) {
        self.headers = headers
        self.numericColumns = numericColumns
    }

    /// Adds a row; missing cells are blank.
    mutating func add(_ cells: [String], emphasis: Emphasis = .none) {
        rows.append(cells + Array(repeating: "", count: Swift.max(0, headers.count - cells.count)))
        self.emphasis.append(emphasis)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// A GitHub-flavoured Markdown table.
    func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(ReportFormat.escapeMarkdownCell).joined(separator: " | ") + " |"
        }
        let rule = "|" + headers.indices.map { numericColumns.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"
        var out = [line(headers), rule]
        for (row, mark) in zip(rows, emphasis) {
            switch mark {
            case .none, .improvement: out.append(line(row))
            case .regression, .differs: out.append(line(row.map { $0.isEmpty ? $0 : "**\($0)**" }))
            }
        }
        return out.joined(separator: "\n")
    }

    /// An HTML `<table>`; emphasised rows get the classes `regression`, `improvement` or
    /// `differs`.
    func html() -> String {
        let esc = ReportFormat.escapeXML
        func cell(_ tag: String, _ index: Int, _ text: String) -> String {
            let align = numericColumns.contains(index) ? " class=\"num\"" : ""
            return "<\(tag)\(align)>\(esc(text))</\(tag)>"
        }
        var out =
            "<table>\n<thead><tr>" + headers.enumerated().map { cell("th", $0.offset, $0.element) }.joined() + "</tr></thead>\n<tbody>\n"
        for (row, mark) in zip(rows, emphasis) {
            let type: String
            switch mark {
            case .none: type = ""
            case .regression: type = " class=\"regression\""
            case .improvement: type = " class=\"improvement\""
            case .differs: type = " class=\"differs\""
            }
            out += "<tr\(type)>" + row.enumerated().map { cell("td", $0.offset, $0.element) }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }
}
