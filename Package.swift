// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lab", targets: ["lab"]),
        .library(name: "LabCore", targets: ["LabCore"]),
        .library(name: "Exercises", targets: ["Exercises"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "LabCore", dependencies: [.product(name: "Yams", package: "Yams")], path: "Sources/LabCore",
                resources: [.copy("Grammar/Data")]),
        .target(
            name: "Exercises",
            dependencies: ["LabCore", "CSQLite", .product(name: "Yams", package: "Yams")],
            path: "Sources/Exercises"),
        .target(
            name: "EngineServer",
            dependencies: ["LabCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            path: "Sources/EngineServer"),
        .executableTarget(
            name: "lab",
            dependencies: ["LabCore", "Exercises", "EngineServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/lab"),
        .testTarget(name: "LabCoreTests", dependencies: ["LabCore"], path: "Tests/LabCoreTests",
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises"], path: "Tests/ExercisesTests"),
        .testTarget(name: "EngineServerTests", dependencies: ["EngineServer", "LabCore"], path: "Tests/EngineServerTests"),
        .testTarget(name: "labTests", dependencies: ["lab", "Exercises", "LabCore"], path: "Tests/labTests"),
    ],
    swiftLanguageModes: [.v6]
)
