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
            for (backend, suites) in table {
                for (suite, operations) in suites {
                    for (operation, points) in operations {
                        table[backend]![suite]![operation] = points.sorted { $0.size < $1.size }
                    }
                }
            }
        }

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
            table[backend]?[suite]?[.seal] != nil && table[backend]?[suite]?[.open] != nil
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

    /// The suites × backends table at each measured size: median seal and open ns/frame and
    /// the bytes a frame gains, "n/a" where a backend does not implement a suite. Empty when
    /// fewer than two suites were measured.
    package static func table(_ records: [MeasurementRecord]) -> (headers: [String], rows: [[String]]) {
        let costs = Costs(records)
        let measuredSuites = Set(costs.table.values.flatMap(\.keys))
        guard measuredSuites.count > 1 else { return ([], []) }
        let backends = costs.table.keys.sorted()
        let sizes = Set(
            costs.table.values.flatMap { $0.values.flatMap { $0.values.flatMap { $0.map(\.size) } } }
        ).sorted()
        var headers = ["suite", "bytes/frame"]
        for size in sizes {
            for backend in backends { headers += ["\(backend) seal \(size) B", "\(backend) open \(size) B"] }
        }
        var rows: [[String]] = []
        for suite in SFrameCipherSuite.allCases where measuredSuites.contains(suite) {
            // The frames suite's AAD stands for the header; the overhead is the header and tag.
            let bytes = records.first { $0.cipherSuiteKind == suite && $0.overheadBytesPerFrame != nil }?.overheadBytesPerFrame
            var row = ["\(suite.rawValue) \(suite.ianaName)", bytes.map { NumberFormat.fixed($0, 0) } ?? "-"]
            for size in sizes {
                for backend in backends {
                    for operation in [FrameOperation.seal, .open] {
                        let measured = costs.table[backend]?[suite]?[operation]?.first { $0.size == size }
                        row.append(measured.map { NumberFormat.nanoseconds($0.ns) } ?? "n/a")
                    }
                }
            }
            rows.append(row)
        }
        return (headers, rows)
    }
}
