import CSodium

/// libsodium's one-time start-up, in one place for everything in FrameCrypto that calls it:
/// the `sodium` backends, ``SecretBytes/random(count:)``, HKDF's HMAC and the key layer.
enum Sodium {
    /// `sodium_init()` picks the CPU-specific implementations and seeds the CSPRNG; it must
    /// run before any other libsodium call. Swift runs a global's initialiser exactly once,
    /// thread-safely, so reading this is the start-up.
    static let initialised: Bool = sodium_init() >= 0

    /// Runs `sodium_init()` if it has not run yet; `false` when it failed.
    @discardableResult
    static func start() -> Bool { initialised }
}
