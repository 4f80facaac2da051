import Foundation
// What a forged-frame flood costs a receiver per frame, per backend and size:
// accepted genuine frames vs frames refused at each check of SFrameReceiver.open.
// Usage: ForgedCost [rounds] [framesPerRound]; prints a Markdown table of median ns/frame.
import FrameCrypto

let rounds = Int(CommandLine.arguments.dropFirst().first ?? "15") ?? 15
let perRound = Int(CommandLine.arguments.dropFirst(2).first ?? "2000") ?? 2000
let kid: UInt64 = SenderKeyID(participant: 5, kind: .video, epoch: 3).rawValue
let none = UnsafeRawBufferPointer(start: nil, count: 0)

@inline(never) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

@MainActor func measure<Context: AEADContext & ~Copyable>(_: Context.Type, size: Int) throws -> [String: Double] {
    let baseKey = SecretBytes.random(count: 32)
    var sender = try SFrameSender<Context>(keyID: kid, baseKey: baseKey)
    var receiver = SFrameReceiver<Context>(capacity: 600)
    for other in 0..<599 {  // a 200-participant meeting's receive keys
        let k = SenderKeyID(participant: UInt32(other / 3 + 100), kind: StreamKind(rawValue: UInt8(other % 3))!, epoch: 3).rawValue
        try receiver.addKey(keyID: k, baseKey: SecretBytes.random(count: 32))
    }
    try receiver.addKey(keyID: kid, baseKey: baseKey)
    let stride = size + SFrameCipher.maxOverhead
    let frames = UnsafeMutableRawBufferPointer.allocate(byteCount: stride * perRound, alignment: 16)
    let out = UnsafeMutableRawBufferPointer.allocate(byteCount: stride, alignment: 16)
    defer { frames.deallocate(); out.deallocate() }
    var lengths = [Int](repeating: 0, count: perRound)
    let plaintext = [UInt8](repeating: 0x5A, count: size)
    try plaintext.withUnsafeBytes { p in
        for i in 0..<perRound {
            let slot = UnsafeMutableRawBufferPointer(rebasing: frames[(i * stride)..<((i + 1) * stride)])
            lengths[i] = try sender.seal(plaintext: p, metadata: none, into: slot)
        }
    }
    func frame(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: frames.baseAddress! + i * stride, count: lengths[i])
    }
    // Forgeries, each a copy of frame 0 with one change.
    func variant(_ edit: (inout [UInt8]) throws -> Void) rethrows -> [UInt8] { var f = Array(frame(0)); try edit(&f); return f }
    let badTag = variant { $0[$0.count - 1] ^= 1 }  // in-window counter, wrong tag: full AEAD work
    let unknownKID = try variant { f in
        // Same frame re-headed with a KID nobody holds.
        let (h, n) = try f.withUnsafeBytes { (r) throws(FrameCryptoError) in try SFrameHeader.decode(r) }
        var header = [UInt8](repeating: 0, count: SFrameHeader.maxByteCount)
        let m = try header.withUnsafeMutableBytes { try SFrameHeader(keyID: 999_999, counter: h.counter).encode(into: $0) }
        f = Array(header.prefix(m)) + f[n...]
    }
    let farJump = try variant { f in
        let (_, n) = try f.withUnsafeBytes { (r) throws(FrameCryptoError) in try SFrameHeader.decode(r) }
        var header = [UInt8](repeating: 0, count: SFrameHeader.maxByteCount)
        let m = try header.withUnsafeMutableBytes { try SFrameHeader(keyID: kid, counter: .max).encode(into: $0) }
        f = Array(header.prefix(m)) + f[n...]
    }
    var results: [String: [Double]] = [:]
    for _ in 0..<rounds {
        // Accepted: genuine frames in order, fresh window each round.
        receiver.removeKey(keyID: kid)
        try receiver.addKey(keyID: kid, baseKey: baseKey)
        var t = now()
        for i in 0..<perRound { _ = try receiver.open(frame: frame(i), metadata: none, into: out) }
        results["accepted", default: []].append(Double(now() - t) / Double(perRound))
        // Replayed: every genuine frame again (refused by the window before decrypting).
        t = now()
        for i in 0..<perRound { do { _ = try receiver.open(frame: frame(i), metadata: none, into: out) } catch {} }
        results["replayed counter", default: []].append(Double(now() - t) / Double(perRound))
        for (name, forged) in [("bad tag (in-window counter)", badTag), ("unknown KID", unknownKID), ("counter jump too large", farJump)] {
            receiver.removeKey(keyID: kid)
            try receiver.addKey(keyID: kid, baseKey: baseKey)
            try forged.withUnsafeBytes { f in
                let t = now()
                for _ in 0..<perRound { do { _ = try receiver.open(frame: f, metadata: none, into: out) } catch {} }
                results[name, default: []].append(Double(now() - t) / Double(perRound))
            }
        }
    }
    return results.mapValues(median)
}

let columns = ["accepted", "bad tag (in-window counter)", "counter jump too large", "replayed counter", "unknown KID"]
print("| backend | size | " + columns.joined(separator: " | ") + " |")
print("|---|---:|" + String(repeating: "---:|", count: columns.count))
for size in [100, 1200] {
    for (name, row) in [
        ("openssl", try measure(OpenSSLContext.self, size: size)),
        ("sodium", try measure(SodiumContext.self, size: size)),
        ("swift-crypto", try measure(SwiftCryptoContext.self, size: size)),
    ] {
        print("| \(name) | \(size) B | " + columns.map { String(format: "%.0f ns", row[$0]!) }.joined(separator: " | ") + " |")
    }
}
