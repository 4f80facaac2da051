/// The layers of a frame's path that `framebench overhead` takes apart, bottom first.
/// Each layer's loop does everything the layers below it do, plus its own work.
package enum OverheadLayer: String, Sendable, CaseIterable, Codable {
    /// The library call alone, from the C reference (`Sources/CFrameReference`): no Swift in
    /// the loop. Absent for a backend without a C reference.
    case cLibrary = "c-library"
    /// The same call through the Swift backend (`AEADContext.seal`/`open`): nonce building,
    /// buffer checks, the Swift wrapper.
    case swiftBackend = "swift-backend"
    /// A whole SFrame seal or open: header, nonce from salt and counter, key lookup among
    /// the receiver's keys, replay window, then the backend call.
    case sframe
    /// The meeting harness's own work per frame (schedule, forwarding, slots, clocks), from
    /// a meeting run with the crypto calls made no-ops.
    case harness

    /// The layer below this one, or `nil` for the bottom.
    package var below: OverheadLayer? {
        switch self {
        case .cLibrary: nil
        case .swiftBackend: .cLibrary
        case .sframe: .swiftBackend
        case .harness: .sframe
        }
    }
}
