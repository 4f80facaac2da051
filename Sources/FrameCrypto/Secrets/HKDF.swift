import CSodium

/// HKDF (RFC 5869) with HMAC-SHA-512 (the default: SFrame suites 5–8 and FrameBench's
/// meeting-key schedule) or HMAC-SHA-256 (SFrame suites 1–4). Key setup only: never on the
/// per-frame path.
public enum HKDF {
    /// SHA-512's output size, the size of a pseudorandom key with the default hash.
    public static let hashByteCount = 64

    /// `HKDF-Extract(salt, ikm)` with `hash`: a pseudorandom key of the hash's output size.
    /// An empty salt means that many zero bytes, as RFC 5869 specifies.
    public static func extract(salt: Span<UInt8>, ikm: Span<UInt8>, hash: DigestAlgorithm = .sha512) -> SecretBytes {
        var prk = SecretBytes(zeroed: hash.outputByteCount)
        let zeroSalt = [UInt8](repeating: 0, count: hash.outputByteCount)
        let saltSpan = salt.isEmpty ? zeroSalt.span : salt
        saltSpan.withUnsafeBufferPointer { s in
            ikm.withUnsafeBufferPointer { k in
                prk.withUnsafeMutableBytes { out in
                    hmac(hash, key: UnsafeRawBufferPointer(s), parts: [UnsafeRawBufferPointer(k)], into: out.baseAddress!)
                }
            }
        }
        return prk
    }

    /// `HKDF-Expand(prk, info, length)` with `hash`: `length` bytes (at most 255 × the hash's
    /// output size).
    public static func expand(
        prk: borrowing SecretBytes, info: Span<UInt8>, length: Int, hash: DigestAlgorithm = .sha512
    ) -> SecretBytes {
        let hashByteCount = hash.outputByteCount
        precondition(length <= 255 * hashByteCount, "HKDF-Expand: length too large")
        var okm = SecretBytes(zeroed: length)
        // T(i) and T(i-1) live in two buffers of their own, both wiped: copying the array
        // (`let previous = block`) would leave a copy-on-write duplicate of an output block
        // in freed memory.
        var block = [UInt8](repeating: 0, count: hashByteCount)
        var previous = [UInt8](repeating: 0, count: hashByteCount)
        defer {
            block.withUnsafeMutableBytes { secureZero($0) }
            previous.withUnsafeMutableBytes { secureZero($0) }
        }
        var produced = 0
        var counter: UInt8 = 1
        while produced < length {
            let previousCount = counter == 1 ? 0 : hashByteCount
            prk.withUnsafeBytes { key in
                info.withUnsafeBytes { infoBytes in
                    previous.withUnsafeBytes { prev in
                        withUnsafeBytes(of: counter) { c in
                            block.withUnsafeMutableBytes { out in
                                let prior = UnsafeRawBufferPointer(rebasing: prev[0..<previousCount])
                                hmac(hash, key: key, parts: [prior, infoBytes, c], into: out.baseAddress!)
                            }
                        }
                    }
                }
            }
            previous.withUnsafeMutableBytes { p in block.withUnsafeBytes { p.copyMemory(from: $0) } }
            let take = min(hashByteCount, length - produced)
            okm.withUnsafeMutableBytes { out in
                block.withUnsafeBytes { b in
                    (out.baseAddress! + produced).copyMemory(from: b.baseAddress!, byteCount: take)
                }
            }
            produced += take
            counter &+= 1
        }
        return okm
    }

    /// HMAC with `hash` over the concatenation of `parts`, into the hash's output size at
    /// `output`.
    static func hmac(
        _ hash: DigestAlgorithm, key: UnsafeRawBufferPointer, parts: [UnsafeRawBufferPointer],
        into output: UnsafeMutableRawPointer
    ) {
        switch hash {
        case .sha512: hmacSHA512(key: key, parts: parts, into: output)
        case .sha256: hmacSHA256(key: key, parts: parts, into: output)
        }
    }

    /// HMAC-SHA-256 over the concatenation of `parts`, into 32 bytes at `output`, as
    /// ``hmacSHA512(key:parts:into:)`` does with libsodium's `crypto_auth_hmacsha256_*`.
    static func hmacSHA256(key: UnsafeRawBufferPointer, parts: [UnsafeRawBufferPointer], into output: UnsafeMutableRawPointer) {
        Sodium.start()
        var state = crypto_auth_hmacsha256_state()
        let empty: UInt8 = 0
        withUnsafePointer(to: empty) { fallback in
            _ = crypto_auth_hmacsha256_init(&state, key.bytes ?? fallback, key.count)
        }
        for part in parts where part.count > 0 {
            _ = crypto_auth_hmacsha256_update(&state, part.bytes, UInt64(part.count))
        }
        _ = crypto_auth_hmacsha256_final(&state, output.assumingMemoryBound(to: UInt8.self))
        withUnsafeMutableBytes(of: &state) { secureZero($0) }
    }

    /// HMAC-SHA-512 over the concatenation of `parts`, into 64 bytes at `output`.
    ///
    /// libsodium's `crypto_auth_hmacsha512_*`: a plain function call on a stack state, with
    /// no provider lookup (OpenSSL's `EVP_MAC` would fetch the MAC and digest on every
    /// init); the state, which holds key-derived pads, is wiped afterwards.
    static func hmacSHA512(key: UnsafeRawBufferPointer, parts: [UnsafeRawBufferPointer], into output: UnsafeMutableRawPointer) {
        Sodium.start()
        var state = crypto_auth_hmacsha512_state()
        let empty: UInt8 = 0
        withUnsafePointer(to: empty) { fallback in
            _ = crypto_auth_hmacsha512_init(&state, key.bytes ?? fallback, key.count)
        }
        for part in parts where part.count > 0 {
            _ = crypto_auth_hmacsha512_update(&state, part.bytes, UInt64(part.count))
        }
        _ = crypto_auth_hmacsha512_final(&state, output.assumingMemoryBound(to: UInt8.self))
        withUnsafeMutableBytes(of: &state) { secureZero($0) }
    }
}
