import FrameBench
import FrameCrypto
import FuzzSupport

runLibFuzzer { data, size in fuzz(data ?? emptyFuzzInput, size) }

/// Fuzzes `TraceReader.parse` with arbitrary text (the input as UTF-8, invalid sequences
/// repaired, as `TraceReader.read` would get from a file).
///
/// Oracles: it returns or throws `TraceError.malformedLine` with a line number inside the
/// text, or `.empty` (never traps, never hangs); a workload it returns has at least one and
/// at most one frame per line, in non-decreasing time, sizes within 0…16 MiB, and every
/// frame's layer named in `layerNames`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
    switch Result(catching: { () throws(TraceError) in try TraceReader.parse(text) }) {
    case let .failure(error):
        switch error {
        case let .malformedLine(line, _):
            fuzzCheck((1...lineCount).contains(line), "line \(line) of \(lineCount): \(error)")
        case .empty:
            break
        default:
            fuzzCheck(false, "parsing threw \(error)")
        }
        fuzzLog("refused: \(error)")
    case let .success(workload):
        let frames = workload.frames
        fuzzCheck(!frames.isEmpty && frames.count <= lineCount, "\(frames.count) frames from \(lineCount) lines")
        var previous: Int64 = 0
        for frame in frames {
            fuzzCheck(frame.time >= previous, "time \(frame.time) after \(previous)")
            previous = frame.time
            fuzzCheck((0...TraceReader.maxFrameSize).contains(frame.size), "size \(frame.size)")
            let names = workload.layerNames[frame.kind] ?? []
            fuzzCheck(Int(frame.layer) < names.count, "layer \(frame.layer) of \(frame.kind) has no name in \(names)")
        }
        fuzzLog("read \(frames.count) frames")
    }
    return 0
}
