import TestSupport
import Testing

@testable import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr.", "Gen."])

/// Hyphens, links and handles (`TokenRules`): every token is ⟦marked⟧, with its key and kind.
@Suite("Token rules")
struct TokenRulesTests {
  static let cases: [TokenCase] = [
    TokenCase(
      name: "a hyphen between words is not a token", marked: "⟦seat⟧-⟦swap⟧ ⟦then⟧-⟦Roscosmos⟧",
      keys: ["seat", "swap", "then", "roscosmos"]),
    TokenCase(
      name: "a hyphen before a number joins a designation", marked: "⟦Soyuz⟧ ⟦MS-23⟧ ⟦Crew-6⟧",
      keys: ["soyuz", "ms-23", "crew-6"]),
    TokenCase(
      name: "U+2010 and U+2011 are hyphens too", marked: "⟦seat⟧\u{2010}⟦swap⟧ ⟦MS\u{2011}23⟧",
      keys: ["seat", "swap", "ms-23"]),
    TokenCase(
      name: "a spaced hyphen and an en dash stay tokens", marked: "⟦NASA⟧ ⟦-⟧ ⟦ESA⟧ ⟦–⟧ ⟦JAXA⟧",
      keys: ["nasa", "-", "esa", "–", "jaxa"]),
    TokenCase(
      name: "URL with a path is one link", marked: "⟦see⟧ ⟦https://www.nasa.gov/roscosmos⟧⟦.⟧",
      keys: ["see", "https://www.nasa.gov/roscosmos", "."]),
    TokenCase(
      name: "bare domain with a path", marked: "⟦roscosmos.ru/news⟧⟦,⟧ ⟦nasa.gov⟧",
      keys: ["roscosmos.ru/news", ",", "nasa.gov"]),
    TokenCase(
      name: "e-mail address", marked: "⟦mail⟧ ⟦press@nasa.gov⟧⟦!⟧",
      keys: ["mail", "press@nasa.gov", "!"]),
    TokenCase(
      name: "abbreviations are not domains", marked: "⟦U.S⟧⟦.⟧ ⟦e.g⟧⟦.⟧ ⟦St.Petersburg⟧",
      keys: ["u.s", ".", "e.g", ".", "st.petersburg"]),
    TokenCase(
      name: "handle is one word, a hashtag's # a token", marked: "⟦@NASA⟧ ⟦#⟧⟦Roscosmos⟧",
      keys: ["@nasa", "#", "roscosmos"]),
  ]

  @Test(arguments: cases)
  func tokens(_ c: TokenCase) throws {
    let marked = MarkedText(c.marked)
    let doc = try tokenizer.tokenize(marked.text)
    #expect(doc.tokens.map { $0.start..<$0.end } == marked.spans)
    #expect(doc.tokens.map(\.key) == c.keys)
    #expect(invariantViolations(doc).isEmpty, "\(invariantViolations(doc))")
  }

  @Test func linkKinds() throws {
    let doc = try tokenizer.tokenize("Write to press@nasa.gov or see roscosmos.ru now")
    #expect(doc.tokens.map(\.kind) == [.word, .word, .link, .word, .word, .link, .word])
  }

  /// Sentences as marked: `⟦…⟧` around each sentence.
  struct SentenceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let marked: String
    var testDescription: String { name }
  }

  static let sentenceCases: [SentenceCase] = [
    SentenceCase(name: "one line break inside a sentence", marked: "⟦Dmitry\nRogozin said so.⟧"),
    SentenceCase(name: "CRLF inside a sentence", marked: "⟦The agency\r\nsaid so.⟧"),
    SentenceCase(name: "a line ending in a period", marked: "⟦It ended.⟧\n⟦Then more.⟧"),
    SentenceCase(name: "closing quote after the period", marked: "⟦He said “no.”⟧\n⟦Then more.⟧"),
    SentenceCase(
      name: "emoji after the period (ICU makes it a sentence)",
      marked: "⟦It ended.⟧ ⟦🚀⟧\n⟦Then more.⟧"),
    SentenceCase(
      name: "a blank line always ends it",
      marked: "⟦Roscosmos to quit ISS⟧\n\n⟦The agency said so.⟧"),
    SentenceCase(name: "blank line of spaces", marked: "⟦Dmitry⟧\n  \n⟦Rogozin⟧"),
    SentenceCase(name: "paragraph separator", marked: "⟦Dmitry⟧\u{2029}⟦Rogozin⟧"),
    SentenceCase(name: "list items", marked: "⟦Partners:⟧\n⟦- NASA⟧\n⟦- ESA⟧\n⟦* JAXA⟧\n⟦• CSA⟧"),
    SentenceCase(name: "numbered items", marked: "⟦Steps⟧\n⟦1. dock⟧\n⟦2) undock⟧\n⟦a) land⟧"),
    SentenceCase(name: "Markdown heading", marked: "⟦Intro text⟧\n⟦# Roscosmos⟧"),
    SentenceCase(name: "a hashtag line goes on", marked: "⟦Launch news\n#Roscosmos today⟧"),
    SentenceCase(
      name: "a wire dateline starts a sentence",
      marked: "⟦Russia to quit station⟧\n⟦MOSCOW, March 3 (Reuters) - Borisov said so.⟧"),
    SentenceCase(
      name: "a dateline with its agency only",
      marked: "⟦Russia to quit station⟧\n⟦CAPE CANAVERAL (AFP) — NASA said so.⟧"),
    SentenceCase(
      name: "a dateline of capitals and a dash, even after a longer line",
      marked: "⟦Roscosmos chief vows to keep flying with NASA⟧\n⟦PARIS — ESA agreed.⟧"),
    SentenceCase(
      name: "a headline before a longer lede ends",
      marked:
        "⟦Roscosmos chief vows to keep flying⟧\n⟦The head of the Russian space agency said on Monday that flights go on.⟧"
    ),
    SentenceCase(
      name: "a wrapped line before a shorter one goes on",
      marked: "⟦The head of the Russian space agency said\nOn Monday that flights go on.⟧"),
    SentenceCase(
      name: "a headline before a lowercase line goes on",
      marked:
        "⟦Roscosmos chief vows to keep\nflying whatever the sanctions, the cost or the politics bring.⟧"
    ),
    SentenceCase(
      name: "capitals without a dash go on",
      marked: "⟦Cooperation between Roscosmos and\nNASA, the agencies said, goes on.⟧"),
  ]

  @Test(arguments: sentenceCases)
  func sentences(_ c: SentenceCase) throws {
    let marked = MarkedText(c.marked)
    let doc = try tokenizer.tokenize(marked.text)
    #expect(doc.sentences.map { $0.start..<$0.end } == marked.spans)
    #expect(invariantViolations(doc).isEmpty, "\(invariantViolations(doc))")
  }
}

