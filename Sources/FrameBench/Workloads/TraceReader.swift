import Foundation
import FrameCrypto

/// Reads media traces: CSV lines `time_ms,stream,size[,keyframe]`, as described in
/// `docs/trace-format.md`.
///
/// - `time_ms`: media time in milliseconds, a non-negative decimal, never less than the
///   previous line's.
/// - `stream`: `audio`, `video` or `screen`, optionally `:label` naming a layer
///   (`video:720p`); labels are 1–32 characters of letters, digits, `.`, `_` and `-`.
///   Each kind's layers are numbered in order of first appearance.
/// - `size`: the frame's size in bytes, an integer from 0 to 16 MiB.
/// - `keyframe` (optional): `1` or `0`.
///
/// Blank lines and lines starting with `#` are ignored; so is a first header line
/// starting with `time_ms`. Fields may be padded with spaces; CRLF line ends are accepted.
public enum TraceReader {
    /// The largest frame a trace may hold, in bytes.
    public static let maxFrameSize = 16 << 20

    /// The trace in the file at `path`.
    public static func read(path: String) throws(TraceError) -> Workload {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return try parse(text)
    }

    /// The trace in `text`.
    public static func parse(_ text: String) throws(TraceError) -> Workload {
        var frames: [MediaFrame] = []
        var layerNames: [StreamKind: [String]] = [:]
        var previousTime: Int64 = 0
        var sawContent = false
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is matched as a separator of its own.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            defer { sawContent = true }
            if !sawContent && trimmed.lowercased().hasPrefix("time_ms") { continue }
            let frame = try parseLine(trimmed, number: lineNumber, layerNames: &layerNames)
            if frame.time < previousTime {
                throw .malformedLine(
                    line: lineNumber,
                    reason: "time \(frame.milliseconds) ms is earlier than the previous frame's \(Double(previousTime) / 1e6) ms")
            }
            previousTime = frame.time
            frames.append(frame)
        }
        guard !frames.isEmpty else { throw .empty }
        return Workload(frames: frames, layerNames: layerNames)
    }

    private static func parseLine(
        _ line: String, number: Int, layerNames: inout [StreamKind: [String]]
    ) throws(TraceError) -> MediaFrame {
        func bad(_ reason: String) -> TraceError { .malformedLine(line: number, reason: reason) }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard fields.count == 3 || fields.count == 4 else {
            throw bad("expected 3 or 4 comma-separated fields (time_ms,stream,size[,keyframe]), found \(fields.count)")
        }
        guard let ms = Double(fields[0]), ms.isFinite else { throw bad("time_ms '\(fields[0])' is not a number") }
        guard ms >= 0 else { throw bad("time_ms \(fields[0]) is negative") }
        guard ms < 1e12 else { throw bad("time_ms \(fields[0]) is too large") }

        let streamParts = fields[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let kind = StreamKind.allCases.first(where: { $0.description == streamParts[0] }) else {
            throw bad("unknown stream '\(fields[1])': expected audio, video or screen, optionally with :layer")
        }
        let label = streamParts.count == 2 ? String(streamParts[1]) : ""
        if streamParts.count == 2 {
            let allowed = label.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0)
            }
            guard (1...32).contains(label.count), allowed else {
                throw bad("layer label '\(label)' must be 1–32 characters of letters, digits, '.', '_' or '-'")
            }
        }
        var names = layerNames[kind, default: []]
        let layer: Int
        if let existing = names.firstIndex(of: label) {
            layer = existing
        } else {
            guard names.count < 256 else { throw bad("more than 256 layers for \(kind)") }
            names.append(label)
            layerNames[kind] = names
            layer = names.count - 1
        }

        guard let size = Int(fields[2]) else { throw bad("size '\(fields[2])' is not a whole number of bytes") }
        guard (0...maxFrameSize).contains(size) else {
            throw bad("size \(size) is outside 0…\(maxFrameSize) bytes")
        }
        var isKeyframe = false
        if fields.count == 4 {
            switch fields[3] {
            case "1": isKeyframe = true
            case "0", "": isKeyframe = false
            default: throw bad("keyframe '\(fields[3])' must be 1 or 0")
            }
        }
        let time = Int64((ms * 1e6).rounded())
        return MediaFrame(time: time, kind: kind, layer: UInt8(layer), size: size, isKeyframe: isKeyframe)
    }
}
