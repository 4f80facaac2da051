// swift-tools-version: 6.3
// 6.3, not less: package-benchmark 1.38.1 declares its `MallocInterposer` trait (used below)
// only in its tools-6.3 manifest (a 6.2 toolchain reads its Package@swift-6.2.swift, which has
// no such trait), and FrameCrypto uses `Span`, `MutableSpan` and `InlineArray` (Swift 6.2
// standard library). Tested with Swift 6.3.1.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The five optional crypto libraries, one package trait each (`swift build --traits Nettle,Botan`,
/// or `--traits AllBackends`). None is on by default: with only libssl-dev and libsodium-dev
/// installed, `swift build` never looks for them. A trait adds its system-library target to
/// FrameCrypto and CFrameReference, the `#if Trait` backend in FrameCrypto and the
/// `FRAMEBENCH_HAVE_*` C reference loops.
let optionalLibraries: [(trait: String, target: String, define: String)] = [
    ("Nettle", "CNettle", "FRAMEBENCH_HAVE_NETTLE"),
    ("Libgcrypt", "CGcrypt", "FRAMEBENCH_HAVE_GCRYPT"),
    ("MbedTLS", "CMbedTLS", "FRAMEBENCH_HAVE_MBEDTLS"),
    ("WolfSSL", "CWolfSSL", "FRAMEBENCH_HAVE_WOLFSSL"),
    ("Botan", "CBotan", "FRAMEBENCH_HAVE_BOTAN"),
]

/// The optional libraries' system-library targets, each a dependency only when its trait is on.
let optionalLibraryDependencies: [Target.Dependency] = optionalLibraries.map {
    .target(name: $0.target, condition: .when(traits: [$0.trait]))
}

let package = Package(
    name: "FrameBench",
    products: [
        .library(name: "FrameCrypto", targets: ["FrameCrypto"]),
        .library(name: "FrameVectors", targets: ["FrameVectors"]),
        .library(name: "FrameBench", targets: ["FrameBench"]),
        .executable(name: "framebench", targets: ["FrameBenchCLI"]),
    ],
    traits: [
        .trait(name: "Nettle", description: "The nettle backend (nettle-dev): nettle's gcm_aes256 interface."),
        .trait(name: "Libgcrypt", description: "The libgcrypt backend (libgcrypt20-dev): gcry_cipher in GCM mode."),
        .trait(name: "MbedTLS", description: "The mbedTLS backend (libmbedtls-dev): mbedtls_gcm."),
        .trait(name: "WolfSSL", description: "The wolfSSL backend (libwolfssl-dev): wolfCrypt's wc_AesGcm."),
        .trait(name: "Botan", description: "The Botan backend (libbotan-2-dev): Botan 2's C FFI botan_cipher."),
        .trait(
            name: "AllBackends", description: "Every optional backend.",
            enabledTraits: ["Nettle", "Libgcrypt", "MbedTLS", "WolfSSL", "Botan"]),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.4"),
        // AES.GCM over BoringSSL: the third backend, `swift-crypto`.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // `swift package generate-documentation --target FrameCrypto` (the DocC catalog in
        // Sources/FrameCrypto/FrameCrypto.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        // The CPU's AES features from CPUID (a header, no library): the code-path report.
        .systemLibrary(name: "CCPUFeatures"),
        // The optional libraries (package traits, above).
        .systemLibrary(name: "CNettle", pkgConfig: "nettle", providers: [.apt(["nettle-dev"]), .brew(["nettle"])]),
        .systemLibrary(name: "CGcrypt", pkgConfig: "libgcrypt", providers: [.apt(["libgcrypt20-dev"]), .brew(["libgcrypt"])]),
        // Debian's mbedTLS 2.28 ships no .pc file: the module map links mbedcrypto.
        .systemLibrary(name: "CMbedTLS", providers: [.apt(["libmbedtls-dev"]), .brew(["mbedtls@2"])]),
        .systemLibrary(name: "CWolfSSL", pkgConfig: "wolfssl", providers: [.apt(["libwolfssl-dev"]), .brew(["wolfssl"])]),
        .systemLibrary(name: "CBotan", pkgConfig: "botan-2", providers: [.apt(["libbotan-2-dev"]), .brew(["botan@2"])]),

        // Frame loops in plain C against the same libraries: the baseline the Swift layers
        // are measured against.
        // The floor (floor.c) is AES-256-GCM in AES-NI and PCLMULQDQ intrinsics, compiled per
        // function for those instructions and chosen at run time, so the target builds anywhere.
        .target(
            name: "CFrameReference",
            dependencies: ["COpenSSL", "CSodium"] + optionalLibraryDependencies,
            // -O2 in every configuration: the floor is the yardstick of the code-path probe
            // (FrameBench's CodePathProbe), which `framebench backends` runs in debug builds too,
            // and unoptimised intrinsics run ~10x slower than the libraries they are measured against.
            cSettings: optionalLibraries.map { .define($0.define, .when(traits: [$0.trait])) } + [.unsafeFlags(["-O2"])]
        ),

        // The core: AES-256-GCM backends behind one protocol.
        .target(
            name: "FrameCrypto",
            dependencies: [
                "COpenSSL",
                "CSodium",
                "CCPUFeatures",
                .product(name: "Crypto", package: "swift-crypto"),
            ] + optionalLibraryDependencies,
            swiftSettings: strict,
            plugins: ["DependencyVersions"]
        ),

        // Writes the resolved versions of dependencies that report none at run time
        // (swift-crypto) into the target that uses them.
        .plugin(
            name: "DependencyVersions",
            capability: .buildTool()
        ),

        // Public test vectors: the NIST, Wycheproof and RFC 9605 readers, the checks that run
        // them against a backend, the SFrame vector generator, and its seeded generator.
        .target(
            name: "FrameVectors",
            dependencies: ["FrameCrypto"],
            swiftSettings: strict
        ),

        // The harness: workloads, measurement, results.
        .target(
            name: "FrameBench",
            dependencies: [
                "FrameCrypto",
                "FrameVectors",
                "CFrameReference",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            // LLVM's function merging off: it folded per-backend loop copies that differ only
            // in the backend they call into one body calling through a function pointer
            // (Sources/FrameBench/Loops/SpecializedContexts.swift, scripts/check-specializations.py).
            swiftSettings: strict + [.unsafeFlags(["-Xfrontend", "-disable-llvm-merge-functions-pass"])]
        ),

        // The thin command-line front end.
        .executableTarget(
            name: "FrameBenchCLI",
            dependencies: [
                "FrameBench",
                "FrameCrypto",
                "FrameVectors",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Tests mirror the modules: FrameCryptoTests never sees FrameBench. What several test
        // targets share (vector locations, seeds, skip-or-fail under CI) is in FrameTestSupport.
        .target(
            name: "FrameTestSupport",
            dependencies: ["FrameCrypto", "FrameVectors"],
            path: "Tests/FrameTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "FrameCryptoTests",
            dependencies: ["FrameCrypto", "FrameVectors", "FrameTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FrameVectorsTests",
            dependencies: ["FrameCrypto", "FrameVectors", "FrameTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FrameBenchTests",
            dependencies: ["FrameCrypto", "FrameVectors", "FrameBench", "FrameTestSupport"],
            swiftSettings: strict
        ),

        // package-benchmark suites: `swift package benchmark`.
        .executableTarget(
            name: "AEADBenchmarks",
            dependencies: [
                "FrameCrypto",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AEADBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SFrameBenchmarks",
            dependencies: [
                "FrameCrypto",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SFrameBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
