import Foundation
import FrameCrypto

@testable import FrameBench

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small results documents built in code for the report tests, and an SVG/XML reader.
enum ReportFixtures {
    static let environment = RunEnvironment(
        cpuModel: "Test CPU @ 3.0GHz", cpuFlags: ["aes": true, "pclmulqdq": true, "avx2": true, "vaes": false],
        logicalCores: 2, os: .init(name: "Debian GNU/Linux 12 (bookworm)", kernel: "Linux", kernelRelease: "6.1.0", machine: "x86_64"),
        swiftCompiler: ">=6.1 <6.2", buildConfiguration: "release",
        backends: [
            BackendInfo(name: "openssl", library: "OpenSSL libcrypto", version: "3.0.99", summary: "", availability: .available),
            BackendInfo(name: "sodium", library: "libsodium", version: "1.0.99", summary: "", availability: .available),
        ],
        gitCommit: "0123456789abcdef0123456789abcdef01234567", gitDirty: false, commandLine: ["framebench", "frames", "--seconds", "1"])

    static let sizes = [64, 1200, 65536]

    /// ns per frame of a frames case: distinct for every backend, operation, size and implementation.
    static func ns(_ backend: String, _ operation: String, _ size: Int, _ implementation: String) -> Double {
        (backend == "openssl" ? 100 : 150) + (operation == "open" ? 7 : 0) + Double(size) * (backend == "openssl" ? 0.25 : 0.6)
            + (implementation == "c" ? -3.5 : 0)
    }

    /// `count` samples around `center`, deterministic, spread ±0.5 %.
    static func samples(_ center: Double, count: Int = 20) -> [Double] {
        (0..<count).map { center * (1 + 0.005 * sin(Double($0) * 1.7)) }
    }

    static func framesRecord(
        _ backend: String, _ operation: String, _ size: Int, _ implementation: String, scale: Double = 1
    ) -> MeasurementRecord {
        let p50 = ns(backend, operation, size, implementation) * scale
        var record = MeasurementRecord(
            suite: "frames", implementation: implementation, backend: backend, frames: 1_000_000, bytes: 1_000_000 * size,
            seconds: p50 * 1e6 / 1e9,
            nsPerFrame: PercentileSummary(p50: p50, p90: p50 * 1.1, p99: p50 * 1.5, p999: p50 * 2, max: p50 * 9, mean: p50 * 1.02),
            samples: samples(p50), samplesKind: "repetitionMedianNsPerFrame")
        record.operation = operation
        record.frameSize = size
        record.batchSize = 100
        record.onCPUFraction = 0.999
        if implementation == "swift" {
            record.referenceRatio = ns(backend, operation, size, "swift") / ns(backend, operation, size, "c")
        }
        return record
    }

    static func meetingRecord(_ backend: String, _ mode: String, _ participants: Int, scale: Double = 1) -> MeasurementRecord {
        let p50 = (backend == "openssl" ? 400 : 700) + Double(participants) * 3 * scale
        var record = MeasurementRecord(
            suite: "meeting", implementation: "swift", backend: backend, frames: 10_000 * participants, bytes: 5_000_000 * participants,
            seconds: 1,
            nsPerFrame: PercentileSummary(p50: p50, p90: p50 * 1.2, p99: p50 * 1.8, p999: p50 * 2.5, max: p50 * 10, mean: p50 * 1.05),
            samples: samples(p50, count: 10), samplesKind: "sliceNsPerFrame")
        record.participants = participants
        record.mode = mode
        record.realtimeFactor = (mode == "client" ? 90_000 : 9_000) / Double(participants) / (backend == "openssl" ? 1 : 1.5)
        return record
    }

    static let participantCounts = [2, 10, 50, 200]

    /// Frames records for both backends, both operations, three sizes, Swift and C.
    static func framesDocument(scale: (MeasurementRecord) -> Double = { _ in 1 }) -> ResultsDocument {
        var records: [MeasurementRecord] = []
        for backend in ["openssl", "sodium"] {
            for operation in ["seal", "open"] {
                for size in sizes {
                    for implementation in ["swift", "c"] {
                        let plain = framesRecord(backend, operation, size, implementation)
                        records.append(framesRecord(backend, operation, size, implementation, scale: scale(plain)))
                    }
                }
            }
        }
        return document(suite: "frames", records)
    }

    /// Meeting records for both backends, both modes, four participant counts.
    static func meetingDocument() -> ResultsDocument {
        let records = ["openssl", "sodium"].flatMap { backend in
            ["meeting", "client"].flatMap { mode in participantCounts.map { meetingRecord(backend, mode, $0) } }
        }
        return document(suite: "meeting", records)
    }

    static func document(suite: String, _ records: [MeasurementRecord]) -> ResultsDocument {
        var configuration = RunConfiguration(suite: suite, seed: 1, backends: ["openssl", "sodium"], runMode: "time", warmupSeconds: 0.2)
        configuration.secondsPerCase = 1
        configuration.repetitions = 20
        return ResultsDocument(
            createdAt: "2026-11-21T16:14:08Z", environment: environment, configuration: configuration, measurements: records)
    }

    /// ns per frame each overhead layer adds, per backend and size.
    static func layerNs(_ backend: String, _ size: Int, _ layer: String) -> Double {
        let base = backend == "openssl" ? 1.0 : 1.5
        switch layer {
        case "c-library": return (90 + Double(size) * 0.2) * base
        case "swift-backend": return 6 * base
        case "sframe": return 25 + Double(size) * 0.01
        default: return 12
        }
    }

    /// A results file with overhead records (one per backend, size and layer, the added
    /// ns in `extra.addedNsPerFrame`), as JSON.
    static func overheadJSON() throws -> Data {
        var records: [MeasurementRecord] = []
        for backend in ["openssl", "sodium"] {
            for size in [64, 1200] {
                for layer in OverheadFigure.layerOrder {
                    let ns = layerNs(backend, size, layer)
                    var record = MeasurementRecord(
                        suite: "overhead", implementation: layer == "c-library" ? "c" : "swift", backend: backend, frames: 1000,
                        bytes: 1000 * size, seconds: 1,
                        nsPerFrame: PercentileSummary(p50: ns, p90: ns, p99: ns, p999: ns, max: ns, mean: ns), samples: [ns],
                        samplesKind: "repetitionMedianNsPerFrame")
                    record.frameSize = size
                    record.operation = "seal"
                    record.layer = layer
                    record.extra = ["addedNsPerFrame": ns]
                    records.append(record)
                }
            }
        }
        return try ResultsFile.encode(document(suite: "overhead", records))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framebench-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Every element of an XML document, with its attributes and text, via Foundation's XMLParser.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: (any Error)?

    /// Parses `text`; `nil` when it is not well-formed XML.
    static func parse(_ text: String) -> XMLElements? {
        let reader = XMLElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        return parser.parse() && reader.error == nil ? reader : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every `<text>` element of `class`.
    func texts(class name: String) -> [String] {
        elements.filter { $0.name == "text" && $0.attributes["class"] == name }.map(\.text)
    }
}
