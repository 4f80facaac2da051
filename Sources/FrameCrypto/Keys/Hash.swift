import CSodium

/// The key layer's hash: BLAKE2b through libsodium. Key setup only, never per frame.
enum Hash {
    /// BLAKE2b with a 32-byte output (`crypto_generichash`, no key) of `input`.
    static func blake2b256(_ input: [UInt8]) -> [UInt8] {
        Sodium.start()
        var out = [UInt8](repeating: 0, count: 32)
        let status = out.withUnsafeMutableBytes { o in
            input.withUnsafeBytes { i in
                crypto_generichash(o.bytes!, o.count, i.bytes, UInt64(i.count), nil, 0)
            }
        }
        precondition(status == 0, "crypto_generichash failed")
        return out
    }
}
