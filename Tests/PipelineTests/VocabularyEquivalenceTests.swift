import Foundation
import PipelineKit
import TestSupport
import Testing
import Tokenize

/// Token ids are a shortcut, never a different answer: the default analyzer (its tables bound
/// to its tokenizer's vocabulary) and the same tables reading keys (a tokenizer without a
/// vocabulary) write byte-identical output for every sample.
@Suite("Vocabulary equivalence")
struct VocabularyEquivalenceTests {
  @Test(
    "Output by token ids equals output by keys",
    arguments: ["news.jsonl", "attribution.jsonl", "gold.jsonl", "bad.jsonl", "forms", "txt"])
  func idsAndKeysAgree(_ sample: String) throws {
    let path = Repository.root + "/samples/" + sample
    let byKeys = Analyzer(
      tokenizer: defaultAnalyzer.tokenizer.with(vocabulary: nil),
      gazetteer: defaultAnalyzer.gazetteer, scorer: defaultAnalyzer.scorer)
    #expect(defaultAnalyzer.tokenizer.vocabulary != nil)
    let withIDs = try runPipeline([path], analyzer: defaultAnalyzer).output
    let withKeys = try runPipeline([path], analyzer: byKeys).output
    #expect(!withIDs.isEmpty)
    #expect(withIDs == withKeys)
  }
}
