// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "stance-pipeline",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Tokenize", targets: ["Tokenize"]),
    .library(name: "Entities", targets: ["Entities"]),
    .library(name: "Stance", targets: ["Stance"]),
    .library(name: "JSON", targets: ["JSON"]),
    .library(name: "PipelineKit", targets: ["PipelineKit"]),
    .library(name: "AnalystKit", targets: ["AnalystKit"]),
    .executable(name: "pipeline", targets: ["pipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // ICU, from Debian's libicu-dev through pkg-config. Only CICU's .c file includes its headers.
    .systemLibrary(
      name: "CICUSystem",
      pkgConfig: "icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    .target(name: "CICU", dependencies: ["CICUSystem"]),
    // Snowball stemmers, from Debian's libstemmer-dev (no pkg-config file). Only CStemmer's .c
    // file includes libstemmer.h.
    .target(name: "CStemmer", linkerSettings: [.linkedLibrary("stemmer")]),
    // Process-wide allocator tuning, used by the executable only.
    .target(name: "CAllocator"),

    .target(name: "Tokenize", dependencies: ["CICU", "CStemmer"]),
    .target(name: "JSON"),
    .target(name: "Entities", dependencies: ["Tokenize", "JSON"]),
    .target(name: "Stance", dependencies: ["Tokenize", "Entities"]),

    // The repository's lexicons/ folder, embedded into the build so the binary needs no files.
    // It also transliterates the gazetteers' non-ASCII words (ICU), hence Tokenize, and loads
    // the default gazetteer and lexicon into tables, hence Entities and Stance.
    // The format of the default tables pre-built at build time (`PrebuiltTables`), and where
    // each kind of file sits in the `lexicons/` layout.
    .target(name: "Prebuilt", dependencies: ["Tokenize", "Entities", "Stance"]),
    .executableTarget(
      name: "embed-lexicons", dependencies: ["Tokenize", "Entities", "Stance", "Prebuilt"],
      path: "Sources/EmbedLexiconsTool"),
    .plugin(
      name: "EmbedLexicons",
      capability: .buildTool(),
      dependencies: ["embed-lexicons"]
    ),
    .target(name: "DefaultLexicons", plugins: ["EmbedLexicons"]),

    // The run library: lexicon sources, the analyzer (the stages chained), inputs, output
    // records, the parallel runner.
    .target(
      name: "PipelineKit",
      dependencies: ["Tokenize", "Entities", "Stance", "JSON", "DefaultLexicons", "Prebuilt"]
    ),
    // The analyst tools over the run library: explain, eval, diff, coverage, kwic, lint, report.
    .target(
      name: "AnalystKit",
      dependencies: ["PipelineKit", "Tokenize", "Entities", "Stance", "JSON"]
    ),
    .executableTarget(
      name: "pipeline",
      dependencies: [
        "PipelineKit", "AnalystKit", "CAllocator", "Tokenize", "Stance", "Entities", "JSON",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .target(name: "TestSupport", dependencies: ["Tokenize"], path: "Tests/TestSupport"),
    .testTarget(name: "TokenizeTests", dependencies: ["Tokenize", "TestSupport"]),
    .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
    .testTarget(
      name: "EntitiesTests", dependencies: ["Entities", "Tokenize", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "StanceTests", dependencies: ["Stance", "Entities", "Tokenize", "TestSupport"]),
    .testTarget(
      name: "PipelineTests",
      dependencies: [
        "PipelineKit", "DefaultLexicons", "Entities", "Tokenize", "JSON", "pipeline", "TestSupport",
        "Prebuilt", "Stance",
      ],
      exclude: ["Fixtures", "Snapshots"]
    ),
    .testTarget(
      name: "LintTests",
      dependencies: ["PipelineKit", "AnalystKit", "JSON", "Stance", "Tokenize", "pipeline", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "AnalystTests",
      dependencies: ["PipelineKit", "AnalystKit", "JSON", "Stance", "pipeline", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportTests",
      dependencies: ["PipelineKit", "AnalystKit", "JSON", "Tokenize", "pipeline", "TestSupport"],
      exclude: ["Fixtures"]),
  ]
)
