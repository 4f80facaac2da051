import Foundation
import Testing

/// docs/robustness.md states how many tests the suite has; this keeps the figure true.
///
/// Swift Testing counts one test per `@Test` function, however many arguments it takes, so
/// `swift test`'s closing line (`Test run with N tests in M suites`) equals the number of
/// `@Test` attributes under Tests/ (checked against a real run when the figure was written).
@Suite struct DocumentedTestCountTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Lines of the Swift files under `directory` that start with an `@Test` attribute.
    static func testAttributes(under directory: URL) throws -> Int {
        let files = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        var count = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let text = line.drop { $0 == " " || $0 == "\t" }
                guard text.hasPrefix("@Test") else { continue }
                let next = text.dropFirst("@Test".count).first
                if next == nil || next == "(" || next == " " { count += 1 }
            }
        }
        return count
    }

    @Test func theRobustnessDocStatesTheCurrentTestCount() throws {
        let doc = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/robustness.md"), encoding: .utf8)
        guard let match = doc.firstMatch(of: /The suite has (\d+) tests/) else {
            Issue.record("docs/robustness.md no longer says 'The suite has N tests'")
            return
        }
        let counted = try Self.testAttributes(under: Self.packageRoot.appendingPathComponent("Tests"))
        #expect(counted > 200, "found only \(counted) @Test attributes: is Tests/ where this test thinks?")
        #expect(
            Int(match.1) == counted,
            "docs/robustness.md says \(match.1) tests; Tests/ has \(counted) (@Test functions, what swift test counts): update the doc")
    }
}
