import Foundation
import JSON
import PipelineKit
import TestSupport
import Testing

@testable import AnalystKit

@Suite struct HTMLReportTests {
  static let hostile = [
    record("xss-1", "NASA said <script>alert(1)</script> it strongly supports cooperation."),
    record(
      "\"><img src=x onerror=alert(1)>",
      "Roscosmos ended cooperation </style><style>body{display:none}</style> & 'q' \"qq\""),
    #"{"id": "meta", "source": "</script><script>alert(3)</script>", "text": "Washington announced new sanctions."}"#,
    #"not json <script>alert(2)</script>"#,
  ]

  @Test func hostileTextIsEscapedEverywhere() throws {
    let html = try makeReport(Self.hostile).render()
    // Only the page's own elements: one style sheet, the data block and the script.
    #expect(occurrences(of: "<script", in: html) == 2)
    #expect(occurrences(of: "</script>", in: html) == 2)
    #expect(occurrences(of: "<style", in: html) == 1)
    #expect(occurrences(of: "</style>", in: html) == 1)
    #expect(!html.contains("<img"))
    #expect(!html.contains("alert(1)</"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(
      html.contains(
        "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt; &amp; &#39;q&#39; &quot;qq&quot;"
      ))
    // The id, in an element and (through the tooltip-free header) never raw in an attribute.
    #expect(html.contains("<h3 class=\"mono\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h3>"))
    // Meta values and error-record messages from the input.
    #expect(html.contains("source: &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
    #expect(html.contains("<tr class=\"error\""))
    // The embedded JSON has no markup characters at all.
    let data = try #require(
      captures(#"<script type="application/json" id="report-data">(.*?)</script>"#, in: html).first)
    #expect(!data[0].contains("<") && !data[0].contains(">") && !data[0].contains("&"))
  }

  @Test func attributeValuesCannotBeClosedByCorpusText() throws {
    let html = try makeReport(Self.hostile).render()
    // Every attribute value is double-quoted and holds no raw quote or angle bracket.
    for tag in captures(#"<([a-zA-Z][^<>]*)>"#, in: html) {
      let rest = tag[0].replacingOccurrences(
        of: #"\s[a-zA-Z0-9-]+="[^"<>]*""#, with: "", options: .regularExpression)
      #expect(
        !rest.contains("\"") && !rest.contains("'") && !rest.contains("="),
        "odd tag <\(tag[0])> leaves \(rest)")
    }
  }

  @Test func sameRecordsGiveTheSameBytes() throws {
    let lines = Self.hostile + [record("ru", "Роскосмос 🚀 и NASA 👩‍🚀 praised the partnership.")]
    let first = try makeReport(lines).render()
    #expect(try makeReport(lines).render() == first)
    #expect(try makeReport(lines).render() == makeReport(lines).render())
  }

