import Foundation
import FuzzSupport
import JSON
import PipelineKit

/// The JSON Lines reader and the run on arbitrary bytes: exactly one output line per
/// non-blank input line, each a JSON object (a document or an error record); every document's
/// mention and evidence spans slice its text to the `text` they report; every score finite.
private let path = NSTemporaryDirectory() + "fuzz-jsonl-\(getpid()).jsonl"
private let runner: Runner = {
  var options = RunOptions()
  options.jobs = 1
  return Runner(analyzer: defaultAnalyzer, options: options)
}()

/// The input lines that hold a record, as `LineSource` counts them (independently written).
private func recordLines(_ bytes: [UInt8]) -> [[UInt8]] {
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  if lines.last?.isEmpty == true { lines.removeLast() }
  var result: [[UInt8]] = []
  for (index, var line) in lines.enumerated() {
    if line.last == 0x0D { line.removeLast() }
    if index == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { result.append(line) }
  }
  return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
  var output: [UInt8] = []
  do {
    _ = try runner.run(InputReader(inputs: [path]), write: { output += $0 })
  } catch {
    fuzzCheck(false, "run failed: \(error)")
  }
  let inputs = recordLines(bytes)
  let outputs = output.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
  fuzzCheck(output.last == 0x0A || output.isEmpty, "output does not end with a newline")
  fuzzCheck(outputs.count == inputs.count, "\(inputs.count) records in, \(outputs.count) lines out")
  for (input, line) in zip(inputs, outputs) {
    guard let record = try? JSONParser.parse(Array(line)).value, case .object = record else {
      fuzzCheck(false, "output line is not a JSON object: \(String(decoding: line, as: UTF8.self))")
      return 0
    }
    fuzzCheck(record["id"] != nil, "record without an id")
    guard record["error"] == nil else { continue }
    // A document: its text is the input's `text` field as the parser repaired it.
    guard case .string(let text)? = (try? JSONParser.parse(input))?.value["text"] else {
      fuzzCheck(false, "a document record for an input without a text string")
      return 0
    }
    let scalars = Array(text.unicodeScalars)
    func checkSpan(_ object: JSONValue) {
      guard case .number(let s)? = object["start"], case .number(let e)? = object["end"],
        let start = Int(s), let end = Int(e), case .string(let surface)? = object["text"]
      else { return fuzzCheck(false, "a span without start, end and text") }
      fuzzCheck(0 <= start && start < end && end <= scalars.count, "span \(start)..<\(end) of \(scalars.count)")
      fuzzCheck(String(String.UnicodeScalarView(scalars[start..<end])) == surface, "span text '\(surface)'")
    }
    func checkScore(_ object: JSONValue) {
      guard case .number(let text)? = object["score"], let score = Double(text) else {
        return fuzzCheck(false, "score is not a number: \(object)")
      }
      fuzzCheck(score.isFinite && (-1...1).contains(score), "score \(score)")
    }
    if case .array(let scores)? = record["document"] { scores.forEach(checkScore) }
    if case .array(let entities)? = record["entities"] {
      for entity in entities {
        if case .array(let mentions)? = entity["mentions"] { mentions.forEach(checkSpan) }
        if case .array(let evidence)? = entity["evidence"] { evidence.forEach(checkSpan) }
        if case .array(let scores)? = entity["stance"] { scores.forEach(checkScore) }
      }
    }
  }
  return 0
}

exit(runFuzzer(fuzzJSONLines))
