import FrameCrypto
import XCTest

/// ``SuiteAllocationProbeTests``' probe through XCTest, the one test runner valgrind 3.19 can
/// run (it stops with an internal error in the Swift Testing runner's thread pool):
/// scripts/check-suite-allocations.sh runs exactly this under memcheck and counts the heap
/// allocations made inside ``allocationProbeLoop(sender:receiver:frames:plaintext:frame:output:)``.
/// Here too every frame of every suite must round-trip.
final class SuiteAllocationProbe: XCTestCase {
    func testEveryFrameOfEverySuiteRoundTripsInTheProbeLoop() throws {
        for suite in SFrameCipherSuite.allCases {
            XCTAssertEqual(try SuiteAllocationProbeTests.probe(suite: suite), [], "suite \(suite.rawValue)")
        }
    }
}
