import ArgumentParser
import Foundation

/// Exit codes shared by every subcommand.
enum CLIExit {
    /// A measurement or check failed (a vector failed, a regression was found).
    static let failed: Int32 = 1
    /// The input was bad: an unknown backend, a missing or malformed file, conflicting flags.
    static let badInput: Int32 = 2
}

/// Prints `message` to stderr as `error: …` and returns the exit to throw.
func failure(_ message: String, code: Int32 = CLIExit.badInput) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(code)
}
