public import FrameCrypto

/// One AES-CTR + HMAC AEAD vector of RFC 9605's test vectors (`aes_ctr_hmac`, suites 1–3;
/// the later `aes_256_ctr_hmac`, suites 6–8): the AEAD alone, under an explicit key and
/// nonce, with `ct` the ciphertext followed by the truncated tag.
public struct SFrameAEADVector: Sendable, Equatable {
    /// Where the vector sits in its file, such as `aes_ctr_hmac[0] (cipher_suite 1)`.
    public var id: String
    /// `cipher_suite`.
    public var cipherSuite: UInt64
    /// `key`: `enc_key ‖ auth_key`.
    public var key: [UInt8]
    /// `enc_key`: the AES key.
    public var encryptionKey: [UInt8]
    /// `auth_key`: the HMAC key.
    public var authenticationKey: [UInt8]
    /// `nonce`.
    public var nonce: [UInt8]
    /// `aad`.
    public var aad: [UInt8]
    /// `pt`.
    public var plaintext: [UInt8]
    /// `ct`: ciphertext ‖ tag.
    public var ciphertext: [UInt8]

    /// A vector with these fields.
    public init(
        id: String, cipherSuite: UInt64, key: [UInt8], encryptionKey: [UInt8], authenticationKey: [UInt8],
        nonce: [UInt8], aad: [UInt8], plaintext: [UInt8], ciphertext: [UInt8]
    ) {
        self.id = id
        self.cipherSuite = cipherSuite
        self.key = key
        self.encryptionKey = encryptionKey
        self.authenticationKey = authenticationKey
        self.nonce = nonce
        self.aad = aad
        self.plaintext = plaintext
        self.ciphertext = ciphertext
    }

    /// The suite, when the number is one of 1–8.
    public var suite: SFrameCipherSuite? {
        UInt16(exactly: cipherSuite).flatMap(SFrameCipherSuite.init(rawValue:))
    }

    /// Checks the vector against `backend`: `key` must be `enc_key ‖ auth_key` of the
    /// suite's sizes; sealing `pt` must give exactly `ct`; opening `ct` must give `pt`; and
    /// `ct` with any one bit of its tag flipped must be refused with no plaintext left. A
    /// suite the backend does not implement is skipped, by name.
    public func check<Context: AEADContext & ~Copyable>(with backend: Context.Type) -> VectorOutcome {
        guard let suite else { return .skipped("cipher suite \(cipherSuite) is not one of SFrame's 1–8") }
        let algorithm = suite.aead
        guard Context.algorithms.contains(algorithm) else {
            return .skipped("\(Context.info.name) does not implement suite \(suite)")
        }
        guard encryptionKey + authenticationKey == key,
            encryptionKey.count == algorithm.encryptionKeyByteCount,
            authenticationKey.count == algorithm.authenticationKeyByteCount
        else { return .failed("key is not enc_key ‖ auth_key of suite \(suite.rawValue)'s sizes") }
        let tagCount = algorithm.tagByteCount
        guard ciphertext.count == plaintext.count + tagCount else {
            return .failed("ct has \(ciphertext.count) bytes, expected pt + \(tagCount)")
        }
        let frameNonce: Nonce
        do { frameNonce = try Nonce(nonce.span) } catch { return .failed("\(error)") }
        var context: Context
        do {
            context = try Context(algorithm: algorithm, key: key.span)
        } catch {
            return .failed("could not key the context: \(error)")
        }
        let sealed: [UInt8]
        do {
            let (body, tag) = try sealCopy(&context, nonce: frameNonce, aad: aad, plaintext: plaintext, tagCount: tagCount)
            sealed = body + tag
        } catch {
            return .failed("seal threw: \(error)")
        }
        if sealed != ciphertext { return .failed("seal gave \(Hex.encode(sealed)), expected \(Hex.encode(ciphertext))") }

        let body = Array(ciphertext.prefix(plaintext.count))
        let tag = Array(ciphertext.suffix(tagCount))
        if let error = open(&context, frameNonce, body, tag, expect: plaintext) { return .failed(error) }
        for bit in 0..<(8 * tagCount) {
            var forged = tag
            forged[bit / 8] ^= UInt8(1 << (bit % 8))
            if let error = open(&context, frameNonce, body, forged, expect: nil) {
                return .failed("tag bit \(bit) flipped: \(error)")
            }
        }
        return .passed
    }

    /// Opens `body` under `tag`: `nil` when the outcome is as expected (`expect` is the
    /// plaintext, or `nil` for a forgery that must be refused, leaving no plaintext).
    private func open<Context: AEADContext & ~Copyable>(
        _ context: inout Context, _ nonce: Nonce, _ body: [UInt8], _ tag: [UInt8], expect: [UInt8]?
    ) -> String? {
        var text = body
        var span = text.mutableSpan
        do {
            try context.open(nonce: nonce, aad: aad.span, text: &span, tag: tag.span)
        } catch {
            guard expect == nil else { return "open threw: \(error)" }
            guard error == .authenticationFailed else { return "forgery gave \(error)" }
            return text.allSatisfy { $0 == 0 } || text == body ? nil : "forgery left decrypted bytes"
        }
        guard let expect else { return "forgery accepted" }
        return text == expect ? nil : "open gave \(Hex.encode(text)), expected \(Hex.encode(expect))"
    }

    private func sealCopy<Context: AEADContext & ~Copyable>(
        _ context: inout Context, nonce: Nonce, aad: [UInt8], plaintext: [UInt8], tagCount: Int
    ) throws(FrameCryptoError) -> ([UInt8], [UInt8]) {
        var text = plaintext
        var tag = [UInt8](repeating: 0, count: tagCount)
        var textSpan = text.mutableSpan
        var tagSpan = tag.mutableSpan
        try context.seal(nonce: nonce, aad: aad.span, text: &textSpan, tag: &tagSpan)
        return (text, tag)
    }
}
