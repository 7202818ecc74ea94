import Foundation
import TestSupport
import Testing
import Tokenize

@testable import Stance

/// Single quotation marks told from apostrophes, and sentences that begin inside a quotation.
@Suite("Quote marks")
struct QuoteMarksTests {
  private static let tokenizer = Tokenizer()

  private static func rules() throws -> AttributionRules {
    let path = Repository.path("lexicons/attribution/clauses.tsv")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    return try AttributionRules(clauses: [(path, bytes)], references: [], tokenizer: tokenizer)
  }

  /// Marked spans are the single quotation marks (openers and closers in text order);
  /// `inside` lists the sentences that begin inside a quotation.
  @Test(arguments: [
    ("⟦'⟧We will leave,⟦'⟧ Borisov said.", [true, false], [Int]()),
    ("⟦‘⟧We will leave,⟦’⟧ Borisov said.", [true, false], []),
    ("The partners' talks and the '90s ended.", [], []),
    ("Roscosmos's chief didn't say.", [], []),
    ("It was a ⟦'⟧reliable partner⟦'⟧ then.", [true, false], []),
    ("He called it ⟦'⟧a sensible decision for everyone on board⟦'⟧.", [true, false], []),
    ("A: ⟦'⟧Absolutely. We will stay,⟦'⟧ she said.", [true, false], [1]),
    ("⟦'⟧Absolutely. We will stay,⟦'⟧ she said. Then she left.", [true, false], [1]),
    ("Rock 'n roll. We stay.", [], []),
    ("\"Absolutely. We will stay,\" she said. Then she left.", [], [1]),
    ("He said \"no. Then he left. And came back.", [], [1]),
  ])
  func marks(text: String, opening: [Bool], inside: [Int]) throws {
    let marked = MarkedText(text)
    let doc = try Self.tokenizer.tokenize(marked.text)
    let quotes = QuoteMarks(doc: doc, rules: try Self.rules())
    let found = doc.tokens.indices.compactMap { t in
      quotes.singleMark(t).map { (doc.tokens[t].start..<doc.tokens[t].end, $0) }
    }
    #expect(found.map(\.0) == marked.spans)
    #expect(found.map(\.1) == opening)
    #expect(quotes.opensInside.sorted() == inside)
  }
}
