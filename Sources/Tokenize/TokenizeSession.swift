/// One thread's tokenizer: the configuration plus reusable ICU iterators and the keys and ids of
/// the surfaces it has seen.
///
/// Not `Sendable`: use it from one thread (or task) at a time.
public final class TokenizeSession {
  public let tokenizer: Tokenizer
  private let wordBreaker: WordBreaker
  /// Opened on first use: opening it (ICU's sentence rules with the `ss=standard` suppressions)
  /// costs about 2.3 million instructions, and the word-list loaders' sessions never need it.
  private var sentenceBreaker: SentenceBreaker?
  /// Keys and ids of the surfaces already seen (bounded; cleared when full).
  private var surfaces = SurfaceTable()
  /// `TokenSink.holdingDotOrAt` and `candidates`, kept from text to text with their capacity
  /// (made empty for each text, they grew from nothing in every document: a period holds '.'),
  /// unless a huge text grew them past `candidateListLimit`.
  private var candidateLists: (holdingDotOrAt: [Int], candidates: [Int]) = ([], [])
  private static let candidateListLimit = 1 << 14
  /// The stem sets of the tokenizer's variants, in order of their language (as `variants`
  /// numbers them in `Token.variantHint`).
  let stemSets: [StemSet]
  /// The bound of the stem and transliteration caches.
  static let keyCacheLimit = 4_096
  /// Snowball stemmers by language, opened on first use.
  var stemmers: [String: Stemmer] = [:]
  /// Language → key → stem (`""`: too short to use), each bounded by `keyCacheLimit`.
  var stemCache: [String: KeyMap] = [:]
  /// By stem set (in `stemSets`' order): key → its stem when the set holds it (`""`: it has
  /// none, or the set does not hold it), each bounded by `keyCacheLimit`. What `variants`
  /// asks of a word in one look-up.
  var heldStems: [KeyMap] = []
  /// Key → transliteration key, bounded by `keyCacheLimit`.
  var translitCache = KeyMap()
  /// The UTF-8 length of the tokenizer's longest abbreviation key: a longer word before a period
  /// is no abbreviation, and its key is not looked up.
  private let longestAbbreviation: Int

  init(_ tokenizer: Tokenizer) throws(TokenizeError) {
    self.tokenizer = tokenizer
    stemSets = tokenizer.variants.stems.sorted(by: { $0.key < $1.key }).map(\.value)
    longestAbbreviation = tokenizer.abbreviationTable.keys.lazy.map(\.utf8.count).max() ?? 0
    do {
      wordBreaker = try WordBreaker(locale: Tokenizer.wordLocale)
    } catch {
      throw .icu(error)
    }
  }

  /// Splits `text` into sentences and tokens, with the stem and transliteration keys the
  /// tokenizer's `variants` ask for. `language` (an ISO 639 code) is the document's language
  /// for words whose script does not decide it. Without `sentences`, the text's `sentences` is
  /// empty (every token's `sentenceOfToken` 0): the tokens are the same, for less work.
  ///
  /// - Complexity: O(n) in the length of the text.
  public func tokenize(_ text: String, language: String? = nil, sentences: Bool = true)
    throws(TokenizeError) -> TokenizedText
  {
    var lowSurrogates: [Int] = []
    let utf16 = Transcode.utf16(of: text, lowSurrogates: &lowSurrogates)
    guard utf16.count <= Int(Int32.max) else { throw .textTooLong(utf16Length: utf16.count) }
    let tokens: [Token]
    let found: [Sentence]
    do {
      (tokens, found) = try utf16.withUnsafeBufferPointer {
        (units) throws(ICUError) -> ([Token], [Sentence]) in
        let tokens = try makeTokens(units, ScalarOffsets(lowSurrogates: lowSurrogates))
        return (tokens, sentences ? try makeSentences(units, tokens) : [])
      }
    } catch {
      throw .icu(error)
    }
    let variants =
      tokenizer.variants.isEmpty ? TokenVariants() : try variants(of: tokens, language: language)
    return TokenizedText(
      text: text, utf16: utf16, tokens: tokens, sentences: found, variants: variants,
      vocabularyStamp: tokenizer.vocabulary?.stamp ?? 0)
  }

  /// The keys of `text`'s tokens, as `tokenize(_:)` gives them: what the word-list loaders read
  /// of a term. A text of ASCII letters and spaces alone is split here, without a
  /// `TokenizedText` (see `asciiWordKeys(of:)`).
  public func keys(of text: String) throws(TokenizeError) -> [String] {
    if let keys = Self.asciiWordKeys(of: text) { return keys }
    return try tokenize(text, sentences: false).tokens.map(\.key)
  }

