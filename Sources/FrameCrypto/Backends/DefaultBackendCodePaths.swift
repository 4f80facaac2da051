internal import COpenSSL
internal import CSodium

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The code paths of the three default libraries (``CodePathReport``), one place for the
/// rules each follows.
enum DefaultBackendCodePaths {
    /// OpenSSL has no public query (`OPENSSL_ia32cap_P` is not exported; the
    /// `OPENSSL_ia32cap` environment variable masks features): its AES-GCM takes AES-NI with
    /// PCLMULQDQ when CPUID has them, and from 3.1 on (openssl#17239) the AVX-512 VAES and
    /// VPCLMULQDQ code when the CPU has those.
    static let openSSL: CodePathReport = {
        let major = OPENSSL_version_major()
        let minor = OPENSSL_version_minor()
        let hasVAESCode = major > 3 || (major == 3 && minor >= 1)
        let features = CPUFeatures.current
        let masked = getenv("OPENSSL_ia32cap") != nil
        guard !masked else {
            return CodePathReport(
                path: .unknown, source: .dispatchRule, evidence: "OPENSSL_ia32cap is set: OpenSSL's CPUID bits are overridden")
        }
        return features.dispatch(
            library: "OpenSSL \(major).\(minor)", vaes: hasVAESCode && features.contains(.avx512f),
            rule: hasVAESCode
                ? "AES-NI + PCLMULQDQ code when CPUID has them, the AVX-512 VAES code when it has VAES, VPCLMULQDQ and AVX-512"
                : "AES-NI + PCLMULQDQ (AVX) code when CPUID has them; no VAES GCM before OpenSSL 3.1")
    }()

    /// libsodium's own query: `crypto_aead_aes256gcm_is_available()` is true only with AES-NI
    /// and PCLMULQDQ, its only AES-GCM code (no VAES, no portable fallback).
    static let sodium: CodePathReport = {
        let available = sodium_init() >= 0 && crypto_aead_aes256gcm_is_available() != 0
        return CodePathReport(
            path: available ? .aesni : .unknown, source: .libraryQuery,
            evidence: "crypto_aead_aes256gcm_is_available() = \(available ? 1 : 0) (its AES-GCM is AES-NI + PCLMULQDQ only)")
    }()

    /// swift-crypto's BoringSSL (no query through swift-crypto's API): its `aes_gcm` picks
    /// the VAES + VPCLMULQDQ code (AVX2, or AVX-512 when it has AVX-512BW/VL) when CPUID has
    /// them, else AES-NI + PCLMULQDQ, else its constant-time vector-permute code.
    static let swiftCrypto: CodePathReport = CPUFeatures.current.dispatch(
        library: "swift-crypto's BoringSSL", vaes: CPUFeatures.current.contains(.avx2),
        rule: "gcm.cc picks aes_gcm_*_vaes_avx2/avx512 with VAES, VPCLMULQDQ and AVX2, else aesni_gcm with AES-NI and PCLMULQDQ")
}
