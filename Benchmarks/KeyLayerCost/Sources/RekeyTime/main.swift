import Foundation
// Leader rekey at 200 participants: leader.distribute(meetingKey:to:) to 199 recipients.
// Usage: RekeyTime <iterations> [warm|cold]
//   warm: one meeting, rekeyed again and again (the leader has seen every recipient before);
//   cold: a fresh 200-participant meeting per sample, its first rekey timed (every recipient new).
// Prints the median, quartiles and sample count in microseconds.
import FrameCrypto

let iterations = Int(CommandLine.arguments.dropFirst().first ?? "30") ?? 30
let cold = CommandLine.arguments.dropFirst(2).first == "cold"
var samples: [Double] = []
var sink = 0

final class Setup {
    var meeting = Meeting()
    let leader: ParticipantIdentity
    init() throws {
        leader = try meeting.join()
        for _ in 1..<200 { _ = try meeting.join() }
    }
}

var setup = try Setup()
for i in 0..<(iterations + 2) {
    if cold { setup = try Setup() }
    let recipients = setup.meeting.present
    let key = setup.meeting.rekey()
    let start = DispatchTime.now().uptimeNanoseconds
    let shares = try setup.leader.distribute(meetingKey: key, to: recipients)
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    sink &+= shares.count
    if i >= 2 { samples.append(Double(elapsed) / 1000) }
}
samples.sort()
print(
    String(
        format: "%@ median_us %.0f p25 %.0f p75 %.0f n %d shares %d", cold ? "cold" : "warm",
        samples[samples.count / 2], samples[samples.count / 4], samples[3 * samples.count / 4], samples.count,
        sink / (iterations + 2)))
