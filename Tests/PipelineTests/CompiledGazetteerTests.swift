import Entities
import Foundation
import PipelineKit
import TestSupport
import Testing

/// A folder of its own under the temporary directory.
private func temporaryFolder() throws -> String {
  let path = NSTemporaryDirectory() + "compiled-gazetteer-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// A generated gazetteer of `count` entities with one- and two-word aliases (as the Benchmarks'
/// generator writes, smaller), exact ones and a Cyrillic stem alias among them. Entity `gen_1`
/// is "Koq", `gen_2` "Riq", `gen_r` «Борискин».
func generatedGazetteer(_ count: Int) -> String {
  let syllables = ["ba", "ko", "ri", "zu", "me", "da", "lo", "vi"]
  func word(_ n: Int) -> String {
    var n = n
    var word = ""
    repeat {
      word += syllables[n % syllables.count]
      n /= syllables.count
    } while n > 0
    return word.prefix(1).uppercased() + word.dropFirst() + "q"
  }
  var lines = ["# generated"]
  for n in 0..<count {
    lines.append("gen_\(n)\tORG\t\(word(n))")
    lines.append("gen_\(n)\tORG\t\(word(n + count)) Aerospace\(n % 5 == 0 ? "\texact" : "")")
  }
  lines.append("gen_r\tPERSON\tБорискин\tstem")
  return lines.joined(separator: "\n") + "\n"
}

/// Sources as `pipeline run --gazetteer PATH` gives them (the embedded defaults first).
private func sources(_ paths: [String], defaults: Bool = true) throws -> LexiconSources {
  var sources = defaults ? LexiconSources.embedded() : LexiconSources()
  for path in paths {
    sources.gazetteer += try LexiconSources.files(
      under: path, option: "--gazetteer", extensions: ["tsv", "jsonl"])
  }
  return sources
}

/// What `pipeline compile --gazetteer PATH... -o OUT` writes.
private func compile(_ paths: [String], to output: String) throws {
  let sources = try sources(paths)
  let analyzer = try Analyzer(sources: sources)
  let bytes = try CompiledGazetteer.compile(
    analyzer.gazetteer, sources: sources, arguments: paths, phraseAttribute: nil,
    cyrillicLanguage: "ru")
  try Data(bytes).write(to: URL(fileURLWithPath: output))
}

@Suite("Compiled gazetteer")
struct CompiledGazetteerTests {
  @Test("A compiled gazetteer gives the output of its sources, byte for byte")
  func roundTrip() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let source = folder + "/generated.tsv"
    try generatedGazetteer(300).write(toFile: source, atomically: true, encoding: .utf8)
    try compile([source], to: folder + "/g.gzc")

    var compiled = LexiconSources.embedded()
    let warning = try compiled.useCompiled(
      try CompiledGazetteer(contentsOf: folder + "/g.gzc"), after: compiled.gazetteer.count,
      phraseAttribute: nil, cyrillicLanguage: "ru")
    #expect(warning == nil)
    #expect(compiled.compiledGazetteer != nil && compiled.gazetteer.isEmpty)

    let input = folder + "/in.jsonl"
    try """
    {"id": "g", "text": "Koq and Riq met NASA; Борискиным spoke."}

    """.write(toFile: input, atomically: true, encoding: .utf8)
    let inputs = [Repository.path("samples/news.jsonl"), input]
    let fromSources = try runPipeline(
      inputs, analyzer: try Analyzer(sources: try sources([source])))
    let fromCompiled = try runPipeline(inputs, analyzer: try Analyzer(sources: compiled))
    #expect(fromCompiled.output == fromSources.output)
    #expect(fromSources.output.contains("\"entity\":\"gen_1\""))
    #expect(fromSources.output.contains("\"entity\":\"gen_r\""))
  }

  /// A change after compiling, and why the compiled file is stale then (nil: still current).
  struct Change: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// Changes the files in the folder, or the run's sources.
    var apply: @Sendable (_ folder: String, _ sources: inout LexiconSources) throws -> Void
    var cyrillicLanguage = "ru"
    var phraseAttribute: PhraseAttribute?
    var expected: @Sendable (_ folder: String) -> CompiledGazetteer.Staleness?
  }

  static let changes: [Change] = [
    Change(testDescription: "nothing changed", apply: { _, _ in }, expected: { _ in nil }),
    Change(
      testDescription: "the sources gone (the compiled file stands in for them)",
      apply: { folder, _ in try FileManager.default.removeItem(atPath: folder + "/src") },
      expected: { _ in nil }),
    Change(
      testDescription: "a source changed (its size and contents)",
      apply: { folder, _ in
        try "gen_x\tORG\tZorbaq\n".write(
          toFile: folder + "/src/a.tsv", atomically: true, encoding: .utf8)
      },
      expected: { .source(path: $0 + "/src/a.tsv") }),
    Change(
      testDescription: "a source changed in one byte (the same size)",
      apply: { folder, _ in
        let path = folder + "/src/a.tsv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Aerospace", with: "Aerospacf")
          .write(toFile: path, atomically: true, encoding: .utf8)
      },
      expected: { .source(path: $0 + "/src/a.tsv") }),
    Change(
      testDescription: "a file added to a compiled folder",
      apply: { folder, _ in
        try "gen_y\tORG\tYorbaq\n".write(
          toFile: folder + "/src/b.tsv", atomically: true, encoding: .utf8)
      },
      expected: { .source(path: $0 + "/src/b.tsv") }),
    Change(
      testDescription: "another Cyrillic stemming language", apply: { _, _ in },
      cyrillicLanguage: "uk", expected: { _ in .cyrillicLanguage(compiled: "ru", now: "uk") }),
    Change(
      testDescription: "other abbreviations",
      apply: { _, sources in sources.abbreviations = [("abbreviations.txt", Array("Dr.\n".utf8))] },
      expected: { _ in .abbreviations }),
    Change(
      testDescription: "without the default gazetteers",
      apply: { _, sources in sources.gazetteer.removeFirst() },
      expected: { _ in .defaults(path: LexiconSources.embedded().gazetteer[0].path) }),
    Change(
      testDescription: "spaCy patterns compared by another attribute", apply: { _, _ in },
      phraseAttribute: .lower,
      expected: { .attribute(path: $0 + "/src/p.jsonl", compiled: .orth, now: .lower) }),
  ]

  @Test(arguments: changes)
  func staleSourcesAreDetected(_ change: Change) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/src", withIntermediateDirectories: true)
    try generatedGazetteer(20).write(
      toFile: folder + "/src/a.tsv", atomically: true, encoding: .utf8)
    try #"{"label": "ORG", "pattern": "Orbaq", "id": "orbaq"}"#.write(
      toFile: folder + "/src/p.jsonl", atomically: true, encoding: .utf8)
    try compile([folder + "/src"], to: folder + "/g.gzc")

    var run = LexiconSources.embedded()
    try change.apply(folder, &run)
    let compiled = try CompiledGazetteer(contentsOf: folder + "/g.gzc")
    let expected = change.expected(folder)
    let warning = try run.useCompiled(
      compiled, after: run.gazetteer.count,
      phraseAttribute: change.phraseAttribute, cyrillicLanguage: change.cyrillicLanguage)
    #expect(
      warning?.description
        == expected.map { PipelineError.staleCompiledGazetteer(path: folder + "/g.gzc", $0) }?
        .description)
    // Stale: the sources load instead; current: the compiled file does.
    #expect((run.compiledGazetteer == nil) == (expected != nil))
    #expect(run.gazetteer.contains { $0.path.hasPrefix(folder) } == (expected != nil))
  }

  @Test("A stale compiled gazetteer whose sources are gone is an error naming them")
  func staleWithoutSources() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try generatedGazetteer(5).write(toFile: folder + "/a.tsv", atomically: true, encoding: .utf8)
    try compile([folder + "/a.tsv"], to: folder + "/g.gzc")
    try FileManager.default.removeItem(atPath: folder + "/a.tsv")
    var run = LexiconSources.embedded()
    #expect {
      try run.useCompiled(
        try CompiledGazetteer(contentsOf: folder + "/g.gzc"), after: run.gazetteer.count,
        phraseAttribute: nil, cyrillicLanguage: "uk")
    } throws: { error in
      "\(error)" == folder
        + "/g.gzc: compiled gazetteer out of date (compiled with --cyrillic-lang 'ru', now 'uk'), and its sources '\(folder)/a.tsv' are gone: compile it again"
    }
  }

  /// A damaged compiled file and the problem it is reported with.
  struct Damage: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var damage: @Sendable ([UInt8]) -> [UInt8]
    var problem: @Sendable (_ size: Int) -> CompiledGazetteerProblem
  }

  static let damages: [Damage] = [
    Damage(testDescription: "empty", damage: { _ in [] }, problem: { _ in .notCompiled }),
    Damage(
      testDescription: "a source file, not a compiled one",
      damage: { _ in Array("nasa\tORG\tNASA\n".utf8) }, problem: { _ in .notCompiled }),
    Damage(
      testDescription: "the magic alone", damage: { Array($0.prefix(8)) },
      problem: { _ in .truncated(size: 8, expected: 36) }),
    Damage(
      testDescription: "cut in the header", damage: { Array($0.prefix(40)) },
      problem: { .truncated(size: 40, expected: $0) }),
    Damage(
      testDescription: "cut in the tables", damage: { Array($0.dropLast(1_000)) },
      problem: { .truncated(size: $0 - 1_000, expected: $0) }),
    Damage(
      testDescription: "another format version",
      damage: { bytes in
        var bytes = bytes
        bytes[8] = UInt8(CompiledGazetteer.formatVersion + 1)
        return bytes
      },
      problem: { _ in
        .formatVersion(
          found: CompiledGazetteer.formatVersion + 1, supported: CompiledGazetteer.formatVersion)
      }),
    Damage(
      testDescription: "a byte changed in the tables",
      damage: { bytes in
        var bytes = bytes
        bytes[bytes.count / 2] ^= 0x40
        return bytes
      }, problem: { _ in .checksum }),
    Damage(
      testDescription: "a byte appended", damage: { $0 + [0] }, problem: { _ in .checksum }),
  ]

  @Test(arguments: damages)
  func damagedFilesAreClearErrors(_ damage: Damage) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try generatedGazetteer(50).write(toFile: folder + "/a.tsv", atomically: true, encoding: .utf8)
    try compile([folder + "/a.tsv"], to: folder + "/g.gzc")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/g.gzc")))
    try Data(damage.damage(bytes)).write(to: URL(fileURLWithPath: folder + "/bad.gzc"))
    let expected = PipelineError.compiledGazetteer(
      path: folder + "/bad.gzc", damage.problem(bytes.count))
    #expect {
      _ = try CompiledGazetteer(contentsOf: folder + "/bad.gzc").gazetteer()
    } throws: { error in
      "\(error)" == expected.description
    }
  }
}
