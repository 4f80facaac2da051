import COpenSSL

/// HKDF (RFC 5869) with HMAC-SHA-512, as SFrame's cipher suite AES_256_GCM_SHA512_128 and
/// FrameBench's meeting-key schedule use it. Key setup only: never on the per-frame path.
public enum HKDF {
    /// SHA-512's output size, the size of a pseudorandom key.
    public static let hashByteCount = 64

    /// `HKDF-Extract(salt, ikm)`: a 64-byte pseudorandom key. An empty salt means 64 zero
    /// bytes, as RFC 5869 specifies.
    public static func extract(salt: Span<UInt8>, ikm: Span<UInt8>) -> SecretBytes {
        var prk = SecretBytes(zeroed: hashByteCount)
        let zeroSalt = [UInt8](repeating: 0, count: hashByteCount)
        let saltSpan = salt.isEmpty ? zeroSalt.span : salt
        saltSpan.withUnsafeBufferPointer { s in
            ikm.withUnsafeBufferPointer { k in
                prk.withUnsafeMutableBytes { out in
                    hmacSHA512(key: UnsafeRawBufferPointer(s), parts: [UnsafeRawBufferPointer(k)], into: out.baseAddress!)
                }
            }
        }
        return prk
    }

    /// `HKDF-Expand(prk, info, length)`: `length` bytes (at most 255 × 64).
    public static func expand(prk: borrowing SecretBytes, info: Span<UInt8>, length: Int) -> SecretBytes {
        precondition(length <= 255 * hashByteCount, "HKDF-Expand: length too large")
        var okm = SecretBytes(zeroed: length)
        var block = [UInt8](repeating: 0, count: hashByteCount)
        defer { block.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress!, $0.count) } }
        var produced = 0
        var counter: UInt8 = 1
        while produced < length {
            let previous = counter == 1 ? [] : block
            prk.withUnsafeBytes { key in
                info.withUnsafeBytes { infoBytes in
                    previous.withUnsafeBytes { prev in
                        withUnsafeBytes(of: counter) { c in
                            block.withUnsafeMutableBytes { out in
                                hmacSHA512(key: key, parts: [prev, infoBytes, c], into: out.baseAddress!)
                            }
                        }
                    }
                }
            }
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

    /// HMAC-SHA-512 over the concatenation of `parts`, into 64 bytes at `output`.
    static func hmacSHA512(key: UnsafeRawBufferPointer, parts: [UnsafeRawBufferPointer], into output: UnsafeMutableRawPointer) {
        let mac = EVP_MAC_fetch(nil, "HMAC", nil)
        defer { EVP_MAC_free(mac) }
        let ctx = EVP_MAC_CTX_new(mac)
        defer { EVP_MAC_CTX_free(ctx) }
        var digest = Array("SHA512".utf8CString)
        let ok = digest.withUnsafeMutableBufferPointer { name -> Bool in
            var params = [
                OSSL_PARAM_construct_utf8_string("digest", name.baseAddress, 0),
                OSSL_PARAM_construct_end(),
            ]
            let dummy: UInt8 = 0
            return withUnsafePointer(to: dummy) { empty in
                EVP_MAC_init(ctx, key.count > 0 ? key.baseAddress!.assumingMemoryBound(to: UInt8.self) : empty, key.count, &params) == 1
            }
        }
        precondition(ok, "HMAC-SHA512 init failed")
        for part in parts where part.count > 0 {
            precondition(EVP_MAC_update(ctx, part.baseAddress!.assumingMemoryBound(to: UInt8.self), part.count) == 1)
        }
        var written = 0
        precondition(EVP_MAC_final(ctx, output.assumingMemoryBound(to: UInt8.self), &written, hashByteCount) == 1)
        precondition(written == hashByteCount)
    }
}
