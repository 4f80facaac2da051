import Testing

@testable import FrameBench

@Suite struct MeasurementTests {
    @Test func percentilesOfKnownData() {
        let values = (1...1000).map(Double.init)
        let summary = PercentileSummary(values: values.shuffled())
        #expect(abs(summary.p50 - 500) <= 1)
        #expect(abs(summary.p90 - 900) <= 0.9)
        #expect(abs(summary.p99 - 990) <= 1)
        #expect(abs(summary.p999 - 999) <= 1)
        #expect(summary.max == 1000)
        #expect(summary.mean == 500.5)
    }

    @Test func subNanosecondDifferencesSurvive() {
        let summary = PercentileSummary(values: [98.2, 98.2, 98.2, 98.7, 98.7])
        #expect(abs(summary.p50 - 98.2) < 0.1)
        #expect(abs(summary.max - 98.7) < 1e-9)
    }

    @Test func meanOverrideAndEmpty() {
        #expect(PercentileSummary(values: [1, 2, 3], mean: 7).mean == 7)
        #expect(PercentileSummary(values: [Double]()) == PercentileSummary(p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0))
    }

    @Test func chunkMediansSplitConsecutiveRuns() {
        #expect(SampleStatistics.median([3, 1, 2]) == 2)
        #expect(SampleStatistics.median([4, 1, 2, 3]) == 2.5)
        #expect(SampleStatistics.chunkMedians([1, 2, 3, 10, 20, 30], parts: 2) == [2, 20])
        #expect(SampleStatistics.chunkMedians([1, 2], parts: 5) == [1, 2])
        #expect(SampleStatistics.chunkMedians([], parts: 5) == [])
    }

    @Test func clocksMoveForward() {
        let a = Clocks.monotonicNanoseconds()
        let cpuA = Clocks.threadCPUNanoseconds()
        var x = 0
        for i in 0..<200_000 { x &+= i &* i }
        #expect(x != 1)
        #expect(Clocks.monotonicNanoseconds() > a)
        #expect(Clocks.threadCPUNanoseconds() > cpuA)
        #expect(Clocks.processCPUNanoseconds() > 0)
        #expect(Clocks.processUsage().userNanoseconds + Clocks.processUsage().systemNanoseconds > 0)
    }

    @Test func environmentParsesCPUInfoAndOSRelease() {
        let (model, flags) = RunEnvironment.parseCPUInfo("processor\t: 0\nmodel name\t: Test CPU @ 3GHz\nflags\t\t: fpu aes avx2 vaes\n")
        #expect(model == "Test CPU @ 3GHz")
        #expect(flags == ["fpu", "aes", "avx2", "vaes"])
        #expect(RunEnvironment.osReleaseValue("PRETTY_NAME", in: "ID=debian\nPRETTY_NAME=\"Debian 12\"\n") == "Debian 12")
    }
}
