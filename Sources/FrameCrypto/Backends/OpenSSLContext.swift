import COpenSSL

/// Every algorithm of SFrame's eight cipher suites through OpenSSL's libcrypto 3, the way a
/// performance-minded client drives it: AES-128-GCM and AES-256-GCM through the EVP
/// interface, and AES-CTR + HMAC (RFC 9605 §4.5.1) with the HMAC keyed once per key
/// (`OpenSSLCTRHMAC`, in a file of its own).
///
/// - the cipher is fetched once per process with `EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL)`
///   (and `"AES-128-GCM"`, `"AES-128-CTR"`, `"AES-256-CTR"`), so no per-init provider lookup
///   (and none of its locks) ever happens;
/// - each key gets two keyed `EVP_CIPHER_CTX`s, one per direction, made once;
/// - for GCM each frame only resets the nonce (`EVP_{En,De}cryptInit_ex2` with no cipher and
///   no key), feeds the AAD and the payload, and sets or reads the tag; for AES-CTR + HMAC see
///   `OpenSSLCTRHMAC`.
///
/// One backend, one registry line: the algorithm is chosen when the context is keyed, and
/// each frame takes one branch on it (whether the context holds an HMAC state).
///
/// `deinit` frees both contexts; OpenSSL's providers `OPENSSL_clear_free` their key
/// schedules when a context is freed, and the HMAC states are wiped, so no key material is
/// left behind.
public struct OpenSSLContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let encryptor: OpaquePointer
    let decryptor: OpaquePointer
    /// The pre-keyed HMAC of an AES-CTR + HMAC algorithm; `nil` for AES-GCM.
    let ctrHMAC: OpenSSLCTRHMAC?

    public static var info: BackendInfo { OpenSSLCipher.info }

    /// Every algorithm: all eight SFrame suites.
    public static var algorithms: [AEADAlgorithm] { AEADAlgorithm.allCases }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        let isGCM = algorithm.isGCM
        guard let cipher = (isGCM ? OpenSSLCipher.gcm(algorithm) : OpenSSLCipher.ctr(algorithm)).pointer else {
            throw .backendUnavailable(backend: Self.info.name, reason: Self.info.availability.reason ?? "")
        }
        guard let enc = EVP_CIPHER_CTX_new() else { throw .libraryCallFailed("EVP_CIPHER_CTX_new") }
        guard let dec = EVP_CIPHER_CTX_new() else {
            EVP_CIPHER_CTX_free(enc)
            throw .libraryCallFailed("EVP_CIPHER_CTX_new")
        }
        // AES-CTR decrypts by encrypting: both directions are keyed for encryption.
        let keyed = key.withUnsafeBufferPointer { k in
            EVP_EncryptInit_ex2(enc, cipher, k.baseAddress, nil, nil) == 1
                && (isGCM
                    ? EVP_DecryptInit_ex2(dec, cipher, k.baseAddress, nil, nil)
                    : EVP_EncryptInit_ex2(dec, cipher, k.baseAddress, nil, nil)) == 1
        }
        guard keyed else {
            EVP_CIPHER_CTX_free(enc)
            EVP_CIPHER_CTX_free(dec)
            ERR_clear_error()
            throw .libraryCallFailed("EVP_CipherInit_ex2")
        }
        encryptor = enc
        decryptor = dec
        ctrHMAC =
            isGCM
            ? nil
            : key.withUnsafeBytes { k in
                OpenSSLCTRHMAC(
                    algorithm: algorithm,
                    authKey: UnsafeRawBufferPointer(rebasing: k[algorithm.encryptionKeyByteCount...]))
            }
        self.algorithm = algorithm
    }

    deinit {
        EVP_CIPHER_CTX_free(encryptor)
        EVP_CIPHER_CTX_free(decryptor)
        ctrHMAC?.free()
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let ctx = encryptor
        if let ctrHMAC {
            return try ctrHMAC.seal(ctx, nonce: nonce, aad: aad, plaintext: plaintext, ciphertext: ciphertext, tag: tag)
        }
        var written: Int32 = 0
        let reset = nonce.withUnsafeBytePointer { iv in EVP_EncryptInit_ex2(ctx, nil, nil, iv, nil) }
        guard reset == 1 else { try Self.fail("EVP_EncryptInit_ex2") }
        if aad.count > 0 {
            guard EVP_EncryptUpdate(ctx, nil, &written, aad.bytes, Int32(aad.count)) == 1 else {
                try Self.fail("EVP_EncryptUpdate(aad)")
            }
        }
        if plaintext.count > 0 {
            guard EVP_EncryptUpdate(ctx, ciphertext.bytes, &written, plaintext.bytes, Int32(plaintext.count)) == 1
            else { try Self.fail("EVP_EncryptUpdate") }
        }
        guard EVP_EncryptFinal_ex(ctx, nil, &written) == 1 else { try Self.fail("EVP_EncryptFinal_ex") }
        guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, Int32(AESGCM.tagByteCount), tag) == 1 else {
            try Self.fail("EVP_CTRL_AEAD_GET_TAG")
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
        let ctx = decryptor
        if let ctrHMAC {
            return try ctrHMAC.open(ctx, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag, plaintext: plaintext)
        }
        var written: Int32 = 0
        let reset = nonce.withUnsafeBytePointer { iv in EVP_DecryptInit_ex2(ctx, nil, nil, iv, nil) }
        guard reset == 1 else { try Self.fail("EVP_DecryptInit_ex2", wiping: plaintext) }
        guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(AESGCM.tagByteCount), UnsafeMutableRawPointer(mutating: tag)) == 1
        else { try Self.fail("EVP_CTRL_AEAD_SET_TAG", wiping: plaintext) }
        if aad.count > 0 {
            guard EVP_DecryptUpdate(ctx, nil, &written, aad.bytes, Int32(aad.count)) == 1 else {
                try Self.fail("EVP_DecryptUpdate(aad)", wiping: plaintext)
            }
        }
        if ciphertext.count > 0 {
            guard EVP_DecryptUpdate(ctx, plaintext.bytes, &written, ciphertext.bytes, Int32(ciphertext.count)) == 1
            else { try Self.fail("EVP_DecryptUpdate", wiping: plaintext) }
        }
        // GCM writes no bytes at final; it compares the tag. A mismatch is the common
        // failure and the only one reported as a bad tag.
        guard EVP_DecryptFinal_ex(ctx, nil, &written) == 1 else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }

    private static func fail(
        _ call: StaticString, wiping output: UnsafeMutableRawBufferPointer? = nil
    ) throws(FrameCryptoError) -> Never {
        ERR_clear_error()
        if let output { secureZero(output) }
        throw .libraryCallFailed(call)
    }
}

