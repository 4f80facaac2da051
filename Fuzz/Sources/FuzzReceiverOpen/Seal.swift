import FrameCrypto

/// `plaintext` sealed by `key` at `counter` with `metadata`: the bytes a genuine sender of
/// that key would send.
func sealFrame<Context: AEADContext & ~Copyable>(
    _ plaintext: [UInt8], key: KeySpec, counter: UInt64, metadata: [UInt8], as _: Context.Type
) -> Result<[UInt8], FrameCryptoError> {
    let header = SFrameHeader(keyID: key.keyID, counter: counter)
    var keyed: SFrameKeyedContext<Context>
    do {
        keyed = try SFrameKeySchedule.derive(baseKey: key.baseKey(), keyID: key.keyID, as: Context.self)
    } catch {
        return .failure(error)
    }
    var frame = [UInt8](repeating: 0, count: SFrameCipher.protectedSize(plaintextCount: plaintext.count, header: header))
    let written = frame.withUnsafeMutableBytes { out in
        plaintext.withUnsafeBytes { plain in
            metadata.withUnsafeBytes { meta in
                Result { () throws(FrameCryptoError) in
                    try SFrameCipher.seal(
                        context: &keyed.context, salt: keyed.salt, header: header, plaintext: plain, metadata: meta,
                        into: out)
                }
            }
        }
    }
    return written.map { _ in frame }
}
