import Foundation
import TestSupport
import Testing

/// spaCy pattern folders as `ruler.to_disk(DIR)` writes them (`patterns.jsonl` and `cfg`), run
/// through the built binary: warnings on stderr, `--strict`, `cfg` and `--phrase-attr`.
@Suite("spaCy patterns in a run")
struct SpacyPatternRunTests {
  /// A fresh folder with `patterns.jsonl` and, when given, `cfg`.
  static func folder(_ patterns: [String], config: String? = nil) throws -> String {
    let folder = NSTemporaryDirectory() + "spacy-run-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try (patterns.joined(separator: "\n") + "\n").write(
      toFile: folder + "/patterns.jsonl", atomically: true, encoding: .utf8)
    if let config {
      try config.write(toFile: folder + "/cfg", atomically: true, encoding: .utf8)
    }
    return folder
  }

  static let document = #"{"id": "d", "text": "Roscosmos, roscosmos and NASA met."}"# + "\n"

  @Test func unsupportedLinesAndShadowedPatternsWarnAndStrictMakesThemErrors() throws {
    let folder = try Self.folder([
      #"{"label":"ORG","pattern":[{"POS":"PROPN"},{"LOWER":"agency"}],"id":"agency"}"#,
      #"{"label":"PERSON","pattern":"NASA","id":"nasa_person"}"#,
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/patterns.jsonl"
    let warnings = [
      "pipeline: warning: \(file):1: unsupported spaCy pattern: token 1: token attribute 'POS' (supported: ORTH, TEXT, LOWER, IS_DIGIT, IS_ALPHA, IS_PUNCT, IS_TITLE, IS_UPPER, IS_LOWER, in any case)",
      "pipeline: warning: \(file):2: alias 'NASA' of entity 'nasa_person' is already an alias of entity 'nasa' at lexicons/entities/agencies.tsv:28; it never matches",
    ]
    let run = try PipelineProcess.run(
      ["run", "--gazetteer", folder, "--jobs", "1"], stdin: Self.document)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Array(run.stderr.split(separator: "\n").prefix(2).map(String.init)) == warnings)
    #expect(run.stdout.contains(#""entity":"nasa""#))

    let quiet = try PipelineProcess.run(
      ["run", "--quiet", "--gazetteer", folder], stdin: Self.document)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "")

    let strict = try PipelineProcess.run(
      ["run", "--strict", "--gazetteer", folder], stdin: Self.document)
    #expect(strict.status == 2)
    #expect(strict.stdout == "")
    #expect(
      strict.stderr
        == "pipeline: error: \(file):1: unsupported spaCy pattern: token 1: token attribute 'POS' (supported: ORTH, TEXT, LOWER, IS_DIGIT, IS_ALPHA, IS_PUNCT, IS_TITLE, IS_UPPER, IS_LOWER, in any case)\n"
    )
  }

  /// Mentions of the pattern's entity `rk` with the folder's `cfg` (if any) and `flags`.
  static func mentions(config: String?, _ flags: [String] = []) throws -> Int {
    let folder = try Self.folder(
      [#"{"label":"ORG","pattern":"Roscosmos","id":"rk"}"#], config: config)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PipelineProcess.run(
      ["run", "--quiet", "--no-default-lexicons", "--gazetteer", folder] + flags,
      stdin: Self.document)
    #expect(run.status == 0, "\(run.stderr)")
    return run.stdout.components(separatedBy: #""text":"#).count - 1
  }

  static let lowerConfig = #"{"overwrite":false,"phrase_matcher_attr":"LOWER","ent_id_sep":"||"}"#
  static let unsetConfig = #"{"overwrite":false,"phrase_matcher_attr":null,"ent_id_sep":"||"}"#

  @Test func stringPatternsCompareByTheCfgBesideThemUnlessPhraseAttrIsGiven() throws {
    #expect(try Self.mentions(config: nil) == 1)  // spaCy's default: ORTH
    #expect(try Self.mentions(config: Self.unsetConfig) == 1)
    #expect(try Self.mentions(config: Self.lowerConfig) == 2)
    #expect(try Self.mentions(config: Self.lowerConfig, ["--phrase-attr", "ORTH"]) == 1)
    #expect(try Self.mentions(config: nil, ["--phrase-attr", "LOWER"]) == 2)
  }

  @Test func aCfgSpaCyCannotHaveIsAnErrorNamingIt() throws {
    let folder = try Self.folder(
      [#"{"label":"ORG","pattern":"Roscosmos","id":"rk"}"#],
      config: #"{"phrase_matcher_attr":"NORM"}"#)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PipelineProcess.run(
      ["run", "--no-default-lexicons", "--gazetteer", folder], stdin: Self.document)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "pipeline: error: \(folder)/cfg: cannot read: expected a spaCy EntityRuler cfg with \"phrase_matcher_attr\" null, \"ORTH\", \"TEXT\" or \"LOWER\"\n"
    )
  }
}
