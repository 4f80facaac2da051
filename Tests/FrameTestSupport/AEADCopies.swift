package import FrameCrypto

/// Seals `plaintext` with `context` and returns ciphertext and tag (test convenience).
package func sealCopy<C: AEADContext & ~Copyable>(
    _ context: inout C, nonce: Nonce, aad: [UInt8], plaintext: [UInt8]
) throws(FrameCryptoError) -> (ciphertext: [UInt8], tag: [UInt8]) {
    var text = plaintext
    var tag = [UInt8](repeating: 0, count: context.algorithm.tagByteCount)
    var textSpan = text.mutableSpan
    var tagSpan = tag.mutableSpan
    try context.seal(nonce: nonce, aad: aad.span, text: &textSpan, tag: &tagSpan)
    return (text, tag)
}

/// Opens a copy of `ciphertext`; returns the buffer after the call (plaintext on success)
/// and the error, if any.
package func openCopy<C: AEADContext & ~Copyable>(
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
