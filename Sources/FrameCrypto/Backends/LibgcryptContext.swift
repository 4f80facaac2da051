#if Libgcrypt
import CGcrypt

/// AES-128-GCM and AES-256-GCM through libgcrypt's `gcry_cipher` in GCM mode (the `Libgcrypt` package
/// trait), the way a careful client drives it:
///
/// - one handle per key, opened and keyed once (`gcry_cipher_open`, `gcry_cipher_setkey`:
///   key schedule and GHASH key table);
/// - each frame sets the nonce (`gcry_cipher_setiv`, which restarts the message without
///   allocating), feeds the AAD (`gcry_cipher_authenticate`), marks the next call final,
///   encrypts or decrypts in one call and gets or checks the tag (`gcry_cipher_gettag`,
///   `gcry_cipher_checktag`, constant time).
///
/// `deinit` closes the handle; libgcrypt wipes a cipher handle's memory when it closes it.
public struct LibgcryptContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let handle: gcry_cipher_hd_t

    public static var info: BackendInfo { LibgcryptLibrary.info }

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        guard LibgcryptLibrary.version != nil else {
            throw .backendUnavailable(backend: Self.info.name, reason: Self.info.availability.reason ?? "")
        }
        var opened: gcry_cipher_hd_t?
        let cipher = algorithm == .aes128GCM ? GCRY_CIPHER_AES : GCRY_CIPHER_AES256
        guard gcry_cipher_open(&opened, Int32(cipher.rawValue), Int32(GCRY_CIPHER_MODE_GCM.rawValue), 0) == 0,
            let opened
        else { throw .libraryCallFailed("gcry_cipher_open") }
        let keyed = key.withUnsafeBytes { k in gcry_cipher_setkey(opened, k.baseAddress, k.count) }
        guard keyed == 0 else {
            gcry_cipher_close(opened)
            throw .libraryCallFailed("gcry_cipher_setkey")
        }
        handle = opened
        self.algorithm = algorithm
    }

    deinit {
        gcry_cipher_close(handle)
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let h = handle
        guard nonce.withUnsafeBytePointer({ iv in gcry_cipher_setiv(h, iv, 12) }) == 0 else {
            throw .libraryCallFailed("gcry_cipher_setiv")
        }
        if aad.count > 0 {
            guard gcry_cipher_authenticate(h, aad.baseAddress, aad.count) == 0 else {
                throw .libraryCallFailed("gcry_cipher_authenticate")
            }
        }
        guard fbg_cipher_final(h) == 0 else { throw .libraryCallFailed("gcry_cipher_final") }
        if plaintext.count > 0 {
            // In place: libgcrypt's in-place form is a NULL input.
            let inPlace = UnsafeRawPointer(ciphertext.baseAddress) == plaintext.baseAddress
            let status =
                inPlace
                ? gcry_cipher_encrypt(h, ciphertext.baseAddress, ciphertext.count, nil, 0)
                : gcry_cipher_encrypt(h, ciphertext.baseAddress, ciphertext.count, plaintext.baseAddress, plaintext.count)
            guard status == 0 else { throw .libraryCallFailed("gcry_cipher_encrypt") }
        }
        guard gcry_cipher_gettag(h, tag, AESGCM.tagByteCount) == 0 else { throw .libraryCallFailed("gcry_cipher_gettag") }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let h = handle
        guard nonce.withUnsafeBytePointer({ iv in gcry_cipher_setiv(h, iv, 12) }) == 0 else {
            throw Self.failure("gcry_cipher_setiv", wiping: plaintext)
        }
        if aad.count > 0 {
            guard gcry_cipher_authenticate(h, aad.baseAddress, aad.count) == 0 else {
                throw Self.failure("gcry_cipher_authenticate", wiping: plaintext)
            }
        }
        guard fbg_cipher_final(h) == 0 else { throw Self.failure("gcry_cipher_final", wiping: plaintext) }
        if ciphertext.count > 0 {
            let inPlace = UnsafeRawPointer(plaintext.baseAddress) == ciphertext.baseAddress
            let status =
                inPlace
                ? gcry_cipher_decrypt(h, plaintext.baseAddress, plaintext.count, nil, 0)
                : gcry_cipher_decrypt(h, plaintext.baseAddress, plaintext.count, ciphertext.baseAddress, ciphertext.count)
            guard status == 0 else { throw Self.failure("gcry_cipher_decrypt", wiping: plaintext) }
        }
        guard gcry_cipher_checktag(h, tag, AESGCM.tagByteCount) == 0 else {
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }

    private static func failure(_ call: StaticString, wiping output: UnsafeMutableRawBufferPointer) -> FrameCryptoError {
        secureZero(output)
        return .libraryCallFailed(call)
    }
}

/// libgcrypt initialised once, this backend's description and code path.
enum LibgcryptLibrary {
    /// The version libgcrypt reports once initialised, or `nil` when it is older than the
    /// headers FrameBench was built with.
    static let version: String? = fbg_initialize().map { String(cString: $0) }

    static let info = BackendInfo(
        name: "libgcrypt",
        library: "libgcrypt",
        version: version ?? "unknown",
        summary:
            "one gcry_cipher handle per key, keyed once; per frame setiv, authenticate, final, encrypt/decrypt, gettag/checktag; no allocation",
        availability: version == nil
            ? .unavailable(reason: "gcry_check_version(\"\(GCRYPT_VERSION)\") failed: the loaded libgcrypt is older than its headers")
            : .available,
        codePath: codePath())

    /// libgcrypt's own answer: `gcry_get_config(0, "hwflist")` lists the hardware features it
    /// uses (intel-aesni, intel-pclmul, intel-vaes-vpclmul: its VAES CTR and VPCLMULQDQ
    /// GHASH code).
    static func codePath() -> CodePathReport {
        guard version != nil, let raw = gcry_get_config(0, "hwflist") else {
            return CodePathReport(path: .unknown, source: .libraryQuery, evidence: "gcry_get_config(0, \"hwflist\") returned nothing")
        }
        let line = String(cString: raw)
        gcry_free(raw)
        let flags = Set(line.split(whereSeparator: { $0 == ":" || $0 == "\n" }).map(String.init))
        let path: CodePath =
            flags.contains("intel-vaes-vpclmul")
            ? .vaes
            : flags.isSuperset(of: ["intel-aesni", "intel-pclmul"]) ? .aesni : .tableBased
        let shown = flags.filter { ["intel-aesni", "intel-pclmul", "intel-vaes-vpclmul", "intel-avx2", "intel-avx512"].contains($0) }
        return CodePathReport(
            path: path, source: .libraryQuery,
            evidence: "gcry_get_config hwflist: \(shown.sorted().joined(separator: " "))")
    }
}
#endif
