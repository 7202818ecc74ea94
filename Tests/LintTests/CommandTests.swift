import AnalystKit
import Foundation
import JSON
import PipelineKit
import TestSupport
import Testing

/// The built binary: `pipeline lint`, `coverage`, `kwic` and `--lexicon` with import formats.
@Suite("lint, coverage and kwic commands")
struct CommandTests {
  @Test func bundledLexiconsLintCleanAndExitZero() throws {
    let result = try PipelineProcess.run(["lint"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings\n"), "\(result.stdout)")
    let folder = try PipelineProcess.run(["lint", "lexicons"])
    #expect(folder.status == 0, "\(folder.stdout)")
  }

  static let statuses: [([String], Int32)] = [
    (["stance/checks.tsv"], 1), (["stance/clean.tsv", "AFINN-test.txt"], 0),
    (["stance/checks.tsv", "--json"], 1), (["no-such-file.tsv"], 2),
  ]

  @Test(arguments: statuses)
  func exitStatus(_ arguments: [String], _ status: Int32) throws {
    let result = try PipelineProcess.run(["lint"] + arguments, in: fixtures)
    #expect(result.status == status, "\(result.stdout)\(result.stderr)")
  }

  @Test func warningsAloneExitZeroAndTheSummaryCounts() throws {
    let result = try PipelineProcess.run(
      ["lint", "stance/clean.tsv", "--lexicon", "stance/checks.tsv"], in: fixtures)
    #expect(result.status == 0)
    #expect(result.stdout == "lint: 1 file, 2 lines: 0 errors, 0 warnings\n")
    let defaults = try PipelineProcess.run(
      ["lint", "--no-default-lexicons", "--lexicon", "stance/clean.tsv"], in: fixtures)
    #expect(defaults.stdout == "lint: 1 file, 2 lines: 0 errors, 0 warnings\n")
  }

  @Test func sortedDiagnosticsThenASummary() throws {
    let result = try PipelineProcess.run(
      ["lint", "modifiers.tsv", "invalid-utf8.tsv"], in: fixtures)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first == "invalid-utf8.tsv:2:4: error: expected UTF-8 text, found an invalid byte")
    #expect(lines.last == "lint: 2 files, 13 lines: 10 errors, 1 warning")
  }

  @Test func jsonLinesDiagnostics() throws {
    let result = try PipelineProcess.run(["lint", "--json", "invalid-utf8.tsv"], in: fixtures)
    #expect(result.status == 1)
    #expect(
      result.stdout.split(separator: "\n").first
        == #"{"file":"invalid-utf8.tsv","line":2,"column":4,"severity":"error","code":"invalid-utf8","message":"expected UTF-8 text, found an invalid byte"}"#
    )
    #expect(result.stderr == "pipeline: lint: 1 file, 3 lines: 2 errors, 0 warnings\n")
  }

  @Test func importedLexiconsScoreARun() throws {
    let text = #"{"id": "d", "text": "NASA will support the crew."}"#
    let result = try PipelineProcess.run(
      ["run", "--quiet", "--lexicon", fixtures + "/AFINN-test.txt"], stdin: text + "\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        #"{"dimension":"stance","score":0.3818,"raw":1.6,"hits":1,"label":"favor"}"#),
      "\(result.stdout)")
    let broken = try PipelineProcess.run(
      ["run", "--lexicon", fixtures + "/broken.vader.tsv"], stdin: text)
    #expect(broken.status == 2 && broken.stdout.isEmpty)
    #expect(
      broken.stderr.contains("broken.vader.tsv:1: expected 4 tab-separated fields"),
      "\(broken.stderr)")
  }

  @Test func kwicLinesAreAlignedAndTheirOffsetsSliceTheText() throws {
    let texts = [
      #"{"id": "a", "text": "Roscosmos said cooperation\ncontinues."}"#,
      #"{"id": "bb", "text": "Partners want to cooperate with NASA."}"#,
    ]
    let result = try PipelineProcess.run(
      ["kwic", "cooperat*", "--width", "12"], stdin: texts.joined(separator: "\n"))
    #expect(result.status == 0)
    // Lines stream, so the id column is padded to the widest id so far ("a" had no wider one).
    #expect(
      result.stdout == """
        a  [15, 26)  cosmos said   cooperation   continues.
        bb  [17, 26)  ers want to   cooperate   with NASA.

        """)
    let json = try PipelineProcess.run(
      ["kwic", "cooperat*", "--json"], stdin: texts.joined(separator: "\n"))
    for line in json.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let id = object["id"] as! String
      let text =
        id == "a"
        ? "Roscosmos said cooperation\ncontinues." : "Partners want to cooperate with NASA."
      #expect(
        slice(text, object["start"] as! Int, object["end"] as! Int) == object["text"] as! String)
    }
  }

  @Test func kwicRejectsATermWithoutTokens() throws {
    let result = try PipelineProcess.run(["kwic", "  "], stdin: "")
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("expected a term with at least one token"), "\(result.stderr)")
  }

  @Test func coverageOfAnUnreadableInputFailsWithNothingWritten() throws {
    let result = try PipelineProcess.run(["coverage", "samples/news.jsonl", "missing.jsonl"])
    #expect(result.status == 1 && result.stdout.isEmpty)
    #expect(
      result.stderr.contains("cannot read 'missing.jsonl': no such file or directory"),
      "\(result.stderr)")
  }
}
