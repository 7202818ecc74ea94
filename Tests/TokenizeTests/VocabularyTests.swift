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

  @Test("A key's prefix id is the longest numbered prefix it starts with; parents chain the rest")
  func prefixIDs() {
    let vocabulary = Vocabulary(
      ["nasa"], prefixes: ["co", "cooperat", "co", "", "coop", "ж", "жел"])
    #expect(vocabulary.prefixes == ["co", "cooperat", "coop", "ж", "жел"])
    let cases: [(String, UInt32)] = [
      ("cooperation", 2), ("cooperat", 2), ("cooper", 3), ("coo", 1), ("co", 1), ("c", 0),
      ("", 0), ("nasa", 0), ("железо", 5), ("жар", 4), ("xcooperation", 0),
    ]
    for (key, id) in cases { #expect(vocabulary.prefixID(of: key) == id, "\(key)") }
    #expect(vocabulary.prefixNumber(of: "coop") == 3 && vocabulary.prefixNumber(of: "coope") == 0)
    // cooperat → coop → co; жел → ж.
    #expect(vocabulary.prefixParents == [0, 3, 1, 0, 4])
    #expect(vocabulary.stamp != Vocabulary(["nasa"]).stamp)
    #expect(vocabulary.stamp != Vocabulary(["nasa"], prefixes: ["co"]).stamp)
    let many = Vocabulary([], prefixes: (0...Vocabulary.maxPrefixes).map { "p\($0)" })
    #expect(many.prefixes.isEmpty && many.prefixID(of: "p12") == 0)
  }

  @Test("The tokenizer gives each token its key's id and the text the vocabulary's stamp")
  func tokensCarryIDs() throws {
    let vocabulary = Vocabulary(["nasa", "said"])
    let doc = try Tokenizer().with(vocabulary: vocabulary).tokenize("NASA said so.")
    #expect(doc.tokens.map(\.id) == [1, 2, 0, 0])
    #expect(doc.vocabularyStamp == vocabulary.stamp)
    let prefixed = try Tokenizer().with(vocabulary: Vocabulary(["nasa"], prefixes: ["sa", "s"]))
      .tokenize("NASA said so, see nasa.gov")
    #expect(prefixed.tokens.map(\.prefixID) == [0, 1, 2, 0, 2, 0])
    let plain = try Tokenizer().tokenize("NASA said so.")
    #expect(plain.tokens.allSatisfy { $0.id == 0 } && plain.vocabularyStamp == 0)
  }

  @Test("A matcher bound to a vocabulary finds the same phrases by id as by key")
  func boundMatcherAgreesWithKeys() throws {
    var matcher = PhraseMatcher<Int>()
    matcher.insert(["space", "station"], value: 0)
    matcher.insert(["nasa"], value: 1)
    matcher.insert(["cooperat"], lastIsPrefix: true, value: 2)
    matcher.insert(["co"], lastIsPrefix: true, value: 3)
    matcher.insert(["joint", "ventur"], lastIsPrefix: true, value: 4)
    matcher.insert(["joint", "v"], lastIsPrefix: true, value: 5)
    let text =
      "NASA praised cooperation on the space station; the station and NASA's space work, a joint "
      + "venture, a joint visit, a joint program, coordination and cooper."
    let plain = try Tokenizer().tokenize(text)
    let byKey = matcher.matches(in: plain.tokens, range: plain.tokens.indices)
    #expect(byKey.map(\.values) == [[1], [2], [0], [1], [4], [5], [3], [3]])
    // With and without the prefixes numbered: the prefix phrases by prefix id or by key.
    for prefixes in [matcher.prefixes, []] {
      let vocabulary = Vocabulary(
        Set(matcher.keys).union(["unrelated"]).sorted(), prefixes: ["c", "unrelated"] + prefixes)
      var bound = matcher
      bound.bind(to: vocabulary)
      let doc = try Tokenizer().with(vocabulary: vocabulary).tokenize(text)
      let byID = bound.matches(
        in: doc.tokens, range: doc.tokens.indices, stamp: doc.vocabularyStamp)
      #expect(byID.map(\.tokens) == byKey.map(\.tokens))
      #expect(byID.map(\.values) == byKey.map(\.values))
      #expect(byID.map(\.prefix) == byKey.map(\.prefix))
    }
    let vocabulary = Vocabulary(Set(matcher.keys).union(["unrelated"]))
    var bound = matcher
    bound.bind(to: vocabulary)
    // Another vocabulary's ids are never read: the bound matcher falls back to keys.
    let other = try Tokenizer().with(vocabulary: Vocabulary(["nasa"])).tokenize(text)
    #expect(
      bound.matches(in: other.tokens, range: other.tokens.indices, stamp: other.vocabularyStamp)
        .map(\.tokens) == byKey.map(\.tokens))
  }
}
