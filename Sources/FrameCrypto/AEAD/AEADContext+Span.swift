/// The safe, `Span`-based front door to a context: in-place sealing and opening of a
/// caller-owned buffer, with the tag in a caller-owned span. These add only length checks
/// to the pointer-level calls and allocate nothing.
extension AEADContext where Self: ~Copyable {
    /// Encrypts `text` in place under `nonce`, authenticating `aad`, and writes the tag
    /// into `tag`, which must be exactly the algorithm's ``AEADAlgorithm/tagByteCount`` bytes.
    ///
    /// - Throws: ``FrameCryptoError/invalidTagLength(_:)`` for a tag span of another size,
    ///   and whatever ``seal(nonce:aad:plaintext:ciphertext:tag:)`` throws.
    @inlinable
    public mutating func seal(
        nonce: Nonce,
        aad: Span<UInt8>,
        text: inout MutableSpan<UInt8>,
        tag: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) {
        guard tag.count == algorithm.tagByteCount else { throw .invalidTagLength(tag.count) }
        try aad.withUnsafeBytes { (aadBytes) throws(FrameCryptoError) in
            try text.withUnsafeMutableBytes { (textBytes) throws(FrameCryptoError) in
                try tag.withUnsafeMutableBytes { (tagBytes) throws(FrameCryptoError) in
                    try self.seal(
                        nonce: nonce, aad: aadBytes, plaintext: UnsafeRawBufferPointer(textBytes),
                        ciphertext: textBytes, tag: tagBytes.baseAddress!)
                }
            }
        }
    }

    /// Verifies `tag` and decrypts `text` in place under `nonce` and `aad`.
    ///
    /// On any failure `text` holds no plaintext: a bad tag leaves it zeroed, and a tag of
    /// the wrong size is rejected before anything is decrypted.
    ///
    /// - Throws: ``FrameCryptoError/invalidTagLength(_:)`` for a tag that is not the
    ///   algorithm's ``AEADAlgorithm/tagByteCount`` bytes (a tag truncated further is never
    ///   accepted), ``FrameCryptoError/authenticationFailed``
    ///   when the tag does not verify.
    @inlinable
    public mutating func open(
        nonce: Nonce,
        aad: Span<UInt8>,
        text: inout MutableSpan<UInt8>,
        tag: Span<UInt8>
    ) throws(FrameCryptoError) {
        guard tag.count == algorithm.tagByteCount else { throw .invalidTagLength(tag.count) }
        try aad.withUnsafeBytes { (aadBytes) throws(FrameCryptoError) in
            try tag.withUnsafeBytes { (tagBytes) throws(FrameCryptoError) in
                try text.withUnsafeMutableBytes { (textBytes) throws(FrameCryptoError) in
                    try self.open(
                        nonce: nonce, aad: aadBytes, ciphertext: UnsafeRawBufferPointer(textBytes),
                        tag: tagBytes.baseAddress!, plaintext: textBytes)
                }
            }
        }
    }
}
