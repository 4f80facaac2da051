/// The overhead suite's results as a terminal table: per operation, size and backend, one
/// row per layer with its cumulative ns/frame (p50, p99), what it adds over the layer
/// below (median of paired batch differences, with its interval) and that as a percentage;
/// for a variant, its cost as a multiple of its warm parent's.
package enum OverheadReport {
    /// The table text; empty without overhead records.
    package static func table(_ records: [MeasurementRecord]) -> String {
        let overhead = records.filter { $0.suiteName == .overhead && $0.layer != nil }
        guard !overhead.isEmpty else { return "" }
        var table = TextTable(
            headers: ["set", "op", "size", "backend", "layer", "p50 ns", "p99 ns", "adds ns", "95% interval", "adds %", "× warm"],
            alignments: [.left, .left, .right, .left, .left, .right, .right, .right, .right, .right, .right])
        var backends: [String] = []
        for r in overhead where !backends.contains(r.backend) { backends.append(r.backend) }
        let keys = Set(overhead.map { Key(workingSet: $0.workingSet ?? "", operation: $0.operation ?? "", size: $0.frameSize ?? 0) })
            .sorted()
        for key in keys {
            for backend in backends {
                let rows = overhead.filter {
                    $0.backend == backend && $0.operation == key.operation && $0.frameSize == key.size
                        && ($0.workingSet ?? "") == key.workingSet
                }
                let set = key.workingSet.isEmpty ? "–" : key.workingSet
                guard !rows.isEmpty else { continue }
                for layer in OverheadLayer.allCases {
                    let name = layer.rawValue
                    guard let r = rows.first(where: { $0.layer == name }) else {
                        if layer == .cLibrary {
                            table.add([set, key.operation, String(key.size), backend, name, "–", "–", "–", "no C reference", "", ""])
                        }
                        continue
                    }
                    let e = r.extra ?? [:]
                    let measured = layer != .harness
                    table.add([
                        set, key.operation, String(key.size), backend, name,
                        measured ? ns(r.nsPerFrame.p50) : "+" + ns(r.nsPerFrame.p50),
                        measured ? ns(r.nsPerFrame.p99) : "+" + ns(r.nsPerFrame.p99),
                        e[.addedNsPerFrame].map(signed) ?? "–",
                        interval(e[.addedNsPerFrameLow], e[.addedNsPerFrameHigh]),
                        e[.addedFraction].map { signedPercent($0) } ?? "",
                        e[.ratioToWarm].map { NumberFormat.fixed($0, $0 >= 10 ? 1 : 2) + "×" } ?? "",
                    ])
                }
            }
        }
        return table.render()
    }

    /// The lines under the table: what the columns mean, and the done-check of issue 6
    /// (Swift backend over C at the smallest size, within 5 %).
    package static func notes(_ records: [MeasurementRecord]) -> [String] {
        let overhead = records.filter { $0.suiteName == .overhead }
        guard !overhead.isEmpty else { return [] }
        var lines = [
            "set: the working set (docs/overhead.md), every layer of a row group on rings of the same geometry; p50/p99: a frame through this layer and every layer below (harness: its own work, +); adds: median of paired batch differences over the layer below, with a 95% interval; × warm: a variant's batches over its default backend's, same layer and round."
        ]
        var sets: [String: [Int]] = [:]
        for r in overhead { if let set = r.workingSet, let bytes = r.workingSetBytes { sets[set, default: []].append(bytes) } }
        if !sets.isEmpty {
            let described = WorkingSet.allCases.compactMap { set -> String? in
                guard let bytes = sets[set.rawValue], let low = bytes.min(), let high = bytes.max() else { return nil }
                let (a, b) = (WorkingSet.describe(bytes: low), WorkingSet.describe(bytes: high))
                let range = a == b ? a : "\(a)–\(b)"
                return "\(set.rawValue) \(range)" + (set == .hot ? " per layer, written just before it is read" : " over all layers' rings")
            }
            lines.append(
                "Working sets (bytes between a frame's write and its read, by frame size): " + described.joined(separator: "; ") + ".")
        }
        let swift = overhead.filter { $0.overheadLayer == .swiftBackend && $0.extra?[.addedFraction] != nil }
        if let smallest = swift.compactMap(\.frameSize).min() {
            let cases = swift.filter { $0.frameSize == smallest }
            let worst = cases.max { ($0.extra?[.addedFraction] ?? 0) < ($1.extra?[.addedFraction] ?? 0) }
            if let worst, let fraction = worst.extra?[.addedFraction] {
                lines.append(
                    "Swift backend over the C reference at \(smallest) B: at most \(signedPercent(fraction)) (\(worst.backend) \(worst.operation ?? "")), "
                        + (fraction <= 0.05 ? "within" : "beyond") + " the 5 % target.")
            }
        }
        return lines
    }

    private struct Key: Hashable, Comparable {
        var workingSet: String
        var operation: String
        var size: Int
        /// Working sets in ``WorkingSet`` order (none first), then seal before open, then size.
        private var order: (Int, Int, Int) {
            (
                workingSet.isEmpty ? -1 : (WorkingSet.allCases.firstIndex { $0.rawValue == workingSet } ?? WorkingSet.allCases.count),
                operation == FrameOperation.seal.rawValue ? 0 : 1, size
            )
        }
        static func < (a: Key, b: Key) -> Bool { a.order < b.order }
    }

    static func ns(_ value: Double) -> String { NumberFormat.nanoseconds(value) }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "−") + NumberFormat.nanoseconds(abs(value)) }

    static func signedPercent(_ fraction: Double) -> String {
        (fraction >= 0 ? "+" : "−") + NumberFormat.fixed(abs(fraction) * 100, 1) + " %"
    }

    private static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "" }
        return "\(signed(low)) … \(signed(high))"
    }
}
