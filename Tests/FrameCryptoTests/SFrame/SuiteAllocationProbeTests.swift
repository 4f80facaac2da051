import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every frame of every suite round-trips through ``SFrameSender`` and ``SFrameReceiver`` on
/// `openssl` (and suite 5 on `sodium`), 100 B and 1200 B, inside one non-inlined loop,
/// ``allocationProbeLoop(sender:receiver:frames:plaintext:frame:output:)``.
///
/// The same probe, run through XCTest (``SuiteAllocationProbe``, since valgrind 3.19 cannot
/// run the Swift Testing runner), is what scripts/check-suite-allocations.sh runs under
/// valgrind with FRAMEBENCH_ALLOCATION_PROBE_FRAMES set to two counts ten times apart, to
/// count the heap allocations made inside the loop: must be 0 at both, so none per frame.
@Suite struct SuiteAllocationProbeTests {
    /// Frames per (suite, size): 16, or FRAMEBENCH_ALLOCATION_PROBE_FRAMES.
    static var frames: Int {
        getenv("FRAMEBENCH_ALLOCATION_PROBE_FRAMES").flatMap { Int(String(cString: $0)) } ?? 16
    }

    /// FRAMEBENCH_ALLOCATION_PROBE_INJECT=1: one heap allocation per frame inside the loop,
    /// the positive control of scripts/check-suite-allocations.sh.
    static var injects: Bool {
        getenv("FRAMEBENCH_ALLOCATION_PROBE_INJECT").map { String(cString: $0) == "1" } ?? false
    }

    @Test(arguments: SFrameCipherSuite.allCases)
    func everyFrameRoundTripsInTheProbeLoop(suite: SFrameCipherSuite) throws {
        for mismatch in try Self.probe(suite: suite) { Issue.record(Comment(rawValue: mismatch)) }
    }

    /// Runs the probe for `suite` on `openssl` (and `sodium` for suite 5, where it runs);
    /// returns what did not round-trip (nothing when all is well).
    static func probe(suite: SFrameCipherSuite) throws -> [String] {
        var mismatches = try probe(OpenSSLContext.self, suite: suite)
        if suite == .default && TestBackends.isAvailable("sodium") {
            mismatches += try probe(SodiumContext.self, suite: suite)
        }
        return mismatches
    }

    static func probe<Context: AEADContext & ~Copyable>(_: Context.Type, suite: SFrameCipherSuite) throws -> [String] {
        var mismatches: [String] = []
        var random = SeededRandom(seed: UInt64(suite.rawValue))
        let base = SecretBytes(copying: random.bytes(32).span)
        var sender = try SFrameSender<Context>(keyID: 3, baseKey: base, suite: suite)
        var receiver = SFrameReceiver<Context>(capacity: 1, suite: suite)
        try receiver.addKey(keyID: 3, baseKey: base)
        for size in [100, 1200] {
            let plaintext = random.bytes(size)
            var frame = [UInt8](repeating: 0, count: size + SFrameCipher.maxOverhead)
            var output = [UInt8](repeating: 0, count: size)
            let opened = try plaintext.withUnsafeBytes { pt in
                try frame.withUnsafeMutableBytes { fr in
                    try output.withUnsafeMutableBytes { out in
                        try allocationProbeLoop(
                            sender: &sender, receiver: &receiver, frames: Self.frames, plaintext: pt, frame: fr,
                            output: out, injectingAllocations: Self.injects)
                    }
                }
            }
            if opened != Self.frames * size || output != plaintext {
                mismatches.append("suite \(suite.rawValue), \(size) B on \(Context.info.name): \(opened) bytes opened")
            }
        }
        return mismatches
    }
}

/// Seals `frames` frames of `plaintext` and opens each: the per-frame work whose heap
/// allocations scripts/check-suite-allocations.sh counts, plus one allocation per frame when
/// `injectingAllocations` (its positive control). Returns the bytes opened.
@inline(never)
func allocationProbeLoop<Context: AEADContext & ~Copyable>(
    sender: inout SFrameSender<Context>, receiver: inout SFrameReceiver<Context>, frames: Int,
    plaintext: UnsafeRawBufferPointer, frame: UnsafeMutableRawBufferPointer, output: UnsafeMutableRawBufferPointer,
    injectingAllocations: Bool = false
) throws(FrameCryptoError) -> Int {
    let none = UnsafeRawBufferPointer(start: nil, count: 0)
    var opened = 0
    for _ in 0..<frames {
        let count = try sender.seal(plaintext: plaintext, metadata: none, into: frame)
        let result = try receiver.open(
            frame: UnsafeRawBufferPointer(rebasing: frame[..<count]), metadata: none, into: output)
        opened += result.plaintextCount
        if injectingAllocations {
            let injected = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
            injected.deallocate()
        }
    }
    return opened
}
