import CSodium

/// AES-256-GCM through libsodium's precomputation interface: the key is expanded once with
/// `crypto_aead_aes256gcm_beforenm` into a 16-byte-aligned `crypto_aead_aes256gcm_state`,
/// and each frame is one `crypto_aead_aes256gcm_{en,de}crypt_detached_afternm` call.
///
/// libsodium's AES-GCM needs the AES-NI and PCLMUL instructions; ``info`` says whether this
/// CPU has them (`crypto_aead_aes256gcm_is_available()`). `deinit` wipes the key schedule
/// with `secureZero` (`sodium_memzero`) before freeing it.
public struct SodiumContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let state: UnsafeMutablePointer<crypto_aead_aes256gcm_state>

    public static var info: BackendInfo { SodiumLibrary.info }

    public static var algorithms: [AEADAlgorithm] { [.aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        if let reason = Self.info.availability.reason {
            throw .backendUnavailable(backend: Self.info.name, reason: reason)
        }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: SodiumLibrary.stateByteCount, alignment: 16)
        let state = raw.bindMemory(to: crypto_aead_aes256gcm_state.self, capacity: 1)
        let status = key.withUnsafeBufferPointer { k in crypto_aead_aes256gcm_beforenm(state, k.baseAddress!) }
        guard status == 0 else {
            secureZero(raw, count: SodiumLibrary.stateByteCount)
            raw.deallocate()
            throw .libraryCallFailed("crypto_aead_aes256gcm_beforenm")
        }
        self.state = state
        self.algorithm = algorithm
    }

    deinit {
        secureZero(UnsafeMutableRawPointer(state), count: SodiumLibrary.stateByteCount)
        UnsafeMutableRawPointer(state).deallocate()
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let state = self.state
        // libsodium declares its buffers non-null even at length zero; an empty frame gets
        // the tag's address, which is valid and never read or written at length zero.
        let tagBytes = tag.assumingMemoryBound(to: UInt8.self)
        let status = nonce.withUnsafeBytePointer { npub in
            crypto_aead_aes256gcm_encrypt_detached_afternm(
                ciphertext.bytes ?? tagBytes,
                tagBytes, nil,
                plaintext.bytes ?? UnsafePointer(tagBytes), UInt64(plaintext.count),
                aad.bytes, UInt64(aad.count),
                nil, npub, state)
        }
        guard status == 0 else { throw .libraryCallFailed("crypto_aead_aes256gcm_encrypt_detached_afternm") }
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let state = self.state
        // As in `seal`: an empty frame gets the tag's address, never touched at length zero.
        let tagBytes = tag.assumingMemoryBound(to: UInt8.self)
        let status = nonce.withUnsafeBytePointer { npub in
            crypto_aead_aes256gcm_decrypt_detached_afternm(
                plaintext.bytes ?? UnsafeMutablePointer(mutating: tagBytes), nil,
                ciphertext.bytes ?? tagBytes, UInt64(ciphertext.count),
                tagBytes,
                aad.bytes, UInt64(aad.count),
                npub, state)
        }
        guard status == 0 else {
            // libsodium reports every failure here as a forgery; never leave plaintext.
            secureZero(plaintext)
            throw .authenticationFailed
        }
    }
}

/// This backend's description and libsodium's AES-GCM state size.
enum SodiumLibrary {
    static let stateByteCount: Int = crypto_aead_aes256gcm_statebytes()

    static let info: BackendInfo = {
        let availability: BackendAvailability
        if !Sodium.initialised {
            availability = .unavailable(reason: "sodium_init() failed")
        } else if crypto_aead_aes256gcm_is_available() == 0 {
            availability = .unavailable(
                reason: "libsodium's AES-256-GCM needs the AES-NI and PCLMUL instructions, which this CPU lacks")
        } else {
            availability = .available
        }
        return BackendInfo(
            name: "sodium",
            library: "libsodium",
            version: String(cString: sodium_version_string()),
            summary: "key expanded once with crypto_aead_aes256gcm_beforenm; *_detached_afternm per frame",
            availability: availability, codePath: DefaultBackendCodePaths.sodium)
    }()
}
