// swift-tools-version: 6.3
// Two small timed harnesses for the key layer's costs (docs/keys.md), a package of its own
// so the main package's build never sees them:
//   RekeyTime  — the leader's rekey at 200 participants (distribute to 199), warm or cold;
//   ForgedCost — what a receiver spends per forged frame, per refusal, backend and size.
// Build with `swift build -c release --package-path Benchmarks/KeyLayerCost`. For a
// before/after comparison, build the same package in a clone checked out at the older
// commit (RekeyTime uses only API both have) and run the two binaries interleaved.
import PackageDescription

let package = Package(
    name: "KeyLayerCost",
    dependencies: [.package(name: "FrameBench", path: "../..")],
    targets: [
        .executableTarget(
            name: "RekeyTime", dependencies: [.product(name: "FrameCrypto", package: "FrameBench")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "ForgedCost", dependencies: [.product(name: "FrameCrypto", package: "FrameBench")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
