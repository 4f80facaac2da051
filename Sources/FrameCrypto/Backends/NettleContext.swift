#if Nettle
import CNettle

/// AES-256-GCM through nettle's `gcm_aes256` interface (the `Nettle` package trait), the way
/// a careful client drives it:
///
/// - the key is expanded and the GHASH key table made once per key (`gcm_aes256_set_key`);
/// - each frame sets the nonce (`gcm_aes256_set_iv`), feeds the AAD and the payload and
///   takes the digest. Nothing is allocated: the context is one caller-owned struct.
///
/// Nettle, not GnuTLS's AEAD API over it: `gnutls_aead_cipher_encrypt` takes the tag
/// appended to the ciphertext (a copy per frame when the tag lives apart, as here) and has
/// no in-place form, and GnuTLS adds its own dispatch and checks over the same nettle calls;
/// nettle is the layer that does the work, keyed once, with nothing per frame but the work.
///
/// Nettle's GCM has no verifying decrypt: `open` computes the tag and compares it with
/// `memeql_sec` (constant time), zeroing the plaintext when they differ. Nettle's fat build
/// picks AES-NI and PCLMULQDQ code at load time when the CPU has them (``codePath``).
///
/// `deinit` wipes the context (key schedule and GHASH table) and frees it.
public struct NettleContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let state: UnsafeMutablePointer<gcm_aes256_ctx>

    public static var info: BackendInfo { NettleLibrary.info }

    public init(key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key)
        state = .allocate(capacity: 1)
        key.withUnsafeBufferPointer { k in nettle_gcm_aes256_set_key(state, k.baseAddress) }
    }

    deinit {
        secureZero(state, count: MemoryLayout<gcm_aes256_ctx>.size)
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
        nonce.withUnsafeBytePointer { iv in nettle_gcm_aes256_set_iv(ctx, 12, iv) }
        if aad.count > 0 { nettle_gcm_aes256_update(ctx, aad.count, aad.bytes) }
        if plaintext.count > 0 { nettle_gcm_aes256_encrypt(ctx, plaintext.count, ciphertext.bytes, plaintext.bytes) }
        nettle_gcm_aes256_digest(ctx, AESGCM.tagByteCount, tag.assumingMemoryBound(to: UInt8.self))
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
        nonce.withUnsafeBytePointer { iv in nettle_gcm_aes256_set_iv(ctx, 12, iv) }
        if aad.count > 0 { nettle_gcm_aes256_update(ctx, aad.count, aad.bytes) }
        if ciphertext.count > 0 { nettle_gcm_aes256_decrypt(ctx, ciphertext.count, plaintext.bytes, ciphertext.bytes) }
        var expected: (UInt64, UInt64) = (0, 0)
        let equal = withUnsafeMutableBytes(of: &expected) { computed in
            let bytes = computed.baseAddress!.assumingMemoryBound(to: UInt8.self)
            nettle_gcm_aes256_digest(ctx, AESGCM.tagByteCount, bytes)
            return nettle_memeql_sec(bytes, tag, AESGCM.tagByteCount) != 0
        }
        guard equal else {
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }
}

/// This backend's description and code path.
enum NettleLibrary {
    static let info = BackendInfo(
        name: "nettle",
        library: "nettle",
        version: "\(nettle_version_major()).\(nettle_version_minor())",
        summary: "gcm_aes256_ctx keyed once per key (key schedule and GHASH table); per frame set_iv, update, encrypt/decrypt, digest; tag compared with memeql_sec; no allocation",
        availability: .available,
        codePath: CPUFeatures.current.dispatch(
            library: "nettle \(nettle_version_major()).\(nettle_version_minor()) fat build",
            vaes: false,
            rule: "its load-time CPUID dispatch takes _nettle_aes256_encrypt_aesni with AES-NI and _nettle_ghash_update_pclmul with PCLMULQDQ (no VAES code in nettle 3.8)"))
}
#endif
