import AnalystKit
import Foundation
import JSON
import PipelineKit
import TestSupport
import Testing

@Suite("pipeline explain")
struct ExplainTests {
  /// The ids of the sample corpus.
  static let sampleIDs = (1...14).map { String(format: "sample-%02d", $0) }

  /// Output records of `pipeline run samples/news.jsonl`, by id, numbers kept as written.
  static let runRecords: [String: JSONValue] = {
    let result = try! PipelineProcess.run(["run", "samples/news.jsonl", "--quiet"])
    var records: [String: JSONValue] = [:]
    for line in result.stdout.split(separator: "\n") {
      let record = try! exactJSON(line)
      records[record["id"]!.text] = record
    }
    return records
  }()

  /// Splits explain's text into sections: the header line of each entity (`Name (id, TYPE): …`)
  /// → the lines below it.
  static func sections(_ text: String) -> [String: [String]] {
    var result: [String: [String]] = [:]
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if !line.hasPrefix(" ") {
        current = nil
        if let open = line.firstIndex(of: "("), let comma = line[open...].firstIndex(of: ",") {
          current = String(line[line.index(after: open)..<comma])
          result[current!] = []
        }
      } else if let current, !line.isEmpty {
        result[current]!.append(line)
      }
    }
    return result
  }

  /// Explain's figures are the ones `pipeline run` writes: per entity the summary line
  /// (raw, hits, score, label as written in the JSON) and each hit's source and weight.
  @Test(arguments: sampleIDs)
  func numbersMatchPipelineRun(_ id: String) throws {
    let result = try PipelineProcess.run([
      "explain", "--id", id, "samples/news.jsonl", "--color", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let record = try #require(Self.runRecords[id])
    let sections = Self.sections(result.stdout)
    for entity in record["entities"]!.array {
      let entityID = entity["entity"]!.text
      let lines = try #require(sections[entityID], "no section for \(entityID)")
      let score = try #require(
        entity["stance"]!.array.first { $0["dimension"]?.text == "cooperation" })
      let summary =
        "  cooperation: raw \(score["raw"]!.text)  hits \(score["hits"]!.text)  score \(score["score"]!.text)  label \(score["label"]!.text)"
      #expect(lines.first == summary, "\(entityID)")
      // After the summary: the table's header and rows, then the hits not counted.
      let rows = lines.dropFirst().prefix { !$0.hasPrefix("    not counted") }.dropFirst().map {
        $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        }
      }
      let evidence = entity["evidence"]!.array
      #expect(rows.count == evidence.count, "\(entityID)")
      for (row, hit) in zip(rows, evidence) {
        // Columns: #, entry, source, matched, base, modifiers, weight, sentence.
        #expect(row[1] == hit["term"]!.text)
        #expect(row[2] == hit["source"]!.text)
        #expect(row[3] == "'\(hit["text"]!.text)'")
        #expect(
          row[6].trimmingCharacters(in: CharacterSet(charactersIn: "+")) == hit["weight"]!.text)
        #expect(row[7] == "s\(hit["sentence"]!.text)")
        #expect(row[8] == hit["role"]!.text)
        #expect(row[9] == hit["rule"]!.text)
        #expect(row[10].hasPrefix("'\(hit["mention"]!["text"]!.text)'"))
      }
    }
  }

  @Test func jsonIsTheRecordPipelineRunWrites() throws {
    let explained = try PipelineProcess.run([
      "explain", "--id", "sample-05", "samples/news.jsonl", "--json",
    ])
    let run = try PipelineProcess.run(["run", "samples/news.jsonl", "--quiet"])
    #expect(explained.status == 0)
    let line = run.stdout.split(separator: "\n")[4] + "\n"
    #expect(explained.stdout == String(line))
  }

  @Test func markedTextNotation() throws {
    let text = "Roscosmos did not cancel the flights, but it strongly criticized the sanctions."
    let session = try defaultAnalyzer.tokenizer.makeSession()
    let analysis = try defaultAnalyzer.analyze(text, session: session)
    let explanation = Explanation(
      document: Document(id: .string("t"), text: text, source: "--text"), analysis: analysis)
    #expect(
      explanation.markedText(color: false)
        == "  s0  [[Roscosmos]]{ORG} did ((not)) <<cancel>>{-1.8 not×-0.74 but×0.5 → 0.666} the flights, ((but)) it ((strongly)) <<criticized>>{-1.5 strongly+0.293 but×1.5 → -2.6895} the <<sanctions>>{-2 but×1.5 → -3}.\n"
    )
    let colored = explanation.markedText(color: true)
    #expect(colored.contains("\u{1B}[1;36mRoscosmos\u{1B}[0m"))
    #expect(!colored.contains("[["))
  }

  /// Hits of two dimensions that overlap: the leftmost-longest ("threatened to end", security)
  /// keeps its range and the cooperation hits it overlaps ("threatened", "end cooperation")
  /// join its note (`MarkLayout`); the tables still list each hit on its own.
  @Test func overlappingHitsJoinTheLeftmostLongest() throws {
    let result = try PipelineProcess.run([
      "explain", "--lexicon", "Tests/AnalystTests/Fixtures/overlap-security.tsv", "--text",
      "Roscosmos threatened to end cooperation with NASA.", "--color", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "  s0  [[Roscosmos]]{ORG} <<threatened to end>>{security -2; cooperation -2.5; cooperation -3} cooperation with [[NASA]]{ORG}.\n"
      ), "\(result.stdout)")
    #expect(result.stdout.contains("'threatened'") && result.stdout.contains("'end cooperation'"))
  }

  @Test func textOptionAndColorChoices() throws {
    let plain = try PipelineProcess.run([
      "explain", "--text", "NASA praised the partnership.", "--color", "never",
    ])
    #expect(plain.status == 0)
    #expect(
      plain.stdout.contains("[[NASA]]{ORG} <<praised>>{+2} the <<partnership>>{+1.8}."),
      "\(plain.stdout)")
    #expect(!plain.stdout.contains("\u{1B}["))
    // Piped stdout: auto means no colour.
    let auto = try PipelineProcess.run(["explain", "--text", "NASA praised the partnership."])
    #expect(auto.stdout == plain.stdout)
    let always = try PipelineProcess.run([
      "explain", "--text", "NASA praised the partnership.", "--color", "always",
    ])
    #expect(always.stdout.contains("\u{1B}[1;36mNASA\u{1B}[0m"))
  }

  @Test func textFileIsOneDocument() throws {
    let result = try PipelineProcess.run([
      "explain", "samples/txt/seat-swap.txt", "--color", "never",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix("Document 'samples/txt/seat-swap.txt' (samples/txt/seat-swap.txt): "))
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
      name: "unknown id", arguments: ["--id", "nope", "samples/news.jsonl"], status: 2,
      message: "--id 'nope': expected a document with this id, found none among 14 documents"),
    Failure(
      name: "several documents", arguments: ["samples/news.jsonl"], status: 2,
      message: "expected one document (or --id ID to choose one), found 14"),
    Failure(
      name: "text and inputs", arguments: ["--text", "x", "samples/news.jsonl"], status: 64,
      message: "expected either --text or INPUT files, found both"),
    Failure(
      name: "bad colour", arguments: ["--text", "x", "--color", "sometimes"], status: 64,
      message: "sometimes"),
  ])
  func failures(_ c: Failure) throws {
    let result = try PipelineProcess.run(["explain"] + c.arguments)
    #expect(result.status == c.status)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(c.message), "\(result.stderr)")
  }
}
