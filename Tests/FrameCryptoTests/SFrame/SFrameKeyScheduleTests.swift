import FrameCrypto
import FrameVectors
import Testing

/// The key schedule and per-frame transform against RFC 9605 Appendix C.5
/// (AES_256_GCM_SHA512_128), every intermediate, on every backend.
@Suite struct SFrameKeyScheduleTests {
    /// RFC 9605 Appendix C.5, as printed in the RFC (and in shared/vectors/sframe).
    enum RFC {
        static let kid: UInt64 = 0x123
        static let ctr: UInt64 = 0x4567
        static let baseKey = "000102030405060708090a0b0c0d0e0f"
        static let keyLabel = "534672616d6520312e3020536563726574206b65792000000000000001230005"
        static let saltLabel = "534672616d6520312e30205365637265742073616c742000000000000001230005"
        static let secret =
            "0fc3ea6de6aac97a35f194cf9bed94d4b5230f1cb45a785c9fe5dce9c188938a"
            + "b6ba005bc4c0a19181599e9d1bcf7b74aca48b60bf5e254e546d809313e083a3"
        static let key = "d3e27b0d4a5ae9e55df01a70e6d4d28d969b246e2936f4b7a5d9b494da6b9633"
        static let salt = "84991c167b8cd23c93708ec7"
        static let metadata = "4945544620534672616d65205747"
        static let nonce = "84991c167b8cd23c9370cba0"
        static let aad = "99012345674945544620534672616d65205747"
        static let pt = "64726166742d696574662d736672616d652d656e63"
        static let ct = "990123456794f509d36e9beacb0e261d99c7d1e972f1fed787d4049f17ca21353c1cc24d56ceabced279"
    }

    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex)! }

    @Test func rfcIntermediatesOfTheKeySchedule() {
        #expect(SFrameKeySchedule.cipherSuite == 5)
        #expect(SFrameKeySchedule.keyLabel(keyID: RFC.kid) == Self.bytes(RFC.keyLabel))
        #expect(SFrameKeySchedule.saltLabel(keyID: RFC.kid) == Self.bytes(RFC.saltLabel))
        let base = SecretBytes(copying: Self.bytes(RFC.baseKey).span)
        let secret = SFrameKeySchedule.secret(baseKey: base)
        #expect(secret.exposedForTesting() == Self.bytes(RFC.secret))
        #expect(SFrameKeySchedule.key(secret: secret, keyID: RFC.kid).exposedForTesting() == Self.bytes(RFC.key))
        let salt = SFrameKeySchedule.salt(secret: secret, keyID: RFC.kid)
        #expect(salt.description == RFC.salt)
        #expect(SFrameKeySchedule.nonce(salt: salt, counter: RFC.ctr).description == RFC.nonce)
        #expect(
            SFrameTesting.encode(SFrameHeader(keyID: RFC.kid, counter: RFC.ctr)) + Self.bytes(RFC.metadata)
                == Self.bytes(RFC.aad))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func rfcFrameSealsAndOpens(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let base = SecretBytes(copying: Self.bytes(RFC.baseKey).span)
            var keyed = try SFrameKeySchedule.derive(baseKey: base, keyID: RFC.kid, as: Context.self)
            let salt = keyed.salt
            #expect(salt.description == RFC.salt)
            let pt = Self.bytes(RFC.pt)
            let metadata = Self.bytes(RFC.metadata)
            let header = SFrameHeader(keyID: RFC.kid, counter: RFC.ctr)
            var out = [UInt8](repeating: 0, count: SFrameCipher.protectedSize(plaintextCount: pt.count, header: header))
            let written = try pt.withUnsafeBytes { p in
                try metadata.withUnsafeBytes { m in
                    try out.withUnsafeMutableBytes { o in
                        try SFrameCipher.seal(context: &keyed.context, salt: salt, header: header, plaintext: p, metadata: m, into: o)
                    }
                }
            }
            #expect(written == out.count)
            #expect(Hex.encode(out) == RFC.ct)

            var receiver = SFrameReceiver<Context>(capacity: 4)
            try receiver.addKey(keyID: RFC.kid, baseKey: base)
            let attempt = SFrameTesting.open(&receiver, Self.bytes(RFC.ct), metadata: metadata)
            #expect(attempt.plaintext == pt)
            #expect(try attempt.result.get() == SFrameOpened(keyID: RFC.kid, counter: RFC.ctr, plaintextCount: pt.count))
            // Without its metadata the same frame does not authenticate.
            var fresh = SFrameReceiver<Context>(capacity: 1)
            try fresh.addKey(keyID: RFC.kid, baseKey: base)
            let bare = SFrameTesting.open(&fresh, Self.bytes(RFC.ct))
            #expect(bare.error == .authenticationFailed)
        }
        try run(SFrameTesting.backend(backend))
    }

    /// The RFC's file: every suite the backend implements passes, every other is skipped
    /// (counts per suite: SFrameRFCVectorTests).
    @Test(arguments: SFrameTesting.backendNames)
    func rfcVectorFilePassesWithOtherSuitesSkipped(backend: String) throws {
        let vectors = try SFrameVectors.read(path: SFrameTesting.rfcVectorsPath)
        #expect(vectors.frames.count == 5 && vectors.aeads.count == 3)
        let suite5 = try #require(vectors.frames.first { $0.cipherSuite == 5 })
        #expect(Hex.encode(suite5.ciphertext) == RFC.ct && Hex.encode(suite5.secret) == RFC.secret)
        let context = try SFrameTesting.backend(backend)
        let report = SFrameVectorRunner.run(vectors, on: context)
        let runnable = (vectors.frames.map(\.suite) + vectors.aeads.map(\.suite)).filter {
            BackendRegistry.implements(context, $0!)
        }.count
        #expect(report.tally == VectorTally(passed: 289 + runnable, failed: 0, skipped: 8 - runnable))
        #expect(report.suiteTallies[5] == VectorTally(passed: 1, failed: 0, skipped: 0))
        #expect(report.failures.isEmpty)
    }

    @Test func labelsAndKeysDependOnTheKID() {
        let base = SFrameTesting.baseKey(1)
        let secret = SFrameKeySchedule.secret(baseKey: base)
        let label = SFrameKeySchedule.keyLabel(keyID: .max)
        #expect(label.count == 32 && SFrameKeySchedule.saltLabel(keyID: .max).count == 33)
        #expect(Array(label.prefix(22)) == Array("SFrame 1.0 Secret key ".utf8))
        #expect(Array(label.suffix(10)) == [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x05])
        let a = SFrameKeySchedule.key(secret: secret, keyID: 1)
        let b = SFrameKeySchedule.key(secret: secret, keyID: 2)
        #expect(a.count == 32)
        let differ = !a.constantTimeEquals(b)
        let repeatable = SFrameKeySchedule.key(secret: secret, keyID: 1).constantTimeEquals(a)
        #expect(differ)
        #expect(repeatable, "deterministic")
        #expect(SFrameKeySchedule.salt(secret: secret, keyID: 1) != SFrameKeySchedule.salt(secret: secret, keyID: 2))
        let other = SFrameKeySchedule.secret(baseKey: SFrameTesting.baseKey(2))
        let sameSecret = other.constantTimeEquals(secret)
        #expect(!sameSecret)
    }
}
