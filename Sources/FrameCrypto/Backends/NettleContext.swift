#if Nettle
import CNettle

/// AES-128-GCM and AES-256-GCM through nettle's `gcm_aes128` / `gcm_aes256` interface (the
/// `Nettle` package trait), the way a careful client drives it:
///
/// - the key is expanded and the GHASH key table made once per key (`gcm_aes256_set_key`);
/// - each frame sets the nonce (`gcm_aes256_set_iv`), feeds the AAD and the payload and
///   takes the digest. Nothing is allocated: the context is one caller-owned struct.
///
/// Nettle, not GnuTLS's AEAD API over it: `gnutls_aead_cipher_encrypt` takes and returns
/// the tag appended to the ciphertext (a copy per frame when the tag lives apart, as here)
/// and has no in-place form, and GnuTLS adds its own dispatch and checks over the same
/// nettle calls; nettle is the layer that does the work, keyed once, with nothing per frame
/// but the work.
///
/// Nettle's GCM has no verifying decrypt: `open` computes the tag and compares it with
/// `memeql_sec` (constant time), zeroing the plaintext when they differ. Nettle's fat build
/// picks AES-NI and PCLMULQDQ code at load time when the CPU has them (``info``'s code path).
///
/// `deinit` wipes the context (key schedule and GHASH table) and frees it.
public struct NettleContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    // A `gcm_aes128_ctx` or a `gcm_aes256_ctx`, by `algorithm`.
    let state: UnsafeMutableRawPointer
    let is128: Bool

    public static var info: BackendInfo { NettleLibrary.info }

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    static let stateSize = max(MemoryLayout<gcm_aes128_ctx>.size, MemoryLayout<gcm_aes256_ctx>.size)
    static let stateAlignment = max(MemoryLayout<gcm_aes128_ctx>.alignment, MemoryLayout<gcm_aes256_ctx>.alignment)

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        state = .allocate(byteCount: Self.stateSize, alignment: Self.stateAlignment)
        is128 = algorithm == .aes128GCM
        let state = state
        if is128 {
            let ctx = state.bindMemory(to: gcm_aes128_ctx.self, capacity: 1)
            key.withUnsafeBufferPointer { k in nettle_gcm_aes128_set_key(ctx, k.baseAddress) }
        } else {
            let ctx = state.bindMemory(to: gcm_aes256_ctx.self, capacity: 1)
            key.withUnsafeBufferPointer { k in nettle_gcm_aes256_set_key(ctx, k.baseAddress) }
        }
        self.algorithm = algorithm
    }

    deinit {
        secureZero(state, count: Self.stateSize)
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
        let tagBytes = tag.assumingMemoryBound(to: UInt8.self)
        if is128 {
            let ctx = state.assumingMemoryBound(to: gcm_aes128_ctx.self)
            nonce.withUnsafeBytePointer { iv in nettle_gcm_aes128_set_iv(ctx, 12, iv) }
            if aad.count > 0 { nettle_gcm_aes128_update(ctx, aad.count, aad.bytes) }
            if plaintext.count > 0 { nettle_gcm_aes128_encrypt(ctx, plaintext.count, ciphertext.bytes, plaintext.bytes) }
            nettle_gcm_aes128_digest(ctx, AESGCM.tagByteCount, tagBytes)
        } else {
            let ctx = state.assumingMemoryBound(to: gcm_aes256_ctx.self)
            nonce.withUnsafeBytePointer { iv in nettle_gcm_aes256_set_iv(ctx, 12, iv) }
            if aad.count > 0 { nettle_gcm_aes256_update(ctx, aad.count, aad.bytes) }
            if plaintext.count > 0 { nettle_gcm_aes256_encrypt(ctx, plaintext.count, ciphertext.bytes, plaintext.bytes) }
            nettle_gcm_aes256_digest(ctx, AESGCM.tagByteCount, tagBytes)
        }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        var computed: (UInt64, UInt64) = (0, 0)
        let equal = withUnsafeMutableBytes(of: &computed) { raw in
            let expected = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if is128 {
                let ctx = state.assumingMemoryBound(to: gcm_aes128_ctx.self)
                nonce.withUnsafeBytePointer { iv in nettle_gcm_aes128_set_iv(ctx, 12, iv) }
                if aad.count > 0 { nettle_gcm_aes128_update(ctx, aad.count, aad.bytes) }
                if ciphertext.count > 0 { nettle_gcm_aes128_decrypt(ctx, ciphertext.count, plaintext.bytes, ciphertext.bytes) }
                nettle_gcm_aes128_digest(ctx, AESGCM.tagByteCount, expected)
            } else {
                let ctx = state.assumingMemoryBound(to: gcm_aes256_ctx.self)
                nonce.withUnsafeBytePointer { iv in nettle_gcm_aes256_set_iv(ctx, 12, iv) }
                if aad.count > 0 { nettle_gcm_aes256_update(ctx, aad.count, aad.bytes) }
                if ciphertext.count > 0 { nettle_gcm_aes256_decrypt(ctx, ciphertext.count, plaintext.bytes, ciphertext.bytes) }
                nettle_gcm_aes256_digest(ctx, AESGCM.tagByteCount, expected)
            }
            return nettle_memeql_sec(expected, tag, AESGCM.tagByteCount) != 0
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
        summary:
            "gcm_aes256_ctx (or gcm_aes128_ctx) keyed once per key (key schedule and GHASH table); per frame set_iv, update, encrypt/decrypt, digest; tag compared with memeql_sec; no allocation",
        availability: .available,
        codePath: CPUFeatures.current.dispatch(
            library: "nettle \(nettle_version_major()).\(nettle_version_minor()) fat build",
            vaes: false,
            rule:
                "its load-time CPUID dispatch takes _nettle_aes256_encrypt_aesni with AES-NI and _nettle_ghash_update_pclmul with PCLMULQDQ (nettle 3.8 has no VAES code)"
        ))
}
#endif
