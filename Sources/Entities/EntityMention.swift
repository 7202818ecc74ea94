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
  /// Token keys of its demonyms (`demonym` lines: "russian"), for role nouns.
  public var demonyms: [String] = []
  /// The entities it belongs to (`affiliation` lines: "nasa"), by id, with the line of each;
  /// an id no gazetteer defines is kept (`pipeline lint` reports it) and refers to nothing.
  public var affiliations: [Affiliation] = []
}

/// An `affiliation` line: the id of the entity another one belongs to, and where it was given.
public struct Affiliation: Sendable, Hashable {
  public var entity: String
  public var location: SourceLocation

  public init(entity: String, location: SourceLocation) {
    self.entity = entity
    self.location = location
  }
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
  // Stored in 32 bits (a text is at most `Int32.max` UTF-16 units, so are its offsets and
  // token counts): 28 bytes instead of 56, which an entity-dense huge document feels.
  private var entity32: Int32
  private var alias32: Int32
  private var start32: Int32
  private var end32: Int32
  private var firstToken32: Int32
  private var endToken32: Int32
  private var sentence32: Int32

  public init(entity: Int, alias: Int, start: Int, end: Int, tokens: Range<Int>, sentence: Int) {
    entity32 = Int32(entity)
    alias32 = Int32(alias)
    start32 = Int32(start)
    end32 = Int32(end)
    firstToken32 = Int32(tokens.lowerBound)
    endToken32 = Int32(tokens.upperBound)
    sentence32 = Int32(sentence)
  }

  /// Index of the entity in `Gazetteer.entities`.
  public var entity: Int {
    get { Int(entity32) }
    set { entity32 = Int32(newValue) }
  }
  /// Index of the alias in `Gazetteer.aliases`.
  public var alias: Int {
    get { Int(alias32) }
    set { alias32 = Int32(newValue) }
  }
  public var start: Int {
    get { Int(start32) }
    set { start32 = Int32(newValue) }
  }
  public var end: Int {
    get { Int(end32) }
    set { end32 = Int32(newValue) }
  }
  public var tokens: Range<Int> {
    get { Int(firstToken32)..<Int(endToken32) }
    set {
      firstToken32 = Int32(newValue.lowerBound)
      endToken32 = Int32(newValue.upperBound)
    }
  }
  public var sentence: Int {
    get { Int(sentence32) }
    set { sentence32 = Int32(newValue) }
  }
}
