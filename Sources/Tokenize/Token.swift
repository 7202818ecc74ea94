/// What a token is made of, from ICU's word-break rule status and the token's characters.
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
  /// Letters (any script), including clitics split off a word (`'s`, `n't`).
  case word
  /// Digits, with ICU's number rules (`3.5`, `1,000`).
  case number
  /// Punctuation and anything else that is neither a word, a number nor a symbol.
  case punctuation
  /// Symbols and emoji (general category S*), including whole emoji ZWJ sequences and flags.
  case symbol
  /// A URL or an e-mail address, one token however it is punctuated (`TokenRules`). Never part
  /// of a mention.
  case link
}

/// One token: a half-open span of the original text, its kind and its normalized matching key.
///
/// Spans are Unicode scalar (code point) offsets into the original text, so that Python's
/// `text[start:end]` returns the surface string. `utf16Start`/`utf16End` locate the same span in
/// the UTF-16 form the tokenizer worked on.
public struct Token: Sendable, Hashable {
  /// NFKC case fold of the surface, with typographic apostrophes and quotes folded to ASCII.
  public var key: String
  // Offsets are stored in 32 bits (a text is at most `Int32.max` UTF-16 units, see
  // `TokenizeError.textTooLong`): a token is 40 bytes instead of 56, which is most of the
  // memory one huge document takes. (Inlinable, with their accessors: the rules in other
  // modules read them at every token.)
  @usableFromInline var start32: Int32
  @usableFromInline var end32: Int32
  @usableFromInline var utf16Start32: Int32
  @usableFromInline var utf16End32: Int32
  /// The key's id in the tokenizer's `Vocabulary` (0: no word list has the key, or the
  /// tokenizer has no vocabulary). Meaningful with `TokenizedText.vocabularyStamp` only.
  public var id: UInt32 = 0
  public var kind: TokenKind
  /// Which extra keys `TokenizeSession.variants(of:language:)` may find for the key, worked out
  /// once per distinct surface by the tokenizer (`variantHint(of:stemSets:)`);
  /// `unknownVariants` for a token made elsewhere. A cache: not part of equality or the hash.
  /// (Declared here, it fills the padding after `kind`: a token stays 40 bytes.)
  var variantHint: UInt8 = Token.unknownVariants
  /// The id of the longest of the vocabulary's `prefixes` (wildcard words) the key starts with
  /// (0: none, or no vocabulary). Meaningful with `TokenizedText.vocabularyStamp` only. (16 bits
  /// keep a token at 40 bytes.)
  public var prefixID: UInt16 = 0

  @inlinable public var start: Int {
    get { Int(start32) }
    set { start32 = Int32(newValue) }
  }
  @inlinable public var end: Int {
    get { Int(end32) }
    set { end32 = Int32(newValue) }
  }
  @inlinable public var utf16Start: Int {
    get { Int(utf16Start32) }
    set { utf16Start32 = Int32(newValue) }
  }
  @inlinable public var utf16End: Int {
    get { Int(utf16End32) }
    set { utf16End32 = Int32(newValue) }
  }

  public init(
    start: Int, end: Int, kind: TokenKind, key: String, id: UInt32 = 0, prefixID: UInt16 = 0,
    utf16Start: Int, utf16End: Int
  ) {
    precondition(start <= end, "token start \(start) after end \(end)")
    self.key = key
    self.id = id
    self.prefixID = prefixID
    self.start32 = Int32(start)
    self.end32 = Int32(end)
    self.utf16Start32 = Int32(utf16Start)
    self.utf16End32 = Int32(utf16End)
    self.kind = kind
  }

  /// A token of the tokenizer, with its `variantHint` (set after `init`, the token was copied
  /// on its way into the array). Its offsets are stored without `init`'s checks (eight
  /// comparisons and a precondition at every token): the tokenizer checked that the text fits
  /// in 32 bits (`TokenizeError.textTooLong`), and its tokens end after they start.
  init(
    tokenizing start: Int, end: Int, kind: TokenKind, key: String, id: UInt32, prefixID: UInt16,
    variantHint: UInt8, utf16Start: Int, utf16End: Int
  ) {
    self.key = key
    self.id = id
    self.prefixID = prefixID
    self.start32 = Int32(truncatingIfNeeded: start)
    self.end32 = Int32(truncatingIfNeeded: end)
    self.utf16Start32 = Int32(truncatingIfNeeded: utf16Start)
    self.utf16End32 = Int32(truncatingIfNeeded: utf16End)
    self.kind = kind
    self.variantHint = variantHint
  }

  public var range: Range<Int> { start..<end }

  public static func == (a: Token, b: Token) -> Bool {
    a.key == b.key && a.start32 == b.start32 && a.end32 == b.end32
      && a.utf16Start32 == b.utf16Start32 && a.utf16End32 == b.utf16End32 && a.id == b.id
      && a.kind == b.kind && a.prefixID == b.prefixID
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(start32)
    hasher.combine(end32)
    hasher.combine(utf16Start32)
    hasher.combine(utf16End32)
    hasher.combine(id)
    hasher.combine(kind)
    hasher.combine(prefixID)
  }
}

extension Token {
  /// `variantHint` when it is not known: the variants are then worked out from the key.
  static let unknownVariants: UInt8 = 0xFF

  /// The `variantHint` of a key, for the stem sets of a tokenizer's variants in order of their
  /// language: bit 7 set when the key is not ASCII (it may have a transliteration), bit `l` when
  /// the key's signature may be in stem set `l` (`StemSet.mayHold(signature:)`). Unknown for
  /// more than 7 stem languages.
  static func variantHint(of key: String, stemSets: [StemSet]) -> UInt8 {
    guard stemSets.count <= 7 else { return unknownVariants }
    let (signature, isASCII) = StemSet.signatureAndASCII(key)
    var hint: UInt8 = isASCII ? 0 : 0x80
    for l in stemSets.indices where stemSets[l].mayHold(signature: signature) { hint |= 1 << l }
    return hint
  }
}

/// One sentence: its span (from its first token's start to its last token's end) and the
/// indices of its tokens in `TokenizedText.tokens`.
public struct Sentence: Sendable, Hashable {
  public var start: Int
  public var end: Int
  public var tokens: Range<Int>

  public init(start: Int, end: Int, tokens: Range<Int>) {
    self.start = start
    self.end = end
    self.tokens = tokens
  }
}
