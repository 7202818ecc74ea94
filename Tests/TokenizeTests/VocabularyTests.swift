import Testing
import Tokenize

/// `Vocabulary`: dense ids for the keys the word lists know, given to tokens by the tokenizer.
@Suite("Vocabulary")
struct VocabularyTests {
  @Test("Keys are numbered 1…n in the order given, a repeat keeping its id; unknown is 0")
  func idsFollowTheOrderGiven() {
    let vocabulary = Vocabulary(["'s", "nasa", "roscosmos", "nasa", "рогозин", "'s"])
    #expect(vocabulary.keys == ["'s", "nasa", "roscosmos", "рогозин"])
    #expect(vocabulary.keys.map(vocabulary.id(of:)) == [1, 2, 3, 4])
    for unknown in ["", "moon", "NASA", "nas", "nasaa", "рогозина"] {
      #expect(vocabulary.id(of: unknown) == 0, "\(unknown)")
    }
  }

  @Test("Many keys, long keys and colliding slots all find their own id")
  func manyKeys() {
    let keys = (0..<5_000).map { "key\($0)" } + [String(repeating: "ж", count: 40), "a", "b"]
    let vocabulary = Vocabulary(keys)
    for key in keys { #expect(vocabulary.keys[Int(vocabulary.id(of: key)) - 1] == key) }
    #expect(vocabulary.id(of: "key5000") == 0)
  }

  @Test("The stamp depends on the keys in order and is never 0")
  func stamps() {
    let a = Vocabulary(["nasa", "roscosmos"])
    #expect(a.stamp != 0 && Vocabulary([]).stamp != 0)
    #expect(a.stamp == Vocabulary(["nasa", "roscosmos", "nasa"]).stamp)
    #expect(a.stamp != Vocabulary(["nasa"]).stamp)
  }

  @Test("The tokenizer gives each token its key's id and the text the vocabulary's stamp")
  func tokensCarryIDs() throws {
    let vocabulary = Vocabulary(["nasa", "said"])
    let doc = try Tokenizer().with(vocabulary: vocabulary).tokenize("NASA said so.")
    #expect(doc.tokens.map(\.id) == [1, 2, 0, 0])
    #expect(doc.vocabularyStamp == vocabulary.stamp)
    let plain = try Tokenizer().tokenize("NASA said so.")
    #expect(plain.tokens.allSatisfy { $0.id == 0 } && plain.vocabularyStamp == 0)
  }

  @Test("A matcher bound to a vocabulary finds the same phrases by id as by key")
  func boundMatcherAgreesWithKeys() throws {
    var matcher = PhraseMatcher<Int>()
    matcher.insert(["space", "station"], value: 0)
    matcher.insert(["nasa"], value: 1)
    matcher.insert(["cooperat"], lastIsPrefix: true, value: 2)
    let vocabulary = Vocabulary(Set(matcher.keys).union(["unrelated"]))
    var bound = matcher
    bound.bind(to: vocabulary)
    let text = "NASA praised cooperation on the space station; the station and NASA's space work."
    let doc = try Tokenizer().with(vocabulary: vocabulary).tokenize(text)
    let byKey = matcher.matches(in: doc.tokens, range: doc.tokens.indices)
    let byID = bound.matches(
      in: doc.tokens, range: doc.tokens.indices, stamp: doc.vocabularyStamp)
    #expect(byID.map(\.tokens) == byKey.map(\.tokens))
    #expect(byID.map(\.values) == byKey.map(\.values))
    #expect(byKey.map(\.values) == [[1], [2], [0], [1]])
    // Another vocabulary's ids are never read: the bound matcher falls back to keys.
    let other = try Tokenizer().with(vocabulary: Vocabulary(["nasa"])).tokenize(text)
    #expect(
      bound.matches(in: other.tokens, range: other.tokens.indices, stamp: other.vocabularyStamp)
        .map(\.tokens) == byKey.map(\.tokens))
  }
}
