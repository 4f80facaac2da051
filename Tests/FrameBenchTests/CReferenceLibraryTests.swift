import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

@testable import FrameBench

/// Every library's C reference (`Sources/CFrameReference`) as the frames and overhead suites
/// reach it, through ``CReferenceLibrary``: for AES-128-GCM (SFrame suite 4) and AES-256-GCM
/// (suite 5), whichever its backend implements, the same sealed frames and tags as the Swift
/// backend under the same counter nonces, batch and ring, the same plaintext back, and a
/// bad tag refused with the output zeroed.
@Suite struct CReferenceLibraryTests {
    /// The libraries that have a C reference in this build: openssl and sodium, and the
    /// optional libraries under their traits.
    static let libraries: [String] = ["openssl", "sodium"] + TestBackends.optionalLibraries

    static let cells: [(String, Int)] = libraries.filter(TestBackends.isAvailable).flatMap { name in
        [0, 1, 64, 1500].map { (name, $0) }
    }

    /// The AES-GCM algorithms `library`'s backend implements (at least one).
    static func gcmAlgorithms(_ library: String) throws -> [AEADAlgorithm] {
        let backend = try BackendRegistry.backend(named: library)
        let algorithms = [AEADAlgorithm.aes128GCM, .aes256GCM].filter(backend.algorithms.contains)
        #expect(!algorithms.isEmpty, "\(library)")
        return algorithms
    }

