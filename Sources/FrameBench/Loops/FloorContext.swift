import CFrameReference
package import FrameCrypto

/// The floor (`Sources/CFrameReference/floor.c`) behind the backend protocol, so the same
/// vector runner and interop checks that test every backend test it too.
///
/// **Not a backend for use**: a minimal AES-256-GCM in AES-NI and PCLMULQDQ intrinsics that
/// exists to show how many nanoseconds per frame each library spends above the bare AES and
/// GHASH work. It is not in ``BackendRegistry``; the frames suite runs it as a C reference
/// named `floor` beside the libraries. Absent (``FloorReference/unavailableReason``) on a CPU
/// without AES-NI and PCLMULQDQ.
package struct FloorContext: AEADContext, ~Copyable, @unchecked Sendable {
    let context: OpaquePointer

    package static var info: BackendInfo { FloorReference.info }

    package static var algorithms: [AEADAlgorithm] { [.aes256GCM] }

    package let algorithm: AEADAlgorithm

    package init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        guard algorithm == .aes256GCM else { throw .unsupportedAlgorithm(algorithm, backend: Self.info.name) }
        guard key.count == algorithm.keyByteCount else {
            throw .invalidKeyLength(expected: algorithm.keyByteCount, actual: key.count)
        }
        if let reason = FloorReference.unavailableReason { throw .backendUnavailable(backend: Self.info.name, reason: reason) }
        guard let made = key.withUnsafeBufferPointer({ fbr_floor_new($0.baseAddress) }) else {
            throw .libraryCallFailed("fbr_floor_new")
        }
        context = made
        self.algorithm = algorithm
    }

    deinit {
        fbr_floor_free(context)
    }

    package mutating func seal(
        nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        guard ciphertext.count == plaintext.count else {
            throw .bufferSizeMismatch(expected: plaintext.count, actual: ciphertext.count)
        }
        let context = context
        _ = nonce.withUnsafeBytePointer { iv in
            fbr_floor_seal(
                context, iv, aad.baseAddress?.assumingMemoryBound(to: UInt8.self), aad.count,
                plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self),
                ciphertext.baseAddress?.assumingMemoryBound(to: UInt8.self), plaintext.count,
                tag.assumingMemoryBound(to: UInt8.self))
        }
    }

    package mutating func open(
        nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer, tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        guard plaintext.count == ciphertext.count else {
            throw .bufferSizeMismatch(expected: ciphertext.count, actual: plaintext.count)
        }
        let context = context
        let status = nonce.withUnsafeBytePointer { iv in
            fbr_floor_open(
                context, iv, aad.baseAddress?.assumingMemoryBound(to: UInt8.self), aad.count,
                ciphertext.baseAddress?.assumingMemoryBound(to: UInt8.self),
                plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), ciphertext.count,
                tag.assumingMemoryBound(to: UInt8.self))
        }
        guard status == 0 else { throw .authenticationFailed }
    }
}
