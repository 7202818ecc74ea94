import Entities
import Foundation
import TestSupport
import Testing
import Tokenize

/// A patterns file written by spaCy's `EntityRuler.to_disk` and the spans spaCy finds with it
/// in a set of sentences (`scripts/spacy-patterns` writes both): the gazetteer must load every
/// line without a warning and find the same spans, labels and ids.
@Suite("spaCy-written patterns")
struct SpacyPatternsTests {
  static let fixture = Repository.path("Tests/EntitiesTests/Fixtures/spacy")

  @Test func theCommittedSpaCyFileMatchesAsSpaCyDid() throws {
    let comparison = try Self.compare(folder: Self.fixture)
    #expect(comparison.warnings == [])
    #expect(comparison.sentences == 28)
    #expect(comparison.spans == 27)
    #expect(comparison.mismatches == [])
  }

  @Test(
    .enabled(
      if: Python.has("spacy"),
      "spaCy is not installed (pip install spacy): the committed copy is compared instead"))
  func aFileSpaCyWritesNowMatchesAsSpaCyDoes() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("spacy-patterns-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try PipelineProcess.run(
      executable: try #require(Python.executable),
      [Repository.path("scripts/spacy-patterns"), folder])
    try #require(result.status == 0, "\(result.stderr)")
    let comparison = try Self.compare(folder: folder)
    #expect(comparison.warnings == [])
    #expect(comparison.sentences > 0)
    #expect(comparison.mismatches == [])
  }

  struct Comparison {
    var sentences = 0
    /// Entities spaCy found.
    var spans = 0
    var warnings: [String] = []
    /// `sentence: ours [...] spaCy [...]` for each sentence whose spans differ.
    var mismatches: [String] = []
  }

  /// Loads `folder/ruler/patterns.jsonl` (with the `phrase_matcher_attr` of `folder/ruler/cfg`)
  /// and compares
  /// the mentions of each sentence of `folder/expected.jsonl` with spaCy's entities there.
  static func compare(folder: String) throws -> Comparison {
    let patterns = try Data(contentsOf: URL(fileURLWithPath: folder + "/ruler/patterns.jsonl"))
    let config = try Data(contentsOf: URL(fileURLWithPath: folder + "/ruler/cfg"))
    let attribute = try #require(PhraseAttribute(spacyConfig: [UInt8](config)))
    let tokenizer = Tokenizer()
    let gazetteer = try Gazetteer(
      files: [(path: "patterns.jsonl", bytes: [UInt8](patterns))], tokenizer: tokenizer,
      phraseAttribute: attribute)
    var comparison = Comparison(warnings: gazetteer.warnings.map(\.description))
    let expected = try String(contentsOfFile: folder + "/expected.jsonl", encoding: .utf8)
    for line in expected.split(separator: "\n") {
      let record = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let text = try #require(record["text"] as? String)
      let spaCy: [String] = try #require(record["ents"] as? [[Any]]).map { ent in
        "\(ent[0])-\(ent[1]) \(ent[2]) \(ent[3])"
      }
      let ours: [String] = gazetteer.mentions(in: try tokenizer.tokenize(text)).map { mention in
        let entity = gazetteer.entities[mention.entity]
        return "\(mention.start)-\(mention.end) \(entity.type) \(entity.id)"
      }
      comparison.sentences += 1
      comparison.spans += spaCy.count
      if ours != spaCy { comparison.mismatches.append("\(text): ours \(ours) spaCy \(spaCy)") }
    }
    return comparison
  }
}
