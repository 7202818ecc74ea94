import Foundation
import TestSupport
import Testing

/// The built binary on `samples/forms` (inflected, transliterated, descriptive, handle, wrapped
/// and hyphenated mentions, written for this repository) with the default lexicons: the issue's
/// targets as `eval --fail-under` thresholds, and every span slicing to its text.
@Suite("Entity forms evaluation")
struct FormsEvaluationTests {
  @Test func mentionPrecisionAndRecallMeetTheTargets() throws {
    let result = try PipelineProcess.run([
      "eval", "--gold", "samples/forms/gold.jsonl", "samples/forms/forms.jsonl",
      "--fail-under", "mentions.precision=0.95", "--fail-under", "mentions.recall=0.8",
    ])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func everyMentionSpanSlicesToItsText() throws {
    let result = try PipelineProcess.run(["run", "samples/forms/forms.jsonl"])
    #expect(result.status == 0)
    let texts = try String(contentsOfFile: "samples/forms/forms.jsonl", encoding: .utf8)
      .split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
      }
    let output = try records(result.stdout)
    #expect(output.count == texts.count)
    for (record, input) in zip(output, texts) {
      let text = input["text"] as! String
      for span in spans(of: record) {
        #expect(slice(text, span.start, span.end) == span.text, "\(record["id"]!)")
      }
    }
  }
}
