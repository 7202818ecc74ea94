// swift-tools-version:6.0
// libFuzzer targets, a package apart so that neither `swift build` nor `swift test` of the main
// package builds them with sanitizers. Build and run with ../scripts/fuzz TARGET SECONDS.
import PackageDescription

// Every module is compiled with ASan and libFuzzer's coverage (scripts/fuzz passes
// -sanitize=address -sanitize-coverage=… for all, so the build plugin's tool still links with
// its own `main`); only the fuzz targets link libFuzzer, whose driver their `main` calls.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
  name: "stance-pipeline-fuzz",
  platforms: [.macOS(.v15)],
  // The main package through a link named as its package, so that the dependency has the same
  // identity whatever the checkout's folder is called.
  dependencies: [.package(path: "stance-pipeline")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [
        .product(name: "Tokenize", package: "stance-pipeline"),
        .product(name: "Entities", package: "stance-pipeline"),
        .product(name: "Stance", package: "stance-pipeline"),
        .product(name: "JSON", package: "stance-pipeline"),
        .product(name: "PipelineKit", package: "stance-pipeline"),
      ]),
    .executableTarget(name: "fuzz-jsonl", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    .executableTarget(name: "fuzz-tokenizer", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    .executableTarget(name: "fuzz-gazetteer", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    .executableTarget(name: "fuzz-lexicon", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    .executableTarget(name: "fuzz-matcher", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
  ]
)
