// swift-tools-version: 6.2
import PackageDescription

/// Our own targets treat every warning as an error: the test command must fail on one.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "vsw",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vsw", targets: ["vsw"]),
        // For the benchmark package in Benchmarks/.
        .library(name: "Workbench", targets: ["Workbench"]),
        .library(name: "FlowSimulation", targets: ["FlowSimulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The domain: value types, no I/O.
        .target(name: "ValueStreams", swiftSettings: strict),
        // Reading and writing model files, with located diagnostics.
        .target(
            name: "ModelFormats",
            dependencies: ["ValueStreams", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Flow metrics from a model: propagation of degradations, the analytic and discrete-event engines.
        .target(
            name: "FlowSimulation",
            dependencies: ["ValueStreams", .product(name: "HeapModule", package: "swift-collections"),
                           .product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict),
        // The command language, the session and the renderers.
        .target(name: "Workbench", dependencies: ["ValueStreams", "ModelFormats", "FlowSimulation"], swiftSettings: strict),
        // libedit, as the system provides it, and non-variadic C wrappers for it.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        // Line editing behind the LineReader protocol; plain readers for pipes and scripts.
        .target(name: "LineEditor", dependencies: ["CEditLine", "CEditLineShim"], swiftSettings: strict),
        // The executable: flags, input readers, the loop.
        .executableTarget(
            name: "vsw",
            dependencies: ["Workbench", "LineEditor", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),

        .testTarget(name: "ValueStreamsTests", dependencies: ["ValueStreams"], swiftSettings: strict),
        .testTarget(name: "ModelFormatsTests", dependencies: ["ModelFormats"], swiftSettings: strict),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench"], exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "FlowSimulationTests", dependencies: ["FlowSimulation"], swiftSettings: strict),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"], swiftSettings: strict),
        // End-to-end: drives the built binary, so it depends on the executable.
        .testTarget(name: "vswTests", dependencies: ["vsw"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
