import Foundation
import TestSupport
import Testing
import Tokenize

@testable import Stance

/// `TokenMarkers` and `AttributionRules`' look-ups by token give every token what the rules'
/// tables say of its key, with and without a bound vocabulary.
@Suite("Token markers")
struct TokenMarkersTests {
  private static let tokenizer = Tokenizer()

  private static func rules() throws -> AttributionRules {
    func file(_ name: String) throws -> (String, [UInt8]) {
      let path = Repository.path("lexicons/attribution/\(name)")
      return (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }
    return try AttributionRules(
      clauses: [try file("clauses.tsv")], references: [try file("references.tsv")],
      tokenizer: tokenizer)
  }

  private static let texts = [
    "Roscosmos, along with the Kremlin, said on Friday that it would not sign the deal, but "
      + "NASA's officials warned they were “deeply concerned” by the agency's decision.",
    "If the sanctions stay, we will leave: the partners' talks were put on hold by Moscow.",
    "He told Interfax he expected them to cooperate; its chief had been barred from the ISS.",
  ]

  /// `MarkerKind.markerBits` is spelt out; it must hold exactly the kinds that are not kept
  /// apart, all below the reference kind's byte.
  @Test func markerBitsAreTheMarkers() {
    let kinds = AttributionRules.MarkerKind.allCases
    #expect(
      kinds.filter { !$0.isKeptApart }.reduce(0) { $0 | $1.bit }
        == AttributionRules.MarkerKind.markerBits)
    #expect(kinds.allSatisfy { $0.bit < 1 << TokenMarkers.kindShift })
  }

  @Test(arguments: [false, true])
  func agreesWithTheRules(bound: Bool) throws {
    var rules = try Self.rules()
    var tokenizer = Self.tokenizer
    if bound {
      let vocabulary = Vocabulary(rules.vocabularyKeys)
      rules.bind(to: vocabulary)
      tokenizer = tokenizer.with(vocabulary: vocabulary)
    }
    for text in Self.texts {
      let doc = try tokenizer.tokenize(text)
      #expect((doc.vocabularyStamp != 0) == bound)
      let markers = TokenMarkers(doc: doc, rules: rules)
      // Each text has markers, word classes and reference words to agree on.
      #expect(doc.tokens.indices.contains { markers.kinds(of: $0) != 0 })
      #expect(
        doc.tokens.indices.contains { t in
          AttributionRules.MarkerKind.allCases.contains {
            $0.isKeptApart && markers.word(t, is: $0)
          }
        })
      #expect(doc.tokens.indices.contains { markers.referenceKind(of: $0) != nil })
      for t in doc.tokens.indices {
        // What the rules' tables say of the key, read by key.
        let key = doc.tokens[t].key
        let kinds = rules.kinds(key)
        let reference = rules.reference(key)?.kind
        #expect(markers.kinds(of: t) == kinds, "\(key)")
        #expect(rules.kinds(of: t, in: doc) == kinds, "\(key)")
        #expect(markers.referenceKind(of: t) == reference, "\(key)")
        #expect(rules.referenceKind(of: t, in: doc) == reference, "\(key)")
        #expect(
          markers.isArticleOrDeterminer(t) == rules.isArticleOrDeterminer(t, in: doc), "\(key)")
        for kind in AttributionRules.MarkerKind.allCases {
          if kind.isKeptApart {
            #expect(markers.word(t, is: kind) == rules.isWord(key, kind), "\(key) \(kind)")
            #expect(rules.word(t, in: doc, is: kind) == rules.isWord(key, kind), "\(key) \(kind)")
          } else {
            #expect(markers.has(t, kind) == (kinds & kind.bit != 0), "\(key) \(kind)")
            #expect(rules.has(t, in: doc, kind) == (kinds & kind.bit != 0), "\(key) \(kind)")
          }
        }
      }
    }
  }
}
