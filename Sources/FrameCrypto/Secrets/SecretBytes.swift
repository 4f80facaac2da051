import CSodium

/// Secret key material in memory that nothing else aliases: a fixed number of bytes that
/// are wiped with `sodium_memzero` and freed when the value is destroyed.
///
/// `~Copyable`, so a secret is never silently duplicated; hand it on with `consume` or lend
/// it with ``withSpan(_:)`` and ``withUnsafeBytes(_:)``. It cannot be printed (a
/// non-copyable value cannot be passed to `print`), and ``description`` shows only the length.
public struct SecretBytes: ~Copyable, @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer

    /// `count` zero bytes, to be filled with ``withUnsafeMutableBytes(_:)``.
    public init(zeroed count: Int) {
        storage = .allocate(byteCount: max(count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        self.count = count
    }

    /// A copy of `bytes`. The caller remains responsible for wiping its own copy.
    public init(copying bytes: Span<UInt8>) {
        self.init(zeroed: bytes.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, source.count > 0 { storage.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
    }

    /// `count` bytes from libsodium's CSPRNG (`randombytes_buf`).
    public static func random(count: Int) -> SecretBytes {
        Sodium.start()
        var secret = SecretBytes(zeroed: count)
        secret.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        return secret
    }

    deinit {
        #if DEBUG
        SecretAudit.record(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
        #endif
        secureZero(storage)
        storage.deallocate()
    }

    /// The number of secret bytes.
    public let count: Int

    /// Lends the bytes as a span for the duration of `body`.
    public func withSpan<R: ~Copyable, E: Error>(_ body: (Span<UInt8>) throws(E) -> R) throws(E) -> R {
        let buffer = UnsafeBufferPointer(start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        return try body(buffer.span)
    }

    /// Lends the bytes as a raw buffer for the duration of `body`.
    public func withUnsafeBytes<R: ~Copyable, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Lends the bytes for writing for the duration of `body`.
    public mutating func withUnsafeMutableBytes<R: ~Copyable, E: Error>(
        _ body: (UnsafeMutableRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        try body(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Compares in constant time (`sodium_memcmp`).
    public func constantTimeEquals(_ other: borrowing SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in other.withUnsafeBytes { b in sodium_memcmp(a.baseAddress!, b.baseAddress!, count) == 0 } }
    }

    /// A copy of the bytes as an array, for tests and for writing test vectors only: the
    /// array is ordinary memory and is not wiped. `package`: only this package's targets
    /// (tests, the vector generator and checker) can call it, so no client of the
    /// `FrameCrypto` library can export a secret this way.
    package func exposedForTesting() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
}
