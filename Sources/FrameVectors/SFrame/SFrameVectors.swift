public import Foundation
import FrameCrypto

/// One SFrame header vector: a KID and counter and their encoding.
public struct SFrameHeaderVector: Sendable, Equatable {
    /// Where the vector sits in its file, such as `header[12]`.
    public var id: String
    /// `kid`.
    public var keyID: UInt64
    /// `ctr`.
    public var counter: UInt64
    /// `encoded`: the header bytes.
    public var encoded: [UInt8]

    /// A vector with these fields.
    public init(id: String, keyID: UInt64, counter: UInt64, encoded: [UInt8]) {
        self.id = id
        self.keyID = keyID
        self.counter = counter
        self.encoded = encoded
    }
}

/// One SFrame encryption vector, with every intermediate value of RFC 9605 Appendix C.
public struct SFrameSuiteVector: Sendable, Equatable {
    /// Where the vector sits in its file, such as `sframe[4] (cipher_suite 5)`.
    public var id: String
    /// `cipher_suite`: 1 to 8 (``SFrameCipherSuite``); other numbers are skipped.
    public var cipherSuite: UInt64
    /// `kid`.
    public var keyID: UInt64
    /// `ctr`.
    public var counter: UInt64
    /// `base_key`.
    public var baseKey: [UInt8]
    /// `sframe_key_label`.
    public var keyLabel: [UInt8]
    /// `sframe_salt_label`.
    public var saltLabel: [UInt8]
    /// `sframe_secret`: `HKDF-Extract("", base_key)`.
    public var secret: [UInt8]
    /// `sframe_key`.
    public var key: [UInt8]
    /// `sframe_salt`.
    public var salt: [UInt8]
    /// `metadata`: authenticated, not encrypted.
    public var metadata: [UInt8]
    /// `nonce`: `sframe_salt XOR ctr`.
    public var nonce: [UInt8]
    /// `aad`: `header ‖ metadata`.
    public var aad: [UInt8]
    /// `pt`.
    public var plaintext: [UInt8]
    /// The whole protected frame: `header ‖ ciphertext ‖ tag`.
    public var ciphertext: [UInt8]

    /// A vector with these fields.
    public init(
        id: String, cipherSuite: UInt64, keyID: UInt64, counter: UInt64, baseKey: [UInt8], keyLabel: [UInt8],
        saltLabel: [UInt8], secret: [UInt8], key: [UInt8], salt: [UInt8], metadata: [UInt8], nonce: [UInt8],
        aad: [UInt8], plaintext: [UInt8], ciphertext: [UInt8]
    ) {
        self.id = id
        self.cipherSuite = cipherSuite
        self.keyID = keyID
        self.counter = counter
        self.baseKey = baseKey
        self.keyLabel = keyLabel
        self.saltLabel = saltLabel
        self.secret = secret
        self.key = key
        self.salt = salt
        self.metadata = metadata
        self.nonce = nonce
        self.aad = aad
        self.plaintext = plaintext
        self.ciphertext = ciphertext
    }
}

/// An SFrame test-vector document in the shape of RFC 9605's `test-vectors.json`:
/// `{"header": [{kid, ctr, encoded}], "aes_ctr_hmac": [{cipher_suite, key, enc_key,
/// auth_key, nonce, aad, pt, ct}], "sframe": [{cipher_suite, kid, ctr, base_key,
/// sframe_key_label, sframe_salt_label, sframe_secret, sframe_key, sframe_salt, metadata,
/// nonce, aad, pt, ct}]}`. The sframe-wg repository's later files add `aes_256_ctr_hmac`
/// (AEAD entries of suites 6–8, read with `aes_ctr_hmac`) and `sframe_aes_256_ctr_hmac`
/// (whole-SFrame entries of suites 6–8, read with `sframe`). Other members are ignored.
public struct SFrameVectors: Sendable, Equatable {
    /// The path as given, or a name for vectors made in memory.
    public var path: String
    /// The `header` array.
    public var headers: [SFrameHeaderVector]
    /// The `sframe` array, then `sframe_aes_256_ctr_hmac`.
    public var frames: [SFrameSuiteVector]
    /// The `aes_ctr_hmac` array, then `aes_256_ctr_hmac`.
    public var aeads: [SFrameAEADVector]

    /// A document with these vectors.
    public init(path: String, headers: [SFrameHeaderVector], frames: [SFrameSuiteVector], aeads: [SFrameAEADVector] = []) {
        self.path = path
        self.headers = headers
        self.frames = frames
        self.aeads = aeads
    }

    /// The top-level arrays of whole-SFrame entries, in the order they are read.
    static let frameArrays = ["sframe", "sframe_aes_256_ctr_hmac"]
    /// The top-level arrays of AES-CTR + HMAC AEAD entries, in the order they are read.
    static let aeadArrays = ["aes_ctr_hmac", "aes_256_ctr_hmac"]

    /// Parses the file at `path`.
    ///
    /// - Throws: ``VectorFileError`` naming the file and the record (`header[3]`,
    ///   `sframe[4] (cipher_suite 5)`, `aes_ctr_hmac[0] (cipher_suite 1)`) that is missing a
    ///   field or holds a bad value.
    public static func read(path: String) throws(VectorFileError) -> SFrameVectors {
        try parse(VectorFile.contents(of: path), path: path)
    }

