import ArgumentParser
import FrameBench
import FrameCrypto

/// `framebench instruction-probe`: one case's loop for exactly N frames, nothing else; what
/// `scripts/instructions.sh` runs under callgrind. Hidden from the help: it measures
/// nothing by itself.
struct InstructionProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruction-probe",
        abstract: "Run one case's per-frame loop for exactly N frames, for instruction counting (scripts/instructions.sh).",
        discussion: """
            No calibration, warm-up, timing or output: start-up, then the C reference's \
            (--layer c-library), the backend's (--layer aead) or SFrame's (--layer sframe) seal \
            or open loop, --frames frames in calls of \
            --batch-size frames; with --working-set, the overhead suite's ring runners. Keys and payload come from a fixed seed, so under callgrind the \
            same binary and arguments always execute the same instructions in the loop.
            """,
        shouldDisplay: false)

    @Option(help: "The backend or variant.")
    var backend: String

    @Option(
        help:
            "c-library (the C reference's loop), aead (the backend call, as the frames suite) or sframe (a whole SFrame seal or open, as the overhead suite)."
    )
    var layer: InstructionProbe.Layer

    @Option(help: "seal or open.")
    var operation: FrameOperation

    @Option(help: "Frame size in bytes.")
    var size: Int

    @Option(help: "Frames to run.")
    var frames: Int

    @Option(help: "Frames per call of the loop (1 to 4096).")
    var batchSize = 100

    @Option(help: "Steps of synthetic busy work per frame (the gate self-test's known injection; 0 for none).")
    var syntheticSteps = 0

    @Option(
        name: .customLong("working-set"),
        help:
            "Run the overhead suite's ring runners on one ring spanning this working set (hot, l2, llc, dram; scripts/cache-profile.py --working-set); default: the plain runners the instruction gate counts."
    )
    var workingSet: WorkingSet?

    func validate() throws {
        if workingSet != nil, syntheticSteps > 0 { throw ValidationError("--synthetic-steps needs the plain runners (no --working-set)") }
        guard size >= 0 else { throw ValidationError("--size must not be negative") }
        guard frames >= 0 else { throw ValidationError("--frames must not be negative") }
        guard (1...4096).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 4096") }
        guard syntheticSteps >= 0 else { throw ValidationError("--synthetic-steps must not be negative") }
    }

    func run() throws {
        let chosen: AEADBackend
        do {
            chosen = try BackendRegistry.select([backend])[0]
        } catch {
            throw failure("\(error)")
        }
        do {
            try InstructionProbe.run(
                backend: chosen, layer: layer, operation: operation, size: size, frames: frames, batchSize: batchSize,
                overhead: SyntheticOverhead(steps: syntheticSteps), workingSet: workingSet)
        } catch {
            throw failure("\(error)", code: CLIExit.failed)
        }
    }
}