@Suite("Key variants")
struct KeyVariantsTests {
  @Test func stemsAreComputedOncePerDistinctKey() throws {
    var stems = StemSet()
    stems.insert("роскосмос")
    let tokenizer = Tokenizer().with(
      variants: KeyVariants(stems: ["ru": stems], transliterate: true))
    let session = try tokenizer.makeSession()
    let doc = try session.tokenize("Роскосмоса Роскосмоса Роскосмосом роскосмоса")
    #expect(doc.variants.stems.first?.keys == ["роскосмос", "роскосмос", "роскосмос", "роскосмос"])
    #expect(session.stemCache["ru"]?.count == 2)
    #expect(session.translitCache.count == 2)
    #expect(try session.transliterate("рогозин") == "rogozin")
    #expect(try session.transliterate("nasa") == "nasa")
    #expect(try session.stem("нас", language: "ru") == nil)
  }

  /// The sessions of one tokenizer share its transliterator (`SharedTransliterator`): the first
  /// that needs it opens it, and sessions on two threads at once get what one session gets.
  @Test func sessionsShareOneTransliterator() async throws {
    let keys = ["рогозин", "роскосмос", "coopération", "κόσμος", "łódź", "nasa"]
    @Sendable func transliterations(by tokenizer: Tokenizer) throws -> [String] {
      let session = try tokenizer.makeSession()
      return try keys.map { try session.transliterate($0) }
    }
    let tokenizer = Tokenizer()
    #expect(!tokenizer.transliterator.isOpen)
    _ = try tokenizer.makeSession().transliterate("nasa")
    #expect(!tokenizer.transliterator.isOpen)
    async let first = transliterations(by: tokenizer)
    async let second = transliterations(by: tokenizer)
    let expected = ["rogozin", "roskosmos", "cooperation", "kosmos", "lodz", "nasa"]
    #expect(try await [first, second] == [expected, expected])
    #expect(tokenizer.transliterator.isOpen)
  }

  /// The hint the tokenizer gives each token (`Token.variantHint`, once per distinct surface)
  /// finds the variants the tokens' keys give without it, with one and with eight stem languages
  /// (past seven the hint is unknown).
  @Test(arguments: [1, 8])
  func hintsGiveTheVariantsOfTheKeys(languages: Int) throws {
    var stems = StemSet()
    for stem in ["роскосмос", "agenc", "space"] { stems.insert(stem) }
    let codes = ["ru", "en", "de", "fr", "es", "it", "nl", "pt"].prefix(languages)
    let tokenizer = Tokenizer().with(
      variants: KeyVariants(
        stems: Dictionary(uniqueKeysWithValues: codes.map { ($0, stems) }), transliterate: true))
    let session = try tokenizer.makeSession()
    let doc = try session.tokenize(
      "Роскосмоса agency's agencies, Space spaces — Рогозин said; SPACE Роскосмосом naïve")
    let unhinted = doc.tokens.map {
      Token(
        start: $0.start, end: $0.end, kind: $0.kind, key: $0.key, id: $0.id,
        prefixID: $0.prefixID, utf16Start: $0.utf16Start, utf16End: $0.utf16End)
    }
    #expect(unhinted.allSatisfy { $0.variantHint == Token.unknownVariants })
    #expect(doc.tokens.contains { $0.variantHint != Token.unknownVariants } == (languages <= 7))
    let variants = try session.variants(of: unhinted, language: nil)
    #expect(variants.stems.map(\.language) == doc.variants.stems.map(\.language))
    #expect(variants.stems.map(\.keys) == doc.variants.stems.map(\.keys))
    #expect(variants.transliterations == doc.variants.transliterations)
    #expect(doc.variants.stems.first { $0.language == "ru" }?.keys.contains("роскосмос") == true)
    #expect(doc.variants.transliterations.contains("rogozin"))
  }

  @Test func anUnknownStemLanguageNamesTheChoices() throws {
    let session = try Tokenizer().makeSession()
    #expect {
      try session.stem("word", language: "zz")
    } throws: { error in
      guard case .unknownStemLanguage("zz", let available) = error as? TokenizeError else {
        return false
      }
      return available.contains("russian")
    }
  }
}
