// swift-tools-version: 6.3
// libFuzzer targets for FrameBench: a package of its own, so the main package's build and
// `swift test` never see the fuzzer flags. Build and run with `scripts/fuzz.sh`, which does:
//
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
//
// Each fuzzer's main.swift runs libFuzzer's driver from top-level code (FuzzSupport's
// `runLibFuzzer`); `-parse-as-library` would leave SwiftPM's renamed entry point undefined.
// See docs/fuzzing.md. Tools 6.3 like the main package it builds on (see its Package.swift).
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One executable per fuzzer; each exports `LLVMFuzzerTestOneInput`.
let fuzzers: [(name: String, product: String)] = [
    ("FuzzSFrameHeader", "FrameCrypto"),
    ("FuzzReceiverOpen", "FrameCrypto"),
    ("FuzzResultsReader", "FrameBench"),
    ("FuzzTraceReader", "FrameBench"),
]

/// The main package's traits for the fuzz build: FRAMEBENCH_TRAITS (comma-separated, as for
/// `swift build --traits`; .ci/run sets AllBackends), so FuzzReceiverOpen opens frames on every
/// backend the build has; unset, the default (no optional library).
let frameBenchTraits: Set<Package.Dependency.Trait> = {
    guard let list = Context.environment["FRAMEBENCH_TRAITS"], !list.isEmpty else { return [.defaults] }
    return Set(list.split(separator: ",").map { Package.Dependency.Trait(name: String($0)) })
}()

let package = Package(
    name: "FrameBenchFuzz",
    dependencies: [
        // The main package, whatever its directory is called.
        .package(name: "FrameBench", path: "..", traits: frameBenchTraits)
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: strict),
    ]
        + fuzzers.map { fuzzer in
            .executableTarget(
                name: fuzzer.name,
                dependencies: ["FuzzSupport", .product(name: fuzzer.product, package: "FrameBench")],
                swiftSettings: strict
            )
        }
)
