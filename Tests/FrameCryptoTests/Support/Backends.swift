import FrameCrypto

/// Helpers for running one test body against every available backend.
enum Backends {
    static var available: [AEADBackend] { BackendRegistry.available }

    /// Every ordered pair of available backends, including a backend with itself.
    static var pairs: [(AEADBackend, AEADBackend)] {
        available.flatMap { a in available.map { b in (a, b) } }
    }
}

/// Seals `plaintext` with `context` and returns ciphertext and tag (test convenience).
func sealCopy<C: AEADContext & ~Copyable>(
    _ context: inout C, nonce: Nonce, aad: [UInt8], plaintext: [UInt8]
) throws(FrameCryptoError) -> (ciphertext: [UInt8], tag: [UInt8]) {
    var text = plaintext
    var tag = [UInt8](repeating: 0, count: AESGCM.tagByteCount)
    var textSpan = text.mutableSpan
    var tagSpan = tag.mutableSpan
    try context.seal(nonce: nonce, aad: aad.span, text: &textSpan, tag: &tagSpan)
    return (text, tag)
}

/// Opens a copy of `ciphertext`; returns the buffer after the call (plaintext on success)
/// and the error, if any.
func openCopy<C: AEADContext & ~Copyable>(
    _ context: inout C, nonce: Nonce, aad: [UInt8], ciphertext: [UInt8], tag: [UInt8]
) -> (buffer: [UInt8], error: FrameCryptoError?) {
    var text = ciphertext
    var span = text.mutableSpan
    do {
        try context.open(nonce: nonce, aad: aad.span, text: &span, tag: tag.span)
        return (text, nil)
    } catch {
        return (text, error)
    }
}
