import COpenSSL

/// One AES-256-GCM operation on a fresh `EVP_CIPHER_CTX` made, keyed and freed within the
/// call: the per-frame path of the `openssl-cold` and `openssl-placeholder` variants.
enum OpenSSLOneShot {
    static func seal(
        cipher: OpaquePointer, key: borrowing SecretBytes, nonce: Nonce, aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer, ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .libraryCallFailed("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var written: Int32 = 0
        let keyed = key.withUnsafeBytes { k in
            nonce.withUnsafeBytePointer { iv in EVP_EncryptInit_ex2(ctx, cipher, k.bytes, iv, nil) }
        }
        guard keyed == 1,
            aad.count == 0 || EVP_EncryptUpdate(ctx, nil, &written, aad.bytes, Int32(aad.count)) == 1,
            plaintext.count == 0
                || EVP_EncryptUpdate(ctx, ciphertext.bytes, &written, plaintext.bytes, Int32(plaintext.count)) == 1,
            EVP_EncryptFinal_ex(ctx, nil, &written) == 1,
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, Int32(AESGCM.tagByteCount), tag) == 1
        else {
            ERR_clear_error()
            throw .libraryCallFailed("EVP_Encrypt* (one-shot)")
        }
    }

    static func open(
        cipher: OpaquePointer, key: borrowing SecretBytes, nonce: Nonce, aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer, tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .libraryCallFailed("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var written: Int32 = 0
        let keyed = key.withUnsafeBytes { k in
            nonce.withUnsafeBytePointer { iv in EVP_DecryptInit_ex2(ctx, cipher, k.bytes, iv, nil) }
        }
        guard keyed == 1,
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(AESGCM.tagByteCount), UnsafeMutableRawPointer(mutating: tag)) == 1,
            aad.count == 0 || EVP_DecryptUpdate(ctx, nil, &written, aad.bytes, Int32(aad.count)) == 1,
            ciphertext.count == 0
                || EVP_DecryptUpdate(ctx, plaintext.bytes, &written, ciphertext.bytes, Int32(ciphertext.count)) == 1
        else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .libraryCallFailed("EVP_Decrypt* (one-shot)")
        }
        guard EVP_DecryptFinal_ex(ctx, nil, &written) == 1 else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }
}
