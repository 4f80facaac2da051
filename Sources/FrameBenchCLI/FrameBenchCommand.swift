import ArgumentParser

@main
struct FrameBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framebench",
        abstract: "Measure what end-to-end encryption of real-time media frames costs.",
        subcommands: [BackendsCommand.self, VerifyCommand.self, VectorsCommand.self, FramesCommand.self, OverheadCommand.self, CompareCommand.self, MeetingCommand.self, RunCommand.self, ReportCommand.self, InstructionProbeCommand.self])
}
