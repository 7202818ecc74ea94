import Foundation
import TestSupport
import Testing

/// `pipeline compile` and `--gazetteer COMPILED`, through the built binary.
@Suite("pipeline compile")
struct CompileCommandTests {
  static func run(_ arguments: [String]) throws -> ProcessResult {
    try PipelineProcess.run(arguments)
  }

  @Test("Compile, run with it, change a source, damage it")
  func compileAndRun() throws {
    let folder = NSTemporaryDirectory() + "compile-command-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let source = folder + "/generated.tsv"
    let compiled = folder + "/generated.gzc"
    try generatedGazetteer(100).write(toFile: source, atomically: true, encoding: .utf8)
    let input = folder + "/in.jsonl"
    try #"{"id": "a", "text": "Koq said Riq and NASA agreed."}"#.write(
      toFile: input, atomically: true, encoding: .utf8)

    let compile = try Self.run(["compile", "--gazetteer", source, "-o", compiled])
    #expect(compile.status == 0 && compile.stdout.isEmpty)
    #expect(compile.stderr.hasPrefix("pipeline: compiled "), "\(compile.stderr)")
    #expect(FileManager.default.fileExists(atPath: compiled))
    // Only the named output was written.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        == ["generated.gzc", "generated.tsv", "in.jsonl"])

    let inputs = ["samples/news.jsonl", input]
    let fromSources = try Self.run(["run", "--quiet", "--gazetteer", source] + inputs)
    let fromCompiled = try Self.run(["run", "--quiet", "--gazetteer", compiled] + inputs)
    #expect(fromSources.status == 0 && fromCompiled.status == 0)
    #expect(fromCompiled.stdout == fromSources.stdout && fromCompiled.stderr.isEmpty)
    #expect(fromCompiled.stdout.contains("\"entity\":\"gen_1\""))

    // A changed source: a warning, and the output of the sources as they are now.
    try (generatedGazetteer(100) + "gen_new\tORG\tNASA Friends\n").write(
      toFile: source, atomically: true, encoding: .utf8)
    let stale = try Self.run(["run", "--quiet", "--gazetteer", compiled] + inputs)
    let changed = try Self.run(["run", "--quiet", "--gazetteer", source] + inputs)
    #expect(stale.status == 0 && stale.stdout == changed.stdout)
    #expect(
      stale.stderr
        == "pipeline: warning: \(compiled): compiled gazetteer out of date ('\(source)' changed); loading its sources instead (run 'pipeline compile' again)\n"
    )

    // A damaged file: exit status 2 and the reason, nothing on stdout.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: compiled))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: compiled))
    let damaged = try Self.run(["run", "--gazetteer", compiled, input])
    #expect(damaged.status == 2 && damaged.stdout.isEmpty)
    #expect(
      damaged.stderr.hasPrefix(
        "pipeline: error: \(compiled): expected a compiled gazetteer of at least "))

    // A compiled gazetteer must come first.
    let second = try Self.run(["run", "--gazetteer", source, "--gazetteer", compiled, input])
    #expect(second.status == 2)
    #expect(second.stderr.contains("expected a compiled gazetteer as the first --gazetteer"))
  }
}
