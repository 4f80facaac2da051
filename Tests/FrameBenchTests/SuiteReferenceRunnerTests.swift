import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

@testable import FrameBench

/// OpenSSL's C reference for every SFrame suite, as the frames suite runs it: the same
/// ciphertext and tag as the Swift backend's runner, frame for frame, and opens that
/// authenticate; the frames suite pairs them so Swift/C holds per suite.
@Suite(.enabled(if: TestBackends.isAvailable("openssl"), TestBackends.skipReason("openssl")))
struct SuiteReferenceRunnerTests {
    @Test(arguments: SFrameCipherSuite.allCases, [0, 100, 1200])
    func theSuiteReferenceSealsAndOpensExactlyAsOpenSSL(suite: SFrameCipherSuite, size: Int) throws {
        var random = SeededRandom(seed: UInt64(suite.rawValue) * 1000 + UInt64(size))
        let key = random.bytes(suite.keyByteCount), aad = random.bytes(8), payload = random.bytes(size)
        let swiftSeal = try SwiftFrameRunner<OpenSSLContext>(
            algorithm: suite.aead, key: key, payload: payload, aad: aad, operation: .seal)
        let cSeal = try #require(
            try FramesSuite.makeReferenceRunner("openssl", algorithm: suite.aead, key: key, payload: payload, aad: aad, operation: .seal))
        _ = try swiftSeal.runBatch(frames: 3)
        _ = try cSeal.runBatch(frames: 3)
        let c = try #require(Self.outputs(cSeal))
        #expect(swiftSeal.sealedText.text == c.text && swiftSeal.sealedText.tag == c.tag)
        #expect(size == 0 || swiftSeal.sealedText.text != payload)
        #expect(swiftSeal.sealedText.tag.prefix(suite.tagByteCount).contains { $0 != 0 })

        let swiftOpen = try SwiftFrameRunner<OpenSSLContext>(
            algorithm: suite.aead, key: key, payload: payload, aad: aad, operation: .open)
        let cOpen = try #require(
            try FramesSuite.makeReferenceRunner("openssl", algorithm: suite.aead, key: key, payload: payload, aad: aad, operation: .open))
        _ = try swiftOpen.runBatch(frames: 2)
        _ = try cOpen.runBatch(frames: 2)
        #expect(swiftOpen.openedText == payload)
        #expect(try #require(Self.outputs(cOpen)).opened == payload)
    }

    /// What a C runner left: the sealed text and tag, and the opened text.
    static func outputs(_ runner: any FrameBatchRunner) -> (text: [UInt8], tag: [UInt8], opened: [UInt8])? {
        if let r = runner as? ReferenceFrameRunner { return (r.sealedText.text, r.sealedText.tag, r.openedText) }
        return nil
    }

    @Test func otherBackendsHaveNoSuiteReferenceAndAWrongKeyLengthIsAnError() throws {
        #expect(
            try ReferenceFrameRunner(
                backend: "sodium", algorithm: .aes128GCM, key: Array(repeating: 1, count: 16), payload: [], aad: [], operation: .seal)
                == nil)
        #expect(throws: SuiteError.self) {
            _ = try ReferenceFrameRunner(
                backend: "openssl", algorithm: .aes128CTRHMACSHA256Tag80, key: Array(repeating: 1, count: 32), payload: [], aad: [],
                operation: .seal)
        }
    }
}
