#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the process when an oracle fails, so that libFuzzer records the input as a crash.
/// The message goes to stderr first; nothing is printed while checks pass.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        fatalError("fuzz oracle failed: \(message())", file: file, line: line)
    }
}

/// Whether `FRAMEBENCH_FUZZ_VERBOSE` is set: harnesses then describe each input's outcome on
/// stderr, for looking at one reproducer or checking that seeds do what they should. Off
/// while fuzzing.
public let fuzzVerbose: Bool = getenv("FRAMEBENCH_FUZZ_VERBOSE") != nil

/// Writes `message` to stderr when ``fuzzVerbose`` is on.
public func fuzzLog(_ message: @autoclosure () -> String) {
    guard fuzzVerbose else { return }
    var line = message() + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
