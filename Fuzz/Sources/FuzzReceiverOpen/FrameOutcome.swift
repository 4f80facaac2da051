import FrameCrypto
import FuzzSupport

/// What opening a frame must do, checked against what it did.
///
/// - The checks before decryption follow the frame's bytes exactly: an unparsable header
///   is `malformedHeader`, then an uninstalled KID `unknownKeyID`, then a counter that
///   ``ReplayModel`` refuses `replayedCounter`, then one more than the forward-jump bound
///   past the highest `counterJumpTooLarge`, then a frame shorter than its tag
///   `malformedHeader`, then a short output `bufferTooSmall`; none of them writes output.
/// - Past those the tag decides. A frame sealed by the receiver's own key for that KID and
///   not mutated must open to its plaintext; a mutated one, one sealed under another key,
///   and raw bytes must be refused with `authenticationFailed` — raw bytes may open only if
///   sealing the plaintext they opened to gives exactly those bytes again (a genuine frame),
///   so any other success is a forgery.
/// - A failed open leaves no plaintext: the output is all zeros (or, in place, the
///   ciphertext is zeroed after a tag failure and untouched after an earlier refusal).
/// - A successful open is recorded in the model, as the receiver records it in its window.
enum FrameOutcome {
    static func check<Context: AEADContext & ~Copyable>(
        _ attempt: OpenAttempt, frame: FuzzFrame, placement: OutputPlacement, model: inout ReplayModel,
        as _: Context.Type
    ) {
        let decoded = frame.bytes.withUnsafeBytes { try? SFrameHeader.decode($0) }
        let expected = refusalBeforeDecryption(frame, decoded, outputCount: attempt.outputCount, model: model)
        switch (attempt.result, expected) {
        case let (.failure(error), expected?):
            fuzzCheck(error == expected, "refused with \(error), expected \(expected)")
            fuzzCheck(untouched(attempt, frame), "a refusal before decryption (\(error)) wrote to the output")
            fuzzLog("refused before decryption: \(error)")
        case let (.success(opened), expected?):
            fuzzCheck(false, "opened \(opened), expected \(expected)")
        case let (.failure(error), nil):
            fuzzCheck(error == .authenticationFailed, "refused with \(error), expected the tag to decide")
            if case let .sealed(sender, counter, _, false) = frame.origin, isReceiverKey(sender) {
                fuzzCheck(false, "a genuine frame from \(sender) at counter \(counter) was refused")
            }
            fuzzCheck(holdsNoPlaintext(attempt), "a frame that failed its tag left plaintext in the output")
            fuzzLog("refused: \(error)")
        case let (.success(opened), nil):
            guard let (header, headerCount) = decoded else { return fuzzCheck(false, "opened \(opened) without a header") }
            let plaintext = Array(attempt.output.prefix(opened.plaintextCount))
            fuzzCheck(
                opened.keyID == header.keyID && opened.counter == header.counter
                    && opened.plaintextCount == frame.bytes.count - headerCount - 16,
                "opened \(opened) from a frame with header \(header) of \(frame.bytes.count) bytes")
            switch frame.origin {
            case let .sealed(sender, counter, original, mutated):
                fuzzCheck(!mutated, "a mutated frame from \(sender) at counter \(counter) opened: forgery accepted")
                fuzzCheck(isReceiverKey(sender), "a frame sealed under another key (\(sender)) opened")
                fuzzCheck(plaintext == original, "a genuine frame opened to the wrong plaintext")
            case .raw:
                fuzzCheck(
                    resealed(plaintext, header: header, metadata: frame.metadata, as: Context.self) == frame.bytes,
                    "raw bytes that no sender produced opened as \(opened): forgery accepted")
            }
            model.record(keyID: header.keyID, counter: header.counter)
            fuzzLog("opened \(opened)")
        }
    }

    /// The error the receiver must throw before it decrypts anything, or `nil` when the
    /// frame gets as far as its tag.
    static func refusalBeforeDecryption(
        _ frame: FuzzFrame, _ decoded: (header: SFrameHeader, byteCount: Int)?, outputCount: Int, model: ReplayModel
    ) -> FrameCryptoError? {
        guard let (header, headerCount) = decoded else {
            return frame.bytes.isEmpty
                ? .malformedHeader("empty: no config byte")
                : frame.bytes[0] & 0x80 != 0 && ReferenceLength.keyIDRunsPast(frame.bytes)
                    ? .malformedHeader("truncated: the KID runs past the end")
                    : .malformedHeader("truncated: the counter runs past the end")
        }
        guard Keys.installedKey(header.keyID) != nil else { return .unknownKeyID(header.keyID) }
        guard model.allows(keyID: header.keyID, counter: header.counter) else {
            return .replayedCounter(keyID: header.keyID, counter: header.counter)
        }
        guard !model.exceedsForwardJump(keyID: header.keyID, counter: header.counter) else {
            return .counterJumpTooLarge(keyID: header.keyID, counter: header.counter, limit: ReplayModel.maxForwardJump)
        }
        let ciphertextCount = frame.bytes.count - headerCount - 16
        guard ciphertextCount >= 0 else { return .malformedHeader("frame too short for its 16-byte tag") }
        guard outputCount >= ciphertextCount else {
            return .bufferTooSmall(needed: ciphertextCount, available: outputCount)
        }
        return nil
    }

    /// Whether `sender` seals with the receiver's own key for its KID.
    static func isReceiverKey(_ sender: KeySpec) -> Bool {
        Keys.installedKey(sender.keyID)?.seed == sender.seed
    }

    /// The output as it was before the call: zeros, or in place the frame's own bytes.
    static func untouched(_ attempt: OpenAttempt, _ frame: FuzzFrame) -> Bool {
        guard let headerCount = attempt.inPlaceHeaderCount else { return attempt.output.allSatisfy { $0 == 0 } }
        return attempt.output.elementsEqual(frame.bytes[headerCount...])
    }

    /// After a tag failure: zeros where the plaintext would have gone.
    static func holdsNoPlaintext(_ attempt: OpenAttempt) -> Bool {
        guard attempt.inPlaceHeaderCount != nil else { return attempt.output.allSatisfy { $0 == 0 } }
        let ciphertextCount = min(attempt.outputCount, max(attempt.output.count - 16, 0))
        return attempt.output.prefix(ciphertextCount).allSatisfy { $0 == 0 }
    }

    /// `plaintext` sealed again with the receiver's key for `header`'s KID, at its counter.
    static func resealed<Context: AEADContext & ~Copyable>(
        _ plaintext: [UInt8], header: SFrameHeader, metadata: [UInt8], as _: Context.Type
    ) -> [UInt8]? {
        guard let key = Keys.installedKey(header.keyID) else { return nil }
        return try? sealFrame(plaintext, key: key, counter: header.counter, metadata: metadata, as: Context.self).get()
    }
}

/// Which field of a truncated header runs out, read from the config byte.
enum ReferenceLength {
    /// Whether the config byte announces more KID bytes than follow it.
    static func keyIDRunsPast(_ bytes: [UInt8]) -> Bool {
        bytes.count - 1 < Int((bytes[0] >> 4) & 0x07) + 1
    }
}
