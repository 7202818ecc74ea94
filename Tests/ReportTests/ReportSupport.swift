import Foundation
import JSON
import PipelineKit
import TestSupport
import Tokenize

@testable import AnalystKit

/// The default lexicons (embedded at build time), loaded once for every test of the target.
let sharedAnalyzer: Analyzer = {
  do { return try Analyzer(sources: .embedded()) } catch {
    fatalError("default lexicons: \(error)")
  }
}()

/// A report of JSON Lines records (one string each), decoded and analyzed as `pipeline run` does.
func makeReport(_ lines: [String], title: String = "Test report") throws -> HTMLReport {
  var report = HTMLReport(
    analyzer: sharedAnalyzer, options: .init(title: title, inputs: ["test.jsonl"]))
  let session = try sharedAnalyzer.tokenizer.makeSession()
  for (i, line) in lines.enumerated() {
    report.add(
      .jsonLine(bytes: Array(line.utf8), source: "test.jsonl", line: i + 1), fields: .init(),
      session: session)
  }
  return report
}

/// A JSON Lines record `{"id": ID, "text": TEXT}` with both strings escaped by the JSON writer.
func record(_ id: String, _ text: String) -> String {
  var w = JSONWriter()
  w.beginObject()
  w.key("id")
  w.string(id)
  w.key("text")
  w.string(text)
  w.endObject()
  return String(decoding: w.bytes, as: UTF8.self)
}

/// Undoes `HTML.escape` (and the character references an HTML serializer writes).
func unescapeHTML(_ text: String) -> String {
  text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
    .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
}

/// Every match of `pattern` in `text`, as the strings of its capture groups (group 1…).
func captures(_ pattern: String, in text: String) -> [[String]] {
  let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
  let ns = text as NSString
  return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
    (1..<match.numberOfRanges).map { i in
      let range = match.range(at: i)
      return range.location == NSNotFound ? "" : ns.substring(with: range)
    }
  }
}

func occurrences(of needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

/// The chart numbers of a report: entity id → dimension → label → document count, read from
/// the SVG bars (`<svg class="chart" data-entity="eN" data-id="ID">` … `<rect class="seg …"
/// data-count>`). Only the most mentioned entities have a chart.
func chartCounts(_ html: String) -> [String: [String: [String: Int]]] {
  var result: [String: [String: [String: Int]]] = [:]
  for chart in captures(
    #"<svg class="chart" data-entity="e\d+" data-id="([^"]*)"(.*?)</svg>"#, in: html)
  {
    let id = unescapeHTML(chart[0])
    for seg in captures(
      #"<rect class="seg [a-z]+" data-dimension="([^"]*)" data-label="([a-z]+)" data-count="(\d+)""#,
      in: chart[1])
    {
      result[id, default: [:]][unescapeHTML(seg[0]), default: [:]][seg[1]] = Int(seg[2])!
    }
  }
  return result
}

/// The entity table of a report with one dimension: entity id → that dimension → label →
/// document count, for every entity.
func tableCounts(_ html: String, dimension: String = "cooperation") -> [String: [String: [String:
  Int]]]
{
  var result: [String: [String: [String: Int]]] = [:]
  for row in captures(#"<tr data-entity="e\d+" data-id="([^"]*)">(.*?)</tr>"#, in: html) {
    let cells = captures(#"<td class="num" data-value="(\d+)">"#, in: row[1]).map { Int($0[0])! }
    guard cells.count == 4 else { continue }
    result[unescapeHTML(row[0])] = [
      dimension: ["favor": cells[1], "neutral": cells[2], "against": cells[3]]
    ]
  }
  return result
}

/// Entity id → dimension → label → documents, counted from `pipeline run` output lines.
func runCounts(_ jsonLines: String) throws -> [String: [String: [String: Int]]] {
  var result: [String: [String: [String: Int]]] = [:]
  for line in jsonLines.split(separator: "\n") {
    let value = try JSONParser.parse(Array(line.utf8)).value
    guard case .array(let entities)? = value["entities"] else { continue }
    for entity in entities {
      guard case .string(let id)? = entity["entity"], case .array(let stance)? = entity["stance"]
      else { continue }
      for score in stance {
        guard case .string(let dimension)? = score["dimension"],
          case .string(let label)? = score["label"]
        else { continue }
        result[id, default: [:]][dimension, default: ["favor": 0, "neutral": 0, "against": 0]][
          label, default: 0] += 1
      }
    }
  }
  return result
}