  /// The keys of a text whose bytes are all ASCII letters and spaces, or nil for any other
  /// text. Such a text's tokens are its runs of letters, each keyed by its lowercase: the word
  /// breaker joins letters to letters and cuts at spaces, and no token rule applies (a link
  /// needs '.', '@' or tokens glued together, a clitic an apostrophe, a compound a hyphen).
  static func asciiWordKeys(of text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      var keys: [String] = []
      var start = 0
      for (i, byte) in bytes.enumerated() {
        if byte == 0x20 {
          if i > start { keys.append(asciiLowercase(bytes[start..<i])) }
          start = i + 1
        } else if !(byte >= 0x41 && byte <= 0x5A) && !(byte >= 0x61 && byte <= 0x7A) {
          return nil
        }
      }
      if bytes.count > start { keys.append(asciiLowercase(bytes[start...])) }
      return keys
    }
  }

  private static func asciiLowercase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      for (i, byte) in bytes.enumerated() { buffer[i] = byte <= 0x5A ? byte | 0x20 : byte }
      return bytes.count
    }
  }

  // MARK: - Tokens

  private func makeTokens(
    _ units: UnsafeBufferPointer<UInt16>, _ offsets: ScalarOffsets
  ) throws(ICUError) -> [Token] {
    // The surface table moves into the sink for the loop and back after it (left in `self`, it
    // would be copied on write; mutated through `self`, it would pay a dynamic exclusivity
    // check at every token).
    var sink = TokenSink(
      units, offsets: offsets, vocabulary: tokenizer.vocabulary, stemSets: stemSets,
      surfaces: surfaces, lists: candidateLists)
    surfaces = SurfaceTable()
    candidateLists = ([], [])
    defer {
      surfaces = sink.surfaces
      if max(sink.holdingDotOrAt.capacity, sink.candidates.capacity) <= Self.candidateListLimit {
        candidateLists = (sink.holdingDotOrAt, sink.candidates)
      }
    }
    var failure: ICUError?
    // The tokens are written into the array's buffer, sized for a token every five units (a
    // news text has about one every six); any past it go to the sink's `overflow`.
    var tokens = [Token](unsafeUninitializedCapacity: units.count / 5 + 1) { buffer, count in
      sink.buffer = buffer
      do throws(ICUError) {
        try wordBreaker.forEachToken(units) { (range, kind, mayHoldApostrophe) throws(ICUError) in
          if kind == .word, mayHoldApostrophe, let split = Self.cliticSplit(units[range]) {
            try sink.append(range.lowerBound..<split, .word)
            try sink.append(split..<range.upperBound, .word)
          } else {
            try sink.append(range, kind)
          }
        }
      } catch {
        failure = error
      }
      count = sink.written
      sink.buffer = UnsafeMutableBufferPointer(start: nil, count: 0)
    }
    if let failure { throw failure }
    if !sink.overflow.isEmpty { tokens.append(contentsOf: sink.overflow) }
    TokenRules.apply(
      &tokens, units, vocabulary: tokenizer.vocabulary, holdingDotOrAt: sink.holdingDotOrAt,
      candidates: sink.candidates)
    return tokens
  }

  /// The tokens made so far, and what making the next one needs.
  private struct TokenSink {
    let units: UnsafeBufferPointer<UInt16>
    let vocabulary: Vocabulary?
    let stemSets: [StemSet]
    var surfaces: SurfaceTable
    var offsets: ScalarOffsets
    /// Where the tokens go while it is not full: the uninitialized buffer of the array they end
    /// up in, so that an append is a store (an array's `append` asked whether the array was
    /// unique, a call into the runtime, and checked its capacity, at every token).
    var buffer = UnsafeMutableBufferPointer<Token>(start: nil, count: 0)
    /// How many tokens `buffer` holds (its first).
    var written = 0
    /// The tokens after the first `buffer.count`, in order.
    var overflow: [Token] = []
    /// The indices of the tokens whose surface holds '.' or '@', increasing (few).
    var holdingDotOrAt: [Int]
    /// The indices of the tokens where a `TokenRules` rule may apply, increasing (few): those
    /// of surfaces that `SurfaceTable.Value.mayJoin`, or the token before a ':'.
    var candidates: [Int]

    /// `lists`: arrays for `holdingDotOrAt` and `candidates`, emptied here (their capacity
    /// kept).
    init(
      _ units: UnsafeBufferPointer<UInt16>, offsets: ScalarOffsets, vocabulary: Vocabulary?,
      stemSets: [StemSet], surfaces: SurfaceTable,
      lists: (holdingDotOrAt: [Int], candidates: [Int])
    ) {
      self.units = units
      self.offsets = offsets
      self.vocabulary = vocabulary
      self.stemSets = stemSets
      self.surfaces = surfaces
      (holdingDotOrAt, candidates) = lists
      holdingDotOrAt.removeAll(keepingCapacity: true)
      candidates.removeAll(keepingCapacity: true)
    }

    /// Appends the token of UTF-16 range `range`, its key and id from the surface table.
    @inline(__always)
    mutating func append(_ range: Range<Int>, _ kind: TokenKind) throws(ICUError) {
      let start = offsets.advance(to: range.lowerBound)
      let end = offsets.advance(to: range.upperBound)
      let surface = UnsafeBufferPointer(rebasing: units[range])
      let value: SurfaceTable.Value
      if let found = surfaces.value(of: surface) {
        value = found
      } else {
        value = try add(surface)
      }
      if value.marks != 0 { noteCandidate(value.marks) }
      let token = Token(
        tokenizing: start, end: end, kind: kind, key: value.key, id: value.id,
        prefixID: value.prefixID, variantHint: value.variantHint, utf16Start: range.lowerBound,
        utf16End: range.upperBound)
      if written < buffer.count {
        (buffer.baseAddress! + written).initialize(to: token)
        written += 1
      } else {
        overflow.append(token)
      }
    }

    /// Notes the token about to be appended, of a surface with `marks` (`SurfaceTable.Value`),
    /// in `holdingDotOrAt` and `candidates`.
    @inline(never)
    mutating func noteCandidate(_ marks: UInt8) {
      let index = written + overflow.count
      if marks & SurfaceTable.Value.dotOrAt != 0 { holdingDotOrAt.append(index) }
      if marks & SurfaceTable.Value.colon != 0 { note(index - 1) }
      if marks & ~SurfaceTable.Value.colon != 0 { note(index) }
    }

    /// Adds `candidate` to `candidates` unless it is there already (or before the first token).
    private mutating func note(_ candidate: Int) {
      if candidate >= 0 && (candidates.last ?? -1) < candidate { candidates.append(candidate) }
    }

    /// The value of a surface the session has not seen, stored in the surface table. Not
    /// inlined, like `key(of:in:stemSets:)`.
    @inline(never)
    mutating func add(_ surface: UnsafeBufferPointer<UInt16>) throws(ICUError)
      -> SurfaceTable.Value
    {
      surfaces.add(surface, try Self.key(of: surface, in: vocabulary, stemSets: stemSets))
    }

    /// The key of a surface the session has not seen, and its ids in `vocabulary`. Not inlined:
    /// it runs once per distinct surface, and inlined it made the loop over every token longer.
    @inline(never)
    static func key(
      of surface: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary?, stemSets: [StemSet]
    ) throws(ICUError) -> (key: String, id: UInt32, prefixID: UInt16, variantHint: UInt8) {
      let key = try KeyFolder.key(of: surface[...])
      let hint = Token.variantHint(of: key, stemSets: stemSets)
      guard let vocabulary else { return (key, 0, 0, hint) }
      return (key, vocabulary.id(of: key), UInt16(vocabulary.prefixID(of: key)), hint)
    }
  }

  /// Where to split an English clitic off a word: before the apostrophe of a final `'s`, or
  /// before the `n` of a final `n't` (typographic apostrophes too). Nil when there is none.
  static func cliticSplit(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> Int? {
    let end = units.endIndex
    let count = units.count
    func lower(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
    if count >= 3, lower(units[end - 1]) == 0x73, KeyFolder.isApostrophe(units[end - 2]) {
      return end - 2  // 's
    }
    if count >= 4, lower(units[end - 1]) == 0x74, KeyFolder.isApostrophe(units[end - 2]),
      lower(units[end - 3]) == 0x6E
    {
      return end - 3  // n't
    }
    return nil
  }

  // MARK: - Sentences

  private func makeSentences(
    _ units: UnsafeBufferPointer<UInt16>, _ tokens: [Token]
  ) throws(ICUError) -> [Sentence] {
    guard !tokens.isEmpty else { return [] }
    var ends: [Int] = []
    var last = -1  // index of the last token ending at or before the boundary
    let breaker: SentenceBreaker
    if let sentenceBreaker {
      breaker = sentenceBreaker
    } else {
      breaker = try SentenceBreaker(locale: Tokenizer.sentenceLocale)
      sentenceBreaker = breaker
    }
    // The loops over every token read the offsets through a buffer pointer (the array's
    // subscript checked the index and reloaded the array's buffer at each token).
    let count = tokens.count
    try tokens.withUnsafeBufferPointer { (spans) throws(ICUError) in
      try breaker.forEachBoundary(units) { b in
        while last + 1 < count && spans[last + 1].utf16End <= b { last += 1 }
        if b < units.count, last >= 1,
          endsWithAbbreviation(tokens, at: last) || endsWithInitial(tokens, at: last, units)
        {
          return
        }
        if b < units.count, last >= 0, last + 1 < count,
          LineBreaks.continuesSentence(tokens, after: last, units)
        {
          return
        }
        ends.append(b)
      }
    }
    var sentences: [Sentence] = []
    var first = 0
    var next = 0
    tokens.withUnsafeBufferPointer { spans in
      for end in ends {
        while next < count && spans[next].utf16Start < end { next += 1 }
        if next > first {
          sentences.append(
            Sentence(start: spans[first].start, end: spans[next - 1].end, tokens: first..<next))
          first = next
        }
      }
    }
    if first < tokens.count {
      sentences.append(
        Sentence(start: tokens[first].start, end: tokens.last!.end, tokens: first..<tokens.count))
    }
    return sentences
  }

  /// Whether token `index` is a period glued to a lone capital letter that starts a word (after
  /// a space, the text's start or another initial's period): a name's initial ("V. Narayanan",
  /// "J. R. Smith"), no sentence end.
  private func endsWithInitial(
    _ tokens: [Token], at index: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    // Fields read in place: a token copied out of the array retains and releases its key.
    let letterStart = tokens[index - 1].utf16Start
    let letterEnd = tokens[index - 1].utf16End
    guard tokens[index].key == ".", letterEnd == tokens[index].utf16Start,
      letterEnd - letterStart == 1, (0x41...0x5A).contains(units[letterStart])
    else { return false }
    let before = letterStart - 1
    return before < 0 || units[before] == 0x20 || units[before] == 0x2E
  }

  /// Whether token `index` is a period glued to a word from the abbreviation list ("Dr.").
  private func endsWithAbbreviation(_ tokens: [Token], at index: Int) -> Bool {
    tokens[index].key == "." && tokens[index - 1].utf16End == tokens[index].utf16Start
      && tokens[index - 1].key.utf8.count <= longestAbbreviation
      && tokenizer.abbreviationTable.number(of: tokens[index - 1].key) != nil
  }
}

/// Maps UTF-16 offsets to Unicode scalar offsets (they differ after a surrogate pair).
struct ScalarOffsets {
  /// The UTF-16 offsets of the low surrogates that continue a pair, increasing: the only units
  /// that do not start a scalar. Empty when the text has no surrogate pairs (offsets are then
  /// equal). Memory grows with the astral characters (emoji), not with the text.
  private let continuations: [Int]

  init(_ units: UnsafeBufferPointer<UInt16>) {
    var continuations: [Int] = []
    var i = 1
    while i < units.count {
      // A low surrogate that follows a high one continues the same scalar.
      if units[i] & 0xFC00 == 0xDC00 && units[i - 1] & 0xFC00 == 0xD800 { continuations.append(i) }
      i += 1
    }
    self.continuations = continuations
    next = continuations.first ?? Int.max
  }

  /// The offsets of a text whose pairs' low surrogates are at `lowSurrogates` (increasing), as
  /// `Transcode.utf16(of:lowSurrogates:)` gives them: no second pass over the units.
  init(lowSurrogates: [Int]) {
    continuations = lowSurrogates
    next = lowSurrogates.first ?? Int.max
  }

  /// How many of `continuations` lie below the last offset asked for.
  private var passed = 0
  /// `continuations[passed]` (`Int.max` past the last), and `continuations[passed - 1]` (-1
  /// before the first): most offsets are answered by comparing with them.
  private var next: Int
  private var previous = -1

  /// Scalars that start before UTF-16 offset `utf16Offset`. Offsets must be asked for in
  /// nondecreasing order (tokens and boundaries come in text order): a cursor moves forward.
  ///
  /// - Complexity: amortised O(1).
  @inline(__always)
  mutating func advance(to utf16Offset: Int) -> Int {
    precondition(previous < utf16Offset, "offsets asked for out of order")
    // No pair up to the offset (always, in a text without pairs): the cursor stays.
    if utf16Offset <= next { return utf16Offset - passed }
    repeat {
      passed += 1
      previous = next
      next = passed < continuations.count ? continuations[passed] : Int.max
    } while next < utf16Offset
    return utf16Offset - passed
  }
}
