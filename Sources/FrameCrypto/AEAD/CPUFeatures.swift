internal import CCPUFeatures

/// The CPU's AES-related features, from CPUID (Sources/CCPUFeatures): what a library's
/// dispatch rule is applied to when the library has no query of its own.
public struct CPUFeatures: OptionSet, Sendable, Equatable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let aesni = CPUFeatures(rawValue: 1 << 0)
    public static let pclmulqdq = CPUFeatures(rawValue: 1 << 1)
    public static let vaes = CPUFeatures(rawValue: 1 << 2)
    public static let vpclmulqdq = CPUFeatures(rawValue: 1 << 3)
    public static let avx2 = CPUFeatures(rawValue: 1 << 4)
    public static let avx512f = CPUFeatures(rawValue: 1 << 5)
    /// The operating system saves the AVX registers (OSXSAVE, XCR0): AVX code may run.
    public static let osAVX = CPUFeatures(rawValue: 1 << 6)

    /// This CPU's, read once.
    public static let current = CPUFeatures(rawValue: fbcpu_features())

    /// AES-NI and PCLMULQDQ both.
    public var hasAESNIAndCLMUL: Bool { isSuperset(of: [.aesni, .pclmulqdq]) }
    /// VAES and VPCLMULQDQ with AVX state saved by the OS.
    public var hasVAES: Bool { isSuperset(of: [.vaes, .vpclmulqdq, .osAVX]) }

    /// The features by name, as CPUID calls them: `aes pclmulqdq vaes …`.
    public var names: String {
        let all: [(CPUFeatures, String)] = [
            (.aesni, "aes"), (.pclmulqdq, "pclmulqdq"), (.vaes, "vaes"), (.vpclmulqdq, "vpclmulqdq"),
            (.avx2, "avx2"), (.avx512f, "avx512f"),
        ]
        let present = all.filter { contains($0.0) }.map(\.1)
        return present.isEmpty ? "none of aes, pclmulqdq, vaes" : present.joined(separator: " ")
    }

    /// The path of a library whose AES-GCM uses AES-NI and PCLMULQDQ when the CPU has both
    /// (and, when `vaes` is true, VAES and VPCLMULQDQ when it has those), judged by
    /// `library`'s documented rule: the report for libraries with no query of their own.
    public func dispatch(library: String, vaes: Bool, rule: String) -> CodePathReport {
        let path: CodePath = vaes && hasVAES ? .vaes : hasAESNIAndCLMUL ? .aesni : .tableBased
        return CodePathReport(path: path, source: .dispatchRule, evidence: "\(library): \(rule); CPUID: \(names)")
    }
}