  @Test(arguments: [
    "Роскосмос 🚀 и NASA 👩‍🚀 praised the partnership, but Рогозин strongly criticized the sanctions.",
    "🇷🇺Roscosmos🇷🇺 did not cancel🚀the flights; NASA's crew praised Рогозин’s 👩‍🚀 cooperation.",
    "Washington\r\nsanctioned Russia; Moscow threatened to end cooperation\u{301} with NASA.",
  ])
  func highlightsAreSlicesOfTheText(_ text: String) throws {
    let html = try makeReport([record("doc", text)]).render()
    let analysis = try sharedAnalyzer.analyze(text, session: sharedAnalyzer.tokenizer.makeSession())
    let body = try #require(captures(#"<div class="text">(.*?)</div>"#, in: html).first)[0]
    let marks = captures(
      #"<mark class="hl ([a-z0-9 ]+)" tabindex="0" data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)</mark>"#,
      in: body)
    for mark in marks {
      #expect(unescapeHTML(mark[3]) == slice(text, Int(mark[1])!, Int(mark[2])!), "mark \(mark)")
    }
    // Every mention and every hit is marked at its exact span.
    let spans = Set(marks.map { "\($0[0].split(separator: " ")[0]) \($0[1])..<\($0[2])" })
    for mention in analysis.mentions {
      #expect(spans.contains("mention \(mention.start)..<\(mention.end)"))
    }
    for hit in analysis.stance.hits { #expect(spans.contains("hit \(hit.start)..<\(hit.end)")) }
    #expect(!analysis.mentions.isEmpty && !analysis.stance.hits.isEmpty)
    // Without the tags the text is the document, unchanged.
    let plain = body.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    #expect(unescapeHTML(plain) == text)
  }

  @Test func hitTooltipShowsEntryWeightsAndModifiers() throws {
    let text = "Roscosmos did not cancel the flights, but it strongly criticized the sanctions."
    let html = try makeReport([record("demo-1", text)]).render()
    let tips = captures(
      #"<mark class="hl hit [a-z]+"[^>]* data-tip="([^"]*)">cancel</mark>"#, in: html)
    let tip = unescapeHTML(try #require(tips.first)[0])
    #expect(tip.contains("cooperation: “cancel*” lexicons/stance/cooperation.tsv:"))
    #expect(tip.contains("base −1.8 → applied +0.666"))
    #expect(tip.contains("negator “not” ×−0.74"))
    #expect(tip.contains("contrast “but” ×0.5"))
    #expect(tip.contains("counts for Roscosmos"))
    #expect(html.contains("data-kind=\"negator\""))
  }

  @Test func summariesCountLabelsPerDocument() throws {
    let report = try makeReport([
      record("a", "NASA strongly supports the partnership."),
      record("b", "NASA praised the cooperation."),
      record("c", "NASA announced new sanctions."),
      record("d", "Nothing here."),
    ])
    let nasa = try #require(
      report.entitySummaries.first { $0.entity.id == "nasa" })
    #expect(nasa.documents == 3)
    let cooperation = try #require(nasa.dimensions.first)
    #expect((cooperation.favor, cooperation.neutral, cooperation.against) == (2, 0, 1))
    let html = report.render()
    #expect(
      chartCounts(html)["nasa"]?["cooperation"] == [
        "favor": 2, "neutral": 0, "against": 1,
      ])
    #expect(occurrences(of: "<article class=\"doc\"", in: html) == 4)
  }
}

/// `add(outputLine:…)`: each kind of line of `pipeline run` output, and lines that are none.
@Suite struct OutputRecordTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    /// source, line, id, code of the error row; nil for a document.
    var row: (String, Int?, String, String)?
    var testDescription: String { name }
  }

  static let cases = [
    Case(
      name: "document", line: #"{"id":"d","entities":[],"document":[],"warnings":[]}"#, row: nil),
    Case(
      name: "error record",
      line:
        #"{"id":"in.jsonl:3","source":"in.jsonl","line":3,"error":{"code":"missing_text","message":"m"}}"#,
      row: ("in.jsonl", 3, "in.jsonl:3", "missing_text")),
    Case(
      name: "warning record",
      line:
        #"{"id":"fifo","source":"fifo","line":null,"warning":{"code":"not_regular_file","message":"m"}}"#,
      row: ("fifo", nil, "fifo", "not_regular_file")),
    Case(name: "not JSON", line: "{oops", row: ("run.jsonl", 7, "", "invalid_json")),
    Case(name: "not an object", line: "[1]", row: ("run.jsonl", 7, "", "not_an_object")),
    Case(
      name: "an input record, not an output record", line: #"{"id":"x","text":"NASA"}"#,
      row: ("run.jsonl", 7, "", "not_an_output_record")),
  ]

  @Test(arguments: cases)
  func outputLines(_ c: Case) {
    var report = HTMLReport(outputOf: ["run.jsonl"], thresholds: .init())
    report.add(outputLine: Array(c.line.utf8), source: "run.jsonl", line: 7)
    if let (source, line, id, code) = c.row {
      #expect(report.documentCount == 0)
      #expect(
        report.errors.map { [$0.source, $0.line.map(String.init) ?? "-", $0.id, $0.code] } == [
          [source, line.map(String.init) ?? "-", id, code]
        ])
    } else {
      #expect(report.documentCount == 1)
      #expect(report.errors.isEmpty)
    }
  }

  @Test func aLineThatIsNoRecordSaysWhatWasExpected() {
    var report = HTMLReport(outputOf: ["run.jsonl"], thresholds: .init())
    report.add(outputLine: Array(#"{"id":"x","text":"NASA"}"#.utf8), source: "run.jsonl", line: 2)
    report.add(outputLine: Array("[1]".utf8), source: "run.jsonl", line: 3)
    #expect(
      report.errors.map(\.message) == [
        "expected a record of 'pipeline run' (members 'entities' and 'document', or 'error' or 'warning'), found neither",
        "expected a JSON object, found an array",
      ])
  }
}
