// swift-tools-version: 6.2
import PackageDescription

/// Benchmarks, kept out of the main package so the test build stays lean. Run them with
/// `scripts/bench` (a release build); they print figures, they assert nothing.
let package = Package(
    name: "vsw-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "vsw", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "vsw-benchmarks",
            dependencies: [
                .product(name: "Workbench", package: "vsw"),
                .product(name: "FlowSimulation", package: "vsw"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)]),
    ],
    swiftLanguageModes: [.v6]
)
