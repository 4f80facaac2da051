import FrameCrypto
import FrameTestSupport
import Testing

/// A frame sealed under one sender's key of one epoch, opened under any other key — another
/// epoch's meeting key, another participant's or stream's key, another meeting's key, or
/// its header rewritten to another epoch's KID — is always rejected, and the output holds
/// no plaintext. The right key opens it (the control that the frame itself is sound).
@Suite struct WrongKeyProperties {
    @Test(arguments: SFrameTesting.backendNames)
    func anyWrongKeyOrEpochIsRejected(_ name: String) throws {
        let seed = PropertySeed.seed(default: 0x5EA1_0005)
        var random = PropertySeed.random(seed)
        let meetingID = MeetingID(high: random.next(), low: random.next())
        // Epochs 1…20: 1 and 17 share their KIDs' 4 low epoch bits, so the key, not the KID,
        // must tell them apart.
        let keys = (1...20).map { MeetingKeyBox(MeetingKey.generate(meetingID: meetingID, epoch: UInt64($0))) }
        let otherMeeting = MeetingKeyBox(MeetingKey.generate(meetingID: MeetingID(high: random.next(), low: random.next()), epoch: 1))
        let kinds = StreamKind.allCases
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var failures: [String] = []
            for trial in 0..<40 {
                let epoch = Int(random.next() % 20)
                let participant = UInt32(random.next() % 200)
                let kind = kinds[Int(random.next() % UInt64(kinds.count))]
                let id = SenderKeyID(participant: participant, kind: kind, epoch: UInt64(epoch + 1))
                let right = SenderKeySchedule(meetingKey: keys[epoch].key).baseKey(for: id)
                var sender = try SFrameSender<Context>(keyID: id.rawValue, baseKey: right)
                let plaintext = SFrameTesting.plaintext(Int(random.next() % 1500), seed: trial)
                let frame = try SFrameTesting.seal(&sender, plaintext)

                func attempt(_ what: String, _ baseKey: borrowing SecretBytes, frame: [UInt8], keyID: UInt64, opens: Bool = false) throws {
                    var receiver = SFrameReceiver<Context>(capacity: 1)
                    try receiver.addKey(keyID: keyID, baseKey: baseKey)
                    let result = SFrameTesting.open(&receiver, frame)
                    if opens {
                        if result.plaintext != plaintext { failures.append("trial \(trial): the right key did not open (\(what))") }
                    } else if result.error != .authenticationFailed || !SFrameTesting.holdsNoPlaintext(result.output) {
                        failures.append("trial \(trial): \(what) gave \(result.error.map { "\($0)" } ?? "plaintext")")
                    }
                }
                try attempt("right key", right, frame: frame, keyID: id.rawValue, opens: true)
                let otherEpoch = (epoch + 1 + Int(random.next() % 19)) % 20
                try attempt(
                    "epoch \(otherEpoch + 1)'s key", SenderKeySchedule(meetingKey: keys[otherEpoch].key).baseKey(for: id),
                    frame: frame, keyID: id.rawValue)
                let otherParticipant = SenderKeyID(
                    participant: (participant + 1 + UInt32(random.next() % 199)) % 200, kind: kind, epoch: UInt64(epoch + 1))
                try attempt(
                    "another participant's key", SenderKeySchedule(meetingKey: keys[epoch].key).baseKey(for: otherParticipant),
                    frame: frame, keyID: id.rawValue)
                let otherKind = SenderKeyID(
                    participant: participant, kind: kinds[(kinds.firstIndex(of: kind)! + 1) % kinds.count], epoch: UInt64(epoch + 1))
                try attempt(
                    "another stream's key", SenderKeySchedule(meetingKey: keys[epoch].key).baseKey(for: otherKind),
                    frame: frame, keyID: id.rawValue)
                try attempt(
                    "another meeting's key", SenderKeySchedule(meetingKey: otherMeeting.key).baseKey(for: id),
                    frame: frame, keyID: id.rawValue)
                // The header rewritten to the KID of another epoch, opened with that epoch's
                // right key: the KID is authenticated, so the frame is refused.
                let movedID = SenderKeyID(participant: participant, kind: kind, epoch: UInt64(otherEpoch + 1))
                if movedID.rawValue != id.rawValue {
                    let moved = try Self.rewriteKeyID(frame, to: movedID.rawValue)
                    try attempt(
                        "header moved to epoch \(otherEpoch + 1)",
                        SenderKeySchedule(meetingKey: keys[otherEpoch].key).baseKey(for: movedID),
                        frame: moved, keyID: movedID.rawValue)
                }
            }
            #expect(
                failures.count == 0,
                PropertySeed.note(seed, "\(name): \(failures.count) wrong outcomes, first: " + failures.prefix(3).joined(separator: "; ")))
        }
        try run(try BackendRegistry.backend(named: name))
    }

    /// `frame` with its header's KID replaced by `keyID` (counter, ciphertext and tag kept).
    static func rewriteKeyID(_ frame: [UInt8], to keyID: UInt64) throws -> [UInt8] {
        let (header, count) = try SFrameHeader.decode(frame.span)
        var encoded = [UInt8](repeating: 0, count: SFrameHeader.maxByteCount)
        let written = try encoded.withUnsafeMutableBytes { try SFrameHeader(keyID: keyID, counter: header.counter).encode(into: $0) }
        return Array(encoded.prefix(written)) + frame.dropFirst(count)
    }
}
