import FrameCrypto
import FuzzSupport

/// One frame to open, and where it came from.
struct FuzzFrame {
    enum Origin {
        /// Bytes straight from the input.
        case raw
        /// Sealed by `sender` at `counter` from `plaintext`; `mutated` when it was altered
        /// afterwards (frame or metadata).
        case sealed(sender: KeySpec, counter: UInt64, plaintext: [UInt8], mutated: Bool)
    }

    var bytes: [UInt8]
    var metadata: [UInt8]
    var origin: Origin

    /// Input: length (2 bytes, < 4096), frame bytes, metadata length (1 byte, < 64), metadata.
    static func raw(_ input: inout FuzzInput) -> FuzzFrame {
        let bytes = Array(input.take(Int(input.uint16() % 4096)))
        let metadata = Array(input.take(Int(input.byte() % 64)))
        fuzzLog("raw frame of \(bytes.count) bytes, metadata \(metadata.count)")
        return FuzzFrame(bytes: bytes, metadata: metadata, origin: .raw)
    }

    /// Input: sender (1 byte), counter length (1 byte, 0…8) and counter, plaintext length
    /// (2 bytes, < 2048) and plaintext, metadata length (1 byte, < 64) and metadata, then a
    /// mutation byte (its low bits pick none, bit flip, truncation, extension, metadata
    /// change or byte XOR) and its position (2 bytes).
    static func sealed<Context: AEADContext & ~Copyable>(_ input: inout FuzzInput, as _: Context.Type) -> FuzzFrame {
        let sender = Keys.senders[Int(input.byte()) % Keys.senders.count]
        let counter = input.uint64(byteCount: Int(input.byte() % 9))
        let plaintext = Array(input.take(Int(input.uint16() % 2048)))
        var metadata = Array(input.take(Int(input.byte() % 64)))
        let mutation = input.byte()
        let position = Int(input.uint16())

        var bytes: [UInt8]
        switch sealFrame(plaintext, key: sender, counter: counter, metadata: metadata, as: Context.self) {
        case let .success(sealed): bytes = sealed
        case let .failure(error):
            fuzzCheck(false, "cannot seal with \(sender) at \(counter): \(error)")
            bytes = []
        }
        fuzzLog("sealed by \(sender) at \(counter): \(hex(bytes)) metadata \(hex(metadata))")

        guard !bytes.isEmpty else { return FuzzFrame(bytes: bytes, metadata: metadata, origin: .raw) }
        let bit = UInt8(1) << ((mutation >> 3) & 7)
        switch mutation % 6 {
        case 1: bytes[position % bytes.count] ^= bit
        case 2: bytes.removeLast(1 + position % bytes.count)
        case 3: bytes.append(mutation)
        case 4:
            if metadata.isEmpty { metadata.append(mutation) } else { metadata[position % metadata.count] ^= bit }
        case 5: bytes[position % bytes.count] ^= max(input.byte(), 1)
        default: break
        }
        let mutated = mutation % 6 != 0
        if mutated { fuzzLog("mutated (\(mutation % 6)) at \(position): \(hex(bytes)) metadata \(hex(metadata))") }
        return FuzzFrame(
            bytes: bytes, metadata: metadata,
            origin: .sealed(sender: sender, counter: counter, plaintext: plaintext, mutated: mutated))
    }
}

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
}
