public import FrameCrypto

extension SFrameHeaderVector {
    /// Checks that `(kid, ctr)` encodes to exactly `encoded` and that `encoded` decodes
    /// back to `(kid, ctr)` using all of its bytes.
    public func check() -> VectorOutcome {
        var buffer = [UInt8](repeating: 0, count: SFrameHeader.maxByteCount)
        let header = SFrameHeader(keyID: keyID, counter: counter)
        let written: Int
        do {
            written = try buffer.withUnsafeMutableBytes { (out) throws(FrameCryptoError) in try header.encode(into: out) }
        } catch {
            return .failed("encode threw: \(error)")
        }
        if Array(buffer.prefix(written)) != encoded {
            return .failed("encoded \(Hex.encode(buffer.prefix(written))), expected \(Hex.encode(encoded))")
        }
        do {
            let (decoded, length) = try SFrameHeader.decode(encoded.span)
            if decoded != header { return .failed("decoded kid \(decoded.keyID) ctr \(decoded.counter)") }
            if length != encoded.count { return .failed("decoded length \(length), expected \(encoded.count)") }
        } catch {
            return .failed("decode threw: \(error)")
        }
        return .passed
    }
}

extension SFrameSuiteVector {
    /// The suite, when the number is one of 1–8.
    public var suite: SFrameCipherSuite? {
        UInt16(exactly: cipherSuite).flatMap(SFrameCipherSuite.init(rawValue:))
    }

    /// Checks the vector against `backend`, for its cipher suite: it must reproduce every
    /// intermediate (labels, secret, key, salt, nonce, AAD) with the suite's hash and sizes,
    /// seal to exactly `ct`, and open back to `pt` through ``SFrameReceiver``, which must
    /// also refuse `ct` with its last tag bit flipped. A suite outside 1–8, or one the
    /// backend does not implement, is skipped, by name.
    public func check<Context: AEADContext & ~Copyable>(with backend: Context.Type) -> VectorOutcome {
        guard let suite else {
            return .skipped("cipher suite \(cipherSuite) is not one of SFrame's 1–8")
        }
        guard Context.algorithms.contains(suite.aead) else {
            return .skipped("\(Context.info.name) does not implement suite \(suite)")
        }
        func mismatch(_ name: String, _ got: some Collection<UInt8>, _ expected: [UInt8]) -> VectorOutcome? {
            Array(got) == expected ? nil : .failed("\(name) is \(Hex.encode(got)), expected \(Hex.encode(expected))")
        }
        if let bad = mismatch("sframe_key_label", SFrameKeySchedule.keyLabel(keyID: keyID, suite: suite), keyLabel) { return bad }
        if let bad = mismatch("sframe_salt_label", SFrameKeySchedule.saltLabel(keyID: keyID, suite: suite), saltLabel) {
            return bad
        }
        let base = SecretBytes(copying: baseKey.span)
        let secretBytes = SFrameKeySchedule.secret(baseKey: base, suite: suite)
        if let bad = mismatch("sframe_secret", secretBytes.exposedForTesting(), secret) { return bad }
        let keyBytes = SFrameKeySchedule.key(secret: secretBytes, keyID: keyID, suite: suite)
        if let bad = mismatch("sframe_key", keyBytes.exposedForTesting(), key) { return bad }
        let saltNonce = SFrameKeySchedule.salt(secret: secretBytes, keyID: keyID, suite: suite)
        if let bad = mismatch("sframe_salt", saltNonce.byteArray, salt) { return bad }
        let frameNonce = SFrameKeySchedule.nonce(salt: saltNonce, counter: counter)
        if let bad = mismatch("nonce", frameNonce.byteArray, nonce) { return bad }
        let header = SFrameHeader(keyID: keyID, counter: counter)
        var headerBytes = [UInt8](repeating: 0, count: header.byteCount)
        _ = try? headerBytes.withUnsafeMutableBytes { (out) throws(FrameCryptoError) in try header.encode(into: out) }
        if let bad = mismatch("aad", headerBytes + metadata, aad) { return bad }

        // Seal at the vector's counter.
        let sealed: [UInt8]
        do {
            sealed = try SFrameVectorGenerator.seal(
                key: keyBytes, salt: saltNonce, header: header, plaintext: plaintext, metadata: metadata, suite: suite,
                as: Context.self)
        } catch {
            return .failed("seal threw: \(error)")
        }
        if let bad = mismatch("ct", sealed, ciphertext) { return bad }

        // Open through a receiver: a forgery first (refused, window untouched), then `ct`.
        // The vectors' counters are arbitrary, not a stream from 0: no forward-jump bound.
        var receiver = SFrameReceiver<Context>(capacity: 1, suite: suite, maxForwardJump: .max)
        var opened = [UInt8](repeating: 0, count: max(ciphertext.count, 1))
        do {
            try receiver.addKey(keyID: keyID, baseKey: base)
        } catch {
            return .failed("addKey threw: \(error)")
        }
        if !ciphertext.isEmpty {
            var forged = ciphertext
            forged[forged.count - 1] ^= 0x01
            var out = opened.mutableSpan
            do {
                _ = try receiver.open(frame: forged.span, metadata: metadata.span, into: &out)
                return .failed("a frame with its last tag bit flipped was accepted")
            } catch {
                guard error == .authenticationFailed else { return .failed("the forged frame gave \(error)") }
            }
        }
        do {
            var out = opened.mutableSpan
            let result = try receiver.open(frame: ciphertext.span, metadata: metadata.span, into: &out)
            guard result == SFrameOpened(keyID: keyID, counter: counter, plaintextCount: plaintext.count) else {
                return .failed("open reported kid \(result.keyID) ctr \(result.counter), \(result.plaintextCount) bytes")
            }
        } catch {
            return .failed("open threw: \(error)")
        }
        return mismatch("opened pt", opened.prefix(plaintext.count), plaintext) ?? .passed
    }
}