    /// Parses JSON already in memory; `path` is used in messages.
    ///
    /// KIDs and counters must be JSON integers from 0 to 2^64 − 1 and are kept exact;
    /// a fraction, an exponent, a negative or larger number, or a boolean is refused.
    public static func parse(_ data: Data, path: String) throws(VectorFileError) -> SFrameVectors {
        let root = try VectorFile.jsonObject(data, path: path)
        guard (["header"] + frameArrays + aeadArrays).contains(where: { root[$0] != nil }) else {
            throw .malformed(path: path, record: "document", reason: "neither a \"header\" nor an \"sframe\" array")
        }
        let headerRecords = try records(root, "header", path: path)

        var headers: [SFrameHeaderVector] = []
        for (i, object) in headerRecords.enumerated() {
            let record = Fields(path: path, record: "header[\(i)]", object: object)
            headers.append(
                SFrameHeaderVector(
                    id: record.record, keyID: try record.uint64("kid"), counter: try record.uint64("ctr"),
                    encoded: try record.hex("encoded")))
        }
        var frames: [SFrameSuiteVector] = []
        for array in frameArrays {
            for (i, object) in try records(root, array, path: path).enumerated() {
                frames.append(try frame(Fields(path: path, record: "\(array)[\(i)]", object: object)))
            }
        }
        var aeads: [SFrameAEADVector] = []
        for array in aeadArrays {
            for (i, object) in try records(root, array, path: path).enumerated() {
                var record = Fields(path: path, record: "\(array)[\(i)]", object: object)
                let suite = try record.uint64("cipher_suite")
                record.record += " (cipher_suite \(suite))"
                aeads.append(
                    SFrameAEADVector(
                        id: record.record, cipherSuite: suite, key: try record.hex("key"), encryptionKey: try record.hex("enc_key"),
                        authenticationKey: try record.hex("auth_key"), nonce: try record.hex("nonce"),
                        aad: try record.hex("aad"), plaintext: try record.hex("pt"), ciphertext: try record.hex("ct")))
            }
        }
        return SFrameVectors(path: path, headers: headers, frames: frames, aeads: aeads)
    }

    /// One whole-SFrame entry.
    private static func frame(_ fields: Fields) throws(VectorFileError) -> SFrameSuiteVector {
        var record = fields
        let suite = try record.uint64("cipher_suite")
        record.record += " (cipher_suite \(suite))"
        return SFrameSuiteVector(
            id: record.record, cipherSuite: suite, keyID: try record.uint64("kid"),
            counter: try record.uint64("ctr"), baseKey: try record.hex("base_key"),
            keyLabel: try record.hex("sframe_key_label"), saltLabel: try record.hex("sframe_salt_label"),
            secret: try record.hex("sframe_secret"), key: try record.hex("sframe_key"),
            salt: try record.hex("sframe_salt"), metadata: try record.hex("metadata"),
            nonce: try record.hex("nonce"), aad: try record.hex("aad"), plaintext: try record.hex("pt"),
            ciphertext: try record.hex("ct"))
    }

    private static func records(_ root: [String: Any], _ name: String, path: String) throws(VectorFileError) -> [[String: Any]] {
        guard let value = root[name] else { return [] }
        guard let array = value as? [Any] else {
            throw .malformed(path: path, record: "document", reason: "\"\(name)\" is not an array")
        }
        var objects: [[String: Any]] = []
        for (i, element) in array.enumerated() {
            guard let object = element as? [String: Any] else {
                throw .malformed(path: path, record: "\(name)[\(i)]", reason: "not a JSON object")
            }
            objects.append(object)
        }
        return objects
    }

    /// Typed field access that names the record in every error.
    private struct Fields {
        let path: String
        var record: String
        let object: [String: Any]

        func value(_ name: String) throws(VectorFileError) -> Any {
            guard let value = object[name] else {
                throw .malformed(path: path, record: record, reason: "missing field \"\(name)\"")
            }
            return value
        }

        /// An exact unsigned 64-bit JSON integer. `JSONSerialization` hands numbers over as
        /// `NSNumber`s; only an integer-typed one whose text is its exact value is taken.
        func uint64(_ name: String) throws(VectorFileError) -> UInt64 {
            let value = try value(name)
            let bad = VectorFileError.malformed(
                path: path, record: record, reason: "field \"\(name)\" is not an integer from 0 to 2^64 − 1: \(value)")
            guard let number = value as? NSNumber, !(number is NSDecimalNumber) else { throw bad }
            let type = String(cString: number.objCType)
            guard ["q", "Q", "i", "I", "l", "L", "s", "S"].contains(type), let exact = value as? UInt64,
                number.stringValue == String(exact)
            else { throw bad }
            return exact
        }

        func hex(_ name: String) throws(VectorFileError) -> [UInt8] {
            guard let text = try value(name) as? String else {
                throw .malformed(path: path, record: record, reason: "field \"\(name)\" is not a string")
            }
            guard let bytes = Hex.decode(text) else {
                throw .malformed(path: path, record: record, reason: "field \"\(name)\" is not hex: \"\(text.prefix(40))\"")
            }
            return bytes
        }
    }
}
