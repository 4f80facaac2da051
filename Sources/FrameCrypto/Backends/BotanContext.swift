#if Botan
import CBotan

/// AES-128-GCM and AES-256-GCM through Botan 2's C FFI, `botan_cipher` "AES-256/GCM" (or "AES-128/GCM") (the `Botan` package
/// trait), the way a careful client drives it:
///
/// - two cipher objects per key, one per direction, made and keyed once
///   (`botan_cipher_init`, `botan_cipher_set_key`);
/// - each frame sets the AAD (`botan_cipher_set_associated_data`; Botan keeps it across
///   messages, so it is set every frame, empty or not), starts the message with the nonce
///   (`botan_cipher_start`) and finishes it in one `botan_cipher_update` with
///   `BOTAN_CIPHER_UPDATE_FLAG_FINAL`.
///
/// The FFI forces copies the other backends do not make: a final update takes the input in
/// one buffer and writes the output in one buffer, the tag appended to the ciphertext. So
/// `seal` writes ciphertext‖tag into a scratch buffer this context owns and copies the two
/// parts out, and `open` copies ciphertext‖tag into the scratch buffer first (Botan itself
/// copies the input into its own buffer and the result out of it). The scratch buffer is
/// made with the context (64 KiB + 16) and grows only for a larger frame than any before,
/// so frames up to the largest seen allocate nothing in this type.
///
/// **Botan itself allocates on every frame**: 2 heap allocations per seal and 2 per open
/// inside its FFI calls (Botan 2.19.3, valgrind, 64 B and 1200 B alike; its C reference
/// counts the same), which no client can avoid (``allocationsPerFrame``;
/// `scripts/check-allocations.sh` holds it to exactly that).
///
/// `deinit` destroys both objects (Botan zeroises key schedules on destruction) and wipes
/// and frees the scratch buffer.
public struct BotanContext: AEADContext, ~Copyable, @unchecked Sendable {
    // Unique ownership (~Copyable) and `mutating` per-frame calls: one thread at a time.
    let encryptor: botan_cipher_t
    let decryptor: botan_cipher_t
    var scratch: UnsafeMutableRawBufferPointer

    /// The scratch buffer's first size: a 64 KiB frame and its tag.
    static let initialScratch = 65_536 + AESGCM.tagByteCount

    public static var info: BackendInfo { BotanLibrary.info }

    /// Heap allocations per frame inside Botan's own calls (the type comment says how they
    /// were measured); `framebench backends` prints them.
    public static let allocationsPerFrame = (seal: 2, open: 2)

    public static var algorithms: [AEADAlgorithm] { [.aes128GCM, .aes256GCM] }

    public let algorithm: AEADAlgorithm

