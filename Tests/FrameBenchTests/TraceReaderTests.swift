import Foundation
import Testing

@testable import FrameBench

@Suite struct TraceReaderTests {
    @Test func readsAGoodTrace() throws {
        let text = """
            # made by hand
            time_ms,stream,size,keyframe
            0,audio,3
            0, video:720p ,21034,1
            0,video:180p,2100,1\r
            20,audio,88

            33.367,video:720p,1950,0
            40,screen,120
            """
        let workload = try TraceReader.parse(text)
        #expect(workload.frames.count == 6)
        #expect(workload.frames[1] == MediaFrame(time: 0, kind: .video, layer: 0, size: 21034, isKeyframe: true))
        #expect(workload.frames[2].layer == 1)
        #expect(workload.frames[4].time == 33_367_000)
        #expect(workload.layerNames[.video] == ["720p", "180p"])
        #expect(workload.layerNames[.audio] == [""])
    }

    @Test func crlfLineEndsAreLineEnds() throws {
        let workload = try TraceReader.parse("time_ms,stream,size\r\n0,audio,10\r\n20,audio,12\r\n")
        #expect(workload.frames.map(\.size) == [10, 12])
        #expect(throws: TraceError.malformedLine(line: 3, reason: "size 'x' is not a whole number of bytes")) {
            try TraceReader.parse("0,audio,10\r\n\r\n20,audio,x\r\n")
        }
    }

    @Test func headerIsOptional() throws {
        #expect(try TraceReader.parse("0,audio,10\n20,audio,12\n").frames.count == 2)
    }

    @Test(arguments: [
        ("0,audio,10\n20,audio\n", 2, "expected 3 or 4"),
        ("0,audio,10\nabc,audio,10\n", 2, "time_ms 'abc'"),
        ("-5,audio,10\n", 1, "negative"),
        ("0,radio,10\n", 1, "unknown stream 'radio'"),
        ("0,video:,10\n", 1, "layer label"),
        ("0,video:7 20p,10\n", 1, "layer label"),
        ("0,audio,ten\n", 1, "size 'ten'"),
        ("0,audio,-1\n", 1, "size -1"),
        ("0,audio,99999999\n", 1, "outside"),
        ("0,audio,10,yes\n", 1, "keyframe 'yes'"),
        ("# c\n\n20,audio,10\n10,audio,10\n", 4, "earlier than"),
        ("time_ms,stream,size\n0,audio,1,1,1\n", 2, "found 5"),
    ])
    func malformedLineIsNamed(text: String, line: Int, fragment: String) {
        do {
            _ = try TraceReader.parse(text)
            Issue.record("accepted a malformed trace")
        } catch let TraceError.malformedLine(number, reason) {
            #expect(number == line)
            #expect(reason.contains(fragment), "\(reason)")
            #expect(TraceError.malformedLine(line: number, reason: reason).description.hasPrefix("trace line \(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func emptyTraceIsAnError() {
        #expect(throws: TraceError.empty) { try TraceReader.parse("# nothing\ntime_ms,stream,size\n") }
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            try TraceReader.read(path: "/nonexistent/trace.csv")
        } throws: { error in
            if case .unreadable = error as? TraceError { true } else { false }
        }
    }

    @Test func committedTraceParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let workload = try TraceReader.read(path: root.appendingPathComponent("traces/vp8-opus-10s.csv").path)
        let stats = workload.statistics(over: 10 * MediaTime.second)
        #expect(stats.contains { $0.key.kind == .audio && abs($0.framesPerSecond - 50) < 2 })
        #expect(stats.contains { $0.key.kind == .video && $0.keyframes >= 1 })
    }
}
