import FrameCrypto
import FrameTestSupport
import Testing

/// Helpers shared by the SFrame tests: backends to run against, keys, and seal/open
/// wrappers over the `Span` API that keep the output buffer for inspection.
enum SFrameTesting {
    /// The backends that run here, by name: the argument list of every per-backend test.
    static let backendNames: [String] = TestBackends.names

    /// The backend called `name`.
    static func backend(_ name: String) throws -> AEADBackend {
        try TestBackends.backend(named: name)
    }

    /// The RFC 9605 test-vector file, from the copy in Tests/Vectors.
    static let rfcVectorsPath = TestVectors.path("sframe/test-vectors.json")

    /// A base key whose bytes are fixed by `seed`.
    static func baseKey(_ seed: Int, count: Int = 32) -> SecretBytes {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: seed &* 131 &+ $0 &* 7 &+ 1) }
        return SecretBytes(copying: bytes.span)
    }

    /// What a failed open must leave: bytes are either this sentinel (never written) or 0
    /// (wiped). Test plaintexts never contain either, so any plaintext left shows.
    static let sentinel: UInt8 = 0xEE

    /// `count` bytes fixed by `seed`, none 0x00 or ``sentinel``.
    static func plaintext(_ count: Int, seed: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(1 + (($0 &* 31 &+ seed &* 17) % 0xED)) }
    }

    /// Whether `output` holds nothing but the sentinel and zeros.
    static func holdsNoPlaintext(_ output: [UInt8]) -> Bool {
        output.allSatisfy { $0 == sentinel || $0 == 0 }
    }

    /// Seals one frame through the `Span` API into a buffer of exactly
    /// `maxOverhead` spare bytes, and returns the frame.
    static func seal<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, _ plaintext: [UInt8], metadata: [UInt8] = []
    ) throws(FrameCryptoError) -> [UInt8] {
        var buffer = [UInt8](repeating: sentinel, count: plaintext.count + SFrameSender<Context>.maxOverhead)
        let written = try sealInto(&buffer, &sender, plaintext, metadata)
        return Array(buffer.prefix(written))
    }

    private static func sealInto<Context: AEADContext & ~Copyable>(
        _ buffer: inout [UInt8], _ sender: inout SFrameSender<Context>, _ plaintext: [UInt8], _ metadata: [UInt8]
    ) throws(FrameCryptoError) -> Int {
        var output = buffer.mutableSpan
        return try sender.seal(plaintext: plaintext.span, metadata: metadata.span, into: &output)
    }

    /// One open attempt: its result and the whole output buffer (prefilled with the
    /// sentinel), so a failure can be checked for leftover plaintext.
    struct Attempt {
        var result: Result<SFrameOpened, FrameCryptoError>
        var output: [UInt8]

        /// The plaintext, when the open succeeded.
        var plaintext: [UInt8]? {
            guard case let .success(opened) = result else { return nil }
            return Array(output.prefix(opened.plaintextCount))
        }

        /// The error, when it failed.
        var error: FrameCryptoError? {
            guard case let .failure(error) = result else { return nil }
            return error
        }
    }

    /// Opens `frame` through the `Span` API into an output of `outputCount` bytes
    /// (default: the frame's length).
    static func open<Context: AEADContext & ~Copyable>(
        _ receiver: inout SFrameReceiver<Context>, _ frame: [UInt8], metadata: [UInt8] = [], outputCount: Int? = nil
    ) -> Attempt {
        var buffer = [UInt8](repeating: sentinel, count: outputCount ?? frame.count)
        let result = openInto(&buffer, &receiver, frame, metadata)
        return Attempt(result: result, output: buffer)
    }

    private static func openInto<Context: AEADContext & ~Copyable>(
        _ buffer: inout [UInt8], _ receiver: inout SFrameReceiver<Context>, _ frame: [UInt8], _ metadata: [UInt8]
    ) -> Result<SFrameOpened, FrameCryptoError> {
        var output = buffer.mutableSpan
        do {
            return .success(try receiver.open(frame: frame.span, metadata: metadata.span, into: &output))
        } catch {
            return .failure(error)
        }
    }

    /// Whether `body` throws ``FrameCryptoError/malformedHeader(_:)``, whatever its text.
    static func throwsMalformedHeader<R>(_ body: () throws(FrameCryptoError) -> R) -> Bool {
        do {
            _ = try body()
            return false
        } catch {
            if case .malformedHeader = error { return true }
            return false
        }
    }

    /// `frame` with its header replaced by the encoding of `header`: the body (ciphertext
    /// and tag) is kept.
    static func reheader(_ frame: [UInt8], as header: SFrameHeader) throws -> [UInt8] {
        let old = try SFrameHeader.decode(frame.span)
        return encode(header) + frame.dropFirst(old.byteCount)
    }

    /// The encoding of `header`.
    static func encode(_ header: SFrameHeader) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: header.byteCount)
        var span = bytes.mutableSpan
        _ = try? header.encode(into: &span)
        return bytes
    }
}

extension SFrameTesting {
    /// What a receiver holds, as a value `#expect` can compare (it cannot take a
    /// `~Copyable` receiver apart itself).
    struct KeyState: Equatable, CustomStringConvertible {
        var count: Int
        var installed: Set<UInt64>
        var description: String { "\(count) keys, installed among candidates: \(installed.sorted())" }
    }

    /// How many keys `receiver` holds, and which of `candidates` are installed.
    static func keyState<Context: AEADContext & ~Copyable>(
        _ receiver: borrowing SFrameReceiver<Context>, among candidates: [UInt64]
    ) -> KeyState {
        KeyState(count: receiver.keyCount, installed: Set(candidates.filter { receiver.contains(keyID: $0) }))
    }
}
