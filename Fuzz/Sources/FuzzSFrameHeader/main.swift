import FrameCrypto
import FuzzSupport

runLibFuzzer { data, size in fuzz(data ?? emptyFuzzInput, size) }

/// Fuzzes SFrame header decoding and encoding (RFC 9605 §4.3).
///
/// Oracles, for arbitrary bytes:
/// - the raw-pointer and `Span` decoders agree with each other and with a separate reference
///   reading of the format below (same KID, counter and length, or both refuse);
/// - a refusal is `malformedHeader`, and only for empty or truncated input;
/// - a decoded header re-encodes to a minimal header that decodes to the same values, and
///   to exactly the consumed bytes when those were minimal;
/// - any KID and counter taken from the input encode to a header that decodes back, and
///   encoding into a buffer one byte short throws `bufferTooSmall` and writes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    checkDecoding(bytes)
    var input = FuzzInput(bytes)
    checkEncoding(SFrameHeader(keyID: input.uint64(byteCount: 8), counter: input.uint64(byteCount: 8)))
    // Small values exercise the inline forms and the 1-byte boundary at 8.
    checkEncoding(SFrameHeader(keyID: UInt64(input.byte() % 17), counter: UInt64(input.byte() % 17)))
    return 0
}

func checkDecoding(_ bytes: UnsafeRawBufferPointer) {
    let reference = ReferenceHeader.parse(bytes)
    let raw = Result { () throws(FrameCryptoError) in try SFrameHeader.decode(bytes) }
    let viaSpan = Result { () throws(FrameCryptoError) in
        try SFrameHeader.decode(bytes.assumingMemoryBound(to: UInt8.self).span)
    }
    switch (raw, viaSpan) {
    case let (.success(a), .success(b)):
        fuzzCheck(a.header == b.header && a.byteCount == b.byteCount, "decoders disagree: \(a) vs \(b)")
    case let (.failure(a), .failure(b)):
        fuzzCheck(a == b, "decoders throw differently: \(a) vs \(b)")
    default:
        fuzzCheck(false, "one decoder accepts what the other refuses: \(raw) vs \(viaSpan)")
    }
    switch raw {
    case let .failure(error):
        guard case .malformedHeader = error else { return fuzzCheck(false, "unexpected error \(error)") }
        fuzzCheck(reference == nil, "refused a well-formed header \(String(describing: reference)): \(error)")
        fuzzLog("refused: \(error)")
    case let .success((header, consumed)):
        guard let reference else { return fuzzCheck(false, "accepted a malformed header as \(header)") }
        fuzzCheck(
            header.keyID == reference.keyID && header.counter == reference.counter && consumed == reference.byteCount,
            "decoded \(header) from \(consumed) bytes; the reference reads \(reference)")
        fuzzLog("decoded \(header) from \(consumed) bytes, minimal: \(reference.isMinimal)")
        var encoded = InlineBuffer()
        let count = encoded.encode(header)
        fuzzCheck(count == header.byteCount && count <= consumed, "re-encoding took \(count) bytes, consumed \(consumed)")
        if reference.isMinimal {
            fuzzCheck(
                encoded.bytes(count).elementsEqual(bytes.prefix(consumed)),
                "a minimal header does not re-encode to its own bytes: \(header)")
        }
    }
}

func checkEncoding(_ header: SFrameHeader) {
    var encoded = InlineBuffer()
    let count = encoded.encode(header)
    fuzzCheck(count == header.byteCount && (1...SFrameHeader.maxByteCount).contains(count), "length \(count) for \(header)")
    let bytes = encoded.bytes(count)
    guard let reference = bytes.withUnsafeBytes({ ReferenceHeader.parse($0) }) else {
        return fuzzCheck(false, "the reference cannot read the encoding of \(header)")
    }
    fuzzCheck(
        reference.keyID == header.keyID && reference.counter == header.counter && reference.byteCount == count
            && reference.isMinimal,
        "\(header) encodes as \(bytes), which the reference reads as \(reference)")
    let decoded = bytes.withUnsafeBytes { raw in Result { () throws(FrameCryptoError) in try SFrameHeader.decode(raw) } }
    guard case let .success((again, consumed)) = decoded else { return fuzzCheck(false, "cannot decode \(bytes)") }
    fuzzCheck(again == header && consumed == count, "round trip of \(header) gave \(again) from \(consumed) bytes")

    // One byte short: refused, nothing written.
    var short = [UInt8](repeating: 0xEE, count: count - 1)
    let refused = short.withUnsafeMutableBytes { out in Result { () throws(FrameCryptoError) in try header.encode(into: out) } }
    fuzzCheck(
        refused == .failure(.bufferTooSmall(needed: count, available: count - 1)),
        "encoding \(header) into \(count - 1) bytes gave \(refused)")
    fuzzCheck(short.allSatisfy { $0 == 0xEE }, "a refused encode wrote bytes")
}

/// 17 bytes of stack room for one encoded header.
struct InlineBuffer {
    var storage = InlineArray<17, UInt8>(repeating: 0)

    /// Encodes `header` through the `MutableSpan` API and returns its length.
    mutating func encode(_ header: SFrameHeader) -> Int {
        var span = storage.mutableSpan
        do {
            return try header.encode(into: &span)
        } catch {
            fuzzCheck(false, "17 bytes are too few for \(header): \(error)")
            return 0
        }
    }

    /// The first `count` bytes, as an array.
    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { storage[$0] }
    }
}
