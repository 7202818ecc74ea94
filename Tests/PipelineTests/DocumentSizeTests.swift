import Foundation
import TestSupport
import Testing

/// One huge document: `--max-document-bytes` turns it into an error record without holding it,
/// and below the limit its peak memory stays within a bound proportional to its size.
@Suite("pipeline run, huge documents")
struct DocumentSizeTests {
  static func temporaryDirectory() throws -> String {
    let directory = NSTemporaryDirectory() + "pipeline-size-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
  }

  /// A JSON Lines record whose text is `bytes` long: our own sentences about the agencies of
  /// the default gazetteer, repeated.
  static func record(id: String, bytes: Int) -> String {
    let sentence =
      "NASA and Roscosmos agreed to cooperate on the station 🚀, but Rogozin criticized the plan. "
    let text = String(repeating: sentence, count: max(1, bytes / sentence.utf8.count))
    return #"{"id":"\#(id)","text":"\#(text)"}"#
  }

  static func peakMiB(_ stderr: String) -> Int? {
    guard let range = stderr.range(of: #"peak memory (\d+) MiB"#, options: .regularExpression)
    else { return nil }
    return Int(stderr[range].split(separator: " ")[2])
  }

  @Test func aLineOverTheLimitIsAnErrorRecordInPlace() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/in.jsonl"
    let lines = [
      Self.record(id: "a", bytes: 100), Self.record(id: "big", bytes: 5_000),
      Self.record(id: "c", bytes: 100),
    ]
    // The last record has no final newline and is over the limit too.
    try (lines.joined(separator: "\n") + "\n" + Self.record(id: "d", bytes: 3_000)).write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try PipelineProcess.run(["run", path, "--quiet", "--max-document-bytes", "2000"])
    #expect(result.status == 0, "\(result.stderr)")
    let out = try records(result.stdout)
    #expect(out.count == 4)
    let codes = out.map { (($0["error"] as? [String: Any])?["code"] as? String) ?? "ok" }
    #expect(codes == ["ok", "document_too_large", "ok", "document_too_large"])
    #expect(out[1]["line"] as? Int == 2 && out[3]["line"] as? Int == 4)
    let message = (out[1]["error"] as! [String: Any])["message"] as! String
    #expect(
      message == "the record is \(lines[1].utf8.count) bytes, more than --max-document-bytes 2000",
      "\(message)")
  }

  @Test func aTextFileOverTheLimitIsAnErrorRecord() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/big.txt"
    try String(repeating: "NASA said so. ", count: 200).write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try PipelineProcess.run(["run", path, "--quiet", "--max-document-bytes", "1000"])
    let record = try #require(try records(result.stdout).first)
    #expect((record["error"] as? [String: Any])?["code"] as? String == "document_too_large")
    #expect(record["line"] is NSNull)
    let under = try PipelineProcess.run(["run", path, "--quiet", "--max-document-bytes", "100000"])
    #expect(try records(under.stdout).first?["error"] == nil)
  }

  /// Peak memory (the process's own VmHWM, from the summary line) of one large document over
  /// that of a tiny one, against the document's size. Measured: about 35 × the document with
  /// `--evidence none` (the tokens and their keys; BENCHMARKS.md has the breakdown); the bound
  /// is generous, a guard against growth such as the 8 bytes per UTF-16 unit the scalar-offset
  /// table took before it became sparse, not a few MiB of noise.
  @Test func peakMemoryOfOneHugeDocumentStaysWithinItsBound() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let size = 1 << 20
    try (Self.record(id: "huge", bytes: size) + "\n").write(
      toFile: directory + "/huge.jsonl", atomically: true, encoding: .utf8)
    try (Self.record(id: "tiny", bytes: 100) + "\n").write(
      toFile: directory + "/tiny.jsonl", atomically: true, encoding: .utf8)
    func peak(_ name: String) throws -> Int {
      let result = try PipelineProcess.run(
        [
          "run", directory + "/" + name, "--jobs", "1", "--evidence", "none", "-o",
          directory + "/out.jsonl",
        ])
      #expect(result.status == 0, "\(result.stderr)")
      return try #require(Self.peakMiB(result.stderr), "\(result.stderr)")
    }
    let growth = try peak("huge.jsonl") - peak("tiny.jsonl")
    let output =
      try FileManager.default.attributesOfItem(atPath: directory + "/out.jsonl")[.size] as! Int
    let documentMiB = size >> 20
    #expect(
      growth <= 48 * documentMiB + (output >> 20) * 2,
      "peak grew by \(growth) MiB for a \(documentMiB) MiB document")
  }
}
