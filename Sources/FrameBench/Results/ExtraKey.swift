/// The names of a record's ``MeasurementRecord/extra`` values, spelt as results files hold
/// them: the one list that the suites writing them and the tables, summaries and charts
/// reading them share, so a misspelt name does not compile.
package enum ExtraKey: String, Sendable, CaseIterable {
    // Any suite measured on one thread: the process's involuntary context switches.
    case involuntaryContextSwitches

    // Frames suite: median ns/frame above the floor reference's (CFrameReference floor.c) in
    // the same group.
    case aboveFloorNsPerFrameP50

    // Frames suite, multi-core scaling.
    case speedup, efficiency, singleThreadFrames, singleThreadFramesPerSecond
    case singleThreadNsPerFrameP50, singleThreadNsPerFrameP99, perThreadSlowdownP50

    // Overhead suite.
    case cumulativeNsPerFrame, addedNsPerFrame, addedNsPerFrameLow, addedNsPerFrameHigh, addedFraction
    case ratioToWarm, ratioToWarmLow, ratioToWarmHigh
    case meetingParticipants, receiverKeys

    // Key-count study.
    case ratioToOneKey, ratioToOneKeyLow, ratioToOneKeyHigh

    // Meeting suite: time, work and threads.
    case mediaSeconds, busySeconds, cpuSeconds, stealSeconds, realtimeFactorPerCPUSecond, utilization
    case seals, opens, sealedBytes, sealNsPerFrameP50, openNsPerFrameP50, keyframes, oldEpochOpens
    case effectiveParallelism, threadEfficiency, loadImbalance, untimedSeals
    case harnessShare, harnessNsPerFrame, syntheticOverheadNanoseconds

    // Meeting suite: what encryption adds to the bitstream, per sending participant and
    // stream kind (media and SFrame overhead in kbit/s, overhead as a share of media), and
    // the SFrame seals and opens (packets in packet granularity).
    case packetsSealed, packetsOpened
    case mediaKbpsAudio, mediaKbpsVideo, mediaKbpsScreen
    case overheadKbpsAudio, overheadKbpsVideo, overheadKbpsScreen
    case overheadPercentAudio, overheadPercentVideo, overheadPercentScreen

    // Meeting suite: rekeys.
    case rekeys, rekeyLeaderMs, rekeyParticipantMeanMs, rekeyParticipantMaxMs, rekeyMeetingMs, rekeyWallMs
    case rekeyClientMs, graceExpiries, graceExpiryMs

    // Meeting suite, paced: frame latency.
    case latencyP50Ms, latencyP90Ms, latencyP99Ms, latencyP999Ms, latencyMaxMs, deadlineMs
    case missedDeadlineFrames, missedDeadlineFraction, missedDeadlineTicks
}

extension Dictionary where Key == String, Value == Double {
    /// The ``MeasurementRecord/extra`` value named `key`.
    package subscript(key: ExtraKey) -> Double? {
        get { self[key.rawValue] }
        set { self[key.rawValue] = newValue }
    }

    /// Extra values by name, as a record holds them (keys spelt as ``ExtraKey``'s raw values).
    package init(extra values: [ExtraKey: Double]) {
        self.init(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }
}
