import COpenSSL

/// Variant `openssl-cold`: AES-256-GCM through OpenSSL with **no context reuse** — a new
/// `EVP_CIPHER_CTX` is allocated and initialised with the key for every frame, then freed,
/// as several real media libraries do. The cipher is still fetched once.
///
/// It exists to measure what context reuse saves (compare with `openssl`); it is not in
/// the default backend list. Per frame it allocates (the context and the provider's key
/// schedule) and re-expands the key.
package struct OpenSSLColdContext: AEADContext, ~Copyable, @unchecked Sendable {
    let key: SecretBytes

    package static var info: BackendInfo {
        OpenSSLCipher.variantInfo(
            name: "openssl-cold",
            summary: "variant: new EVP_CIPHER_CTX keyed with the fetched cipher for every frame, then freed")
    }

    package static var algorithms: [AEADAlgorithm] { [.aes256GCM] }

    package let algorithm: AEADAlgorithm

    package init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        guard OpenSSLCipher.aes256gcm.pointer != nil else {
            throw .backendUnavailable(backend: Self.info.name, reason: Self.info.availability.reason ?? "")
        }
        self.key = SecretBytes(copying: key)
        self.algorithm = algorithm
    }

    package mutating func seal(
        nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try OpenSSLOneShot.seal(
            cipher: OpenSSLCipher.aes256gcm.pointer!, key: key, nonce: nonce, aad: aad,
            plaintext: plaintext, ciphertext: ciphertext, tag: tag)
    }

    package mutating func open(
        nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try OpenSSLOneShot.open(
            cipher: OpenSSLCipher.aes256gcm.pointer!, key: key, nonce: nonce, aad: aad,
            ciphertext: ciphertext, tag: tag, plaintext: plaintext)
    }
}
