import TestSupport
import Testing

@testable import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr.", "Gen.", "Mr.", "U.S."])

/// Marked text: every token is ⟦marked⟧; checks spans by slicing and keys in order.
struct TokenCase: CustomTestStringConvertible, Sendable {
  let name: String
  let marked: String
  let keys: [String]
  var testDescription: String { name }
}

@Suite("Tokenizer")
struct TokenizerTests {
  static let cases: [TokenCase] = [
    TokenCase(
      name: "typographic possessive", marked: "⟦Rogozin⟧⟦’s⟧ ⟦agency⟧",
      keys: ["rogozin", "'s", "agency"]),
    TokenCase(
      name: "ASCII possessive", marked: "⟦NASA⟧⟦'s⟧ ⟦plan⟧", keys: ["nasa", "'s", "plan"]),
    TokenCase(name: "negation clitic", marked: "⟦do⟧⟦n't⟧", keys: ["do", "n't"]),
    TokenCase(name: "typographic negation", marked: "⟦wo⟧⟦n’t⟧", keys: ["wo", "n't"]),
    TokenCase(
      name: "Cyrillic with emoji before it", marked: "⟦🚀⟧ ⟦Роскосмос⟧ ⟦и⟧ ⟦Рогозин⟧",
      keys: ["🚀", "роскосмос", "и", "рогозин"]),
    TokenCase(
      name: "flag and ZWJ emoji (NFKC_Casefold drops the ZWJ from the key)",
      marked: "⟦🇷🇺⟧ ⟦👩\u{200D}🚀⟧ ⟦ISS⟧", keys: ["🇷🇺", "👩🚀", "iss"]),
    TokenCase(
      name: "fullwidth folds to ASCII", marked: "⟦ＮＡＳＡ⟧ ⟦Straße⟧", keys: ["nasa", "strasse"]),
    TokenCase(
      name: "numbers and punctuation", marked: "⟦In⟧ ⟦2022⟧⟦,⟧ ⟦3.5⟧ ⟦tons⟧⟦.⟧",
      keys: ["in", "2022", ",", "3.5", "tons", "."]),
    TokenCase(
      name: "combining accent stays in the word", marked: "⟦Rogozine⟧ ⟦cafe\u{301}⟧",
      keys: ["rogozine", "café"]),
    TokenCase(
      name: "typographic quotes fold", marked: "⟦“⟧⟦Hi⟧⟦”⟧", keys: ["\"", "hi", "\""]),
  ]

  @Test(arguments: cases)
  func tokens(_ c: TokenCase) throws {
    let marked = MarkedText(c.marked)
    let doc = try tokenizer.tokenize(marked.text)
    #expect(doc.tokens.map { $0.start..<$0.end } == marked.spans)
    for token in doc.tokens {
      #expect(slice(marked.text, token.start, token.end) == doc.surface(of: token))
    }
    #expect(doc.tokens.map(\.key) == c.keys)
    #expect(invariantViolations(doc).isEmpty, "\(invariantViolations(doc))")
  }

  @Test(arguments: [
    ("the cross-flight deal", [false, false, true, false]),
    ("US–Russian ties", [false, false, true, false]),
    ("cross - flight", [false, false, false]),
    ("cross-\nflight", [false, false, false]),
    ("co-operate and re-enter", [false, true, false, false, true]),
  ])
  func aDashBetweenTwoWordsWithNoSpaceContinuesACompound(text: String, expected: [Bool]) throws {
    let doc = try tokenizer.tokenize(text)
    #expect(doc.tokens.indices.map(doc.continuesCompound) == expected)
  }

  @Test func kinds() throws {
    let doc = try tokenizer.tokenize("NASA paid $90 million 🚀!")
    #expect(
      doc.tokens.map(\.kind) == [.word, .word, .symbol, .number, .word, .symbol, .punctuation])
  }

  @Test func sentencesRespectAbbreviations() throws {
    let text = "Dr. Smith met Gen. Ivanov in the U.S. on Monday. They talked. Mr. Lee left."
    let doc = try tokenizer.tokenize(text)
    let sentences = doc.sentences.map { slice(text, $0.start, $0.end) }
    #expect(
      sentences == [
        "Dr. Smith met Gen. Ivanov in the U.S. on Monday.", "They talked.", "Mr. Lee left.",
      ])
  }

  /// A lone capital letter and its period are a name's initial, no sentence end; a word of
  /// more letters ("Plan Bee.") or a letter inside a word ("x-B.") still ends one.
  @Test(arguments: [
    (
      "Chairman S. Somanath met J. R. Smith. They talked.",
      ["Chairman S. Somanath met J. R. Smith.", "They talked."]
    ),
    ("It was Plan Bee. They talked.", ["It was Plan Bee.", "They talked."]),
    ("It was x-B. They talked.", ["It was x-B.", "They talked."]),
    ("A. Then B.", ["A. Then B."]),
  ])
  func initialsEndNoSentence(text: String, expected: [String]) throws {
    let doc = try tokenizer.tokenize(text)
    #expect(doc.sentences.map { slice(text, $0.start, $0.end) } == expected)
  }

  @Test func withoutOurAbbreviationsICUBreaksAfterDr() throws {
    let doc = try Tokenizer().tokenize("We met Dr. Smith today.")
    #expect(doc.sentences.count == 2)
  }

  @Test func headlineLinesAreSentences() throws {
    let text = "Roscosmos to quit ISS\n\nThe agency said so on Tuesday."
    let doc = try tokenizer.tokenize(text)
    #expect(
      doc.sentences.map { slice(text, $0.start, $0.end) } == [
        "Roscosmos to quit ISS", "The agency said so on Tuesday.",
      ])
    #expect(doc.sentenceOfToken.last == 1)
  }

  @Test func emptyAndBlankTexts() throws {
    for text in ["", " ", "\n\n\t", "\u{FEFF}"] {
      let doc = try tokenizer.tokenize(text)
      #expect(doc.tokens.isEmpty && doc.sentences.isEmpty, "\(Array(text.unicodeScalars))")
    }
  }

  @Test func sessionReuseGivesTheSameResult() throws {
    let session = try tokenizer.makeSession()
    let a = try session.tokenize("Рогозин’s 🚀 plan. Second one.")
    _ = try session.tokenize("Something else entirely, with ünïcödé.")
    let b = try session.tokenize("Рогозин’s 🚀 plan. Second one.")
    #expect(a.tokens == b.tokens && a.sentences == b.sentences)
  }

  @Test func matchingKeyOfAPhrase() {
    #expect(Tokenizer.matchingKey("ＲＯＧＯＺＩＮ’S") == "rogozin's")
  }
}
