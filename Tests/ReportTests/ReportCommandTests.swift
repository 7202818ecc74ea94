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
    // Charts for the most mentioned entities, the table for all of them.
    let charts = chartCounts(report.stdout)
    #expect(charts.count == 12)
    #expect(charts == expected.filter { charts[$0.key] != nil })
    #expect(tableCounts(report.stdout) == expected)
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

  /// The report of `pipeline run` output shows the run's numbers and the corpus's texts: the
  /// same page as analyzing the corpus, but for what the output does not carry (the alias of a
  /// mention, hits that count for no entity).
  @Test func fromOutputShowsTheRunsResultsWithTheTexts() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = try PipelineProcess.run(["run", "--quiet", "-o", dir + "/run.jsonl"] + Self.corpus)
    #expect(run.status == 0, "\(run.stderr)")
    let runOutput = try String(contentsOfFile: dir + "/run.jsonl", encoding: .utf8)
    let analyzed = try PipelineProcess.run(["report", "--quiet", "-o", "-"] + Self.corpus)
    let report = try PipelineProcess.run(
      ["report", "-o", "-", "--from-output", dir + "/run.jsonl"]
        + Self.corpus.flatMap { ["--texts", $0] })
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr.hasPrefix("pipeline: 18 documents, 4 errors, 44 entities; "))
    let expected = try runCounts(runOutput)
    #expect(tableCounts(report.stdout) == expected)
    #expect(chartCounts(report.stdout) == chartCounts(analyzed.stdout))
    #expect(occurrences(of: "<article class=\"doc\"", in: report.stdout) == 18)
    #expect(occurrences(of: "<tr class=\"error\"", in: report.stdout) == 4)
    // Every text, with the run's mentions marked where the analysis marks them.
    func marks(_ html: String, _ kind: String) -> [[String]] {
      captures(
        #"<mark class="hl "# + kind + #"[^"]*" tabindex="0" data-start="(\d+)" data-end="(\d+)""#,
        in: html)
    }
    #expect(occurrences(of: "<div class=\"text\">", in: report.stdout) == 18)
    #expect(marks(report.stdout, "mention") == marks(analyzed.stdout, "mention"))
    #expect(!report.stdout.contains("class=\"warn\">text not shown"))
    #expect(!report.stdout.contains("highlights not shown"))
  }

  struct FromOutputCase: CustomTestStringConvertible, Sendable {
    var name: String
    var texts: [String]
    var note: String
    var testDescription: String { name }
  }

  /// Without the texts, or with texts that are not the run's, the documents are listed with
  /// their scores and a note that says why the text or the highlights are missing.
  @Test(arguments: [
    FromOutputCase(
      name: "no --texts", texts: [],
      note: "text not shown: pass the corpus with --texts to see it"),
    FromOutputCase(
      name: "texts of other ids", texts: ["samples/bad.jsonl"],
      note: "text not shown: expected a record with id &#39;sample-01&#39; in --texts, found none"),
    FromOutputCase(
      name: "other texts under the same ids", texts: ["Tests/ReportTests/Fixtures/shifted.jsonl"],
      note:
        "highlights not shown: the output has &#39;Roscosmos&#39; at 0..&lt;9, the text has &#39;The Rosco&#39; there"
    ),
  ])
  func fromOutputSaysWhatIsMissing(_ c: FromOutputCase) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = try PipelineProcess.run([
      "run", "--quiet", "-o", dir + "/run.jsonl", "samples/news.jsonl",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try PipelineProcess.run(
      ["report", "--quiet", "-o", "-", "--from-output", dir + "/run.jsonl"]
        + c.texts.flatMap { ["--texts", $0] })
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("<p class=\"warn\">\(c.note)</p>"), "\(c.name)")
    #expect(occurrences(of: "<article class=\"doc\"", in: report.stdout) == 14)
    let runOutput = try String(contentsOfFile: dir + "/run.jsonl", encoding: .utf8)
    #expect(tableCounts(report.stdout) == (try runCounts(runOutput)))
  }

  /// Records without an id, keyed by content on stdin as the Spark job keys them: the texts
  /// read from stdin with the same --source-name and --record-key get the same keys.
  @Test func fromOutputJoinsContentKeysOfStdin() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let corpus =
      #"{"text": "NASA praised the partnership."}"# + "\n"
      + #"{"text": "Roscosmos ended cooperation."}"# + "\n"
    let keys = ["--record-key", "content", "--source-name", "corpus"]
    let run = try PipelineProcess.run(
      ["run", "--quiet", "-o", dir + "/run.jsonl"] + keys, stdin: corpus)
    #expect(run.status == 0, "\(run.stderr)")
    let report = try PipelineProcess.run(
      ["report", "--quiet", "-o", "-", "--from-output", dir + "/run.jsonl", "--texts", "-"] + keys,
      stdin: corpus)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(captures(#"<h3 class="mono">(corpus#[0-9a-f]{16})</h3>"#, in: report.stdout).count == 2)
    #expect(occurrences(of: "<div class=\"text\">", in: report.stdout) == 2)
    #expect(!report.stdout.contains("not shown"))
  }

  /// `--max-documents` bounds the list, not the counts, and the page says so.
  @Test func maxDocumentsListsTheFirstAndCountsAll() throws {
    let all = try PipelineProcess.run(["report", "--quiet", "-o", "-"] + Self.corpus)
    let five = try PipelineProcess.run(
      ["report", "-o", "-", "--max-documents", "5"] + Self.corpus)
    #expect(five.status == 0, "\(five.stderr)")
    #expect(five.stderr.contains("; the first 5 documents listed; "))
    #expect(occurrences(of: "<article class=\"doc\"", in: five.stdout) == 5)
    #expect(
      five.stdout.contains(
        "<p class=\"note\" id=\"listed-note\">The list holds the first 5 of 18 documents"))
    #expect(tableCounts(five.stdout) == tableCounts(all.stdout))
    #expect(chartCounts(five.stdout) == chartCounts(all.stdout))
    #expect(!all.stdout.contains("id=\"listed-note\""))
    let invalid = try PipelineProcess.run(["report", "-o", "-", "--max-documents=-1"])
    #expect(invalid.status == 64)
    #expect(invalid.stderr.contains("--max-documents: expected 0 or more, found -1"))
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
