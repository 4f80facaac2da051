import FrameCrypto

extension MeasurementRecord {
    /// A record with the required fields, named by value; the file holds their raw strings.
    init(
        suite: SuiteName, implementation: Implementation, backend: String, frames: Int, bytes: Int,
        seconds: Double, nsPerFrame: PercentileSummary, samples: [Double], samplesKind: String
    ) {
        self.init(
            suite: suite.rawValue, implementation: implementation.rawValue, backend: backend, frames: frames,
            bytes: bytes, seconds: seconds, nsPerFrame: nsPerFrame, samples: samples, samplesKind: samplesKind)
    }

    /// ``suite`` as a value (`nil` for a name no suite writes).
    var suiteName: SuiteName? { SuiteName(rawValue: suite) }
    /// ``implementation`` as a value (`nil` for a name no runner writes).
    var implementationKind: Implementation? { Implementation(rawValue: implementation) }
    /// ``operation`` as a value.
    var frameOperation: FrameOperation? { operation.flatMap(FrameOperation.init(rawValue:)) }
    /// ``mode`` as a value (meeting suite).
    var meetingMode: MeetingMode? { mode.flatMap(MeetingMode.init(rawValue:)) }
    /// ``cipherSuite`` as a value: suite 5 when the record does not say; `nil` only for a
    /// number no suite has.
    var cipherSuiteKind: SFrameCipherSuite? {
        cipherSuite.map { UInt16(exactly: $0).flatMap(SFrameCipherSuite.init(rawValue:)) } ?? .aes256GCMSHA512
    }
    /// ``granularity`` as a value: `frame` when the record does not say (files written
    /// before packet granularity existed); `nil` only for a name no suite writes.
    var granularityKind: Granularity? { granularity.map { Granularity(rawValue: $0) } ?? .frame }
    /// Whether a meeting record sealed per packet.
    var isPerPacket: Bool { granularityKind == .packet }
    /// ``layer`` as a value (overhead suite).
    var overheadLayer: OverheadLayer? { layer.flatMap(OverheadLayer.init(rawValue:)) }
}
