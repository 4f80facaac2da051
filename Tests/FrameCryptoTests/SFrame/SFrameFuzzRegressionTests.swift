import FrameCrypto
import Testing

/// Inputs found by the libFuzzer targets in `Fuzz/` (docs/fuzzing.md), kept as plain tests so
/// the main package checks them on every run.
@Suite struct SFrameFuzzRegressionTests {
    /// KID 7 under `SFrameTesting.baseKey(2)`: the fuzz harness's receiver key for KID 7.
    static let kid: UInt64 = 7

    /// `FuzzReceiverOpen`: swift-crypto reported every frame that failed its tag as
    /// `libraryCallFailed("AES.GCM.open")`, since on Linux its BoringSSL path throws
    /// `underlyingCoreCryptoError` (CIPHER_R_BAD_DECRYPT), never `authenticationFailure`.
    /// Every backend must call a forged frame `authenticationFailed`.
    @Test(arguments: SFrameTesting.backendNames)
    func framesFailingTheirTagAreAuthenticationFailures(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: Self.kid, baseKey: SFrameTesting.baseKey(2))
            let cases: [(String, String)] = [
                // Empty plaintext sealed at counter 0 under another base key (seed 99).
                ("empty frame under another key", "70665ef2b7ff4a3c377d23b99b8ecb4cda"),
                // The genuine frame below with its config byte's low bit flipped (counter 0 → 1).
                ("counter altered", "7109d8dad67eddecc8f9a9359c907e98132d35dda53c7491a1d92ef39d42fab15d"),
            ]
            for (name, hex) in cases {
                let attempt = SFrameTesting.open(&receiver, try #require(Hex.decode(hex)))
                #expect(attempt.error == .authenticationFailed, "\(name)")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output), "\(name) left plaintext")
            }
            // The genuine frame: 16 × "A" sealed by KID 7 at counter 0 with the receiver's key.
            let genuine = try #require(Hex.decode("7009d8dad67eddecc8f9a9359c907e98132d35dda53c7491a1d92ef39d42fab15d"))
            #expect(SFrameTesting.open(&receiver, genuine).plaintext == Array(repeating: UInt8(ascii: "A"), count: 16))
        }
        try run(SFrameTesting.backend(backend))
    }
}