    @Test func everyLibraryWithACReferenceHasItsRingLoopsAndRefusesOtherKeyLengths() throws {
        #expect(ReferenceFrameRunner.backends == Set(Self.libraries))
        #expect(RingReferenceRunner.backends == Set(Self.libraries))
        let key = [UInt8](repeating: 7, count: 32)
        for library in Self.libraries.filter(TestBackends.isAvailable) {
            // The runners check the length before C reads the key.
            #expect(throws: SuiteError.self, "\(library)") {
                _ = try ReferenceFrameRunner(backend: library, key: Array(key.prefix(24)), payload: [], aad: [], operation: .seal)
            }
            // The optional libraries' fbr_*_new key by the length: 16 or 32, nothing else.
            guard !["openssl", "sodium"].contains(library) else { continue }
            let table = try #require(CReferenceLibrary.table(backend: library, algorithm: .aes256GCM))
            #expect(key.withUnsafeBufferPointer { table.new($0.baseAddress, 24) } == nil, "\(library)")
            #expect(CReferenceLibrary.table(backend: library, algorithm: .aes128CTRHMACSHA256Tag80) == nil, "\(library)")
        }
    }

    @Test(arguments: cells)
    func batchesSealAndOpenExactlyAsTheBackend(library: String, size: Int) throws {
        let backend = try BackendRegistry.backend(named: library)
        func check<C: AEADContext & ~Copyable>(_: C.Type, _ algorithm: AEADAlgorithm) throws {
            var random = SeededRandom(seed: UInt64(algorithm.keyByteCount) * 10_000 + UInt64(size))
            let key = random.bytes(algorithm.keyByteCount), aad = random.bytes(8), payload = random.bytes(size)
            let label = "\(library) \(algorithm) \(size) B"

            // Seal: three frames in place, the frames suite's C case beside the Swift case.
            let swiftSeal = try SwiftFrameRunner<C>(algorithm: algorithm, key: key, payload: payload, aad: aad, operation: .seal)
            let cSeal = try #require(
                try FramesSuite.makeReferenceRunner(library, algorithm: algorithm, key: key, payload: payload, aad: aad, operation: .seal)
                    as? ReferenceFrameRunner, "\(label)")
            _ = try swiftSeal.runBatch(frames: 3)
            _ = try cSeal.runBatch(frames: 3)
            #expect(cSeal.sealedText.text == swiftSeal.sealedText.text, "\(label)")
            #expect(cSeal.sealedText.tag == swiftSeal.sealedText.tag, "\(label)")
            #expect(size == 0 || cSeal.sealedText.text != payload, "\(label)")

            // Open: each runner opens what its own seal made, twice.
            let swiftOpen = try SwiftFrameRunner<C>(algorithm: algorithm, key: key, payload: payload, aad: aad, operation: .open)
            let cOpen = try #require(
                try ReferenceFrameRunner(backend: library, algorithm: algorithm, key: key, payload: payload, aad: aad, operation: .open))
            _ = try swiftOpen.runBatch(frames: 2)
            _ = try cOpen.runBatch(frames: 2)
            #expect(swiftOpen.openedText == payload && cOpen.openedText == payload, "\(label)")

            // A bad tag: refused, the plaintext zeroed.
            let table = try #require(CReferenceLibrary.table(backend: library, algorithm: algorithm))
            let reference = try CReferenceContext(table, key: key)
            let buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 9))
            defer { buffers.deallocate() }
            var counter: UInt64 = 8
            #expect(reference.sealBatch(buffers, text: buffers.sealed, counter: &counter, frames: 1) >= 0 && counter == 9)
            #expect(reference.openBatch(buffers, frames: 1) >= 0 && Array(buffers.text) == payload, "\(label)")
            buffers.tag[15] ^= 0x01
            #expect(reference.openBatch(buffers, frames: 1) < 0 && buffers.text.allSatisfy { $0 == 0 }, "\(label)")
        }
        for algorithm in try Self.gcmAlgorithms(library) { try check(backend, algorithm) }
    }

    @Test(arguments: cells)
    func ringsSealAndOpenExactlyAsTheBackend(library: String, size: Int) throws {
        let backend = try BackendRegistry.backend(named: library)
        func check<C: AEADContext & ~Copyable>(_: C.Type, _ algorithm: AEADAlgorithm) throws {
            var random = SeededRandom(seed: UInt64(algorithm.keyByteCount) * 10_000 + UInt64(size) + 1)
            let key = random.bytes(algorithm.keyByteCount), header = random.bytes(6), payload = random.bytes(size)
            let label = "\(library) \(algorithm) \(size) B"
            let geometry = RingGeometry(frameSize: size, headerBytes: 6, slots: 3, refill: .beforeRead)
            let cRing = FrameRing(geometry: geometry, payload: payload, header: header)
            let swiftRing = FrameRing(geometry: geometry, payload: payload, header: header)
            defer {
                cRing.deallocate()
                swiftRing.deallocate()
            }
            cRing.writeFrames(first: 0, count: 3)
            swiftRing.writeFrames(first: 0, count: 3)

            // Seal: every slot in place, nonces 1, 2, 3: the same bytes as the Swift ring loop.
            let table = try #require(CReferenceLibrary.table(backend: library, algorithm: algorithm))
            guard table.ring != nil else {
                // OpenSSL's AES-128-GCM is its suite reference (suites.c): batches only.
                #expect(library == "openssl" && algorithm == .aes128GCM, "\(label) has no ring loops")
                return
            }
            let reference = try CReferenceContext(table, key: key)
            var cCounter: UInt64 = 0
            var swiftCounter: UInt64 = 0
            #expect(reference.sealRing(cRing, first: 0, count: 3, counter: &cCounter) >= 0 && cCounter == 3, "\(label)")
            var context = try C(algorithm: algorithm, key: key.span)
            _ = try FrameLoops.sealRing(
                &context, ring: swiftRing.slot(0), stride: geometry.stride, size: size, aadBytes: 6, frames: 3, counter: &swiftCounter)
            #expect(Array(cRing.memory) == Array(swiftRing.memory), "\(label)")
            #expect(size == 0 || Array(UnsafeRawBufferPointer(start: cRing.slot(2) + 6, count: size)) != payload, "\(label)")

            // Open: the C loop opens the Swift-sealed slots; a bad tag in the last is refused.
            #expect(reference.openRing(swiftRing, first: 0, count: 3) >= 0 && Array(swiftRing.output) == payload, "\(label)")
            let tag = swiftRing.slot(2) + 6 + size
            tag.storeBytes(of: tag.load(as: UInt8.self) ^ 0x01, as: UInt8.self)
            #expect(reference.openRing(swiftRing, first: 0, count: 3) < 0 && swiftRing.output.allSatisfy { $0 == 0 }, "\(label)")
        }
        for algorithm in try Self.gcmAlgorithms(library) { try check(backend, algorithm) }
    }
}
