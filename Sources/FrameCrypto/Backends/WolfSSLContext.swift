#if WolfSSL
import CWolfSSL

/// AES-128-GCM and AES-256-GCM through wolfSSL's wolfCrypt `wc_AesGcm` (the `WolfSSL` package trait), the
/// way a careful client drives it:
///
/// - one `Aes` per key, initialised and keyed once (`wc_AesInit`, `wc_AesGcmSetKey`: key
///   schedule and GHASH table);
/// - each frame is one call, `wc_AesGcmEncrypt` or `wc_AesGcmDecrypt` (which checks the tag
///   in constant time). Nothing is allocated.
///
/// `deinit` calls `wc_AesFree`, wipes the `Aes` and frees it.
public struct WolfSSLContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let state: UnsafeMutablePointer<Aes>

    public static var info: BackendInfo { WolfSSLLibrary.info }

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        _ = WolfSSLLibrary.initialized
        let made = UnsafeMutablePointer<Aes>.allocate(capacity: 1)
        guard wc_AesInit(made, nil, INVALID_DEVID) == 0 else {
            made.deallocate()
            throw .libraryCallFailed("wc_AesInit")
        }
        let status = key.withUnsafeBufferPointer { k in wc_AesGcmSetKey(made, k.baseAddress, UInt32(k.count)) }
        guard status == 0 else {
            wc_AesFree(made)
            secureZero(made, count: MemoryLayout<Aes>.size)
            made.deallocate()
            throw .libraryCallFailed("wc_AesGcmSetKey")
        }
        state = made
        self.algorithm = algorithm
    }

    deinit {
        wc_AesFree(state)
        secureZero(state, count: MemoryLayout<Aes>.size)
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
        let aes = state
        let status = nonce.withUnsafeBytePointer { iv in
            wc_AesGcmEncrypt(
                aes, ciphertext.bytes, plaintext.bytes, UInt32(plaintext.count), iv, 12,
                tag.assumingMemoryBound(to: UInt8.self), UInt32(AESGCM.tagByteCount), aad.bytes, UInt32(aad.count))
        }
        guard status == 0 else { throw .libraryCallFailed("wc_AesGcmEncrypt") }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let aes = state
        let status = nonce.withUnsafeBytePointer { iv in
            wc_AesGcmDecrypt(
                aes, plaintext.bytes, ciphertext.bytes, UInt32(ciphertext.count), iv, 12,
                tag.assumingMemoryBound(to: UInt8.self), UInt32(AESGCM.tagByteCount), aad.bytes, UInt32(aad.count))
        }
        guard status == 0 else {
            secureZero(plaintext)
            throw status == AES_GCM_AUTH_E ? .authenticationFailed : .libraryCallFailed("wc_AesGcmDecrypt")
        }
    }
}

/// wolfCrypt initialised once, this backend's description and code path.
enum WolfSSLLibrary {
    /// `wolfCrypt_Init`, once per process.
    static let initialized: Bool = wolfCrypt_Init() == 0

    static let info = BackendInfo(
        name: "wolfssl",
        library: "wolfSSL wolfCrypt",
        version: String(cString: wolfSSL_lib_version()),
        summary: "Aes keyed once per key (wc_AesGcmSetKey); one wc_AesGcmEncrypt or wc_AesGcmDecrypt call per frame; no allocation",
        availability: .available,
        codePath: codePath())

    /// wolfCrypt decides at build time: without WOLFSSL_AESNI it has no AES-NI code at all
    /// (its run-time `IntelFlags` only choose among AES-NI routines that were compiled in).
    static func codePath() -> CodePathReport {
        switch fbw_build_aesni() {
        case 0:
            let table = fbw_gcm_table_bits()
            return CodePathReport(
                path: .tableBased, source: .buildConfiguration,
                evidence: "built without WOLFSSL_AESNI: C AES, GHASH with \(table == 0 ? "no" : "a \(table)-bit") table (wolfssl/options.h)"
            )
        default:
            return CPUFeatures.current.dispatch(
                library: "wolfSSL built with WOLFSSL_AESNI", vaes: false,
                rule: "its IntelFlags take the AES-NI and PCLMULQDQ routines when CPUID has them")
        }
    }
}
#endif
