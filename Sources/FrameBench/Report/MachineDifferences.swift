/// What distinguishes the machines and builds two runs were made on, named: the differences
/// that make `framebench compare` refuse to judge one run against the other (CPU model, CPU
/// flags, architecture, Swift compiler, build configuration, crypto library versions), and
/// those it only notes (core count, operating system).
struct MachineDifferences: Sendable, Equatable {
    /// Differences that make the runs' times a comparison of machines, not of builds, each as
    /// `CPU: Intel(R) Xeon(R) Processor (run 1) vs AMD EPYC 7B12 (run 2)`.
    var distinguishing: [String] = []
    /// Other differences of the environment, in the same form.
    var other: [String] = []

    /// Whether the runs come from different machines or builds.
    var isMachineComparison: Bool { !distinguishing.isEmpty }

    /// The differences of `candidate` from `baseline`, each side named by `names`.
    init(baseline: ReportInput, candidate: ReportInput, names: (baseline: String, candidate: String)) {
        let a = baseline.document.environment, b = candidate.document.environment
        func pair(_ x: String, _ y: String) -> String { "\(x) (\(names.baseline)) vs \(y) (\(names.candidate))" }
        if a.cpuModel != b.cpuModel {
            distinguishing.append("CPU: " + pair(a.cpuModel ?? "unknown", b.cpuModel ?? "unknown"))
        }
        let flags = Set(a.cpuFlags.keys).union(b.cpuFlags.keys).sorted()
        let onlyA = flags.filter { a.cpuFlags[$0] == true && b.cpuFlags[$0] != true }
        let onlyB = flags.filter { b.cpuFlags[$0] == true && a.cpuFlags[$0] != true }
        if !onlyA.isEmpty || !onlyB.isEmpty {
            var parts: [String] = []
            if !onlyA.isEmpty { parts.append("\(onlyA.joined(separator: ", ")) only on \(names.baseline)") }
            if !onlyB.isEmpty { parts.append("\(onlyB.joined(separator: ", ")) only on \(names.candidate)") }
            distinguishing.append("CPU flags: " + parts.joined(separator: "; "))
        }
        if a.os.machine != b.os.machine { distinguishing.append("architecture: " + pair(a.os.machine, b.os.machine)) }
        if a.swiftCompiler != b.swiftCompiler { distinguishing.append("Swift compiler: " + pair(a.swiftCompiler, b.swiftCompiler)) }
        if a.buildConfiguration != b.buildConfiguration {
            distinguishing.append("build configuration: " + pair(a.buildConfiguration, b.buildConfiguration))
        }
        let measured = Set(baseline.document.measurements.map(\.backend)).intersection(candidate.document.measurements.map(\.backend))
        for info in a.backends where measured.contains(info.name) {
            guard let other = b.backends.first(where: { $0.name == info.name }) else { continue }
            if info.library != other.library || info.version != other.version {
                distinguishing.append(
                    "\(info.name) library: " + pair("\(info.library) \(info.version)", "\(other.library) \(other.version)"))
            }
        }
        if a.logicalCores != b.logicalCores { other.append("logical cores: " + pair(String(a.logicalCores), String(b.logicalCores))) }
        let osA = "\(a.os.name ?? a.os.kernel) \(a.os.kernelRelease)", osB = "\(b.os.name ?? b.os.kernel) \(b.os.kernelRelease)"
        if osA != osB { other.append("operating system: " + pair(osA, osB)) }
    }
}
