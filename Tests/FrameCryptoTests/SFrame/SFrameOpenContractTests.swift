import FrameCrypto
import Testing

/// `open`'s contract as documented: size checks throw before writing anything, and an
/// output that overlaps the frame other than exactly in place is refused as `seal` refuses
/// it (the process stops: it is a programming error, not bad input).
@Suite struct SFrameOpenContractTests {
    @Test(arguments: SFrameTesting.backendNames)
    func sizePreChecksLeaveTheOutputAsItWas(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let base = SFrameTesting.baseKey(11)
            var sender = try SFrameSender<Context>(keyID: 3, baseKey: base)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: 3, baseKey: base)
            let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(64))
            let short = SFrameTesting.open(&receiver, frame, outputCount: 63)
            #expect(short.error == .bufferTooSmall(needed: 64, available: 63))
            #expect(short.output.allSatisfy { $0 == SFrameTesting.sentinel }, "not written, not zeroed either")
            let opened = SFrameTesting.open(&receiver, frame)
            #expect(opened.plaintext == SFrameTesting.plaintext(64), "the refused open did not use the counter")
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test func anOutputOverlappingTheFrameOutOfPlaceStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let base = SecretBytes(copying: [UInt8](repeating: 7, count: 32).span)
            var sender = try SFrameSender<SodiumContext>(keyID: 3, baseKey: base)
            var receiver = SFrameReceiver<SodiumContext>(capacity: 1)
            try receiver.addKey(keyID: 3, baseKey: base)
            var buffer = [UInt8](repeating: 0, count: 200)
            let none = UnsafeRawBufferPointer(start: nil, count: 0)
            let plaintext = [UInt8](repeating: 1, count: 64)
            try buffer.withUnsafeMutableBytes { whole in
                let count = try plaintext.withUnsafeBytes { try sender.seal(plaintext: $0, metadata: none, into: whole) }
                // The header is 1 byte here: the output starts one byte past the ciphertext.
                _ = try receiver.open(
                    frame: UnsafeRawBufferPointer(rebasing: whole[0..<count]), metadata: none,
                    into: UnsafeMutableRawBufferPointer(rebasing: whole[2..<(2 + 64)]))
            }
        }
    }
}
