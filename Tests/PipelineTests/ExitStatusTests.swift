import Foundation
import TestSupport
import Testing

/// The README's exit-status table, command by command: every invalid option value is a usage
/// error (status 64) that names the flag, the value and what was expected.
@Suite("Exit statuses")
struct ExitStatusTests {
  struct InvalidValue: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var expected: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let invalidValues: [InvalidValue] = [
    .init(
      arguments: ["run", "--jobs", "0"],
      expected:
        "The value '0' is invalid for '--jobs <N>': expected a number of threads from 1 to 512"),
    .init(
      arguments: ["run", "--jobs", "many"],
      expected:
        "The value 'many' is invalid for '--jobs <N>': expected a number of threads from 1 to 512"),
    .init(
      arguments: ["run", "--jobs", "-2"],
      expected:
        "The value '-2' is invalid for '--jobs <N>': expected a number of threads from 1 to 512"),
    .init(
      arguments: ["run", "--on-error", "bogus"],
      expected:
        "The value 'bogus' is invalid for '--on-error <POLICY>': expected record, skip or fail"),
    .init(
      arguments: ["run", "--record-key", "hash"],
      expected: "The value 'hash' is invalid for '--record-key <KIND>': expected line or content"),
    .init(
      arguments: ["run", "--shard", "0/3"],
      expected:
        "The value '0/3' is invalid for '--shard <K/N>': expected K/N with 1 ≤ K ≤ N (for example 2/8)"
    ),
    .init(
      arguments: ["run", "--scope", "bogus"],
      expected:
        "The value 'bogus' is invalid for '--scope <SCOPE>': expected an attribution policy (agent, target, clause, sentence or window:N"
    ),
    .init(
      arguments: ["explain", "--scope", "window:-1", "--text", "NASA"],
      expected:
        "The value 'window:-1' is invalid for '--scope <SCOPE>': expected an attribution policy (agent, target, clause, sentence or window:N"
    ),
    .init(
      arguments: ["run", "--attribution", "cooperation=subject"],
      expected:
        "The value 'cooperation=subject' is invalid for '--attribution <POLICY>': expected an attribution policy (agent, target, clause, sentence or window:N"
    ),
    .init(
      arguments: ["explain", "--color", "sometimes", "--text", "NASA"],
      expected:
        "The value 'sometimes' is invalid for '--color <WHEN>': expected always, never or auto"),
    .init(
      arguments: ["coverage", "--top", "-1"],
      expected: "The value '-1' is invalid for '--top <top>': expected a whole number, 0 or more"),
    .init(
      arguments: ["kwic", "NASA", "--width", "wide"],
      expected:
        "The value 'wide' is invalid for '--width <width>': expected a whole number, 0 or more"),
    .init(
      arguments: ["eval", "--gold", "samples/gold.jsonl", "--fail-under", "speed=1"],
      expected:
        "The value 'speed=1' is invalid for '--fail-under <METRIC=VALUE>': expected METRIC=VALUE with METRIC one of entities.precision"
    ),
    .init(
      arguments: ["run", "--favor-threshold", "0.1", "--against-threshold", "0.2"],
      expected: "--favor-threshold (0.1) must be greater than --against-threshold (0.2)"),
  ]

  @Test(arguments: invalidValues)
  func invalidOptionValueIsAUsageError(_ example: InvalidValue) throws {
    let result = try PipelineProcess.run(example.arguments + ["samples/news.jsonl"])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: " + example.expected), "\(result.stderr)")
  }

  @Test func negativeThresholdIsAValueAsWritten() throws {
    let spaced = try PipelineProcess.run([
      "run", "samples/news.jsonl", "--against-threshold", "-0.3",
    ])
    let joined = try PipelineProcess.run(["run", "samples/news.jsonl", "--against-threshold=-0.3"])
    let defaults = try PipelineProcess.run(["run", "samples/news.jsonl"])
    #expect(spaced.status == 0, "\(spaced.stderr)")
    #expect(spaced.stdout == joined.stdout)
    #expect(spaced.stdout != defaults.stdout)
  }

  @Test func directoryAsStandardInputIsAnErrorRecordInPlainWords() throws {
    let result = try PipelineProcess.run(["run"], stdinPath: "/")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(
      result.stdout.contains(
        #""error":{"code":"unreadable_file","message":"cannot read '-': Is a directory"}"#),
      "\(result.stdout)")
  }

  @Test func malformedWordListIsStatus2() throws {
    let directory = NSTemporaryDirectory() + "exit-status-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/bad.tsv"
    try Data("cooperat*\tlots\n".utf8).write(to: URL(fileURLWithPath: path))
    let result = try PipelineProcess.run(["run", "samples/news.jsonl", "--lexicon", path])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr == "pipeline: error: \(path):1: expected a number, found 'lots'\n")
  }

  @Test func goldEntityNoGazetteerDefinesIsNoted() throws {
    let directory = NSTemporaryDirectory() + "exit-status-gold-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let gold = directory + "/gold.jsonl"
    try Data(
      """
      {"id": "sample-01", "entities": [{"entity": "nasa"}, {"entity": "no_such_agency"}]}
      {"id": "sample-02", "entities": [{"entity": "no_such_agency"}]}

      """.utf8
    ).write(to: URL(fileURLWithPath: gold))
    let result = try PipelineProcess.run(["eval", "--gold", gold, "samples/news.jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "pipeline: \(gold):1: gold entity 'no_such_agency' (in 2 documents) is defined by no gazetteer; it is scored as missed\n"
      ), "\(result.stderr)")
    #expect(!result.stderr.contains("'nasa'"))
  }
}
