/// Splits text into sentences and tokens with ICU, and gives each token a matching key.
///
/// The configuration is an immutable value, so one `Tokenizer` can be shared by every thread.
/// ICU iterators are not thread-safe; each thread makes its own `TokenizeSession` (cheap to keep,
/// costly to open) with `makeSession()`, or calls `tokenize(_:)`, which opens one per call.
///
/// ```swift
/// let tokenizer = Tokenizer(abbreviations: ["Dr.", "Gen."])
/// let doc = try tokenizer.tokenize("Dmitry Rogozin’s agency didn't comment.")
/// doc.tokens.map(\.key)  // ["dmitry", "rogozin", "'s", "agency", "did", "n't", "comment", "."]
/// ```
public struct Tokenizer: Sendable {
  /// ICU locale for sentence breaking: English with ICU's abbreviation suppressions.
  public static let sentenceLocale = "en@ss=standard"
  /// ICU locale for word breaking.
  public static let wordLocale = "en"

  /// Keys of words after which a period does not end a sentence (`dr`, `gen`, `u.s`).
  public let abbreviations: Set<String>
  /// `abbreviations` as the sentence rules look them up, at the period after each word that
  /// ends a sentence: `KeyTable`'s hash of a short key costs a fraction of `Set`'s SipHash.
  let abbreviationTable: KeyTable
  /// The stem and transliteration keys to compute for each token (none by default).
  public var variants = KeyVariants()
  /// The stemming language of Cyrillic words (the script decides it; other scripts take the
  /// document's language, or every stem language when none is given).
  public var cyrillicLanguage = "ru"
  /// Stems shorter than this many characters are not used: such a word matches as written.
  public var minimumStemLength = 4
  /// ICU's transform for transliteration keys: Cyrillic by BGN/PCGN, any other script to
  /// Latin, then ASCII, lowercase (`Рогозин` → `rogozin`, `Роскосмос` → `roskosmos`).
  public static let transliteration = "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower"
  /// Transliteration keys known in advance (key → what `TokenizeSession.transliterate` returns
  /// for it), so that loading word lists whose `translit` aliases they cover does not open ICU's
  /// transliterator: its registry costs about 10 ms, a third of a short run. Keys not in it are
  /// transliterated by ICU. The default lexicons' table is computed at build time
  /// (`DefaultLexicons.transliterations`).
  public var knownTransliterations: [String: String] = [:]
  /// The transliterator its sessions share, opened once (`SharedTransliterator`).
  let transliterator = SharedTransliterator()

  /// - Parameter abbreviations: words as written with their final period (`"Dr."`); a trailing
  ///   period is optional.
  public init(abbreviations: some Sequence<String> = [String]()) {
    var keys = Set<String>()
    for abbreviation in abbreviations {
      var word = Substring(abbreviation)
      while word.last == "." { word.removeLast() }
      if !word.isEmpty { keys.insert(Self.matchingKey(String(word))) }
    }
    self.abbreviations = keys
    var table = KeyTable()
    for key in keys { table.insert(key) }
    abbreviationTable = table
  }

  /// The keys the analyzer's word lists know: each token gets the id of its key in it
  /// (`Token.id`). Nil (the default): every id is 0 and matchers compare keys.
  public var vocabulary: Vocabulary?

  /// The same configuration giving each token its key's id in `vocabulary`.
  public func with(vocabulary: Vocabulary?) -> Tokenizer {
    var copy = self
    copy.vocabulary = vocabulary
    return copy
  }

  /// The same configuration, with `table` added to its known transliterations.
  public func with(knownTransliterations table: [String: String]) -> Tokenizer {
    var copy = self
    // Taken as it is by a tokenizer that knows none yet (merging rehashed every key).
    if copy.knownTransliterations.isEmpty {
      copy.knownTransliterations = table
    } else {
      copy.knownTransliterations.merge(table) { _, new in new }
    }
    return copy
  }

  /// The same configuration computing `variants` for each token.
  public func with(variants: KeyVariants) -> Tokenizer {
    var copy = self
    copy.variants = variants
    return copy
  }

  /// Opens the ICU iterators one thread needs.
  public func makeSession() throws(TokenizeError) -> TokenizeSession {
    try TokenizeSession(self)
  }

  /// Tokenizes one text with a fresh session. For many texts, reuse a `TokenizeSession`.
  public func tokenize(_ text: String, language: String? = nil) throws(TokenizeError)
    -> TokenizedText
  {
    try makeSession().tokenize(text, language: language)
  }

  /// The key of a string as a token key would be computed (NFKC case fold, quotes folded).
  /// Does not segment: use `tokenize(_:)` for a phrase.
  public static func matchingKey(_ string: String) -> String {
    let units = Array(string.utf16)
    return units.withUnsafeBufferPointer {
      (try? KeyFolder.key(of: $0[...])) ?? string.lowercased()
    }
  }
}
