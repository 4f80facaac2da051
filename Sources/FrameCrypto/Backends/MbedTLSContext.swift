#if MbedTLS
import CMbedTLS

/// AES-128-GCM and AES-256-GCM through mbedTLS's `mbedtls_gcm` (the `MbedTLS` package trait), the way a
/// careful client drives it:
///
/// - one `mbedtls_gcm_context` per key, keyed once (`mbedtls_gcm_setkey`: the AES key
///   schedule and the GHASH table);
/// - each frame is one call, `mbedtls_gcm_crypt_and_tag` or `mbedtls_gcm_auth_decrypt`
///   (which checks the tag in constant time and zeroes the output when it does not match).
///   Nothing is allocated.
///
/// `deinit` calls `mbedtls_gcm_free`, which zeroises the context, and frees it.
public struct MbedTLSContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let state: UnsafeMutablePointer<mbedtls_gcm_context>

    public static var info: BackendInfo { MbedTLSLibrary.info }

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        let made = UnsafeMutablePointer<mbedtls_gcm_context>.allocate(capacity: 1)
        mbedtls_gcm_init(made)
        let status = key.withUnsafeBufferPointer { k in
            mbedtls_gcm_setkey(made, MBEDTLS_CIPHER_ID_AES, k.baseAddress, UInt32(k.count * 8))
        }
        guard status == 0 else {
            mbedtls_gcm_free(made)
            made.deallocate()
            throw .libraryCallFailed("mbedtls_gcm_setkey")
        }
        state = made
        self.algorithm = algorithm
    }

    deinit {
        mbedtls_gcm_free(state)
        state.deallocate()
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let ctx = state
        let status = nonce.withUnsafeBytePointer { iv in
            mbedtls_gcm_crypt_and_tag(
                ctx, MBEDTLS_GCM_ENCRYPT, plaintext.count, iv, 12, aad.bytes, aad.count, plaintext.bytes,
                ciphertext.bytes, AESGCM.tagByteCount, tag.assumingMemoryBound(to: UInt8.self))
        }
        guard status == 0 else { throw .libraryCallFailed("mbedtls_gcm_crypt_and_tag") }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let ctx = state
        let status = nonce.withUnsafeBytePointer { iv in
            mbedtls_gcm_auth_decrypt(
                ctx, ciphertext.count, iv, 12, aad.bytes, aad.count, tag.assumingMemoryBound(to: UInt8.self),
                AESGCM.tagByteCount, ciphertext.bytes, plaintext.bytes)
        }
        guard status == 0 else {
            secureZero(plaintext)
            throw status == MBEDTLS_ERR_GCM_AUTH_FAILED ? .authenticationFailed : .libraryCallFailed("mbedtls_gcm_auth_decrypt")
        }
    }
}

/// This backend's description and code path.
enum MbedTLSLibrary {
    static let info: BackendInfo = {
        let number = mbedtls_version_get_number()
        return BackendInfo(
            name: "mbedtls",
            library: "mbedTLS",
            version: "\(number >> 24).\((number >> 16) & 0xFF).\((number >> 8) & 0xFF)",
            summary:
                "mbedtls_gcm_context keyed once per key; one mbedtls_gcm_crypt_and_tag or mbedtls_gcm_auth_decrypt call per frame; no allocation",
            availability: .available,
            codePath: codePath())
    }()

    /// mbedTLS's own query, `mbedtls_aesni_has_support(MBEDTLS_AESNI_AES | _CLMUL)`, when it
    /// was built with its AES-NI module; its GCM takes AES-NI one block at a time (no VAES).
    static func codePath() -> CodePathReport {
        guard fbm_built_with_aesni() != 0 else {
            return CodePathReport(path: .tableBased, source: .buildConfiguration, evidence: "built without MBEDTLS_AESNI_C")
        }
        let aes = fbm_aesni_has_aes() != 0
        let clmul = fbm_aesni_has_clmul() != 0
        return CodePathReport(
            path: aes && clmul ? .aesni : .tableBased, source: .libraryQuery,
            evidence: "mbedtls_aesni_has_support: AES \(aes ? "yes" : "no"), CLMUL \(clmul ? "yes" : "no")")
    }
}
#endif
