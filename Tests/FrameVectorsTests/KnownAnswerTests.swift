import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The known answers built into `framebench verify`: they need no file, so nothing about the
/// vector folders can skip them.
@Suite struct BuiltInKnownAnswerTests {
    @Test func builtInKnownAnswersPassOnEveryBackend() {
        #expect(!TestBackends.available.isEmpty)
        for backend in TestBackends.available {
            let report = VectorRunner.run(KnownAnswerTests.file, on: backend)
            #expect(report.tally == VectorTally(passed: 6, failed: 0, skipped: 0), "\(backend.info.name)")
        }
    }
}
