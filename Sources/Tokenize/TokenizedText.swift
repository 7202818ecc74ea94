/// A text with its sentences and tokens. The text has one owner; everything else is offsets.
public struct TokenizedText: Sendable {
  /// The original text, unchanged.
  public let text: String
  public let tokens: [Token]
  public let sentences: [Sentence]
  /// The text as UTF-16 code units (what ICU segmented).
  @usableFromInline let utf16: [UInt16]
  /// For each token, the index of the sentence that holds it.
  public let sentenceOfToken: [Int]
  /// Stem and transliteration keys, when the tokenizer computes them (`Tokenizer.variants`).
  public let variants: TokenVariants
  /// The `Vocabulary.stamp` of the vocabulary that gave the tokens their ids (0: none, every id
  /// is 0).
  public let vocabularyStamp: UInt64

  init(
    text: String, utf16: [UInt16], tokens: [Token], sentences: [Sentence],
    variants: TokenVariants = TokenVariants(), vocabularyStamp: UInt64 = 0
  ) {
    self.variants = variants
    self.vocabularyStamp = vocabularyStamp
    self.text = text
    self.utf16 = utf16
    self.tokens = tokens
    self.sentences = sentences
    var owner = [Int](filled: 0, count: tokens.count)
    for (index, sentence) in sentences.enumerated() {
      for token in sentence.tokens { owner[token] = index }
    }
    self.sentenceOfToken = owner
  }

  /// A text whose tokens are not kept: no tokens or sentences (a long text analysed in
  /// windows, whose mentions and hits carry the whole text's offsets).
  public init(withoutTokens text: String) {
    self.init(text: text, utf16: [], tokens: [], sentences: [])
  }

  /// Number of Unicode scalars in the text (the end offset of the whole text).
  public var scalarCount: Int { text.unicodeScalars.count }

  /// The dash ending the wire dateline that starts at `token` ("MOSCOW, March 3 (Reuters) -"),
  /// or nil: the place and the agency before it are no part of the sentence's statement.
  public func datelineDash(at token: Int) -> Int? {
    utf16.withUnsafeBufferPointer { LineBreaks.datelineDash(tokens, at: token, $0) }
  }

  /// Whether word token `t` continues a compound: one dash (`Pd`) and no space between it and
  /// the word before ("cross-flight", whose hyphen is no token; "US–Russian", whose en dash is).
  ///
  /// Called for every token of a document. It reads the tokens' fields in place: a copy of a
  /// `Token` retains and releases its key (about 120 instructions a copy, most of this test's
  /// cost before), and the general-category look-up stays out of line for the ASCII case.
  /// Inlinable: called from the scorer at every token, a call into this module cost a third of
  /// the test; and always inlined, as the optimizer left it a call from the scorer's loop.
  @inlinable @inline(__always)
  public func continuesCompound(_ t: Int) -> Bool {
    guard t > 0, tokens[t].kind == .word else { return false }
    let start = tokens[t].utf16Start
    let beforeStart = tokens[t - 1].utf16Start
    let beforeEnd = tokens[t - 1].utf16End
    if tokens[t - 1].kind == .word {
      return start == beforeEnd + 1 && Self.isDash(utf16[beforeEnd])
    }
    return t > 1 && tokens[t - 2].kind == .word && beforeEnd - beforeStart == 1
      && tokens[t - 2].utf16End == beforeStart && beforeEnd == start
      && Self.isDash(utf16[beforeStart])
  }

  /// Whether a UTF-16 unit is a dash (`Pd`); ASCII read directly (a space between two words is
  /// the common case).
  @inlinable @inline(__always)
  static func isDash(_ unit: UInt16) -> Bool {
    unit < 0x80 ? unit == 0x2D : isNonASCIIDash(unit)
  }

  @usableFromInline @inline(never)
  static func isNonASCIIDash(_ unit: UInt16) -> Bool {
    Unicode.Scalar(unit)?.properties.generalCategory == .dashPunctuation
  }

  /// The surface string of a token.
  public func surface(of token: Token) -> String {
    surface(utf16: token.utf16Start..<token.utf16End)
  }

  /// Whether token `t` begins with a lowercase letter (ASCII read directly, without a Unicode
  /// property look-up). Inlinable, as `continuesCompound(_:)` is: the clause rules ask it of
  /// many tokens, and the call cost most of the ASCII case.
  @inlinable
  public func startsLowercase(_ t: Int) -> Bool {
    let start = tokens[t].utf16Start
    guard tokens[t].utf16End > start else { return false }
    let unit = utf16[start]
    if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
    return startsLowercaseNonASCII(t)
  }

  @usableFromInline @inline(never)
  func startsLowercaseNonASCII(_ t: Int) -> Bool {
    firstScalar(of: tokens[t]).properties.isLowercase
  }

  /// The UTF-16 unit of token `t`'s surface when the surface is that one unit, else nil: a test
  /// of a surface against a one-scalar literal of the BMP with no canonical equivalent (a
  /// quotation mark, `’`) without making the surface's `String`.
  @inlinable
  public func onlyUnit(of t: Int) -> UInt16? {
    let start = tokens[t].utf16Start
    return tokens[t].utf16End == start + 1 ? utf16[start] : nil
  }

  /// The first Unicode scalar of a token's surface (U+FFFD for a lone surrogate).
  public func firstScalar(of token: Token) -> Unicode.Scalar {
    let unit = utf16[token.utf16Start]
    if let scalar = Unicode.Scalar(unit) { return scalar }
    if unit < 0xDC00, token.utf16Start + 1 < token.utf16End,
      utf16[token.utf16Start + 1] & 0xFC00 == 0xDC00,
      let scalar = Unicode.Scalar(
        0x1_0000 + ((UInt32(unit) - 0xD800) << 10 | (UInt32(utf16[token.utf16Start + 1]) - 0xDC00)))
    {
      return scalar
    }
    return "\u{FFFD}"
  }

  /// The surface string of tokens `range` (from the first's start to the last's end).
  public func surface(tokens range: Range<Int>) -> String {
    guard let first = range.first, let last = range.last else { return "" }
    return surface(utf16: tokens[first].utf16Start..<tokens[last].utf16End)
  }

  /// The surface string of a UTF-16 range of the text.
  public func surface(utf16 range: Range<Int>) -> String {
    utf16.withUnsafeBufferPointer { Transcode.string(UnsafeBufferPointer(rebasing: $0[range])) }
  }
}
