import COpenSSL

/// Variant `openssl-hmac-rekey`: SFrame's AES-CTR + HMAC (suites 1–3 and 6–8) through
/// OpenSSL as `openssl` does it — AES-CTR contexts keyed once, the counter block reset per
/// frame — except that the HMAC is **keyed again on every frame**, the way code written
/// against OpenSSL 3's `EVP_MAC` usually does: one `EVP_MAC_CTX` per key with its digest set
/// once, and per frame `EVP_MAC_init` with the raw `auth_key`, `EVP_MAC_update`,
/// `EVP_MAC_final`.
///
/// Re-keying hashes the two padded key blocks again (two extra compression-function calls)
/// and, in OpenSSL 3.0, allocates: `HMAC_Init_ex` copies its digest contexts with
/// `EVP_MD_CTX_copy_ex`, whose provider `dupctx` allocates a new one each time. Compare with
/// `openssl` (``OpenSSLContext``, HMAC keyed once, pre-keyed states copied per frame) to see
/// what keying once saves. Not in the default list; AES-GCM is not offered.
package struct OpenSSLHMACRekeyContext: AEADContext, ~Copyable, @unchecked Sendable {
    let encryptor: OpaquePointer
    let decryptor: OpaquePointer
    let mac: OpaquePointer
    let authKey: SecretBytes
    /// The length prefix and counter block (48 bytes), then the MAC (64 bytes).
    let scratch: UnsafeMutableRawPointer
    let tagCount: Int

    package static var info: BackendInfo {
        OpenSSLCipher.variantInfo(
            name: "openssl-hmac-rekey",
            summary: "variant: AES-CTR + HMAC with EVP_MAC_init re-keying HMAC on every frame (CTR suites only)")
    }

    /// The six AES-CTR + HMAC algorithms.
    package static var algorithms: [AEADAlgorithm] { AEADAlgorithm.allCases.filter { !$0.isGCM } }

    package let algorithm: AEADAlgorithm

    package init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        guard let cipher = OpenSSLCipher.ctr(algorithm).pointer, let hmac = OpenSSLMAC.hmac.pointer else {
            throw .backendUnavailable(backend: Self.info.name, reason: "AES-CTR or HMAC cannot be fetched")
        }
        let made = (EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_new(), EVP_MAC_CTX_new(hmac))
        guard let enc = made.0, let dec = made.1, let mac = made.2 else {
            EVP_CIPHER_CTX_free(made.0)
            EVP_CIPHER_CTX_free(made.1)
            EVP_MAC_CTX_free(made.2)
            ERR_clear_error()
            throw .libraryCallFailed("EVP_CIPHER_CTX_new / EVP_MAC_CTX_new")
        }
        let encCount = algorithm.encryptionKeyByteCount
        let keyed = key.withUnsafeBufferPointer { k in
            EVP_EncryptInit_ex2(enc, cipher, k.baseAddress, nil, nil) == 1
                && EVP_EncryptInit_ex2(dec, cipher, k.baseAddress, nil, nil) == 1
        }
        let digestSet = Self.setDigest(mac, algorithm.hmacHash == .sha256 ? "SHA256" : "SHA512")
        guard keyed, digestSet else {
            EVP_CIPHER_CTX_free(enc)
            EVP_CIPHER_CTX_free(dec)
            EVP_MAC_CTX_free(mac)
            ERR_clear_error()
            throw .libraryCallFailed("EVP_CipherInit_ex2 / EVP_MAC_CTX_set_params")
        }
        encryptor = enc
        decryptor = dec
        self.mac = mac
        var authKey = SecretBytes(zeroed: algorithm.authenticationKeyByteCount)
        key.withUnsafeBytes { k in
            authKey.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: k[encCount...])) }
        }
        self.authKey = authKey
        scratch = .allocate(byteCount: 112, alignment: 16)
        scratch.initializeMemory(as: UInt8.self, repeating: 0, count: 112)
        tagCount = algorithm.tagByteCount
        self.algorithm = algorithm
    }

    deinit {
        EVP_CIPHER_CTX_free(encryptor)
        EVP_CIPHER_CTX_free(decryptor)
        EVP_MAC_CTX_free(mac)
        secureZero(scratch, count: 112)
        scratch.deallocate()
    }

    /// Sets the HMAC's digest once, by name.
    private static func setDigest(_ mac: OpaquePointer, _ name: String) -> Bool {
        var digest = Array(name.utf8CString)
        return digest.withUnsafeMutableBufferPointer { buffer in
            "digest".withCString { key in
                var params = [
                    OSSL_PARAM_construct_utf8_string(key, buffer.baseAddress, 0), OSSL_PARAM_construct_end(),
                ]
                return EVP_MAC_CTX_set_params(mac, &params) == 1
            }
        }
    }

    /// The full HMAC, keyed from the raw `auth_key` for this frame, into `scratch + 48`.
    private func authenticate(nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer) -> Bool {
        OpenSSLCTRHMAC.writePrefix(
            to: scratch, aadCount: aad.count, ciphertextCount: ciphertext.count, tagCount: tagCount, nonce: nonce)
        let keyed = authKey.withUnsafeBytes { k in EVP_MAC_init(mac, k.bytes, k.count, nil) == 1 }
        var written = 0
        return keyed
            && EVP_MAC_update(mac, scratch.assumingMemoryBound(to: UInt8.self), OpenSSLCTRHMAC.prefixByteCount) == 1
            && (aad.count == 0 || EVP_MAC_update(mac, aad.bytes, aad.count) == 1)
            && (ciphertext.count == 0 || EVP_MAC_update(mac, ciphertext.bytes, ciphertext.count) == 1)
            && EVP_MAC_final(mac, (scratch + 48).assumingMemoryBound(to: UInt8.self), &written, 64) == 1
    }

    package mutating func seal(
        nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        guard OpenSSLCTRHMAC.crypt(encryptor, scratch: scratch, nonce: nonce, input: plaintext, output: ciphertext),
            authenticate(nonce: nonce, aad: aad, ciphertext: UnsafeRawBufferPointer(ciphertext))
        else {
            ERR_clear_error()
            secureZero(ciphertext)
            throw .libraryCallFailed("EVP_EncryptUpdate(AES-CTR) / EVP_MAC_*")
        }
        tag.copyMemory(from: scratch + 48, byteCount: tagCount)
    }

    package mutating func open(
        nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        guard authenticate(nonce: nonce, aad: aad, ciphertext: ciphertext) else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .libraryCallFailed("EVP_MAC_*")
        }
        guard CRYPTO_memcmp(scratch + 48, tag, tagCount) == 0 else {
            secureZero(plaintext)
            throw .authenticationFailed
        }
        guard OpenSSLCTRHMAC.crypt(decryptor, scratch: scratch, nonce: nonce, input: ciphertext, output: plaintext) else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .libraryCallFailed("EVP_EncryptUpdate(AES-CTR)")
        }
    }
}

/// OpenSSL's HMAC `EVP_MAC`, fetched once per process.
enum OpenSSLMAC {
    static let hmac = OpenSSLCipher.Fetched(pointer: EVP_MAC_fetch(nil, "HMAC", nil))
}
