import Testing

@testable import FrameBench

@Suite struct WorkloadTests {
    let tenSeconds = 10 * MediaTime.second

    @Test func sameSeedSameFramesOtherSeedOtherFrames() {
        let a = Workload.generated(duration: tenSeconds, seed: 7, screen: ScreenParameters())
        let b = Workload.generated(duration: tenSeconds, seed: 7, screen: ScreenParameters())
        let c = Workload.generated(duration: tenSeconds, seed: 8, screen: ScreenParameters())
        #expect(a == b)
        #expect(a.frames.map(\.size) != c.frames.map(\.size))
        #expect(zip(a.frames, a.frames.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test func audioIsFiftyFramesPerSecondOfSpeechAndSilence() {
        var source = AudioSource(seed: 3)
        let frames = source.frames(before: tenSeconds)
        #expect(frames.count == 500)
        #expect(frames.allSatisfy { $0.kind == .audio && $0.time % (20 * MediaTime.millisecond) == 0 })
        let speech = frames.filter { $0.size >= 60 }
        let silence = frames.filter { $0.size < 60 }
        #expect(speech.allSatisfy { (60...160).contains($0.size) })
        #expect(silence.allSatisfy { (2...8).contains($0.size) })
        // ITU-T P.59 activity is about 39 %; over 10 s it varies, but both states occur.
        #expect(speech.count > 50 && silence.count > 50)
        let meanSpeech = Double(speech.map(\.size).reduce(0, +)) / Double(speech.count)
        #expect(abs(meanSpeech - 90) < 10)
    }

    @Test func dtxSendsOneSilenceFrameInN() {
        var parameters = AudioParameters()
        parameters.silenceFrameEvery = 20
        var source = AudioSource(parameters: parameters, seed: 3)
        let frames = source.frames(before: 60 * MediaTime.second)
        #expect(frames.count < 3000)
        #expect(frames.count > 1000)
    }

    @Test func videoLayersHitTheirBitratesWithinTwentyPercent() {
        var source = VideoSource(seed: 11)
        let workload = Workload(frames: source.frames(before: tenSeconds))
        let stats = workload.statistics(over: tenSeconds)
        #expect(stats.count == 3)
        for (layer, target) in [150_000.0, 500_000, 1_500_000].enumerated() {
            let s = stats[layer]
            #expect(s.key == StreamKey(kind: .video, layer: UInt8(layer)))
            #expect(s.frames == 300)
            #expect(abs(s.bitsPerSecond / target - 1) < 0.2, "layer \(layer): \(s.bitsPerSecond) bit/s")
        }
    }

    @Test func keyframesAreEightToFifteenTimesDeltaAtStartAndOnRequest() {
        var source = VideoSource(seed: 5)
        var frames: [MediaFrame] = []
        for tick in 0..<300 {
            if tick == 150 { source.requestKeyframe() }
            for _ in 0..<3 { frames.append(source.next()) }
        }
        let keyframes = frames.filter(\.isKeyframe)
        #expect(keyframes.count == 6)
        #expect(Set(keyframes.map(\.time)) == [0, frames[450].time])
        for layer in 0..<3 {
            let mean = source.meanDeltaSize(layer: layer)
            for key in keyframes where key.layer == layer {
                #expect((8 * mean - 1...15 * mean + 1).contains(Double(key.size)))
            }
            let deltas = frames.filter { !$0.isKeyframe && $0.layer == layer }
            let deltaMean = Double(deltas.map(\.size).reduce(0, +)) / Double(deltas.count)
            #expect(abs(deltaMean / mean - 1) < 0.1)
        }
    }

    @Test func keyframeRequestForOneLayerOnly() {
        var source = VideoSource(seed: 5)
        for _ in 0..<3 { _ = source.next() }
        source.requestKeyframe(layer: 2)
        let next = (0..<3).map { _ in source.next() }
        #expect(next.map(\.isKeyframe) == [false, false, true])
    }

    @Test func screenIsLowRateMostlyTinyWithOccasionalLargeFrames() {
        var source = ScreenSource(seed: 9)
        let frames = source.frames(before: 60 * MediaTime.second)
        #expect(frames.count == 300)
        #expect(frames[0].isKeyframe && frames[0].size > 50_000)
        let tiny = frames.filter { $0.size <= 200 }
        let large = frames.filter { $0.size > 5_000 && !$0.isKeyframe }
        #expect(tiny.count > 250)
        #expect(large.count >= 3 && large.count <= 30)
        source.requestKeyframe()
        #expect(source.next().isKeyframe)
    }
}
