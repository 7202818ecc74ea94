import AnalystKit
import Foundation
import PipelineKit
import TestSupport
import Testing

/// `Fixtures/diff-base` → `Fixtures/diff-new`: sanction* -2 → -0.1, praise* (+1) removed, warn*
/// (-3) added. Over `Fixtures/diff-corpus.jsonl` (score = raw/√(raw²+15), labels at ±0.05):
///   d1 "NASA praised Roscosmos."       +1 → 0.25 favor; new: no hit → neutral (both entities)
///   d2 "Roscosmos faces sanctions."    -2 → -0.4588 against; new -0.1 → -0.0258 neutral
///   d3 "ESA will warn NASA."           no hit → neutral; new -3 → -0.6124 against (both)
///   d4 "NASA and Roscosmos cooperate." cooperat* unchanged: no change
///   d5 "NASA praised the cooperation." +3 → 0.6124; new +2 → 0.4588: favor both, score only
@Suite("pipeline diff")
struct DiffTests {
  static let arguments = [
    "diff", "--base", fixture("diff-base"), "--lexicon", fixture("diff-new"),
    fixture("diff-corpus.jsonl"),
  ]

  @Test func entryChangesByTermAndDimension() throws {
    let base = try fixtureAnalyzer("diff-base")
    let new = try fixtureAnalyzer("diff-new")
    let changes = new.scorer.lexicon.changes(from: base.scorer.lexicon)
    // Sources are FILE:LINE as loaded: the fixture folders' own paths.
    #expect(
      changes.map { $0.summary.replacingOccurrences(of: fixture(""), with: "") } == [
        "- praise* +1 (diff-base/stance/cooperation.tsv:4)",
        "~ sanction* -2 → -0.1 (diff-new/stance/cooperation.tsv:3)",
        "+ warn* -3 (diff-new/stance/cooperation.tsv:5)",
      ])
  }

  @Test func listsExactlyTheLabelChanges() throws {
    let result = try PipelineProcess.run(Self.arguments + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try jsonObject(result.stdout)
    let changes = object["changes"] as! [[String: Any]]
    let listed = changes.map { c -> String in
      let responsible = (c["responsible"] as! [[String: Any]]).map {
        let entry = $0["entry"] as! [String: Any]
        return "\(entry["change"]!) \(entry["term"]!)"
      }
      return
        "\(c["id"]!) \(c["entity"]!) \(c["from"]!)→\(c["to"]!) \(c["delta"]!) [\(responsible.joined(separator: ", "))]"
    }
    #expect(
      listed == [
        "d1 nasa favor→neutral -0.25 [removed praise*]",
        "d1 roscosmos favor→neutral -0.25 [removed praise*]",
        "d2 roscosmos against→neutral 0.433 [reweighted sanction*]",
        "d3 esa neutral→against -0.6124 [added warn*]",
        "d3 nasa neutral→against -0.6124 [added warn*]",
      ])
    let summary = object["summary"] as! [String: Any]
    #expect(summary["label_changes"] as? Int == 5)
    #expect(summary["score_only_changes"] as? Int == 1)
    #expect(
      summary["by_direction"] as? [String: Int] == [
        "favor → neutral": 2, "neutral → against": 2, "against → neutral": 1,
      ])
    #expect(summary["by_entity"] as? [String: Int] == ["nasa": 2, "roscosmos": 2, "esa": 1])
  }

  @Test func humanReadableReport() throws {
    let result = try PipelineProcess.run(Self.arguments)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Lexicon entries changed: 1 added, 1 removed, 1 reweighted"))
    #expect(
      result.stdout.contains(
        "  d2  roscosmos  cooperation: against → neutral  score -0.4588 → -0.0258 (Δ +0.433)"))
    #expect(
      result.stdout.contains(
        "      ~ sanction* -2 → -0.1 (\(fixture("diff-new/stance/cooperation.tsv")):3): applied -2 → -0.1 (1 → 1 hit)"
      ))
    #expect(
      result.stdout.contains(
        "  by direction: favor → neutral 2, neutral → against 2, against → neutral 1"))
  }

  @Test func aSideGivenAsAFileReplacesTheDefaultStanceLexicon() throws {
    let result = try PipelineProcess.run([
      "diff", "--base", fixture("diff-base/stance/cooperation.tsv"), "--lexicon",
      fixture("diff-new/stance/cooperation.tsv"),
      "--lexicons-dir", fixture("diff-base"), fixture("diff-corpus.jsonl"), "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try jsonObject(result.stdout)["summary"] as! [String: Any]
    #expect(summary["label_changes"] as? Int == 5)
  }

  @Test func identicalSidesChangeNothing() throws {
    let result = try PipelineProcess.run([
      "diff", "--base", "lexicons", "--lexicon", "lexicons", "samples/news.jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Lexicon entries changed: 0 added, 0 removed, 0 reweighted"))
    #expect(
      result.stdout.contains(
        "Summary: 0 label changes; 0 other scores moved without changing label"))
  }

  @Test func differentAbbreviationsAreNoted() throws {
    let path = NSTemporaryDirectory() + "analyst-abbrev-\(UUID().uuidString).txt"
    try "Gen.\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    // --abbreviations applies to both sides, so the sides agree; the base folder alone differs
    // from the repository's lexicons in its abbreviations.
    let result = try PipelineProcess.run([
      "diff", "--base", fixture("diff-base"), "--lexicon", "lexicons", fixture("diff-corpus.jsonl"),
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("note: the two sides' abbreviation lists differ"))
    let same = try PipelineProcess.run([
      "diff", "--base", fixture("diff-base"), "--lexicon", "lexicons", "--abbreviations", path,
      fixture("diff-corpus.jsonl"),
    ])
    #expect(!same.stdout.contains("note:"))
  }

  struct Failure: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var status: Int32
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    Failure(
      name: "missing base", arguments: ["--lexicon", "lexicons"], status: 64,
      message: "missing --base PATH"),
    Failure(
      name: "no such folder", arguments: ["--base", "no-such-dir", "--lexicon", "lexicons"],
      status: 2, message: "--base: no-such-dir: cannot read: no such file or directory"),
    Failure(
      name: "folder without stance",
      arguments: ["--base", "lexicons/entities", "--lexicon", "lexicons"], status: 2,
      message:
        "--base: expected a lexicons folder laid out like lexicons/ (with stance/*.tsv), found no stance/*.tsv in 'lexicons/entities'"
    ),
    Failure(
      name: "folder among files",
      arguments: [
        "--base", "lexicons", "--base", "lexicons/stance/cooperation.tsv", "--lexicon", "lexicons",
      ], status: 2, message: "expected one lexicons folder or a list of .tsv files"),
  ])
  func failures(_ c: Failure) throws {
    let result = try PipelineProcess.run(["diff"] + c.arguments + ["samples/news.jsonl"])
    #expect(result.status == c.status)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(c.message), "\(result.stderr)")
  }
}
