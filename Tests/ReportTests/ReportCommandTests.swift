import AnalystKit
import Foundation
import JSON
import PipelineKit
import TestSupport
import Testing

/// `pipeline report` run as a user runs it: the built binary on the shipped sample corpus.
@Suite struct ReportCommandTests {
  static let corpus = ["samples/news.jsonl", "samples/txt", "samples/bad.jsonl"]

  @Test func chartCountsEqualTheLabelsOfPipelineRun() throws {
    let run = try PipelineProcess.run(["run", "--quiet"] + Self.corpus)
    #expect(run.status == 0, "\(run.stderr)")
    let report = try PipelineProcess.run(["report", "--quiet", "-o", "-"] + Self.corpus)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr.isEmpty)
    let expected = try runCounts(run.stdout)
    #expect(!expected.isEmpty)
    #expect(chartCounts(report.stdout, analyzer: sharedAnalyzer) == expected)
    // The embedded JSON says the same.
    let data = try #require(
      captures(
        #"<script type="application/json" id="report-data">(.*?)</script>"#, in: report.stdout
      ).first)
    let parsed = try JSONParser.parse(Array(data[0].utf8)).value
    guard case .array(let entities)? = parsed["entities"] else {
      Issue.record("no entities in the embedded data")
      return
    }
    var fromData: [String: [String: [String: Int]]] = [:]
    for entity in entities {
      guard case .string(let id)? = entity["entity"], case .object(let stance)? = entity["stance"]
      else { continue }
      for member in stance {
        for label in ["favor", "neutral", "against"] {
          if case .number(let n)? = member.value[label] {
            fromData[id, default: [:]][member.key, default: [:]][label] = Int(n)!
          }
        }
      }
    }
    #expect(fromData == expected)
    // Every document and every error record of the run is in the report.
    let lines = run.stdout.split(separator: "\n")
    let errors = lines.filter { $0.contains(#""error":{"#) }.count
    #expect(occurrences(of: "<article class=\"doc\"", in: report.stdout) == lines.count - errors)
    #expect(occurrences(of: "<tr class=\"error\"", in: report.stdout) == errors)
    #expect(errors == 4)
  }

  @Test func writesTheFileAtomicallyAndDeterministically() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let first = try PipelineProcess.run(["report", "-o", dir + "/a.html"] + Self.corpus)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.hasPrefix("pipeline: 18 documents, 4 errors, "))
    let second = try PipelineProcess.run(
      ["report", "--quiet", "--output", dir + "/b.html"] + Self.corpus)
    #expect(second.status == 0)
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.html"))
    #expect(a == (try Data(contentsOf: URL(fileURLWithPath: dir + "/b.html"))))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.html", "b.html"])
    // No network, no external resource of any kind.
    let html = String(decoding: a, as: UTF8.self)
    for needle in ["http://", "https://", "src=", "@import", "url(http", "<link"] {
      #expect(!html.contains(needle), "found '\(needle)'")
    }
  }

  @Test func aMalformedLexiconLeavesTheOldFileAlone() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "old report\n".write(toFile: dir + "/report.html", atomically: true, encoding: .utf8)
    try "good\t1\nbad line without weight\n".write(
      toFile: dir + "/bad.tsv", atomically: true, encoding: .utf8)
    let result = try PipelineProcess.run([
      "report", "-o", dir + "/report.html", "--lexicon", dir + "/bad.tsv", "samples/news.jsonl",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.tsv:2:"))
    #expect(result.stdout.isEmpty)
    #expect(try String(contentsOfFile: dir + "/report.html", encoding: .utf8) == "old report\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "bad.tsv", "report.html",
      ])
  }

  @Test func anUnwritableOutputFailsWithStatus1() throws {
    let result = try PipelineProcess.run([
      "report", "-o", "/nonexistent-dir/report.html", "samples/news.jsonl",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write"))
  }

  @Test func outputIsRequired() throws {
    let result = try PipelineProcess.run(["report", "samples/news.jsonl"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--output"))
  }

  @Test func readsStdinAndTakesTheTitle() throws {
    let result = try PipelineProcess.run(
      ["report", "--quiet", "-o", "-", "--title", "Week <9> & \"more\""],
      stdin: #"{"id": "s1", "text": "NASA praised the cooperation."}"# + "\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("<title>Week &lt;9&gt; &amp; &quot;more&quot;</title>"))
    #expect(occurrences(of: "<article class=\"doc\"", in: result.stdout) == 1)
  }
}

func temporaryDirectory() throws -> String {
  let path = NSTemporaryDirectory() + "report-tests-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
