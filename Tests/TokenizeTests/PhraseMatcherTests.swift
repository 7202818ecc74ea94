import TestSupport
import Testing
import Tokenize

/// `PhraseMatcher` on its own: phrases of token keys over a tokenized text, with the spans it
/// finds written as marked text.
@Suite("PhraseMatcher")
struct PhraseMatcherTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var phrases: [(keys: String, prefix: Bool)]
    /// The text with the expected matches marked `⟦…⟧`.
    var marked: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "the longest phrase at a start wins",
      phrases: [("orbit", false), ("orbit watch", false)],
      marked: "⟦Orbit Watch⟧ said ⟦Orbit⟧, ⟦Orbit Watch⟧ twice"),
    Case(
      name: "whole tokens only", phrases: [("star", false)],
      marked: "a starship, stars and a ⟦star⟧"),
    Case(
      name: "a prefix phrase matches any word starting with it", phrases: [("cooperat", true)],
      marked: "⟦Cooperation⟧ and ⟦cooperating⟧, not co-operation"),
    Case(
      name: "a prefix on the last word of a longer phrase",
      phrases: [("pull out", false), ("pull", true)],
      marked: "they ⟦pull out⟧ and ⟦pulled⟧ back"),
    Case(
      name: "matches do not overlap: after a match the walk goes on after it",
      phrases: [("deep space", false), ("space station", false)],
      marked: "the ⟦deep space⟧ station and the ⟦space station⟧"),
  ]

  static func matches(_ c: Case) throws -> [Range<Int>] {
    let marked = MarkedText(c.marked)
    let tokenizer = Tokenizer()
    var matcher = PhraseMatcher<Int>()
    for (index, phrase) in c.phrases.enumerated() {
      matcher.insert(
        try tokenizer.tokenize(phrase.keys).tokens.map(\.key), lastIsPrefix: phrase.prefix,
        value: index)
    }
    let doc = try tokenizer.tokenize(marked.text)
    return matcher.matches(in: doc.tokens, range: 0..<doc.tokens.count).map {
      doc.tokens[$0.tokens.lowerBound].start..<doc.tokens[$0.tokens.upperBound - 1].end
    }
  }

  @Test(arguments: cases)
  func findsTheMarkedSpans(_ c: Case) throws {
    #expect(try Self.matches(c) == MarkedText(c.marked).spans)
  }

  /// The overlap rule is leftmost, then longest: scanning from the left, the longest phrase
  /// starting at the first token where one starts is taken, and the walk resumes after it.
  /// spaCy's `filter_spans` (longest first, then leftmost) would keep "space station crew"
  /// here instead, the longer span that starts later.
  @Test func overlapRuleIsLeftmostThenLongestNotFilterSpans() throws {
    let c = Case(
      name: "leftmost-longest", phrases: [("deep space", false), ("space station crew", false)],
      marked: "the ⟦deep space⟧ station crew")
    #expect(try Self.matches(c) == MarkedText(c.marked).spans)
    let filterSpans = MarkedText("the deep ⟦space station crew⟧").spans
    #expect(try Self.matches(c) != filterSpans)
  }

  @Test func matchesStayWithinTheRange() throws {
    let tokenizer = Tokenizer()
    var matcher = PhraseMatcher<String>()
    matcher.insert(["orbit", "watch"], value: "site")
    let doc = try tokenizer.tokenize("Orbit Watch")
    #expect(matcher.matches(in: doc.tokens, range: 0..<1).isEmpty)
    #expect(matcher.matches(in: doc.tokens, range: 0..<2).map(\.tokens) == [0..<2])
  }

  @Test func acceptFiltersValuesAndValuesKeepInsertionOrder() throws {
    let tokenizer = Tokenizer()
    var matcher = PhraseMatcher<String>()
    matcher.insert(["orbit"], value: "first")
    matcher.insert(["orbit"], value: "second")
    matcher.insert(["orbit", "watch"], value: "long")
    #expect(matcher.values(ofPhrase: ["orbit"]) == ["first", "second"])
    #expect(matcher.count == 2)
    let doc = try tokenizer.tokenize("Orbit Watch")
    let all = matcher.matches(in: doc.tokens, range: 0..<2)
    #expect(all.map(\.values) == [["long"]])
    let short = matcher.matches(in: doc.tokens, range: 0..<2) { value, _ in value != "long" }
    #expect(short.map(\.tokens) == [0..<1])
    #expect(short.map(\.values) == [["first", "second"]])
  }

  @Test func exactPhraseWinsOverPrefixAtEqualLength() throws {
    let tokenizer = Tokenizer()
    var matcher = PhraseMatcher<String>()
    matcher.insert(["orbit"], lastIsPrefix: true, value: "prefix")
    matcher.insert(["orbital"], value: "exact")
    let doc = try tokenizer.tokenize("orbital orbiter")
    let found = matcher.matches(in: doc.tokens, range: 0..<doc.tokens.count)
    #expect(found.map(\.values) == [["exact"], ["prefix"]])
    #expect(found.map(\.prefix) == [nil, "orbit"])
  }
}

/// `KeyFilter` may say "maybe" for a key never inserted, never "no" for one that was.
@Suite("KeyFilter")
struct KeyFilterTests {
  @Test func neverMissesAnInsertedKey() {
    var filter = KeyFilter()
    let keys = (0..<5_000).map { "key\($0)" } + ["", "a", "é", "🚀", "rogozin's", "co-operation"]
    for key in keys { filter.insert(key) }
    #expect(keys.allSatisfy(filter.mayContain))
  }

  @Test func anEmptyFilterContainsNothing() {
    let filter = KeyFilter()
    #expect(!["", "a", "nasa", "🚀"].contains(where: filter.mayContain))
  }

  @Test func mostAbsentKeysAreRuledOut() {
    var filter = KeyFilter()
    for i in 0..<100 { filter.insert("word\(i)") }
    let absent = (0..<1_000).map { "other\($0)x" }
    // 100 keys set at most 100 of 65,536 bits: nearly every absent key finds a clear bit.
    #expect(absent.count(where: filter.mayContain) < 50)
  }
}