extension Nonce {
    /// The 12 nonce bytes as an array, for comparing and writing vectors.
    var byteArray: [UInt8] { (0..<AESGCM.nonceByteCount).map { bytes[$0] } }
}

/// The outcome of one SFrame vector document against one backend.
public struct SFrameVectorReport: Sendable {
    /// The document's path.
    public var file: String
    /// The backend's name.
    public var backend: String
    /// Header, encryption and AEAD vectors together.
    public var tally: VectorTally
    /// The header vectors alone.
    public var headerTally: VectorTally
    /// The encryption (`sframe`) and AEAD (`aes_ctr_hmac`) vectors of each cipher suite
    /// present, by suite number (numbers outside 1–8 too).
    public var suiteTallies: [UInt64: VectorTally]
    /// Each failed vector's id and what went wrong.
    public var failures: [(id: String, reason: String)]
    /// Why vectors were skipped, with how many for each reason.
    public var skipReasons: [String: Int]
}

/// Runs SFrame vector documents against backends.
public enum SFrameVectorRunner {
    /// Checks every header, encryption and AEAD vector of `vectors` against `backend`.
    public static func run<Context: AEADContext & ~Copyable>(
        _ vectors: SFrameVectors, on backend: Context.Type
    ) -> SFrameVectorReport {
        var report = SFrameVectorReport(
            file: vectors.path, backend: Context.info.name, tally: VectorTally(), headerTally: VectorTally(),
            suiteTallies: [:], failures: [], skipReasons: [:])
        func count(_ id: String, _ outcome: VectorOutcome, suite: UInt64?) {
            var one = VectorTally()
            switch outcome {
            case .passed:
                one.passed = 1
            case let .failed(reason):
                one.failed = 1
                report.failures.append((id, reason))
            case let .skipped(reason):
                one.skipped = 1
                report.skipReasons[reason, default: 0] += 1
            }
            report.tally.add(one)
            if let suite { report.suiteTallies[suite, default: VectorTally()].add(one) } else { report.headerTally.add(one) }
        }
        for vector in vectors.headers { count(vector.id, vector.check(), suite: nil) }
        for vector in vectors.frames { count(vector.id, vector.check(with: backend), suite: vector.cipherSuite) }
        for vector in vectors.aeads { count(vector.id, vector.check(with: backend), suite: vector.cipherSuite) }
        return report
    }
}
