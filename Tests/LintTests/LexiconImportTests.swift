import Foundation
import Stance
import Testing
import Tokenize

private func load(_ name: String) throws(StanceError) -> Lexicon {
  let bytes = [UInt8](FileManager.default.contents(atPath: fixtures + "/" + name)!)
  return try Lexicon(files: [(path: name, bytes: bytes)], tokenizer: Tokenizer())
}

@Suite("Lexicon import")
struct LexiconImportTests {
  @Test(arguments: [
    ("vader_lexicon.txt", LexiconFormat.vader), ("lexicons/x.VADER.tsv", .vader),
    ("a.vader.txt", .vader),
    ("AFINN-165.txt", .afinn), ("AFINN-en-165.txt", .afinn), ("words.afinn.tsv", .afinn),
    ("cooperation.tsv", .tsv), ("vader.tsv", .tsv), ("AFINN-165.tsv", .tsv),
  ])
  func formatComesFromTheFileName(_ path: String, _ format: LexiconFormat) {
    #expect(LexiconFormat(path: path) == format)
  }

  @Test func vaderMeansAreWeightsAndStarsAreLiteral() throws {
    let lexicon = try load("vader_lexicon.txt")
    #expect(lexicon.entries.map(\.weight) == [-1.5, 1.7, -1.9, 1.7])
    #expect(lexicon.dimensions == ["stance"])
    #expect(lexicon.entries[1].keys == [":", "-", "*"])
    #expect(lexicon.entries[1].isPrefix == false)
    #expect(lexicon.entries.map(\.location.description).last == "vader_lexicon.txt:4")
  }

  @Test func afinnIntegersAreScaledByFourFifths() throws {
    let lexicon = try load("AFINN-test.txt")
    #expect(lexicon.entries.map(\.term) == ["abandon", "breakthrough", "support", "outstanding"])
    #expect(lexicon.entries.map(\.weight) == [-1.6, 2.4, 1.6, 4])
  }

  @Test(arguments: [
    (
      "broken.afinn.tsv",
      "broken.afinn.tsv:1: expected 2 tab-separated fields (word, integer), found 3 fields"
    ),
    (
      "broken.vader.tsv",
      "broken.vader.tsv:1: expected 4 tab-separated fields (token, mean, sd, ratings), found 3 fields"
    ),
  ])
  func malformedImportFilesNameFileAndLine(_ name: String, _ message: String) {
    #expect(throws: StanceError.self) { try load(name) }
    do { _ = try load(name) } catch { #expect(error.description == message) }
  }
}
