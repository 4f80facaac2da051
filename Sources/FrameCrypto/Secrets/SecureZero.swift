import CSodium

/// Zeroes `buffer` in a way the optimiser cannot drop (`sodium_memzero`, which needs no
/// `sodium_init()`): the one wipe FrameCrypto uses for keys, key schedules, salts, HMAC
/// states and unauthenticated plaintext. An empty buffer is left alone.
@usableFromInline
func secureZero(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    sodium_memzero(base, buffer.count)
}

/// Zeroes `count` bytes at `start`, as the buffer overload does.
@usableFromInline
func secureZero(_ start: UnsafeMutableRawPointer, count: Int) {
    secureZero(UnsafeMutableRawBufferPointer(start: start, count: count))
}
