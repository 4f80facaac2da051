import FrameCrypto

extension SFrameVectors {
    /// The document as JSON in the layout of RFC 9605's `test-vectors.json`: a `header`
    /// and an `sframe` array, fields in the RFC's order, two-space indentation, bytes as
    /// lower-case hex and KIDs and counters as exact JSON integers. Ends with a newline.
    public var jsonText: String {
        var text = "{\n  \"header\": ["
        for (i, vector) in headers.enumerated() {
            text += i == 0 ? "\n" : ",\n"
            text += Self.object([
                ("kid", String(vector.keyID)),
                ("ctr", String(vector.counter)),
                ("encoded", Self.quoted(vector.encoded)),
            ])
        }
        text += headers.isEmpty ? "],\n  \"sframe\": [" : "\n  ],\n  \"sframe\": ["
        for (i, vector) in frames.enumerated() {
            text += i == 0 ? "\n" : ",\n"
            text += Self.object([
                ("cipher_suite", String(vector.cipherSuite)),
                ("kid", String(vector.keyID)),
                ("ctr", String(vector.counter)),
                ("base_key", Self.quoted(vector.baseKey)),
                ("sframe_key_label", Self.quoted(vector.keyLabel)),
                ("sframe_salt_label", Self.quoted(vector.saltLabel)),
                ("sframe_secret", Self.quoted(vector.secret)),
                ("sframe_key", Self.quoted(vector.key)),
                ("sframe_salt", Self.quoted(vector.salt)),
                ("metadata", Self.quoted(vector.metadata)),
                ("nonce", Self.quoted(vector.nonce)),
                ("aad", Self.quoted(vector.aad)),
                ("pt", Self.quoted(vector.plaintext)),
                ("ct", Self.quoted(vector.ciphertext)),
            ])
        }
        text += frames.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return text
    }

    /// One array element: `{`, a member per line, `}`, indented for the arrays above.
    private static func object(_ members: [(String, String)]) -> String {
        var text = "    {\n"
        for (i, (name, value)) in members.enumerated() {
            text += "      \"\(name)\": \(value)"
            text += i == members.count - 1 ? "\n" : ",\n"
        }
        return text + "    }"
    }

    /// Hex needs no JSON escaping.
    private static func quoted(_ bytes: [UInt8]) -> String { "\"\(Hex.encode(bytes))\"" }
}
