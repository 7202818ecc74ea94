import AnalystKit
import Foundation
import PipelineKit
import TestSupport
import Testing

@Suite("gold files")
struct GoldTests {
  @Test func readsLabelsSpansAndCountsBlankLines() throws {
    let text = """
      {"id": "a", "entities": [{"entity": "nasa", "stance": "favor", "mentions": [[0, 4], [10, 14]]}]}

      {"id": 7, "entities": [{"entity": "esa"}]}
      """
    let gold = try GoldDocument.load(Array(text.utf8), path: "g.jsonl")
    #expect(gold.count == 2)
    #expect(
      gold[0].entities == [
        GoldEntity(entity: "nasa", stance: .favor, mentions: [Span(0, 4), Span(10, 14)])
      ])
    #expect(gold[1].id == "7" && gold[1].location.line == 3)
    #expect(gold[1].entities == [GoldEntity(entity: "esa")])
  }

  struct Malformed: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    Malformed(
      name: "bad JSON", line: #"{"id": "a", "#,
      message: "g.jsonl:2: expected a JSON object, found invalid JSON"),
    Malformed(
      name: "array", line: "[1]", message: "g.jsonl:2: expected a JSON object, found an array"),
    Malformed(
      name: "missing id", line: #"{"entities": []}"#,
      message: "g.jsonl:2: expected a field 'id', found none"),
    Malformed(
      name: "id not string", line: #"{"id": true, "entities": []}"#,
      message: "expected 'id' to be a string or a number, found a boolean"),
    Malformed(
      name: "missing entities", line: #"{"id": "b"}"#,
      message: "g.jsonl:2: expected a field 'entities' (an array), found none"),
    Malformed(
      name: "entity not string", line: #"{"id": "b", "entities": [{"entity": 3}]}"#,
      message: "entities[0]: expected a non-empty string 'entity' (a gazetteer id), found a number"),
    Malformed(
      name: "unknown label",
      line: #"{"id": "b", "entities": [{"entity": "nasa", "stance": "pro"}]}"#,
      message:
        "g.jsonl:2: entities[0] 'nasa': expected stance 'favor', 'against' or 'neutral', found 'pro'"
    ),
    Malformed(
      name: "span reversed",
      line: #"{"id": "b", "entities": [{"entity": "nasa", "mentions": [[5, 2]]}]}"#,
      message: "expected a span with 0 ≤ start < end, found [5, 2]"),
    Malformed(
      name: "span not pair",
      line: #"{"id": "b", "entities": [{"entity": "nasa", "mentions": [[5]]}]}"#,
      message: "expected a mention span [start, end] of two integers, found [5]"),
    Malformed(
      name: "span fraction",
      line: #"{"id": "b", "entities": [{"entity": "nasa", "mentions": [[0, 1.5]]}]}"#,
      message: "found [0,1.5]"),
    Malformed(
      name: "duplicate id", line: #"{"id": "a", "entities": []}"#,
      message: "g.jsonl:2: expected each id once, found 'a' again (first on line 1)"),
    Malformed(
      name: "duplicate entity",
      line: #"{"id": "b", "entities": [{"entity": "x"}, {"entity": "x"}]}"#,
      message: "found 'x' again"),
  ])
  func malformedLinesNameFileAndLine(_ c: Malformed) {
    let text = #"{"id": "a", "entities": []}"# + "\n" + c.line + "\n"
    #expect {
      _ = try GoldDocument.load(Array(text.utf8), path: "g.jsonl")
    } throws: { error in
      let message = (error as! AnalystError).description
      return message.hasPrefix("g.jsonl:2: ") && message.contains(c.message)
    }
  }

  @Test func malformedGoldFileExitsTwoWithNothingOnStdout() throws {
    let path = NSTemporaryDirectory() + "analyst-bad-gold-\(UUID().uuidString).jsonl"
    try #"{"id": "sample-01", "entities": [{"entity": "nasa", "stance": "maybe"}]}"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try PipelineProcess.run(["eval", "--gold", path, "samples/news.jsonl"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains(
        "\(path):1: entities[0] 'nasa': expected stance 'favor', 'against' or 'neutral', found 'maybe'"
      ), "\(result.stderr)")
  }

  @Test func spanOutsideTheTextIsAnError() throws {
    let path = NSTemporaryDirectory() + "analyst-span-gold-\(UUID().uuidString).jsonl"
    try #"{"id": "d1", "entities": [{"entity": "nasa", "mentions": [[0, 400]]}]}"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try PipelineProcess.run([
      "eval", "--gold", path, fixture("diff-corpus.jsonl"), "--lexicons-dir", fixture("diff-base"),
    ])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains(
        "\(path):1: 'nasa': expected a span within the text of 'd1' (23 code points), found [0, 400)"
      ), "\(result.stderr)")
  }

  @Test func missingGoldFile() throws {
    let result = try PipelineProcess.run([
      "eval", "--gold", "no-such-gold.jsonl", "samples/news.jsonl",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("no-such-gold.jsonl: cannot read: no such file or directory"))
  }
}
