public import FrameCrypto

/// One AES-GCM known-answer vector, from whichever source: Wycheproof, NIST CAVP or the
/// built-in set.
public struct AEADVector: Sendable, Equatable {
    /// What the vector's source says should happen.
    public enum Expectation: String, Sendable {
        /// `ciphertext ‖ tag` is the sealing of `plaintext`, and it opens.
        case valid
        /// The vector must be rejected when opened.
        case invalid
        /// Either outcome is allowed (Wycheproof's "acceptable"); an accepted open must
        /// still give `plaintext`.
        case acceptable
    }

    /// Where the vector came from inside its file, such as `tcId 91` or `line 1234 (Count = 3)`.
    public var id: String
    /// The key.
    public var key: [UInt8]
    /// The IV (nonce); only 96-bit IVs can be run.
    public var iv: [UInt8]
    /// The additional authenticated data.
    public var aad: [UInt8]
    /// The plaintext.
    public var plaintext: [UInt8]
    /// The ciphertext, as long as the plaintext.
    public var ciphertext: [UInt8]
    /// The authentication tag.
    public var tag: [UInt8]
    /// The tag size in bits that the source declares (Wycheproof group `tagSize`, NIST
    /// `Taglen`); `tag.count * 8` when it declares none.
    public var declaredTagBits: Int
    /// What should happen when the vector is run.
    public var expectation: Expectation

    /// A vector; `declaredTagBits` defaults to the tag's own size.
    public init(
        id: String, key: [UInt8], iv: [UInt8], aad: [UInt8], plaintext: [UInt8], ciphertext: [UInt8],
        tag: [UInt8], declaredTagBits: Int? = nil, expectation: Expectation
    ) {
        self.id = id
        self.key = key
        self.iv = iv
        self.aad = aad
        self.plaintext = plaintext
        self.ciphertext = ciphertext
        self.tag = tag
        self.declaredTagBits = declaredTagBits ?? tag.count * 8
        self.expectation = expectation
    }
}

/// The result of checking one vector against one backend.
public enum VectorOutcome: Sendable, Equatable {
    case passed
    /// The backend did something the vector forbids; the text says what.
    case failed(String)
    /// The vector needs something AES-128/256-GCM with a 96-bit nonce and a 128-bit tag
    /// cannot express, or an algorithm the backend does not implement; never counted as
    /// passed.
    case skipped(String)
}

extension AEADVector {
    /// The GCM algorithm the vector's key size names: AES-128-GCM or AES-256-GCM.
    public var algorithm: AEADAlgorithm? {
        switch key.count {
        case 16: .aes128GCM
        case 32: .aes256GCM
        default: nil
        }
    }

    /// Why this vector cannot be expressed by FrameBench's GCM algorithms, or `nil` when it can.
    public var unsupportedReason: String? {
        if algorithm == nil { return "\(key.count * 8)-bit key; the primitives are AES-128 and AES-256" }
        if iv.count != AESGCM.nonceByteCount { return "\(iv.count * 8)-bit IV; the primitive takes 96 bits" }
        if declaredTagBits != AESGCM.tagByteCount * 8 {
            return "\(declaredTagBits)-bit tag; the primitive's tag is 128 bits"
        }
        return nil
    }

    /// Why this vector cannot be run as `algorithm` (a GCM algorithm with a 96-bit nonce and
    /// a 128-bit tag), or `nil` when it can.
    public func unsupportedReason(as algorithm: AEADAlgorithm) -> String? {
        guard algorithm.isGCM else { return "\(algorithm) is not AES-GCM" }
        if key.count != algorithm.keyByteCount { return "\(key.count * 8)-bit key; \(algorithm) takes \(algorithm.keyByteCount * 8)" }
        if iv.count != algorithm.nonceByteCount { return "\(iv.count * 8)-bit IV; \(algorithm) takes 96 bits" }
        if declaredTagBits != algorithm.tagByteCount * 8 { return "\(declaredTagBits)-bit tag; \(algorithm)'s tag is 128 bits" }
        return nil
    }

    /// Checks the vector against `backend`: a valid vector must seal to exactly
    /// `ciphertext ‖ tag` and open to `plaintext`; an invalid one must be rejected with no
    /// plaintext left in the buffer; an acceptable one may go either way, but an accepted
    /// open must give `plaintext`. The context is keyed for `only` when given (vectors of
    /// another key size are skipped), otherwise for the GCM algorithm the key size names;
    /// every vector is skipped, by name, when the backend does not implement the algorithm.
    public func check<Context: AEADContext & ~Copyable>(
        with backend: Context.Type, as only: AEADAlgorithm? = nil
    ) -> VectorOutcome {
        if let only, let reason = unsupportedReason(as: only) { return .skipped(reason) }
        if let reason = unsupportedReason { return .skipped(reason) }
        guard let algorithm = only ?? algorithm, Context.algorithms.contains(algorithm) else {
            return .skipped("\(Context.info.name) does not implement \(algorithm?.rawValue ?? "this algorithm")")
        }
        var context: Context
        do {
            context = try Context(algorithm: algorithm, key: key.span)
        } catch {
            return .failed("could not key the context: \(error)")
        }
        let nonce: Nonce
        do { nonce = try Nonce(iv.span) } catch { return .failed("\(error)") }

        if expectation == .valid {
            var sealed = plaintext
            var sealedTag = [UInt8](repeating: 0, count: algorithm.tagByteCount)
            do {
                var text = sealed.mutableSpan
                var tagSpan = sealedTag.mutableSpan
                try context.seal(nonce: nonce, aad: aad.span, text: &text, tag: &tagSpan)
            } catch {
                return .failed("seal threw: \(error)")
            }
            if sealed != ciphertext { return .failed("seal gave ciphertext \(Hex.encode(sealed)), expected \(Hex.encode(ciphertext))") }
            if sealedTag != tag { return .failed("seal gave tag \(Hex.encode(sealedTag)), expected \(Hex.encode(tag))") }
        }

        var opened = ciphertext
        let result: Result<Void, FrameCryptoError>
        do {
            var text = opened.mutableSpan
            try context.open(nonce: nonce, aad: aad.span, text: &text, tag: tag.span)
            result = .success(())
        } catch {
            result = .failure(error)
        }
        switch (expectation, result) {
        case (.valid, .success), (.acceptable, .success):
            return opened == plaintext ? .passed : .failed("open gave \(Hex.encode(opened)), expected \(Hex.encode(plaintext))")
        case (.valid, .failure(let error)):
            return .failed("open rejected a valid vector: \(error)")
        case (.invalid, .success):
            return .failed("open accepted an invalid vector")
        case (.invalid, .failure), (.acceptable, .failure):
            // A rejected frame's buffer must be wiped or untouched, never plaintext.
            let clean = opened.allSatisfy { $0 == 0 } || opened == ciphertext
            return clean ? .passed : .failed("open failed but left decrypted bytes in the buffer")
        }
    }
}
