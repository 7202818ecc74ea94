// swift-tools-version:6.1
// Micro-benchmarks per pipeline stage, on ordo-one/benchmark. A separate package so that the
// main package (and its CI test build) does not depend on the benchmark framework.
//
//   cd Benchmarks && swift package benchmark
//
// `traits: ["MallocInterposer"]` turns off the package's default "RuntimeInterposer" trait, whose
// dependency (ordo-one/swift-runtime-interposer, Linux + Swift 6.3 only) is not available here.
import PackageDescription

// A path dependency's identity is its folder's name (`main`, `stance-pipeline`, whatever the
// checkout is called), not the manifest's `name`, so take it from the parent folder.
let root =
  Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() }
  ?? "stance-pipeline"

let package = Package(
  name: "StageBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "StageBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Tokenize", package: root),
        .product(name: "Entities", package: root),
        .product(name: "Stance", package: root),
        .product(name: "JSON", package: root),
        .product(name: "PipelineKit", package: root),
      ],
      path: "Benchmarks/StageBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    )
  ]
)
