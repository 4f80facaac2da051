import FrameCrypto
import FuzzSupport

runLibFuzzer { data, size in fuzz(data ?? emptyFuzzInput, size) }

/// Fuzzes `SFrameReceiver.open` with attacker-controlled frames, on every backend that runs
/// here (the input's first byte picks one).
///
/// Each input is a short session: a receiver with the fixed keys of ``Keys/installed`` opens
/// up to eight frames, each either raw input bytes or a frame genuinely sealed by one of
/// ``Keys/senders`` (KID and counter from the input), then possibly mutated. See
/// ``FrameOutcome`` for what each open must do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let backends = Keys.backends
    guard !backends.isEmpty else { return 0 }
    let backend = backends[Int(input.byte()) % backends.count]
    session(backend, &input)
    return 0
}

/// One session with a receiver of `Context`'s backend (an `AEADBackend` opens into it).
func session<Context: AEADContext & ~Copyable>(_: Context.Type, _ input: inout FuzzInput) {
    fuzzLog("backend \(Context.info.name)")
    var receiver = SFrameReceiver<Context>(capacity: Keys.installed.count)
    for key in Keys.installed {
        do {
            try receiver.addKey(keyID: key.keyID, baseKey: key.baseKey())
        } catch {
            return fuzzCheck(false, "cannot install \(key): \(error)")
        }
    }
    var model = ReplayModel()
    var frames = 0
    while !input.isExhausted && frames < 8 {
        frames += 1
        let op = input.byte()
        let frame = op & 1 == 0 ? FuzzFrame.raw(&input) : FuzzFrame.sealed(&input, as: Context.self)
        let placement = OutputPlacement(op: op, input: &input)
        let attempt = open(frame, placement: placement, receiver: &receiver)
        FrameOutcome.check(attempt, frame: frame, placement: placement, model: &model, as: Context.self)
    }
}
