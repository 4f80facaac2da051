/// Reports on results files: charts (SVG), a Markdown report and one self-contained HTML
/// page, written together into a directory.
///
/// ```swift
/// // Beside a results file just written (what `framebench run` does):
/// let report = try Report.write(document: document, resultsPath: "results/run-20261121T161408Z.json", force: false)
/// print(report.html)   // results/run-20261121T161408Z-report/report.html
///
/// // From files, comparing the second to the first:
/// let inputs = try paths.map { path throws(ResultsFileError) in try ReportInput.read(path: path) }
/// try Report.write(inputs, to: "out/report", force: true)
/// ```
///
/// What each chart shows is described in `docs/report.md`.
package enum Report {
    /// One file of a report: its name inside the report directory and its text.
    package struct File: Sendable, Equatable {
        package var name: String
        package var contents: String
    }

    /// The paths of a report just written.
    package struct Written: Sendable, Equatable {
        /// The report directory.
        package var directory: String
        /// `report.md` in it.
        package var markdown: String
        /// `report.html` in it.
        package var html: String
        /// Each chart's `.svg` file in it, in page order.
        package var charts: [String]
    }

    /// The report directory for the results file at `resultsPath`: beside it, named after
    /// it with `-report` instead of the extension (`results/run-X.json` → `results/run-X-report`).
    package static func defaultDirectory(forResultsAt resultsPath: String) -> String {
        let slash = resultsPath.lastIndex(of: "/")
        let directory = slash.map { String(resultsPath[...$0]) } ?? ""
        let name = slash.map { String(resultsPath[resultsPath.index(after: $0)...]) } ?? resultsPath
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        return directory + (dot.map { String(name[..<$0]) } ?? name) + "-report"
    }

    /// The report's files in memory: `report.md`, `report.html`, then one `.svg` per chart.
    /// With two or more inputs, each later one is compared against the first.
    package static func render(_ inputs: [ReportInput], options: ReportOptions = ReportOptions()) -> [File] {
        let content = ReportBuilder.content(inputs, options: options)
        return [
            File(name: "report.md", contents: MarkdownRenderer.render(content)),
            File(name: "report.html", contents: HTMLRenderer.render(content)),
        ]
            + content.figures.map { File(name: $0.file, contents: $0.svgFile) }
    }

    /// Checks, before anything is measured, that a report can be written to `directory`:
    /// it does not exist, is empty, or (with `force`) holds an earlier report.
    ///
    /// - Throws: ``ReportError/alreadyExists(path:)`` or ``ReportError/notAReportDirectory(path:)``.
    package static func checkDestination(_ directory: String, force: Bool) throws(ReportError) {
        try ReportDirectory.check(directory, force: force)
    }

    /// Writes the report on `inputs` as the directory `directory`, atomically: all of it
    /// appears at once or none of it. An existing report directory is replaced only with
    /// `force`; a directory holding anything else is never replaced.
    ///
    /// - Throws: ``ReportError``.
    @discardableResult
    package static func write(
        _ inputs: [ReportInput], to directory: String, force: Bool = false, options: ReportOptions = ReportOptions()
    ) throws(ReportError) -> Written {
        guard !inputs.isEmpty else { throw .noInputs }
        let files = render(inputs, options: options)
        try ReportDirectory.write(files.map { ($0.name, $0.contents) }, to: directory, force: force)
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return Written(
            directory: base, markdown: "\(base)/report.md", html: "\(base)/report.html",
            charts: files.filter { $0.name.hasSuffix(".svg") }.map { "\(base)/\($0.name)" })
    }

    /// Writes the report on one document just saved at `resultsPath` into
    /// ``defaultDirectory(forResultsAt:)``: the call `framebench run` makes.
    ///
    /// - Throws: ``ReportError``.
    @discardableResult
    package static func write(
        document: ResultsDocument, resultsPath: String, force: Bool = false, options: ReportOptions = ReportOptions()
    ) throws(ReportError) -> Written {
        let name = resultsPath.split(separator: "/").last.map(String.init) ?? resultsPath
        return try write(
            [ReportInput(name: name, document: document)], to: defaultDirectory(forResultsAt: resultsPath),
            force: force, options: options)
    }
}
