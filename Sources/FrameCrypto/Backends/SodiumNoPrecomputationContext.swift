import CSodium

/// Variant `sodium-nobeforenm`: AES-256-GCM through libsodium's one-shot
/// `crypto_aead_aes256gcm_{en,de}crypt_detached`, which expands the AES key schedule and the
/// GHASH key on every frame. Compare with `sodium` (`beforenm` once, `afternm` per frame) to
/// see what precomputation saves. Not in the default list.
package struct SodiumNoPrecomputationContext: AEADContext, ~Copyable, @unchecked Sendable {
    let key: SecretBytes

    package static var info: BackendInfo {
        let base = SodiumLibrary.info
        return BackendInfo(
            name: "sodium-nobeforenm", library: base.library, version: base.version,
            summary: "variant: crypto_aead_aes256gcm_*_detached with the raw key, expanded on every frame",
            availability: base.availability, codePath: base.codePath)
    }

    package static var algorithms: [AEADAlgorithm] { [.aes256GCM] }

    package let algorithm: AEADAlgorithm

    package init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        if let reason = Self.info.availability.reason {
            throw .backendUnavailable(backend: Self.info.name, reason: reason)
        }
        self.key = SecretBytes(copying: key)
        self.algorithm = algorithm
    }

    package mutating func seal(
        nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let tagBytes = tag.assumingMemoryBound(to: UInt8.self)
        let status = key.withUnsafeBytes { k in
            nonce.withUnsafeBytePointer { npub in
                crypto_aead_aes256gcm_encrypt_detached(
                    ciphertext.bytes ?? tagBytes, tagBytes, nil,
                    plaintext.bytes ?? UnsafePointer(tagBytes), UInt64(plaintext.count),
                    aad.bytes, UInt64(aad.count), nil, npub, k.bytes!)
            }
        }
        guard status == 0 else { throw .libraryCallFailed("crypto_aead_aes256gcm_encrypt_detached") }
    }

    package mutating func open(
        nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let tagBytes = tag.assumingMemoryBound(to: UInt8.self)
        let status = key.withUnsafeBytes { k in
            nonce.withUnsafeBytePointer { npub in
                crypto_aead_aes256gcm_decrypt_detached(
                    plaintext.bytes ?? UnsafeMutablePointer(mutating: tagBytes), nil,
                    ciphertext.bytes ?? tagBytes, UInt64(ciphertext.count), tagBytes,
                    aad.bytes, UInt64(aad.count), npub, k.bytes!)
            }
        }
        guard status == 0 else {
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }
}
