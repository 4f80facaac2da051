import ArgumentParser
import Foundation

/// `--threads`: a comma-separated list of thread counts (`1,2,4`), or `max` for 1 up to the
/// CPUs this process may use.
struct ThreadCounts: ExpressibleByArgument, Sendable, Equatable {
    /// The counts in the order given, each at least 1.
    var counts: [Int]

    init?(argument: String) {
        if argument.trimmingCharacters(in: .whitespaces) == "max" {
            counts = Array(1...max(ProcessInfo.processInfo.activeProcessorCount, 1))
            return
        }
        guard let list = CommaSeparated<Int>(argument: argument), list.values.allSatisfy({ $0 >= 1 }) else { return nil }
        counts = list.values
    }
}
