import CFrameReference
import Foundation
package import FrameCrypto

/// The measured probe behind the code path of a library with no query of its own
/// (``CodePathSource/dispatchRule``): its AES-256-GCM seal of 16 KiB is timed against the
/// floor reference's (AES-NI + PCLMULQDQ intrinsics, `Sources/CFrameReference/floor.c`) on
/// this CPU. Within ``tableBasedRatio`` of the floor only hardware AES can run; which hardware
/// path (VAES or AES-NI) is not told apart by timing and comes from the library's dispatch
/// rule, which the evidence quotes. Slower than that, table code and unpipelined AES-NI look
/// alike, and the probe says `unknown` unless the rule itself says table-based. Without the
/// floor (no AES-NI) the rule's report stands: nothing but table code can run.
package enum CodePathProbe {
    /// The bytes sealed per timed call.
    static let probeBytes = 16 * 1024
    /// Below this multiple of the floor's time only hardware AES can run. Table-based
    /// AES-GCM runs at 20x the floor or more (wolfSSL's C AES and 4-bit GHASH table: 25x at
    /// 64 KiB on an EPYC); pipelined hardware code within 3x (Botan 2.19's separate AES-NI
    /// and CLMUL passes: 2.9x). Unpipelined AES-NI falls between (mbedTLS 2.28's one block
    /// per call: 15x), which is why a slow result is not read as table-based.
    static let tableBasedRatio = 6.0

    /// `info` with its code path probed when its library has no query (else unchanged).
    /// Registered backends are probed once per process, so every results document a process
    /// writes carries the same reports.
    package static func probed(_ backend: AEADBackend) -> BackendInfo {
        registered[backend.info.name] ?? probe(backend)
    }

    /// The registered backends' probed descriptions, made on first use.
    static let registered: [String: BackendInfo] = Dictionary(
        BackendRegistry.all.map { ($0.info.name, probe($0)) }, uniquingKeysWith: { first, _ in first })

    static func probe(_ backend: AEADBackend) -> BackendInfo {
        let info = backend.info
        guard let rule = info.codePath, rule.source == .dispatchRule, info.availability.isAvailable,
            FloorReference.unavailableReason == nil, let floor = floorNanoseconds(),
            let library = nanoseconds(backend)
        else { return info }
        return BackendInfo(
            name: info.name, library: info.library, version: info.version, summary: info.summary,
            availability: info.availability, codePath: report(library: library, floor: floor, rule: rule))
    }

    /// The report from the two timings (ns per 16 KiB seal) and the library's rule.
    package static func report(library: Double, floor: Double, rule: CodePathReport) -> CodePathReport {
        let ratio = library / floor
        let measured =
            "16 KiB AES-256-GCM seal \(Int(library.rounded())) ns vs the floor's \(Int(floor.rounded())) ns "
            + "(\(String(format: "%.2f", ratio))x; below \(String(format: "%.0f", tableBasedRatio))x only hardware AES runs)"
        guard ratio < tableBasedRatio else {
            return CodePathReport(
                path: rule.path == .tableBased ? .tableBased : .unknown, source: .measuredProbe,
                evidence: measured + "; too slow to tell table code from unpipelined AES-NI; its rule: \(rule.evidence)")
        }
        let path: CodePath = rule.path == .vaes ? .vaes : .aesni
        return CodePathReport(
            path: path, source: .measuredProbe, evidence: measured + "; hardware AES, \(path.label) by its rule: \(rule.evidence)")
    }

    /// The best of several timed seals of ``probeBytes`` by `backend`, or `nil` when it fails.
    static func nanoseconds<C: AEADContext & ~Copyable>(_: C.Type) -> Double? {
        let key = [UInt8](repeating: 0x5A, count: 32)
        guard var context = try? C(key: key.span) else { return nil }
        var text = [UInt8](repeating: 0, count: probeBytes)
        var tag = [UInt8](repeating: 0, count: 16)
        let aad = [UInt8](repeating: 1, count: 16)
        var best = UInt64.max
        var counter: UInt64 = 0
        for _ in 0..<24 {
            counter += 1
            var textSpan = text.mutableSpan
            var tagSpan = tag.mutableSpan
            let start = fbr_monotonic_ns()
            guard (try? context.seal(nonce: Nonce(counter: counter), aad: aad.span, text: &textSpan, tag: &tagSpan)) != nil
            else { return nil }
            best = min(best, fbr_monotonic_ns() - start)
        }
        return Double(best)
    }

    /// The floor's best time for the same seal, or `nil` when it cannot run.
    static func floorNanoseconds() -> Double? {
        let key = [UInt8](repeating: 0x5A, count: 32)
        guard let context = key.withUnsafeBufferPointer({ fbr_floor_new($0.baseAddress) }) else { return nil }
        defer { fbr_floor_free(context) }
        var text = [UInt8](repeating: 0, count: probeBytes)
        var tag = [UInt8](repeating: 0, count: 16)
        let aad = [UInt8](repeating: 1, count: 16)
        var best = UInt64.max
        var nonce = [UInt8](repeating: 0, count: 12)
        for round in 0..<24 {
            nonce[11] = UInt8(truncatingIfNeeded: round)
            let start = fbr_monotonic_ns()
            text.withUnsafeMutableBufferPointer { t in
                _ = fbr_floor_seal(context, nonce, aad, aad.count, t.baseAddress, t.baseAddress, t.count, &tag)
            }
            best = min(best, fbr_monotonic_ns() - start)
        }
        return Double(best)
    }
}
