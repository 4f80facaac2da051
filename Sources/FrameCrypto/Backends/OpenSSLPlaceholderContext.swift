import COpenSSL

/// Variant `openssl-placeholder`: as `openssl-cold` (a new keyed context per frame), but
/// initialised with the legacy `EVP_aes_256_gcm()` placeholder instead of a fetched cipher,
/// so OpenSSL 3 performs an implicit provider fetch — a name lookup in a shared store,
/// under its locks — on every init. This is what code ported from OpenSSL 1.1 does.
///
/// Compare with `openssl-cold` to see the cost of the implicit fetch alone, and with
/// `openssl` to see the whole cost of not reusing a context. Not in the default list.
package struct OpenSSLPlaceholderContext: AEADContext, ~Copyable, @unchecked Sendable {
    let key: SecretBytes

    package static var info: BackendInfo {
        OpenSSLCipher.variantInfo(
            name: "openssl-placeholder",
            summary: "variant: new EVP_CIPHER_CTX per frame, initialised with the EVP_aes_256_gcm() placeholder (implicit fetch per init)")
    }

    package static var algorithms: [AEADAlgorithm] { [.aes256GCM] }

    package let algorithm: AEADAlgorithm

    package init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        self.key = SecretBytes(copying: key)
        self.algorithm = algorithm
    }

    package mutating func seal(
        nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try OpenSSLOneShot.seal(
            cipher: EVP_aes_256_gcm(), key: key, nonce: nonce, aad: aad,
            plaintext: plaintext, ciphertext: ciphertext, tag: tag)
    }

    package mutating func open(
        nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try OpenSSLOneShot.open(
            cipher: EVP_aes_256_gcm(), key: key, nonce: nonce, aad: aad,
            ciphertext: ciphertext, tag: tag, plaintext: plaintext)
    }
}
