import Tokenize

extension Token {
  /// Whether the key is `literal`, a string in NFC (every literal the rules compare keys with
  /// is), their UTF-8 lengths compared first: `key == literal` alone called into the runtime
  /// for every key that differs, about 100 instructions for a non-ASCII key (typographic dashes
  /// and quotes, Cyrillic words).
  ///
  /// Exact: a key is its surface's NFKC case fold, which is in NFC, and two strings in NFC are
  /// canonically equivalent (what `==` compares) only when their bytes are equal.
  @inline(__always)
  func keyIs(_ literal: String) -> Bool {
    key.utf8.count == literal.utf8.count && key == literal
  }
}
