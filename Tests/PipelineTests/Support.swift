import Foundation
import PipelineKit
import TestSupport

/// The folder of this test target (Fixtures/, Snapshots/).
let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

func fixture(_ name: String) -> String { testDirectory + "/Fixtures/" + name }

/// The analyzer with the embedded default lexicons, loaded once.
let defaultAnalyzer: Analyzer = try! Analyzer(sources: .embedded())

/// Runs the pipeline in process and returns the output text and summary.
func runPipeline(
  _ inputs: [String], jobs: Int = 2, analyzer: Analyzer = defaultAnalyzer,
  fields: Document.Fields = Document.Fields()
) throws -> (output: String, summary: RunSummary) {
  var options = RunOptions()
  options.jobs = jobs
  options.fields = fields
  options.batchRecords = 3  // several batches even for the small samples
  var bytes: [UInt8] = []
  let summary = try Runner(analyzer: analyzer, options: options).run(
    InputReader(inputs: inputs), write: { bytes += $0 })
  return (String(decoding: bytes, as: UTF8.self), summary)
}

/// Output records parsed with Foundation (an independent JSON reader).
func records(_ output: String) throws -> [[String: Any]] {
  try output.split(separator: "\n").map {
    try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
  }
}

/// The texts of a JSON Lines file by id.
func texts(ofJSONLines path: String) throws -> [String: String] {
  var result: [String: String] = [:]
  for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
    if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let id = object["id"] as? String, let text = object["text"] as? String
    {
      result[id] = text
    }
  }
  return result
}

/// Every span of an output record (mentions, hits, modifiers) with the text it claims.
func spans(of record: [String: Any]) -> [(start: Int, end: Int, text: String)] {
  var result: [(Int, Int, String)] = []
  func add(_ object: [String: Any]) {
    result.append((object["start"] as! Int, object["end"] as! Int, object["text"] as! String))
  }
  for entity in record["entities"] as? [[String: Any]] ?? [] {
    for mention in entity["mentions"] as! [[String: Any]] { add(mention) }
    for hit in entity["evidence"] as! [[String: Any]] {
      add(hit)
      for modifier in hit["modifiers"] as! [[String: Any]] { add(modifier) }
    }
  }
  return result
}
