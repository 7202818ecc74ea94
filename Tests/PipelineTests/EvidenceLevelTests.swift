import Foundation
import PipelineKit
import TestSupport
import Testing

/// `pipeline run --evidence full|summary|none`: the lighter levels are the full record with
/// evidence cut down, nothing else changed.
@Suite("pipeline run --evidence")
struct EvidenceLevelTests {
  static func output(_ level: String?) throws -> String {
    let result = try PipelineProcess.run(
      ["run", "samples/news.jsonl", "--quiet"] + (level.map { ["--evidence", $0] } ?? []),
      in: Repository.root)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test func fullIsTheDefault() throws {
    #expect(try Self.output("full") == Self.output(nil))
  }

  @Test(arguments: ["summary", "none"])
  func lighterLevelsMatchTheirSnapshots(_ level: String) throws {
    let output = try Self.output(level)
    #expect(
      snapshotMismatch(output, named: "news.evidence-\(level).jsonl", in: testDirectory) == nil)
  }

  @Test func noneDropsOnlyTheEvidence() throws {
    let full = try records(Self.output("full"))
    let none = try records(Self.output("none"))
    #expect(full.count == none.count)
    for (f, n) in zip(full, none) {
      var stripped = f
      stripped["entities"] = (f["entities"] as! [[String: Any]]).map { entity in
        var entity = entity
        entity["evidence"] = nil
        return entity
      }
      #expect(NSDictionary(dictionary: stripped) == NSDictionary(dictionary: n))
    }
  }

  @Test func summaryKeepsTheStrongestHitsInTextOrder() throws {
    let full = try records(Self.output("full"))
    let summary = try records(Self.output("summary"))
    var cut = 0
    for (f, s) in zip(full, summary) {
      for (fe, se) in zip(f["entities"] as! [[String: Any]], s["entities"] as! [[String: Any]]) {
        let hits = fe["evidence"] as! [[String: Any]]
        let kept = se["evidence"] as! [[String: Any]]
        // Expected: the indices of the N largest |weight| (ties: the earlier), in text order.
        let ranked = hits.indices.sorted {
          let a = abs(hits[$0]["weight"] as! Double)
          let b = abs(hits[$1]["weight"] as! Double)
          return a != b ? a > b : $0 < $1
        }
        let expected = ranked.prefix(EvidenceLevel.summaryHits).sorted().map { hits[$0] }
        #expect(kept.count == min(hits.count, EvidenceLevel.summaryHits))
        #expect(NSArray(array: kept) == NSArray(array: expected))
        #expect(NSArray(array: fe["stance"] as! [Any]) == NSArray(array: se["stance"] as! [Any]))
        if hits.count > kept.count { cut += 1 }
      }
    }
    #expect(cut > 0, "the sample corpus should have an entity with more hits than a summary keeps")
  }

  @Test func anUnknownLevelIsAUsageError() throws {
    let result = try PipelineProcess.run(
      ["run", "samples/news.jsonl", "--evidence", "most"], in: Repository.root)
    #expect(result.status == 64)
    #expect(result.stderr.contains("expected full, summary or none"), "\(result.stderr)")
  }
}
