import Tokenize

/// An entity of the gazetteer: stable id, type and display name (its first alias).
public struct Entity: Sendable, Hashable {
  public var id: String
  public var type: String
  public var name: String
  public var location: SourceLocation
  /// Whether the entity also matches `@alias` and `#alias` (the `handles` option).
  public var handles = false
  /// Token keys of its titles (`title` lines: "administrator"), for role nouns.
  public var titles: [String] = []
}

/// How an alias compares with the text.
public enum MatchMode: String, Sendable, Hashable, CaseIterable {
  /// Case- and width-insensitive: token keys (NFKC case fold) must be equal.
  case fold
  /// Case-sensitive: each token's surface must equal the alias's token as written.
  case exact
}

/// One alias line of a gazetteer.
public struct Alias: Sendable, Hashable {
  /// Index of the entity in `Gazetteer.entities`.
  public var entity: Int
  public var text: String
  public var mode: MatchMode
  public var keys: [String]
  /// Token surfaces as written, for `exact` aliases (which compare them); empty for `fold`.
  public var surfaces: [String]
  public var location: SourceLocation
  /// Every option of the alias's match field (`mode` is `options.mode`).
  public var options = MatchOptions()
  /// Per token (aligned with `keys`), what a spaCy token pattern asks beyond the key; empty
  /// for other aliases. A token with `anyKey` has the key `""`.
  public var tests: [TokenTest] = []
}

/// A mention of an entity in a text: the span (Unicode scalar offsets, half-open), the tokens,
/// the sentence and the alias that matched.
public struct EntityMention: Sendable, Hashable {
  /// Index of the entity in `Gazetteer.entities`.
  public var entity: Int
  /// Index of the alias in `Gazetteer.aliases`.
  public var alias: Int
  public var start: Int
  public var end: Int
  public var tokens: Range<Int>
  public var sentence: Int
}
