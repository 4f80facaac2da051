import COpenSSL

/// SFrame's AES-CTR + HMAC (RFC 9605 §4.5.1) through OpenSSL: the per-frame engine behind
/// ``OpenSSLContext`` for the six CTR algorithms (suites 1–3 and 6–8), keyed once per key.
///
/// - **AES-CTR**: `EVP_CIPHER_fetch(NULL, "AES-128-CTR" or "AES-256-CTR", NULL)` once per
///   process; ``OpenSSLContext`` keys one `EVP_CIPHER_CTX` per direction with `enc_key`, once.
///   Each frame resets only the counter block, `nonce ‖ 0x00000000`, and runs
///   `EVP_EncryptUpdate` (CTR decryption is the same operation).
/// - **HMAC**: `auth_key` is absorbed once into two SHA-2 states, the inner one after
///   `auth_key ⊕ ipad` and the outer one after `auth_key ⊕ opad` (as BoringSSL's own
///   AES-CTR-HMAC AEAD does). Each frame copies the inner state into a working state (a
///   `memcpy` of the plain struct), hashes `len(aad) ‖ len(ct) ‖ Nt ‖ nonce ‖ aad ‖ ct`
///   (each length 8 bytes big-endian), and finishes with a copy of the outer state; the tag
///   is the first `Nt` bytes. No re-keying, no allocation: OpenSSL 3.0's `EVP_MAC` and
///   `HMAC_CTX` reset a keyed HMAC with `EVP_MD_CTX_copy_ex`, which allocates a new provider
///   context on every copy, so this uses the low-level `SHA256_*`/`SHA512_*` calls
///   (deprecated in OpenSSL 3, reached through COpenSSL's non-deprecated `fb_sha*` wrappers).
///   The `openssl-hmac-rekey` variant (``OpenSSLHMACRekeyContext``) keys `EVP_MAC` per
///   frame instead, to show what this saves.
/// - **Open** verifies the tag (`CRYPTO_memcmp`, constant time) over the ciphertext before
///   decrypting anything; on a mismatch the output is zeroed and nothing is decrypted.
///
/// The digest states, the scratch for the frame's length prefix and the MAC live in one block
/// allocated at keying, wiped and freed by ``free()``.
struct OpenSSLCTRHMAC {
    /// The state block: inner, outer and working digest states, then the MAC, then the
    /// counter block and length prefix.
    let state: UnsafeMutableRawPointer
    let hash: DigestAlgorithm
    let tagCount: Int

    /// One digest state's room in the block: a `SHA512_CTX` (the larger), 16-byte aligned.
    static let stateStride = (max(MemoryLayout<SHA512_CTX>.size, MemoryLayout<SHA256_CTX>.size) + 15) & ~15
    static let macOffset = 3 * stateStride
    static let scratchOffset = macOffset + 64
    /// The prefix `len(aad) ‖ len(ct) ‖ Nt ‖ nonce`: 36 bytes; the counter block uses 16.
    static let prefixByteCount = 36
    static let blockByteCount = scratchOffset + 48

    var inner: UnsafeMutableRawPointer { state }
    var outer: UnsafeMutableRawPointer { state + Self.stateStride }
    var work: UnsafeMutableRawPointer { state + 2 * Self.stateStride }
    var mac: UnsafeMutableRawPointer { state + Self.macOffset }
    var scratch: UnsafeMutableRawPointer { state + Self.scratchOffset }

    /// The HMAC keyed once with `authKey` (exactly `hash.outputByteCount` bytes, at most one
    /// block) for `algorithm`.
    init(algorithm: AEADAlgorithm, authKey: UnsafeRawBufferPointer) {
        let hash = algorithm.hmacHash!
        precondition(authKey.count <= hash.blockByteCount, "HMAC key longer than a block")
        self.hash = hash
        self.tagCount = algorithm.tagByteCount
        self.state = .allocate(byteCount: Self.blockByteCount, alignment: 16)
        state.initializeMemory(as: UInt8.self, repeating: 0, count: Self.blockByteCount)
        // The padded key is built in the working state's room, then wiped.
        let pad = work.assumingMemoryBound(to: UInt8.self)
        pad.initialize(repeating: 0, count: hash.blockByteCount)
        for i in 0..<authKey.count { pad[i] = authKey[i] }
        for i in 0..<hash.blockByteCount { pad[i] ^= 0x36 }
        start(inner)
        update(inner, UnsafeRawPointer(pad), hash.blockByteCount)
        for i in 0..<hash.blockByteCount { pad[i] ^= 0x36 ^ 0x5c }
        start(outer)
        update(outer, UnsafeRawPointer(pad), hash.blockByteCount)
        secureZero(work, count: Self.stateStride)
    }

    /// Wipes and frees the state block.
    func free() {
        secureZero(state, count: Self.blockByteCount)
        state.deallocate()
    }

    // The hash's three calls on a state in the block; a switch on two cases, no allocation.

    @inline(__always)
    func start(_ ctx: UnsafeMutableRawPointer) {
        switch hash {
        case .sha256: _ = fb_sha256_init(ctx.assumingMemoryBound(to: SHA256_CTX.self))
        case .sha512: _ = fb_sha512_init(ctx.assumingMemoryBound(to: SHA512_CTX.self))
        }
    }

