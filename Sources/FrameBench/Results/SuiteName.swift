/// Which suite wrote a record, as results files spell it in ``MeasurementRecord/suite``.
package enum SuiteName: String, Sendable, CaseIterable, Codable {
    /// The frames suite: one frame's seal or open per backend, size and operation.
    case frames
    /// The overhead suite: a frame's cost layer by layer.
    case overhead
    /// The key-count study: SFrame open cost as the receiver holds more keys.
    case keys
    /// The meeting suite: a whole meeting's client-side work.
    case meeting
}
