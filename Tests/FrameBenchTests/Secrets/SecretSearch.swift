import Foundation

/// Searches output bytes for secrets in the forms a leak would take: the raw bytes, hex
/// (lower and upper case) and base64.
enum SecretSearch {
    /// Each secret's searchable forms.
    static func forms(of secret: [UInt8]) -> [(name: String, bytes: Data)] {
        let hex = secret.map { String(format: "%02x", $0) }.joined()
        return [
            ("raw", Data(secret)),
            ("hex", Data(hex.utf8)),
            ("HEX", Data(hex.uppercased().utf8)),
            ("base64", Data(Data(secret).base64EncodedString().utf8)),
            // Base64 without its padding, as URL-safe encoders and JWK write it.
            ("base64 unpadded", Data(Data(secret).base64EncodedString().trimmingCharacters(in: ["="]).utf8)),
        ]
    }

    /// `secret i in form F, in output j` for every occurrence.
    static func findings(of secrets: [[UInt8]], in outputs: [Data]) -> [String] {
        var found: [String] = []
        for (i, secret) in secrets.enumerated() {
            for (name, form) in forms(of: secret) {
                for (j, output) in outputs.enumerated() where output.range(of: form) != nil {
                    found.append("secret \(i) (\(secret.count) bytes) as \(name) in output \(j)")
                }
            }
        }
        return found
    }
}