    @inline(__always)
    func update(_ ctx: UnsafeMutableRawPointer, _ bytes: UnsafeRawPointer?, _ count: Int) {
        guard count > 0 else { return }
        switch hash {
        case .sha256: _ = fb_sha256_update(ctx.assumingMemoryBound(to: SHA256_CTX.self), bytes, count)
        case .sha512: _ = fb_sha512_update(ctx.assumingMemoryBound(to: SHA512_CTX.self), bytes, count)
        }
    }

    @inline(__always)
    func finish(_ ctx: UnsafeMutableRawPointer, into output: UnsafeMutableRawPointer) {
        let out = output.assumingMemoryBound(to: UInt8.self)
        switch hash {
        case .sha256: _ = fb_sha256_final(out, ctx.assumingMemoryBound(to: SHA256_CTX.self))
        case .sha512: _ = fb_sha512_final(out, ctx.assumingMemoryBound(to: SHA512_CTX.self))
        }
    }

    /// The full HMAC of the frame's authenticated data into ``mac``: the pre-keyed inner
    /// state copied, the data hashed, the pre-keyed outer state copied and finished.
    @inline(__always)
    func authenticate(nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer) {
        Self.writePrefix(
            to: scratch, aadCount: aad.count, ciphertextCount: ciphertext.count, tagCount: tagCount, nonce: nonce)
        work.copyMemory(from: inner, byteCount: Self.stateStride)
        update(work, scratch, Self.prefixByteCount)
        update(work, aad.baseAddress, aad.count)
        update(work, ciphertext.baseAddress, ciphertext.count)
        finish(work, into: mac)
        work.copyMemory(from: outer, byteCount: Self.stateStride)
        update(work, mac, hash.outputByteCount)
        finish(work, into: mac)
    }

    /// `len(aad) ‖ len(ct) ‖ Nt ‖ nonce`, each length 8 bytes big-endian: 36 bytes at `to`.
    @inline(__always)
    static func writePrefix(
        to: UnsafeMutableRawPointer, aadCount: Int, ciphertextCount: Int, tagCount: Int, nonce: Nonce
    ) {
        to.storeBytes(of: UInt64(aadCount).bigEndian, toByteOffset: 0, as: UInt64.self)
        to.storeBytes(of: UInt64(ciphertextCount).bigEndian, toByteOffset: 8, as: UInt64.self)
        to.storeBytes(of: UInt64(tagCount).bigEndian, toByteOffset: 16, as: UInt64.self)
        nonce.withUnsafeBytePointer { (to + 24).copyMemory(from: $0, byteCount: 12) }
    }

    /// AES-CTR from the counter block `nonce ‖ 0x00000000` over `input` into `output`
    /// (same length; the same memory or not overlapping), on `ctx` keyed with `enc_key`.
    /// The counter block is built in `scratch`.
    @inline(__always)
    static func crypt(
        _ ctx: OpaquePointer, scratch: UnsafeMutableRawPointer, nonce: Nonce,
        input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer
    ) -> Bool {
        nonce.withUnsafeBytePointer { scratch.copyMemory(from: $0, byteCount: 12) }
        scratch.storeBytes(of: 0, toByteOffset: 12, as: UInt32.self)
        guard EVP_EncryptInit_ex2(ctx, nil, nil, scratch.assumingMemoryBound(to: UInt8.self), nil) == 1 else {
            return false
        }
        guard input.count > 0 else { return true }
        var written: Int32 = 0
        return EVP_EncryptUpdate(ctx, output.bytes, &written, input.bytes, Int32(input.count)) == 1
    }

    /// Encrypts, then writes the truncated MAC over the ciphertext to `tag`.
    @inline(__always)
    func seal(
        _ ctx: OpaquePointer, nonce: Nonce, aad: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        guard Self.crypt(ctx, scratch: scratch, nonce: nonce, input: plaintext, output: ciphertext) else {
            ERR_clear_error()
            secureZero(ciphertext)
            throw .libraryCallFailed("EVP_EncryptUpdate(AES-CTR)")
        }
        authenticate(nonce: nonce, aad: aad, ciphertext: UnsafeRawBufferPointer(ciphertext))
        tag.copyMemory(from: mac, byteCount: tagCount)
    }

    /// Verifies the truncated MAC over `ciphertext` in constant time, then decrypts. On a
    /// mismatch nothing is decrypted and `plaintext` is zeroed.
    @inline(__always)
    func open(
        _ ctx: OpaquePointer, nonce: Nonce, aad: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        authenticate(nonce: nonce, aad: aad, ciphertext: ciphertext)
        guard CRYPTO_memcmp(mac, tag, tagCount) == 0 else {
            secureZero(plaintext)
            throw .authenticationFailed
        }
        guard Self.crypt(ctx, scratch: scratch, nonce: nonce, input: ciphertext, output: plaintext) else {
            ERR_clear_error()
            secureZero(plaintext)
            throw .libraryCallFailed("EVP_EncryptUpdate(AES-CTR)")
        }
    }
}
