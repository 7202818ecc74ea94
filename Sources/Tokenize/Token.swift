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
  public var start: Int
  public var end: Int
  public var kind: TokenKind
  /// NFKC case fold of the surface, with typographic apostrophes and quotes folded to ASCII.
  public var key: String
  public var utf16Start: Int
  public var utf16End: Int

  public init(
    start: Int, end: Int, kind: TokenKind, key: String, utf16Start: Int, utf16End: Int
  ) {
    precondition(start <= end, "token start \(start) after end \(end)")
    self.start = start
    self.end = end
    self.kind = kind
    self.key = key
    self.utf16Start = utf16Start
    self.utf16End = utf16End
  }

  public var range: Range<Int> { start..<end }
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
