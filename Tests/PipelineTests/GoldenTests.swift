import Foundation
import TestSupport
import Testing

@testable import PipelineKit

/// The shipped sample corpus through the real lexicons, compared with golden files.
@Suite("Golden output")
struct GoldenTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let input: String
    let snapshot: String
    var testDescription: String { input }
  }

  static let cases = [
    Case(input: "samples/news.jsonl", snapshot: "news.jsonl"),
    Case(input: "samples/txt", snapshot: "txt.jsonl"),
    Case(input: "samples/bad.jsonl", snapshot: "bad.jsonl"),
  ]

  @Test(arguments: cases)
  func matchesSnapshot(_ c: Case) throws {
    // Paths in the output as a user would see them running from the repository root.
    let output = try runPipeline([Repository.path(c.input)]).output
      .replacingOccurrences(of: Repository.root + "/", with: "")
    if let mismatch = snapshotMismatch(output, named: c.snapshot, in: testDirectory) {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func everySpanSlicesToItsText() throws {
    let path = Repository.path("samples/news.jsonl")
    let texts = try texts(ofJSONLines: path)
    let (output, _) = try runPipeline([path])
    var checked = 0
    for record in try records(output) {
      let text = try #require(texts[record["id"] as! String])
      for span in spans(of: record) {
        #expect(slice(text, span.start, span.end) == span.text, "\(record["id"]!)")
        checked += 1
      }
    }
    #expect(checked > 100)
  }

  @Test func outputDoesNotDependOnJobs() throws {
    let inputs = ["samples/news.jsonl", "samples/txt", "samples/bad.jsonl"].map(Repository.path)
    let one = try runPipeline(inputs, jobs: 1).output
    let three = try runPipeline(inputs, jobs: 3).output
    #expect(one == three)
    #expect(one.split(separator: "\n").count == 14 + 2 + 6)
  }
}
