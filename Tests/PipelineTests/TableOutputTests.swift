import Foundation
import TestSupport
import Testing

@testable import PipelineKit

/// `pipeline run --format csv|tsv --rows …` against the JSON Lines of the same run (two views of
/// one analysis), RFC 4180 quoting, and the readers the README shows (DuckDB, pandas).
@Suite("Table output")
struct TableOutputTests {
  static let inputs = ["samples/news.jsonl", "samples/txt", "samples/bad.jsonl"]

  static func table(_ rows: TableRows, format: String = "csv", jobs: Int = 2) throws -> String {
    let result = try PipelineProcess.run(
      ["run", "--quiet", "--jobs", String(jobs), "--format", format, "--rows", rows.rawValue]
        + inputs)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  /// Rows of a CSV or TSV text, parsed by RFC 4180's rules (written here, independently of the
  /// writer): quoted fields may hold the delimiter, CR, LF and doubled quotes; records end CRLF.
  static func parse(_ text: String, delimiter: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == delimiter {
        row.append(field)
        field = ""
      } else if c == "\r\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(c)
      }
    }
    #expect(row.isEmpty && field.isEmpty, "the last record ends with CRLF")
    return rows
  }

  @Test(arguments: TableRows.allCases)
  func headerIsTheDocumentedColumnsAndEveryRowHasThemAll(_ rows: TableRows) throws {
    let table = Self.parse(try Self.table(rows))
    let names = TableWriter.columns[rows]!.map(\.name)
    #expect(table.first == names)
    for row in table.dropFirst() { #expect(row.count == names.count, "\(row)") }
    // `pipeline schema --rows` prints the same columns.
    let printed = try PipelineProcess.run(["schema", "--rows", rows.rawValue]).stdout
    #expect(printed.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == names)
  }

  /// Each table holds exactly what the JSON Lines of the same run hold.
  @Test func rowsMatchTheJSONRecords() throws {
    var documents: [[String]] = []
    var entities: [[String]] = []
    var mentions: [[String]] = []
    var hits: [[String]] = []
    func number(_ value: Any?) -> String {
      guard let n = value as? NSNumber else { return "" }
      return n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 1e15
        ? String(Int(n.doubleValue)) : "\(n.doubleValue)"
    }
    let json = try records(try PipelineProcess.run(["run", "--quiet"] + Self.inputs).stdout)
    for record in json {
      let id = record["id"] as! String
      if let error = record["error"] as? [String: Any] {
        documents.append([id, error["code"] as! String])
        continue
      }
      let scores = record["document"] as! [[String: Any]]
      for score in scores {
        documents.append([id, score["dimension"] as! String, number(score["score"])])
      }
      if scores.isEmpty { documents.append([id]) }
      for entity in record["entities"] as! [[String: Any]] {
        let name = entity["entity"] as! String
        for score in entity["stance"] as! [[String: Any]] {
          entities.append([
            id, name, score["dimension"] as! String, number(score["score"]),
            score["label"] as! String,
          ])
        }
        for mention in entity["mentions"] as! [[String: Any]] {
          mentions.append([
            id, name, number(mention["start"]), number(mention["end"]), mention["text"] as! String,
          ])
        }
        for hit in entity["evidence"] as! [[String: Any]] {
          hits.append([
            id, name, hit["term"] as! String, number(hit["start"]), number(hit["weight"]),
          ])
        }
      }
    }
    let documentRows = Self.parse(try Self.table(.document)).dropFirst().map { row in
      row[10].isEmpty ? (row[3].isEmpty ? [row[0]] : [row[0], row[3], row[4]]) : [row[0], row[10]]
    }
    #expect(documentRows == documents)
    let entityRows = Self.parse(try Self.table(.entity)).dropFirst().map {
      [$0[0], $0[1], $0[5], $0[6], $0[9]]
    }
    #expect(entityRows == entities)
    // Mentions in text order per document; the JSON groups them by entity: compare as sets.
    let mentionRows = Self.parse(try Self.table(.mention)).dropFirst().map {
      [$0[0], $0[1], $0[3], $0[4], $0[6]]
    }
    #expect(Set(mentionRows) == Set(mentions) && mentionRows.count == mentions.count)
    let hitRows = Self.parse(try Self.table(.hit)).dropFirst().map {
      [$0[0], $0[1], $0[3], $0[6], $0[10]]
    }
    #expect(hitRows == hits)
    #expect(hits.count > 50)
  }

  struct QuotingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }
  }

  /// Hostile meta values and ids through the document table: each field comes back intact.
  @Test(arguments: [
    QuotingCase(name: "comma", text: "a, b"),
    QuotingCase(name: "quote", text: "say \"no\""),
    QuotingCase(name: "line feed", text: "one\ntwo"),
    QuotingCase(name: "CRLF", text: "one\r\ntwo"),
    QuotingCase(name: "tab", text: "a\tb"),
    QuotingCase(name: "plain", text: "plain"),
  ])
  func fieldsRoundTrip(_ c: QuotingCase) throws {
    for (format, delimiter) in [("csv", Character(",")), ("tsv", Character("\t"))] {
      let id = try String(
        decoding: JSONSerialization.data(withJSONObject: c.text, options: .fragmentsAllowed),
        as: UTF8.self)
      let result = try PipelineProcess.run(
        ["run", "--quiet", "--format", format, "--rows", "mention", "-"],
        stdin: "{\"id\": \(id), \"text\": \"NASA\"}\n")
      let rows = Self.parse(result.stdout, delimiter: delimiter)
      #expect(rows.count == 2)
      #expect(rows.last?.first == c.text, "\(format): \(result.stdout.debugDescription)")
    }
  }

  @Test func tablesDoNotDependOnJobs() throws {
    #expect(try Self.table(.hit, jobs: 1) == Self.table(.hit, jobs: 3))
  }

  @Test func rowsNeedATableFormat() throws {
    let result = try PipelineProcess.run(["run", "--rows", "entity", "samples/news.jsonl"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("--rows entity needs --format csv or tsv"), "\(result.stderr)")
  }

  /// The README's readers, run for real: DuckDB turns the CSV into Parquet in one statement and
  /// reads it back; pandas reads it in one call. Both must see every row and the same scores.
  @Test(
    .enabled(
      if: Python.has("duckdb, pandas"),
      "needs python3 with duckdb and pandas (pip install duckdb pandas; .ci/run installs them)"))
  func duckDBAndPandasReadTheCSV() throws {
    let directory = NSTemporaryDirectory() + "tables-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let csv = try Self.table(.entity)
    try csv.write(toFile: directory + "/entities.csv", atomically: true, encoding: .utf8)
    let rows = Self.parse(csv).count - 1
    let sum = Self.parse(csv).dropFirst().compactMap { Double($0[6]) }.reduce(0, +)
    let script = """
      import duckdb, pandas as pd
      duckdb.sql("COPY (SELECT * FROM read_csv('entities.csv')) TO 'entities.parquet' (FORMAT parquet)")
      [(n, total)] = duckdb.sql("SELECT count(*), sum(score) FROM 'entities.parquet'").fetchall()
      df = pd.read_csv("entities.csv")
      print(n, round(total, 4), len(df), round(df["score"].sum(), 4), str(df["id"].dtype), str(df["score"].dtype))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Python.executable!)
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tables-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: err.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: err) }
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0, "\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
    let fields = printed.split(whereSeparator: \.isWhitespace).map(String.init)
    #expect(fields.count == 6, "\(printed)")
    guard fields.count == 6 else { return }
    #expect(Int(fields[0]) == rows && Int(fields[2]) == rows)
    #expect(abs(Double(fields[1])! - sum) < 1e-3 && abs(Double(fields[3])! - sum) < 1e-3)
    #expect(fields[5] == "float64")
  }
}
