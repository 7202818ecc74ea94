import Foundation
import TestSupport
import Testing

@testable import PipelineKit

/// A long document analysed in windows (`RunOptions.windowBytes`, `--window-bytes`) writes the
/// same bytes as the document analysed whole, whatever the window size: windows are cut
/// between sentences, with context, quotation state and coreference chains carried over.
@Suite("Analysis in windows")
struct WindowTests {
  /// Every sample text, in a fixed order, as one long document: quotations, reported speech,
  /// pronoun and role-noun chains, passives, shifters, emoji lines and blank lines.
  static let longText: String = {
    let files = [
      "news", "attribution", "gold", "phenomena", "blind2", "blind4", "blind5", "blind7",
    ]
    return files.flatMap { file in
      (try? texts(ofJSONLines: Repository.path("samples/\(file).jsonl")))?.sorted {
        $0.key < $1.key
      }.map(\.value) ?? []
    }.joined(separator: "\n\n")
  }()

  /// Hostile pieces between sentences: lines of emoji or punctuation only (a sentence break
  /// looks back past them), quotation marks left open, an abbreviation at a line's end, CRLF,
  /// combining marks, right-to-left text, a long word, a line break inside a sentence.
  static let hostileText: String = [
    "NASA said the crew was safe. 🏳️‍🌈\n🚀🚀\nRoscosmos threatened to leave the station.",
    "\"We will not abandon our partners,\" Borisov said.\r\n\"Absolutely.",
    "The ISS is a partnership,' she said. 'Rogozin criticized the plan.",
    "Dr.\nNelson praised the crew.\u{2029}He said it was a success.",
    "e\u{301}\u{301}\u{301} Roscosmos \u{202E}ASAN\u{202C} welcomed it. ...!!! ??? ---",
    String(repeating: "a", count: 3_000) + " NASA condemned the move.",
    "Dmitry\nRogozin blamed NASA for the collapse of cooperation, while NASA insisted it would stay.",
    "They agreed. It said so. His threat was dropped.",
  ].joined(separator: "\n\n")

  static func record(
    _ text: String, windowBytes: Int, format: OutputFormat = .jsonl,
    rows: TableRows = .document, evidence: EvidenceLevel = .full
  ) throws -> String {
    var options = RunOptions()
    options.jobs = 1
    options.windowBytes = windowBytes
    options.format = format
    options.rows = rows
    options.evidence = evidence
    let escaped = String(
      data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst()
      .dropLast()
    let line = "{\"id\": \"long\", \"text\": \(escaped)}"
    var bytes: [UInt8] = []
    _ = try Runner(analyzer: defaultAnalyzer, options: options).run(
      InputReader(records: [.jsonLine(bytes: Array(line.utf8), source: "mem", line: 1)]),
      write: { bytes += $0 })
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: [1, 160, 700, 3_000, 20_000])
  func aLongDocumentInWindowsWritesTheSameRecord(windowBytes: Int) throws {
    let text = Self.longText
    #expect(text.utf8.count > 40_000, "the samples are missing")
    let whole = try Self.record(text, windowBytes: 0)
    let windowed = try Self.record(text, windowBytes: windowBytes)
    #expect(whole == windowed)
    #expect(try records(whole).first?["error"] == nil)
  }

  @Test(arguments: [1, 100, 400, 1_500])
  func hostileTextInWindowsWritesTheSameRecord(windowBytes: Int) throws {
    let text = String(repeating: Self.hostileText + "\n\n", count: 3)
    #expect(try Self.record(text, windowBytes: 0) == Self.record(text, windowBytes: windowBytes))
  }

  @Test func tablesAndEvidenceLevelsInWindowsAreTheSame() throws {
    let text = Self.longText
    for (format, rows) in [(OutputFormat.tsv, TableRows.hit), (.csv, .mention), (.tsv, .entity)] {
      #expect(
        try Self.record(text, windowBytes: 0, format: format, rows: rows)
          == Self.record(text, windowBytes: 500, format: format, rows: rows))
    }
    for evidence in [EvidenceLevel.summary, .none] {
      #expect(
        try Self.record(text, windowBytes: 0, evidence: evidence)
          == Self.record(text, windowBytes: 500, evidence: evidence))
    }
  }

  @Test func aLongTextIsAnalysedInSeveralWindowsAndAShortOneWhole() throws {
    let session = try defaultAnalyzer.tokenizer.makeSession()
    let analysis = try defaultAnalyzer.analyze(
      Self.longText, session: session, windowBytes: 2_000)
    #expect(analysis.windows > 10)
    #expect(analysis.doc.tokens.isEmpty)
    let document = Document(id: .string("short"), text: "NASA praised Roscosmos.", source: "mem")
    let whole = try defaultAnalyzer.analyze(document, session: session, windowBytes: 2_000).get()
    #expect(whole.windows == 1 && !whole.doc.tokens.isEmpty)
  }

  /// A run of text without a sentence break longer than the longest window (2 × the window,
  /// at least 256 KiB) is split at white space: the same mentions at the same offsets, in
  /// several sentences instead of one (the one case where windows change a record).
  @Test func aSentenceLongerThanTheLongestWindowIsSplit() throws {
    let text = String(repeating: "NASA ", count: 70_000)
    func mentions(_ windowBytes: Int) throws -> [[String: Any]] {
      let record = try #require(try records(Self.record(text, windowBytes: windowBytes)).first)
      let entities = try #require(record["entities"] as? [[String: Any]])
      return try #require(entities.first?["mentions"] as? [[String: Any]])
    }
    let whole = try mentions(0)
    let windowed = try mentions(4_096)
    #expect(whole.count == 70_000 && windowed.count == 70_000)
    #expect(whole.map { $0["start"] as! Int } == windowed.map { $0["start"] as! Int })
    #expect(Set(whole.map { $0["sentence"] as! Int }) == [0])
    #expect(Set(windowed.map { $0["sentence"] as! Int }).count > 1)
  }

  /// Offsets of a windowed record are the whole text's: every span slices to its text.
  @Test func spansOfAWindowedRecordSliceTheText() throws {
    let text = Self.longText + "\n\n" + Self.hostileText
    let record = try #require(try records(Self.record(text, windowBytes: 300)).first)
    let found = spans(of: record)
    #expect(found.count > 500)
    for span in found {
      #expect(slice(text, span.start, span.end) == span.text)
    }
  }
}