    public init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError) {
        try BackendPreconditions.checkKey(key, algorithm: algorithm, for: Self.self)
        let name = algorithm == .aes128GCM ? "AES-128/GCM" : "AES-256/GCM"
        var enc: botan_cipher_t?
        var dec: botan_cipher_t?
        guard botan_cipher_init(&enc, name, UInt32(BOTAN_CIPHER_INIT_FLAG_ENCRYPT)) == 0, let enc else {
            throw .libraryCallFailed("botan_cipher_init")
        }
        guard botan_cipher_init(&dec, name, UInt32(BOTAN_CIPHER_INIT_FLAG_DECRYPT)) == 0, let dec else {
            botan_cipher_destroy(enc)
            throw .libraryCallFailed("botan_cipher_init")
        }
        let keyed = key.withUnsafeBufferPointer { k in
            botan_cipher_set_key(enc, k.baseAddress, k.count) == 0 && botan_cipher_set_key(dec, k.baseAddress, k.count) == 0
        }
        guard keyed else {
            botan_cipher_destroy(enc)
            botan_cipher_destroy(dec)
            throw .libraryCallFailed("botan_cipher_set_key")
        }
        encryptor = enc
        decryptor = dec
        scratch = .allocate(byteCount: Self.initialScratch, alignment: 16)
        self.algorithm = algorithm
    }

    deinit {
        botan_cipher_destroy(encryptor)
        botan_cipher_destroy(decryptor)
        secureZero(scratch)
        scratch.deallocate()
    }

    /// The scratch buffer, grown (and the old one wiped) when `count` bytes do not fit.
    private mutating func scratch(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if count > scratch.count {
            secureZero(scratch)
            scratch.deallocate()
            scratch = .allocate(byteCount: count, alignment: 16)
        }
        return scratch
    }

    public mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkSeal(aad: aad, plaintext: plaintext, ciphertext: ciphertext)
        let count = plaintext.count
        let out = scratch(count + AESGCM.tagByteCount)
        let c = encryptor
        guard botan_cipher_set_associated_data(c, aad.bytes, aad.count) == 0 else {
            throw .libraryCallFailed("botan_cipher_set_associated_data")
        }
        guard nonce.withUnsafeBytePointer({ iv in botan_cipher_start(c, iv, 12) }) == 0 else {
            throw .libraryCallFailed("botan_cipher_start")
        }
        var written = 0
        var consumed = 0
        let status = botan_cipher_update(
            c, UInt32(BOTAN_CIPHER_UPDATE_FLAG_FINAL), out.bytes, count + AESGCM.tagByteCount, &written,
            plaintext.bytes, count, &consumed)
        guard status == 0, written == count + AESGCM.tagByteCount else { throw .libraryCallFailed("botan_cipher_update") }
        if count > 0 { ciphertext.baseAddress!.copyMemory(from: out.baseAddress!, byteCount: count) }
        tag.copyMemory(from: out.baseAddress! + count, byteCount: AESGCM.tagByteCount)
    }

    public mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) {
        try BackendPreconditions.checkOpen(aad: aad, ciphertext: ciphertext, plaintext: plaintext)
        let count = ciphertext.count
        let input = scratch(count + AESGCM.tagByteCount)
        if count > 0 { input.baseAddress!.copyMemory(from: ciphertext.baseAddress!, byteCount: count) }
        (input.baseAddress! + count).copyMemory(from: tag, byteCount: AESGCM.tagByteCount)
        let c = decryptor
        guard botan_cipher_set_associated_data(c, aad.bytes, aad.count) == 0 else {
            throw Self.failure("botan_cipher_set_associated_data", wiping: plaintext)
        }
        guard nonce.withUnsafeBytePointer({ iv in botan_cipher_start(c, iv, 12) }) == 0 else {
            throw Self.failure("botan_cipher_start", wiping: plaintext)
        }
        var written = 0
        var consumed = 0
        let status = botan_cipher_update(
            c, UInt32(BOTAN_CIPHER_UPDATE_FLAG_FINAL), plaintext.bytes, count, &written, input.bytes,
            count + AESGCM.tagByteCount, &consumed)
        guard status == 0, written == count else {
            secureZero(plaintext)
            throw status == BOTAN_FFI_ERROR_BAD_MAC.rawValue ? .authenticationFailed : .libraryCallFailed("botan_cipher_update")
        }
    }

    private static func failure(_ call: StaticString, wiping output: UnsafeMutableRawBufferPointer) -> FrameCryptoError {
        secureZero(output)
        return .libraryCallFailed(call)
    }
}

/// This backend's description and code path.
enum BotanLibrary {
    static let info = BackendInfo(
        name: "botan",
        library: "Botan (C FFI)",
        version: "\(botan_version_major()).\(botan_version_minor()).\(botan_version_patch())",
        summary:
            "botan_cipher AES-256/GCM per key and direction, keyed once; per frame set_associated_data, start, one final update; ciphertext and tag copied through a per-context scratch buffer (the FFI takes and returns them joined); Botan allocates 2 per seal and 2 per open inside its calls",
        availability: .available,
        codePath: codePath())

    /// Botan 2's FFI has no CPU query: its CPUID dispatch takes AES-NI AES and the CLMUL
    /// GHASH when the build has them (botan/build.h) and the CPU does; Botan 2 has no VAES.
    static func codePath() -> CodePathReport {
        guard fbb_built_with_aesni() != 0, fbb_built_with_clmul() != 0 else {
            return CodePathReport(
                path: .tableBased, source: .buildConfiguration,
                evidence: "built without BOTAN_HAS_AES_NI or BOTAN_HAS_GHASH_CLMUL_CPU (botan/build.h)")
        }
        return CPUFeatures.current.dispatch(
            library: "Botan \(botan_version_major()).\(botan_version_minor())", vaes: false,
            rule:
                "built with BOTAN_HAS_AES_NI and BOTAN_HAS_GHASH_CLMUL_CPU, taken when CPUID has AES-NI and PCLMULQDQ (BOTAN_CLEAR_CPUID can mask them)"
        )
    }
}
#endif
