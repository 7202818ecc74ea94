import Tokenize

/// One weighted entry of a stance lexicon.
public struct LexiconEntry: Sendable, Hashable {
  /// The term as written, `*` included.
  public var term: String
  public var weight: Double
  public var dimension: String
  public var keys: [String]
  /// Whether the last key is a prefix (`cooperat*`).
  public var isPrefix: Bool
  public var location: SourceLocation
}

/// Weighted terms by dimension, each dimension compiled into its own phrase matcher.
///
/// Immutable after loading; `Sendable`.
public struct Lexicon: Sendable {
  public static let defaultDimension = "stance"
  public static let weightRange: ClosedRange<Double> = -4...4

  public internal(set) var entries: [LexiconEntry] = []
  /// Dimensions in order of first appearance.
  public internal(set) var dimensions: [String] = []
  /// Dimension → the attribution policy a lexicon file declared for it (`@attribution` lines).
  public internal(set) var declaredPolicies: [String: AttributionPolicy] = [:]
  var matchers: [String: PhraseMatcher<Int>] = [:]

  public init() {}

  /// Adds an entry. The term is tokenized like text; with `wildcards`, a trailing `*` makes its
  /// last word a prefix (and a `*` anywhere else is an error); without, `*` is a character.
  public mutating func add(
    term: String, weight: Double, dimension: String, location: SourceLocation,
    wildcards: Bool = true, tokenizer session: TokenizeSession
  ) throws(StanceError) {
    // ASCII (nearly every term) is read byte-wise; other text by `Character`, so that a `*`
    // joined to a mark before or after it (one grapheme) stays what it was.
    let ascii = term.utf8.allSatisfy { $0 < 0x80 }
    var body = Substring(term)
    let isPrefix = wildcards && (ascii ? term.utf8.last == 0x2A : body.hasSuffix("*"))
    if isPrefix { body.removeLast() }
    let hasStar = ascii ? body.utf8.contains(0x2A) : body.contains("*")
    guard !wildcards || !hasStar else { throw .misplacedWildcard(location, term: term) }
    let keys: [String]
    do { keys = try session.keys(of: String(body)) } catch { throw .tokenize(error) }
    guard !keys.isEmpty else { throw .termHasNoTokens(location, term: term) }
    guard keys.count <= PhraseMatcher<Int>.maxPhraseTokens else {
      throw .termTooLong(location, term: term, tokens: keys.count)
    }
    let entry = LexiconEntry(
      term: term, weight: weight, dimension: dimension, keys: keys, isPrefix: isPrefix,
      location: location)
    if matchers.index(forKey: dimension) == nil {
      matchers[dimension] = PhraseMatcher()
      dimensions.append(dimension)
    }
    matchers[dimension]!.insert(entry.keys, lastIsPrefix: isPrefix, value: entries.count)
    entries.append(entry)
  }

  /// Records a file's `@attribution` declaration; the first one for a dimension wins.
  public mutating func declare(_ policy: AttributionPolicy, for dimension: String) {
    if declaredPolicies[dimension] == nil { declaredPolicies[dimension] = policy }
  }

  /// The token keys of the terms (for the analyzer's `Vocabulary`).
  /// (A key may be listed more than once.)
  public var vocabularyKeys: [String] {
    var keys: [String] = []
    for dimension in dimensions { keys += matchers[dimension]?.keys ?? [] }
    return keys
  }

  /// The prefix words of the wildcard terms (`cooperat` of `cooperat*`), for the analyzer's
  /// `Vocabulary`, so that a wildcard is resolved once per key. (A prefix may be listed more
  /// than once.)
  public var vocabularyPrefixes: [String] {
    dimensions.flatMap { matchers[$0]?.prefixes ?? [] }
  }

  /// Lets term matching read the token ids of texts tokenized with `vocabulary`, which must
  /// hold `vocabularyKeys`.
  public mutating func bind(to vocabulary: Vocabulary) {
    for dimension in matchers.keys { matchers[dimension]!.bind(to: vocabulary) }
  }

  /// The phrase matcher of one dimension (values are indices into `entries`).
  public func matcher(for dimension: String) -> PhraseMatcher<Int>? { matchers[dimension] }
}