/// The process-wide fetched AES-256-GCM cipher and this backend's description.
enum OpenSSLCipher {
    /// `EVP_CIPHER_fetch`'s result, fetched once and kept for the life of the process.
    /// An `EVP_CIPHER` is immutable and reference-counted, safe to share between threads.
    struct Fetched: @unchecked Sendable {
        let pointer: OpaquePointer?
    }

    static let aes256gcm = Fetched(pointer: EVP_CIPHER_fetch(nil, "AES-256-GCM", nil))
    static let aes128gcm = Fetched(pointer: EVP_CIPHER_fetch(nil, "AES-128-GCM", nil))
    static let aes128ctr = Fetched(pointer: EVP_CIPHER_fetch(nil, "AES-128-CTR", nil))
    static let aes256ctr = Fetched(pointer: EVP_CIPHER_fetch(nil, "AES-256-CTR", nil))

    /// The fetched CTR cipher for `algorithm`'s AES key size.
    static func ctr(_ algorithm: AEADAlgorithm) -> Fetched {
        algorithm.encryptionKeyByteCount == 16 ? aes128ctr : aes256ctr
    }

    /// The fetched GCM cipher for `algorithm` (AES-128-GCM for 16-byte keys, else AES-256-GCM).
    static func gcm(_ algorithm: AEADAlgorithm) -> Fetched {
        algorithm.encryptionKeyByteCount == 16 ? aes128gcm : aes256gcm
    }

    static let info: BackendInfo = {
        let version = "\(OPENSSL_version_major()).\(OPENSSL_version_minor()).\(OPENSSL_version_patch())"
        let availability: BackendAvailability =
            aes256gcm.pointer == nil
            ? .unavailable(reason: "EVP_CIPHER_fetch(NULL, \"AES-256-GCM\", NULL) returned NULL: no provider offers it")
            : .available
        return BackendInfo(
            name: "openssl",
            library: "OpenSSL libcrypto",
            version: version,
            summary: "EVP_CIPHER fetched once; keyed EVP_CIPHER_CTX per key and direction; nonce reset per frame",
            availability: availability, codePath: DefaultBackendCodePaths.openSSL)
    }()

    /// The description of a variant backend on the same library.
    static func variantInfo(name: String, summary: String) -> BackendInfo {
        BackendInfo(
            name: name, library: info.library, version: info.version, summary: summary, availability: info.availability,
            codePath: info.codePath)
    }
}
