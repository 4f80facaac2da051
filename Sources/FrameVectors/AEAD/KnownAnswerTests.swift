import FrameCrypto

/// Known-answer tests built into the tool, so `framebench verify` checks every backend even
/// with no vector files: the AES-256 cases 13–16 of McGrew and Viega's "The Galois/Counter
/// Mode of Operation (GCM)" (the GCM specification's own test vectors), and two forgeries
/// made from them, which must be rejected.
public enum KnownAnswerTests {
    private static let specKey = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
    private static let specIV = "cafebabefacedbaddecaf888"
    private static let specPlaintext =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
    private static let specCiphertext =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
    private static let specAAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2"

    /// The built-in vectors.
    public static let file = VectorFile(
        kind: .builtIn, path: "built-in",
        vectors: [
            vector(
                "GCM spec test case 13 (empty plaintext, empty AAD)",
                key: String(repeating: "00", count: 32), iv: String(repeating: "00", count: 12),
                aad: "", pt: "", ct: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
            vector(
                "GCM spec test case 14 (one zero block)",
                key: String(repeating: "00", count: 32), iv: String(repeating: "00", count: 12),
                aad: "", pt: String(repeating: "00", count: 16), ct: "cea7403d4d606b6e074ec5d3baf39d18",
                tag: "d0d1c8a799996bf0265b98b5d48ab919"),
            vector(
                "GCM spec test case 15 (64 bytes, no AAD)",
                key: specKey, iv: specIV, aad: "", pt: specPlaintext, ct: specCiphertext,
                tag: "b094dac5d93471bdec1a502270e3cc6c"),
            vector(
                "GCM spec test case 16 (60 bytes, 20 bytes of AAD)",
                key: specKey, iv: specIV, aad: specAAD, pt: String(specPlaintext.dropLast(8)),
                ct: String(specCiphertext.dropLast(8)), tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
            vector(
                "test case 16 with the last tag bit flipped (forgery)",
                key: specKey, iv: specIV, aad: specAAD, pt: String(specPlaintext.dropLast(8)),
                ct: String(specCiphertext.dropLast(8)), tag: "76fc6ece0f4e1768cddf8853bb2d551a",
                expectation: .invalid),
            vector(
                "test case 16 with one AAD byte changed (forgery)",
                key: specKey, iv: specIV, aad: "00" + specAAD.dropFirst(2), pt: String(specPlaintext.dropLast(8)),
                ct: String(specCiphertext.dropLast(8)), tag: "76fc6ece0f4e1768cddf8853bb2d551b",
                expectation: .invalid),
        ])

    private static func vector(
        _ id: String, key: String, iv: String, aad: String, pt: String, ct: String, tag: String,
        expectation: AEADVector.Expectation = .valid
    ) -> AEADVector {
        AEADVector(
            id: id, key: Hex.decode(key)!, iv: Hex.decode(iv)!, aad: Hex.decode(aad)!,
            plaintext: Hex.decode(pt)!, ciphertext: Hex.decode(ct)!, tag: Hex.decode(tag)!,
            expectation: expectation)
    }
}
