#if Libgcrypt
public import CGcrypt

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
/// `seal` and `open` are `@inlinable` and kept small (the statuses ORed and checked once, the
/// error chosen out of line, the nonce written to a buffer made with the handle): at 64 B
/// libgcrypt's frame is the cheapest of any library (about 1,500 instructions), so the call
/// into FrameCrypto and its argument shuffling, some 50 instructions, was 5–7 % of it. Inlined
/// into a specialised caller, the frame is the library calls and the length checks, as in the
/// C reference. Whether the optimiser inlines is a heuristic: `scripts/check-inlined-backends.py`
/// (perf gate) fails when the frames loops call `seal` or `open` again.
///
/// `deinit` closes the handle; libgcrypt wipes a cipher handle's memory when it closes it.
public struct LibgcryptContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    @usableFromInline let handle: gcry_cipher_hd_t
    /// The frame's nonce, written here before `gcry_cipher_setiv` (12 of 16 bytes).
    @usableFromInline let iv: UnsafeMutableRawPointer

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
        iv = .allocate(byteCount: 16, alignment: 16)
        self.algorithm = algorithm
    }

    deinit {
        gcry_cipher_close(handle)
        iv.deallocate()
    }

    @inlinable
    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        let length = plaintext.count
        guard BackendPreconditions.lengthsAccepted(input: length, output: ciphertext.count, aad: aad.count) else {
            throw BackendPreconditions.lengthError(input: length, output: ciphertext.count, aad: aad.count)
        }
        let h = handle
        // In place: libgcrypt's in-place form is a NULL input.
        let input = UnsafeRawPointer(ciphertext.baseAddress) == plaintext.baseAddress ? nil : plaintext.baseAddress
        nonce.store(to: iv)
        var status = gcry_cipher_setiv(h, iv, 12)
        if aad.count > 0 { status |= gcry_cipher_authenticate(h, aad.baseAddress, aad.count) }
        status |= fbg_cipher_final(h)
        if length > 0 { status |= gcry_cipher_encrypt(h, ciphertext.baseAddress, length, input, input == nil ? 0 : length) }
        status |= gcry_cipher_gettag(h, tag, 16)
        if status != 0 { throw Self.sealFailure() }
    }

    @inlinable
    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        let length = ciphertext.count
        guard BackendPreconditions.lengthsAccepted(input: length, output: plaintext.count, aad: aad.count) else {
            throw BackendPreconditions.lengthError(input: length, output: plaintext.count, aad: aad.count)
        }
        let h = handle
        // In place: libgcrypt's in-place form is a NULL input.
        let input = UnsafeRawPointer(plaintext.baseAddress) == ciphertext.baseAddress ? nil : ciphertext.baseAddress
        nonce.store(to: iv)
        var status = gcry_cipher_setiv(h, iv, 12)
        if aad.count > 0 { status |= gcry_cipher_authenticate(h, aad.baseAddress, aad.count) }
        status |= fbg_cipher_final(h)
        if length > 0 { status |= gcry_cipher_decrypt(h, plaintext.baseAddress, length, input, input == nil ? 0 : length) }
        let tagStatus = gcry_cipher_checktag(h, tag, 16)
        if status | tagStatus != 0 { throw Self.openFailure(status: status, wiping: plaintext) }
    }

    @usableFromInline @inline(never)
    static func sealFailure() -> FrameCryptoError {
        .libraryCallFailed("gcry_cipher_setiv, _authenticate, _final, _encrypt or _gettag")
    }

    @usableFromInline @inline(never)
    static func openFailure(status: gcry_error_t, wiping output: UnsafeMutableRawBufferPointer) -> FrameCryptoError {
        secureZero(output)
        return status == 0 ? .authenticationFailed : .libraryCallFailed("gcry_cipher_setiv, _authenticate, _final or _decrypt")
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
