/// The harness layer: a short meeting run through the meeting suite's own loops, slots and
/// schedule with the crypto calls made no-ops (``NullWork``), exactly as the meeting
/// suite measures its harness share.
enum HarnessLayer {
    /// Runs `participants` in meeting mode, one thread, for `seconds` of media (after
    /// 0.2 s of warm-up) and returns its seal-phase and open-phase batch means.
    static func measure(participants: Int, seconds: Double, seed: UInt64) throws(SuiteError) -> HarnessLog {
        var configuration = MeetingSuiteConfiguration()
        configuration.participants = [participants]
        configuration.modes = [.meeting]
        configuration.seconds = seconds
        configuration.warmupSeconds = 0.2
        configuration.seed = seed
        let schedule = MeetingScheduleBuilder.build(participants: participants, configuration: configuration)
        let plaintext = AlignedBuffer.zeroed(max(schedule.largestFrameOverall, 1))
        defer { plaintext.deallocate() }
        plaintext.initializeMemory(as: UInt8.self, repeating: 0x5A)
        let slots = SlotArena(schedule: schedule, ticksInFlight: 2 * configuration.blockTicks)
        let runner = MeetingCaseRunner(
            name: "harness", schedule: schedule, mode: .meeting, threads: 1, blockTicks: configuration.blockTicks,
            work: NullWork(), serial: nil, slots: slots, plaintext: UnsafeRawPointer(plaintext.baseAddress!))
        do {
            if schedule.warmupTicks > 0 { _ = try runner.runSlice(0..<schedule.warmupTicks, paced: false) }
            for slice in MeetingSlices.ranges(schedule.warmupTicks..<schedule.ticks, parts: configuration.repetitions) {
                _ = try runner.runSlice(slice, paced: false)
            }
        } catch {
            throw .measurementFailed("harness meeting: \(error)")
        }
        let totals = MeetingRecordBuilder(schedule: schedule, configuration: configuration, participants: participants, mode: .meeting)
            .totals(runner.logs)
        return HarnessLog(seal: totals.sealMeans, open: totals.openMeans, participants: participants)
    }
}
