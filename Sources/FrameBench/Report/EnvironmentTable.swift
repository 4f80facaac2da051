/// Where and how each run happened, side by side, with values that differ between runs
/// emphasised; and warnings about runs whose numbers deserve suspicion.
enum EnvironmentTable {
    static func table(_ inputs: [ReportInput]) -> ReportTable {
        var table = ReportTable(headers: [""] + inputs.map(\.name))
        func add(_ field: String, _ value: (ReportInput) -> String) {
            let cells = inputs.map(value)
            table.add([field] + cells, emphasis: Set(cells).count > 1 ? .differs : .none)
        }
        add("created (UTC)") { $0.document.createdAt }
        add("CPU") { $0.document.environment.cpuModel ?? "unknown" }
        add("CPU flags") { input in
            let flags = input.document.environment.cpuFlags
            let on = flags.keys.sorted().filter { flags[$0] == true }, off = flags.keys.sorted().filter { flags[$0] != true }
            return on.joined(separator: " ") + (off.isEmpty ? "" : "; not: " + off.joined(separator: " "))
        }
        add("logical cores") { String($0.document.environment.logicalCores) }
        add("OS") { input in
            let os = input.document.environment.os
            return "\(os.name ?? os.kernel) (\(os.kernel) \(os.kernelRelease), \(os.machine))"
        }
        add("Swift compiler") { $0.document.environment.swiftCompiler }
        add("build configuration") { $0.document.environment.buildConfiguration }
        let backends = Set(inputs.flatMap { $0.document.environment.backends.map(\.name) }).sorted()
        for name in backends {
            add("library: \(name)") { input in
                guard let info = input.document.environment.backends.first(where: { $0.name == name }) else { return "–" }
                return "\(info.library) \(info.version)" + (info.availability.reason.map { " (unavailable: \($0))" } ?? "")
            }
        }
        for name in backends {
            add("code path: \(name)") { input in
                guard let info = input.document.environment.backends.first(where: { $0.name == name }) else { return "–" }
                guard let path = info.codePath else { return "not recorded" }
                return "\(path.path.label) (\(path.source.rawValue): \(path.evidence))"
            }
        }
        add("floor reference") { input in
            let floor = input.document.measurements.contains { $0.backend == FloorReference.name }
            if floor { return "measured (AES-NI + PCLMULQDQ intrinsics, not a backend for use)" }
            return input.document.environment.floorUnavailableReason.map { "absent: \($0)" } ?? "not measured"
        }
        add("git commit") { input in
            let env = input.document.environment
            return (env.gitCommit ?? "unknown") + (env.gitDirty == true ? " (uncommitted changes)" : "")
        }
        add("command line") { $0.document.environment.commandLine.map(quote).joined(separator: " ") }
        add("suite") { $0.document.configuration.suite }
        add("run length") { input in
            let c = input.document.configuration
            if let seconds = c.secondsPerCase { return "\(ReportFormat.short(seconds)) s per case" }
            if let frames = c.framesPerCase { return "\(frames) frames per case" }
            return c.runMode
        }
        add("warm-up, repetitions, seed") { input in
            let c = input.document.configuration
            return "\(ReportFormat.short(c.warmupSeconds)) s, \(c.repetitions.map(String.init) ?? "–"), \(c.seed)"
        }
        add("measurements") { String($0.document.measurements.count) }
        add("lowest on-CPU fraction") { input in
            input.document.measurements.compactMap(\.onCPUFraction).min().map { ReportFormat.fixed($0, digits: 3) } ?? "–"
        }
        return table
    }

    /// Sentences warning about what makes a run's numbers less trustworthy.
    static func warnings(_ input: ReportInput) -> [String] {
        var out: [String] = []
        if !input.document.isComplete {
            out.append(
                "\(input.name) is INCOMPLETE: the run was stopped early\(input.document.interruptedBy.map { " by \($0)" } ?? "") and holds only the \(input.document.measurements.count) measurements finished before."
            )
        }
        let env = input.document.environment
        if env.buildConfiguration != "release" {
            out.append(
                "\(input.name) was measured with a \(env.buildConfiguration) build; only release builds give representative numbers.")
        }
        let busy = input.document.measurements.filter { ($0.onCPUFraction ?? 1) < 0.98 }
        if !busy.isEmpty {
            out.append(
                "\(busy.count) of \(input.document.measurements.count) measurements in \(input.name) ran with the measuring thread on the CPU less than 98\u{00A0}% of the time: the machine was busy, and those numbers deserve suspicion."
            )
        }
        if input.document.configuration.extra?.keys.contains(where: { $0.hasPrefix("syntheticOverhead") }) == true {
            out.append(
                "\(input.name) was run with a synthetic overhead added to every frame, to test a regression gate: do not report its numbers."
            )
        }
        return out
    }

    /// `argument`, single-quoted when it holds anything a shell would interpret.
    static func quote(_ argument: String) -> String {
        let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:@+".contains($0) }
        return plain && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
