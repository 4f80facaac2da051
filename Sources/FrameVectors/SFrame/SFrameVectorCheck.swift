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
    /// Checks the vector against `backend`. An `AES_256_GCM_SHA512_128` vector must
    /// reproduce every intermediate (labels, secret, key, salt, nonce, AAD), seal to
    /// exactly `ct`, and open back to `pt` through ``SFrameReceiver``, which must also
    /// refuse `ct` with its last tag bit flipped. Other suites are skipped.
    public func check<Context: AEADContext & ~Copyable>(with backend: Context.Type) -> VectorOutcome {
        guard cipherSuite == UInt64(SFrameKeySchedule.cipherSuite) else {
            return .skipped("cipher suite \(cipherSuite); FrameBench implements AES_256_GCM_SHA512_128 (5) only")
        }
        func mismatch(_ name: String, _ got: some Collection<UInt8>, _ expected: [UInt8]) -> VectorOutcome? {
            Array(got) == expected ? nil : .failed("\(name) is \(Hex.encode(got)), expected \(Hex.encode(expected))")
        }
        if let bad = mismatch("sframe_key_label", SFrameKeySchedule.keyLabel(keyID: keyID), keyLabel) { return bad }
        if let bad = mismatch("sframe_salt_label", SFrameKeySchedule.saltLabel(keyID: keyID), saltLabel) { return bad }
        let base = SecretBytes(copying: baseKey.span)
        let secretBytes = SFrameKeySchedule.secret(baseKey: base)
        if let bad = mismatch("sframe_secret", secretBytes.exposedForTesting(), secret) { return bad }
        let keyBytes = SFrameKeySchedule.key(secret: secretBytes, keyID: keyID)
        if let bad = mismatch("sframe_key", keyBytes.exposedForTesting(), key) { return bad }
        let saltNonce = SFrameKeySchedule.salt(secret: secretBytes, keyID: keyID)
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
                key: keyBytes, salt: saltNonce, header: header, plaintext: plaintext, metadata: metadata, as: Context.self)
        } catch {
            return .failed("seal threw: \(error)")
        }
        if let bad = mismatch("ct", sealed, ciphertext) { return bad }

        // Open through a receiver: a forgery first (refused, window untouched), then `ct`.
        // The vectors' counters are arbitrary, not a stream from 0: no forward-jump bound.
        var receiver = SFrameReceiver<Context>(capacity: 1, maxForwardJump: .max)
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
    /// Header and encryption vectors together.
    public var tally: VectorTally
    /// Each failed vector's id and what went wrong.
    public var failures: [(id: String, reason: String)]
    /// Why vectors were skipped, with how many for each reason.
    public var skipReasons: [String: Int]
}

/// Runs SFrame vector documents against backends.
public enum SFrameVectorRunner {
    /// Checks every header and encryption vector of `vectors` against `backend`.
    public static func run<Context: AEADContext & ~Copyable>(
        _ vectors: SFrameVectors, on backend: Context.Type
    ) -> SFrameVectorReport {
        var report = SFrameVectorReport(
            file: vectors.path, backend: Context.info.name, tally: VectorTally(), failures: [], skipReasons: [:])
        func count(_ id: String, _ outcome: VectorOutcome) {
            switch outcome {
            case .passed:
                report.tally.passed += 1
            case let .failed(reason):
                report.tally.failed += 1
                report.failures.append((id, reason))
            case let .skipped(reason):
                report.tally.skipped += 1
                report.skipReasons[reason, default: 0] += 1
            }
        }
        for vector in vectors.headers { count(vector.id, vector.check()) }
        for vector in vectors.frames { count(vector.id, vector.check(with: backend)) }
        return report
    }
}
