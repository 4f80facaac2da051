package import FrameCrypto

/// What each SFrame cipher suite costs a stream on each backend, in CPU and in bytes: the
/// suite chooser of the report and of `framebench run`'s summary.
///
/// CPU comes from the frames suite's measurements (Swift, one thread) of the suite's AEAD
/// at the sizes measured (100 B and 1200 B in `run`): a packet of `s` bytes costs its
/// backend's median seal plus median open, interpolated linearly in `s` between the sizes
/// measured (the cost of the smallest below it, of the largest above it). A stream's cost
/// is the sum over its packets per second of media (``StreamProfile``): one seal by the
/// sender and one open by one receiver. Bytes are exact: every packet's SFrame header and
/// the suite's tag, per second of media.
package enum SuiteChooser {
    /// One point of the chooser: a backend and suite on one stream kind.
    package struct Choice: Sendable, Equatable {
        package var backend: String
        package var suite: SFrameCipherSuite
        package var kind: StreamKind
        /// Seal plus open of every packet of one second of media, in microseconds.
        package var cpuMicrosecondsPerSecond: Double
        /// SFrame headers and tags, in kbit/s.
        package var overheadKbps: Double
        /// ``overheadKbps`` over the media's bitrate, in percent.
        package var overheadPercent: Double
        /// Whether no other choice for this kind is at least as cheap in both CPU and bytes
        /// and cheaper in one (the Pareto front).
        package var isParetoOptimal = false
    }

    /// Median ns/frame of the frames suite's Swift, one-thread records, by backend, suite,
    /// operation and size.
    struct Costs {
        /// backend → suite → operation → [(size, ns)] sorted by size.
        var table: [String: [SFrameCipherSuite: [FrameOperation: [(size: Int, ns: Double)]]]] = [:]

        init(_ records: [MeasurementRecord]) {
            for r in records
            where r.suiteName == .frames && r.implementationKind == .swift && (r.threads ?? 1) == 1 && r.nsPerFrame.p50 > 0 {
                guard let suite = r.cipherSuiteKind, let operation = r.frameOperation, let size = r.frameSize else { continue }
                table[r.backend, default: [:]][suite, default: [:]][operation, default: []].append((size, r.nsPerFrame.p50))
            }
            // Only the sizes measured under two suites or more (the cipher-suite part of a run,
            // not the frames part's other sizes, measured at another moment under suite 5).
            var suitesBySize: [Int: Set<SFrameCipherSuite>] = [:]
            for suites in table.values {
                for (suite, operations) in suites {
                    for points in operations.values { for p in points { suitesBySize[p.size, default: []].insert(suite) } }
                }
            }
            let shared = Set(suitesBySize.filter { $0.value.count > 1 }.keys)
            for (backend, suites) in table {
                for (suite, operations) in suites {
                    for (operation, points) in operations {
                        table[backend]![suite]![operation] = points.filter { shared.contains($0.size) }.sorted { $0.size < $1.size }
                    }
                }
            }
            sizes = shared.sorted()
        }

        /// The sizes costed: those measured under two suites or more.
        var sizes: [Int] = []

        /// The interpolated ns of `operation` on `size` bytes, or `nil` when not measured.
        func nanoseconds(_ backend: String, _ suite: SFrameCipherSuite, _ operation: FrameOperation, size: Int) -> Double? {
            guard let points = table[backend]?[suite]?[operation], let first = points.first, let last = points.last else {
                return nil
            }
            if size <= first.size { return first.ns }
            if size >= last.size { return last.ns }
            let upper = points.firstIndex { $0.size >= size }!
            let (a, b) = (points[upper - 1], points[upper])
            return a.ns + (b.ns - a.ns) * Double(size - a.size) / Double(b.size - a.size)
        }

        /// Whether both operations were measured for `backend` under `suite`.
        func covers(_ backend: String, _ suite: SFrameCipherSuite) -> Bool {
            table[backend]?[suite]?[.seal]?.isEmpty == false && table[backend]?[suite]?[.open]?.isEmpty == false
        }

        /// The median ns of `operation` at exactly `size`, or `nil` when not measured.
        func measured(_ backend: String, _ suite: SFrameCipherSuite, _ operation: FrameOperation, size: Int) -> Double? {
            table[backend]?[suite]?[operation]?.first { $0.size == size }?.ns
        }
    }

    /// Every measured (backend, suite) costed on every stream of `profiles`, with the Pareto
    /// front marked per kind. Empty when the records measure fewer than two suites.
    package static func choices(
        _ records: [MeasurementRecord], profiles: [StreamProfile] = StreamProfile.defaults()
    )
        -> [Choice]
    {
        let costs = Costs(records)
        let suites = Set(costs.table.values.flatMap(\.keys))
        guard suites.count > 1 else { return [] }
        var choices: [Choice] = []
        for profile in profiles {
            let mediaKbps = profile.mediaBitsPerSecond / 1000
            for backend in costs.table.keys.sorted() {
                for suite in SFrameCipherSuite.allCases where costs.covers(backend, suite) {
                    let (payloads, headers) = profile.packetPayloads(suite: suite)
                    var nanoseconds = 0.0
                    for size in payloads {
                        nanoseconds += costs.nanoseconds(backend, suite, .seal, size: size)!
                        nanoseconds += costs.nanoseconds(backend, suite, .open, size: size)!
                    }
                    let overheadBits = Double(headers + payloads.count * suite.tagByteCount) * 8 / profile.seconds
                    choices.append(
                        Choice(
                            backend: backend, suite: suite, kind: profile.kind,
                            cpuMicrosecondsPerSecond: nanoseconds / 1000 / profile.seconds, overheadKbps: overheadBits / 1000,
                            overheadPercent: mediaKbps > 0 ? 100 * overheadBits / 1000 / mediaKbps : 0))
                }
            }
        }
        return markParetoFront(choices)
    }

    /// Marks, per kind, the choices no other choice dominates.
    static func markParetoFront(_ choices: [Choice]) -> [Choice] {
        choices.map { choice in
            var marked = choice
            marked.isParetoOptimal = !choices.contains { other in
                other.kind == choice.kind && other.cpuMicrosecondsPerSecond <= choice.cpuMicrosecondsPerSecond
                    && other.overheadKbps <= choice.overheadKbps
                    && (other.cpuMicrosecondsPerSecond < choice.cpuMicrosecondsPerSecond || other.overheadKbps < choice.overheadKbps)
            }
            return marked
        }
    }

    /// The suites × backends table: one row per suite and backend, median seal and open
    /// ns/frame at each size measured under two suites or more and the bytes a frame gains,
    /// "n/a" where the backend does not implement the suite. Empty when fewer than two suites
    /// were measured.
    package static func table(_ records: [MeasurementRecord]) -> (headers: [String], rows: [[String]]) {
        let costs = Costs(records)
        let measuredSuites = Set(costs.table.values.flatMap { $0.filter { !$0.value.values.allSatisfy(\.isEmpty) }.keys })
        guard measuredSuites.count > 1 else { return ([], []) }
        var headers = ["suite", "backend", "bytes/frame"]
        for size in costs.sizes { headers += ["seal \(size) B", "open \(size) B"] }
        var rows: [[String]] = []
        for suite in SFrameCipherSuite.allCases where measuredSuites.contains(suite) {
            for backend in costs.table.keys.sorted() {
                var row = ["\(suite.rawValue) \(suite.ianaName)", backend, bytes(records, suite)]
                for size in costs.sizes {
                    for operation in [FrameOperation.seal, .open] {
                        row.append(costs.measured(backend, suite, operation, size: size).map(NumberFormat.nanoseconds) ?? "n/a")
                    }
                }
                rows.append(row)
            }
        }
        return (headers, rows)
    }

    /// The compact table of `framebench run`'s summary: one row per suite, the bytes a frame
    /// gains, and per backend and size "seal/open" median ns, "n/a" where it lacks the suite.
    package static func compactTable(_ records: [MeasurementRecord]) -> (headers: [String], rows: [[String]]) {
        let costs = Costs(records)
        let measuredSuites = Set(costs.table.values.flatMap { $0.filter { !$0.value.values.allSatisfy(\.isEmpty) }.keys })
        guard measuredSuites.count > 1 else { return ([], []) }
        let backends = costs.table.keys.sorted()
        var headers = ["suite", "B/frame"]
        for backend in backends { for size in costs.sizes { headers.append("\(backend) \(size) B") } }
        var rows: [[String]] = []
        for suite in SFrameCipherSuite.allCases where measuredSuites.contains(suite) {
            var row = ["\(suite.rawValue)", bytes(records, suite)]
            for backend in backends {
                for size in costs.sizes {
                    if let seal = costs.measured(backend, suite, .seal, size: size),
                        let open = costs.measured(backend, suite, .open, size: size)
                    {
                        row.append("\(NumberFormat.nanoseconds(seal))/\(NumberFormat.nanoseconds(open))")
                    } else {
                        row.append("n/a")
                    }
                }
            }
            rows.append(row)
        }
        return (headers, rows)
    }

    /// The bytes a frame gains under `suite` in the frames suite's records (the AAD standing
    /// for the header, plus the tag), or "-".
    private static func bytes(_ records: [MeasurementRecord], _ suite: SFrameCipherSuite) -> String {
        records.first { $0.cipherSuiteKind == suite && $0.overheadBytesPerFrame != nil }?.overheadBytesPerFrame
            .map { NumberFormat.fixed($0, 0) } ?? "-"
    }
}
