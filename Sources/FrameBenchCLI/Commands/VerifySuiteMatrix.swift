import FrameCrypto
import FrameVectors

/// What `verify --sframe` prints per cipher suite and backend: each report's lines, and the
/// closing table of SFrame vectors passed, every suite a row and every backend a column, a
/// suite a backend does not implement shown as `n/a`.
struct SFrameSuiteMatrix {
    let backends: [String]
    /// Suite number → backend → tally, summed over the files.
    private(set) var cells: [UInt64: [String: VectorTally]] = [:]
    private(set) var headers: [String: VectorTally] = [:]
    private var unimplemented: Set<String> = []

    init(backends: [AEADBackend]) {
        self.backends = backends.map { $0.info.name }
    }

    mutating func add(_ report: SFrameVectorReport, implements: (SFrameCipherSuite) -> Bool) {
        headers[report.backend, default: VectorTally()].add(report.headerTally)
        for (suite, tally) in report.suiteTallies {
            cells[suite, default: [:]][report.backend, default: VectorTally()].add(tally)
        }
        for suite in SFrameCipherSuite.allCases where !implements(suite) {
            unimplemented.insert("\(suite.rawValue) \(report.backend)")
        }
    }

    /// `headers: …`, then one line per suite present in the report.
    static func suiteLines(_ report: SFrameVectorReport, implements: (SFrameCipherSuite) -> Bool) -> [String] {
        var lines = ["headers: \(report.headerTally.summary)"]
        for (number, tally) in report.suiteTallies.sorted(by: { $0.key < $1.key }) {
            let suite = UInt16(exactly: number).flatMap(SFrameCipherSuite.init(rawValue:))
            let name = suite.map { "suite \($0)" } ?? "suite \(number) (not SFrame's)"
            if let suite, !implements(suite) {
                lines.append("\(name): n/a (\(report.backend) does not implement it; \(tally.skipped) skipped)")
            } else {
                lines.append("\(name): \(tally.summary)")
            }
        }
        return lines
    }

    /// The closing table: SFrame vectors (encryption and AEAD entries) passed of those run,
    /// per suite and backend.
    var table: String {
        var rows = ["SFrame vectors passed, per cipher suite and backend (sframe + aes_ctr_hmac entries):"]
        let widths = backends.map { max(16, $0.count + 2) }
        rows.append(["suite"].padded(36) + zip(backends, widths).map { $0.padded($1) }.joined())
        rows.append("headers".padded(36) + zip(backends, widths).map { cell(headers[$0]).padded($1) }.joined())
        for suite in SFrameCipherSuite.allCases {
            let label = "\(suite.rawValue) \(suite.ianaName)"
            let line = zip(backends, widths).map { name, width -> String in
                if unimplemented.contains("\(suite.rawValue) \(name)") { return "n/a".padded(width) }
                return cell(cells[UInt64(suite.rawValue)]?[name]).padded(width)
            }
            rows.append(label.padded(36) + line.joined())
        }
        return rows.joined(separator: "\n")
    }

    private func cell(_ tally: VectorTally?) -> String {
        guard let tally, tally.passed + tally.failed + tally.skipped > 0 else { return "0 (none)" }
        let run = tally.passed + tally.failed
        return tally.failed == 0 ? "\(tally.passed)/\(run)" : "\(tally.passed)/\(run) FAILED \(tally.failed)"
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

extension Array where Element == String {
    fileprivate func padded(_ width: Int) -> String { joined().padded(width) }
}
