/// What runs a case's frames: FrameBench's Swift code over a backend, or the plain C loop
/// against the same library (the reference). Encoded as `swift` and `c`, the strings
/// results files hold in ``MeasurementRecord/implementation``.
package enum Implementation: String, Sendable, CaseIterable, Codable {
    /// Swift: the backend called from FrameBench's loops.
    case swift
    /// The C reference loop (`CFrameReference`).
    case c
}
