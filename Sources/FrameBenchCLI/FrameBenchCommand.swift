import ArgumentParser
import Foundation

@main
struct FrameBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framebench",
        abstract: "Measure what end-to-end encryption of real-time media frames costs.",
        subcommands: [
            BackendsCommand.self, VerifyCommand.self, VectorsCommand.self, FramesCommand.self, OverheadCommand.self, CompareCommand.self,
            MeetingCommand.self, RunCommand.self, ReportCommand.self, InstructionProbeCommand.self,
        ])

    /// ArgumentParser's own entry point, except that a usage error (an unknown option, a bad
    /// value, a failed `validate()`) exits 2 like every other bad input (``CLIExit/badInput``),
    /// not 64 (`EX_USAGE`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CLIExit.badInput)
            }
            exit(withError: error)
        }
    }
}
