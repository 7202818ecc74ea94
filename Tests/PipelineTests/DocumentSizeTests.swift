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
  /// that of a tiny one: at most 4 × the document plus its output line (#7), which analysis in
  /// windows of `--window-bytes` (default 256 KiB) keeps to. Measured: about 2.3 × the document
  /// plus the output for 2 MiB here; 296 MiB for 50 MB. Without windows
  /// (`--window-bytes 0`) it is about 20 × (the tokens and their keys).
  @Test func peakMemoryOfOneHugeDocumentIsFourTimesItPlusItsOutput() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let size = 2 << 20
    try (Self.record(id: "huge", bytes: size) + "\n").write(
      toFile: directory + "/huge.jsonl", atomically: true, encoding: .utf8)
    try (Self.record(id: "tiny", bytes: 100) + "\n").write(
      toFile: directory + "/tiny.jsonl", atomically: true, encoding: .utf8)
    func peak(_ name: String, _ extra: [String] = []) throws -> (MiB: Int, output: Int) {
      let result = try PipelineProcess.run(
        ["run", directory + "/" + name, "--jobs", "1", "-o", directory + "/out.jsonl"] + extra)
      #expect(result.status == 0, "\(result.stderr)")
      let output =
        try FileManager.default.attributesOfItem(atPath: directory + "/out.jsonl")[.size] as! Int
      return (try #require(Self.peakMiB(result.stderr), "\(result.stderr)"), output)
    }
    let tiny = try peak("tiny.jsonl").MiB
    let (huge, output) = try peak("huge.jsonl")
    let windowed = try String(contentsOfFile: directory + "/out.jsonl", encoding: .utf8)
    let (whole, _) = try peak("huge.jsonl", ["--window-bytes", "0"])
    #expect(try String(contentsOfFile: directory + "/out.jsonl", encoding: .utf8) == windowed)
    let documentMiB = size >> 20
    #expect(
      huge - tiny <= 4 * documentMiB + (output >> 20) + 1,
      "peak grew by \(huge - tiny) MiB for a \(documentMiB) MiB document and \(output >> 20) MiB of output"
    )
    #expect(whole > huge, "windows took \(huge) MiB, the whole document \(whole) MiB")
  }
}
