import FrameCrypto

/// One open, as it happened.
struct OpenAttempt {
    var result: Result<SFrameOpened, FrameCryptoError>
    /// The output buffer's length.
    var outputCount: Int
    /// The output buffer after the call: a separate buffer (prefilled with zeros), or for an
    /// in-place open the frame's bytes from the end of its header.
    var output: [UInt8]
    /// For an in-place open, how many header bytes precede `output` in the frame.
    var inPlaceHeaderCount: Int?
}

/// Opens `frame` with `receiver`, into a separate zeroed buffer or in place.
func open<Context: AEADContext & ~Copyable>(
    _ frame: FuzzFrame, placement: OutputPlacement, receiver: inout SFrameReceiver<Context>
) -> OpenAttempt {
    // In place needs the header's length; a frame whose header does not parse is opened into
    // a separate buffer instead (it is refused before any output is touched).
    let headerCount =
        placement.inPlace
        ? frame.bytes.withUnsafeBytes { try? SFrameHeader.decode($0).byteCount } : nil
    if let headerCount {
        var buffer = frame.bytes
        let outputCount = min(buffer.count - headerCount, placement.limit ?? .max)
        let result = buffer.withUnsafeMutableBytes { whole in
            frame.metadata.withUnsafeBytes { meta in
                Result { () throws(FrameCryptoError) in
                    try receiver.open(
                        frame: UnsafeRawBufferPointer(whole), metadata: meta,
                        into: UnsafeMutableRawBufferPointer(rebasing: whole[headerCount..<headerCount + outputCount]))
                }
            }
        }
        return OpenAttempt(
            result: result, outputCount: outputCount, output: Array(buffer[headerCount...]),
            inPlaceHeaderCount: headerCount)
    }
    var output = [UInt8](repeating: 0, count: min(frame.bytes.count, placement.limit ?? .max))
    let result = output.withUnsafeMutableBytes { out in
        frame.bytes.withUnsafeBytes { bytes in
            frame.metadata.withUnsafeBytes { meta in
                Result { () throws(FrameCryptoError) in try receiver.open(frame: bytes, metadata: meta, into: out) }
            }
        }
    }
    return OpenAttempt(result: result, outputCount: output.count, output: output, inPlaceHeaderCount: nil)
}
