/// The checks every backend makes before it touches its library, in one place so they
/// cannot drift apart: the algorithm and the key length when a context is made, and per frame the output
/// buffer's size and the input lengths one call accepts (``AESGCM/maxMessageByteCount``).
///
/// Always inlined into the backend's `init`, `seal` and `open`: the same comparisons as
/// the hand-written guards they replace, no call, no allocation. A backend whose `seal` and
/// `open` are `@inlinable` (``LibgcryptContext``) uses the `@inlinable`
/// ``lengthsAccepted(input:output:aad:)`` and ``lengthError(input:output:aad:)`` instead.
@usableFromInline
enum BackendPreconditions {
    /// An algorithm `backend` implements, and a key of exactly its
    /// ``AEADAlgorithm/keyByteCount`` bytes, checked in that order.
    ///
    /// - Throws: ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` or
    ///   ``FrameCryptoError/invalidKeyLength(expected:actual:)``.
    @inline(__always)
    static func checkKey<Backend: AEADContext & ~Copyable>(
        _ key: borrowing Span<UInt8>, algorithm: AEADAlgorithm, for backend: Backend.Type
    ) throws(FrameCryptoError) {
        guard backend.algorithms.contains(algorithm) else {
            throw .unsupportedAlgorithm(algorithm, backend: backend.info.name)
        }
        guard key.count == algorithm.keyByteCount else {
            throw .invalidKeyLength(expected: algorithm.keyByteCount, actual: key.count)
        }
    }

    /// For `seal`: `ciphertext` as long as `plaintext`, and neither `plaintext` nor `aad`
    /// longer than one call takes, checked in that order.
    ///
    /// - Throws: ``FrameCryptoError/bufferSizeMismatch(expected:actual:)`` or
    ///   ``FrameCryptoError/messageTooLong(_:)``.
    @inline(__always)
    static func checkSeal(
        aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer, ciphertext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        // Written exactly as the backends' own guards were, operands in the same order, so
        // the inlined checks compile to the same instructions (scripts/instructions.sh).
        guard ciphertext.count == plaintext.count else {
            throw .bufferSizeMismatch(expected: plaintext.count, actual: ciphertext.count)
        }
        guard plaintext.count <= AESGCM.maxMessageByteCount, aad.count <= AESGCM.maxMessageByteCount else {
            throw .messageTooLong(max(plaintext.count, aad.count))
        }
    }

    /// For `open`: `plaintext` as long as `ciphertext`, and neither `ciphertext` nor `aad`
    /// longer than one call takes, checked in that order.
    ///
    /// - Throws: ``FrameCryptoError/bufferSizeMismatch(expected:actual:)`` or
    ///   ``FrameCryptoError/messageTooLong(_:)``.
    @inline(__always)
    static func checkOpen(
        aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        guard plaintext.count == ciphertext.count else {
            throw .bufferSizeMismatch(expected: ciphertext.count, actual: plaintext.count)
        }
        guard ciphertext.count <= AESGCM.maxMessageByteCount, aad.count <= AESGCM.maxMessageByteCount else {
            throw .messageTooLong(max(ciphertext.count, aad.count))
        }
    }

    /// The conditions of ``checkSeal(aad:plaintext:ciphertext:)`` and
    /// ``checkOpen(aad:ciphertext:plaintext:)`` as one test, with no throw: for a backend
    /// that must stay small enough to be inlined into its caller (``LibgcryptContext``),
    /// which throws ``lengthError(input:output:aad:)`` when it is false. One throw site
    /// instead of two; a few instructions more than the two guards, as all three comparisons
    /// are made.
    @inlinable @inline(__always)
    static func lengthsAccepted(input: Int, output: Int, aad: Int) -> Bool {
        (output == input) && (input <= AESGCM.maxMessageByteCount) && (aad <= AESGCM.maxMessageByteCount)
    }

    /// The error for lengths ``lengthsAccepted(input:output:aad:)`` refused, the one
    /// ``checkSeal(aad:plaintext:ciphertext:)`` or ``checkOpen(aad:ciphertext:plaintext:)``
    /// would throw: an output not as long as the input first, then an input or AAD longer
    /// than one call takes. Out of line: only a refused call gets here.
    @usableFromInline @inline(never)
    static func lengthError(input: Int, output: Int, aad: Int) -> FrameCryptoError {
        if output != input { return .bufferSizeMismatch(expected: input, actual: output) }
        return .messageTooLong(max(input, aad))
    }
}
