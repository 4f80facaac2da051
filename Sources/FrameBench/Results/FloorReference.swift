import CFrameReference
package import FrameCrypto

/// Whether the floor runs here, and what it is.
package enum FloorReference {
    /// The name records and reports give the floor (it is not a registered backend).
    package static let name = "floor"

    /// Why the floor is absent on this machine (no AES-NI, PCLMULQDQ, SSSE3 or SSE4.1, or
    /// not x86-64), or `nil` when it runs.
    package static var unavailableReason: String? { fbr_floor_unavailable_reason().map { String(cString: $0) } }

    /// The floor described as a backend would be (it is not one).
    package static let info = BackendInfo(
        name: name, library: "FrameBench floor (AES-NI + PCLMULQDQ intrinsics)", version: "1",
        summary:
            "reference only, not a backend for use: key schedule and H^1..H^8 once per key; per frame CTR 8 blocks in flight and 8-block aggregated GHASH",
        availability: unavailableReason.map { .unavailable(reason: $0) } ?? .available,
        codePath: CodePathReport(
            path: .aesni, source: .libraryQuery, evidence: "floor.c: AES-NI + PCLMULQDQ intrinsics, checked with CPUID at run time"))

    /// One line for `framebench backends`.
    package static var description: String {
        unavailableReason.map { "absent: \($0)" }
            ?? "AES-NI + PCLMULQDQ, measured by the frames suite as the `floor` reference (ns above the floor per library)"
    }
}
