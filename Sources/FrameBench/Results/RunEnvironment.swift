public import FrameCrypto

/// Where a run happened: enough to explain a number or refuse to compare two.
public struct RunEnvironment: Sendable, Equatable, Codable {
    /// The CPU's model name from `/proc/cpuinfo`, or `nil` where there is none.
    public var cpuModel: String?
    /// Whether the CPU advertises each instruction-set flag AES-GCM speed depends on:
    /// `aes`, `pclmulqdq`, `avx`, `avx2`, `vaes`, `vpclmulqdq`, `avx512f`, `sha_ni`.
    public var cpuFlags: [String: Bool]
    /// Logical CPUs online.
    public var logicalCores: Int
    /// The operating system.
    public var os: OperatingSystem
    /// The Swift compiler that built this binary, as far as `#if compiler(>=…)` checks can
    /// tell at compile time: a range such as `>=6.3.1 <6.4`, not an exact build string.
    public var swiftCompiler: String
    /// `debug` or `release`, from `#if DEBUG` in this module.
    public var buildConfiguration: String
    /// Each backend with its library and run-time version.
    public var backends: [BackendInfo]
    /// `git rev-parse HEAD` in the working directory, or `nil` when that fails.
    public var gitCommit: String?
    /// Whether `git status --porcelain` listed changes (`nil` without git).
    public var gitDirty: Bool?
    /// The command line, program name first.
    public var commandLine: [String]
    /// Why the floor reference (CFrameReference floor.c) cannot run here, or `nil` when it
    /// can (and in files written before FrameBench had it).
    public var floorUnavailableReason: String? = nil

    /// The operating system, from `/etc/os-release` and `uname`.
    public struct OperatingSystem: Sendable, Equatable, Codable {
        /// `PRETTY_NAME` from `/etc/os-release`, such as `Debian GNU/Linux 12 (bookworm)`.
        public var name: String?
        /// `uname -s`, such as `Linux`.
        public var kernel: String
        /// `uname -r`: the kernel release.
        public var kernelRelease: String
        /// `uname -m`: the machine architecture, such as `x86_64`.
        public var machine: String

        /// An operating system with every field given.
        public init(name: String?, kernel: String, kernelRelease: String, machine: String) {
            self.name = name
            self.kernel = kernel
            self.kernelRelease = kernelRelease
            self.machine = machine
        }
    }

    /// An environment with every field given (tests, and readers of old files).
    public init(
        cpuModel: String?, cpuFlags: [String: Bool], logicalCores: Int, os: OperatingSystem,
        swiftCompiler: String, buildConfiguration: String, backends: [BackendInfo],
        gitCommit: String?, gitDirty: Bool?, commandLine: [String]
    ) {
        self.cpuModel = cpuModel
        self.cpuFlags = cpuFlags
        self.logicalCores = logicalCores
        self.os = os
        self.swiftCompiler = swiftCompiler
        self.buildConfiguration = buildConfiguration
        self.backends = backends
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.commandLine = commandLine
    }

    /// The CPU flags recorded.
    public static let recordedCPUFlags = ["aes", "pclmulqdq", "avx", "avx2", "vaes", "vpclmulqdq", "avx512f", "sha_ni"]

    /// The build configuration of this module.
    public static var buildConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// The compiler version range this module was built with.
    public static var swiftCompiler: String {
        #if compiler(>=7.0)
        ">=7.0"
        #elseif compiler(>=6.4)
        ">=6.4 <7.0"
        #elseif compiler(>=6.3.2)
        ">=6.3.2 <6.4"
        #elseif compiler(>=6.3.1)
        ">=6.3.1 <6.3.2"
        #elseif compiler(>=6.3)
        ">=6.3 <6.3.1"
        #elseif compiler(>=6.2)
        ">=6.2 <6.3"
        #elseif compiler(>=6.1)
        ">=6.1 <6.2"
        #else
        "<6.1"
        #endif
    }
}
