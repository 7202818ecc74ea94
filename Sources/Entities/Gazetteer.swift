import Tokenize

/// Entities and their aliases, compiled into a phrase matcher over token keys.
///
/// Immutable after loading, so one gazetteer is shared by every thread.
///
/// ```swift
/// let gazetteer = try Gazetteer(files: [("people.tsv", bytes)], tokenizer: tokenizer)
/// let mentions = gazetteer.mentions(in: try tokenizer.tokenize("Dmitry Rogozin’s plan"))
/// ```
public struct Gazetteer: Sendable {
  public private(set) var entities: [Entity] = []
  public private(set) var aliases: [Alias] = []
  /// Aliases whose keys another entity claimed first: ignored for matching, reported by lint.
  public private(set) var shadowedAliases: [(alias: Alias, claimedBy: Int)] = []
  private var entityIndex: [String: Int] = [:]
  private var matcher = PhraseMatcher<AliasForm>()

  public init() {}

  /// Index of the entity with this id.
  public func entity(id: String) -> Int? { entityIndex[id] }

  /// Adds one alias, declaring the entity on its first alias. An alias with the same keys as
  /// one of another entity is kept in `shadowedAliases` and does not match.
  public mutating func add(
    entity id: String, type: String, alias text: String, mode: MatchMode,
    location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    try add(
      entity: id, type: type, alias: text, options: MatchOptions(mode: mode), location: location,
      tokenizer: session)
  }

  /// Adds one alias with its match options (see `MatchOptions`).
  public mutating func add(
    entity id: String, type: String, alias text: String, options: MatchOptions,
    location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    let tokenized: TokenizedText
    do { tokenized = try session.tokenize(text) } catch { throw .tokenize(error) }
    guard !tokenized.tokens.isEmpty else {
      throw .aliasHasNoTokens(location, alias: text)
    }
    let handleForm: AliasForm.Form? = options.handle ? Self.handleForm(of: tokenized) : nil
    if options.handle && handleForm == nil { throw .notAHandle(location, alias: text) }
    let entityNumber: Int
    if let existing = entityIndex[id] {
      guard entities[existing].type == type else {
        throw .typeConflict(location, entity: id, type: type, earlier: entities[existing].type)
      }
      entityNumber = existing
    } else {
      entityNumber = entities.count
      entityIndex[id] = entityNumber
      entities.append(Entity(id: id, type: type, name: text, location: location))
    }
    let mode = options.mode
    let alias = Alias(
      entity: entityNumber, text: text, mode: mode, keys: tokenized.tokens.map(\.key),
      surfaces: mode == .exact ? tokenized.tokens.map { tokenized.surface(of: $0) } : [],
      location: location, options: options)
    // The same keys (and, for exact aliases, the same surfaces) as an earlier alias: a repeat.
    let earlier = matcher.values(ofPhrase: alias.keys).first { value in
      let other = aliases[value.alias]
      return value.form == .plain && other.mode == mode
        && (mode == .fold || other.surfaces == alias.surfaces)
    }
    if let earlier {
      if aliases[earlier.alias].entity != entityNumber {
        shadowedAliases.append((alias, aliases[earlier.alias].entity))
      }
      if options.handles { enableHandles(entityNumber) }
      return
    }
    let index = aliases.count
    matcher.insert(alias.keys, value: AliasForm(alias: index, form: handleForm ?? .plain))
    aliases.append(alias)
    if entities[entityNumber].handles {
      insertHandles(of: index)
    } else if options.handles {
      enableHandles(entityNumber)
    }
  }

  /// `.handle` for one `@name` token, `.hashtag` for `#` glued to one word; nil otherwise.
  private static func handleForm(of doc: TokenizedText) -> AliasForm.Form? {
    let tokens = doc.tokens
    if tokens.count == 1, tokens[0].key.hasPrefix("@"), tokens[0].key.count > 1 { return .handle }
    if tokens.count == 2, tokens[0].key == "#", tokens[1].kind != .punctuation,
      tokens[0].utf16End == tokens[1].utf16Start
    {
      return .hashtag
    }
    return nil
  }

  /// Marks an entity as matching `@alias` and `#alias`, for its aliases so far and later ones.
  private mutating func enableHandles(_ entity: Int) {
    guard !entities[entity].handles else { return }
    entities[entity].handles = true
    for index in aliases.indices where aliases[index].entity == entity {
      insertHandles(of: index)
    }
  }

  /// The handle (`@joinedwords`) and hashtag (`#`, `joinedwords`) phrases of one alias, unless
  /// another entity already uses them.
  private mutating func insertHandles(of index: Int) {
    let alias = aliases[index]
    guard !alias.options.handle, !alias.keys.contains(where: { $0.hasPrefix("@") || $0 == "#" })
    else { return }
    let joined = alias.keys.joined()
    guard joined.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil })
    else { return }
    for (keys, form) in [(["@" + joined], AliasForm.Form.handle), (["#", joined], .hashtag)] {
      let taken = matcher.values(ofPhrase: keys).contains { aliases[$0.alias].entity != alias.entity }
      if !taken { matcher.insert(keys, value: AliasForm(alias: index, form: form)) }
    }
  }

  /// The entity mentions in a text: leftmost-longest over whole tokens, never across a sentence
  /// boundary, no overlaps. `exact` aliases also compare each token's surface.
  ///
  /// - Complexity: O(tokens × longest alias) hash look-ups.
  public func mentions(in doc: TokenizedText) -> [EntityMention] {
    var result: [EntityMention] = []
    let tokens = doc.tokens
    for (index, sentence) in doc.sentences.enumerated() {
      let found = matcher.matches(in: tokens, range: sentence.tokens) { value, range in
        accepts(value, range, doc)
      }
      for match in found {
        let alias = match.values[0].alias
        result.append(
          EntityMention(
            entity: aliases[alias].entity, alias: alias, start: tokens[match.tokens.lowerBound].start,
            end: tokens[match.tokens.upperBound - 1].end, tokens: match.tokens, sentence: index))
      }
    }
    return result
  }

  /// Whether a candidate phrase of one alias form matches tokens `range` of `doc`.
  @inline(__always)
  private func accepts(_ value: AliasForm, _ range: Range<Int>, _ doc: TokenizedText) -> Bool {
    let entry = aliases[value.alias]
    switch value.form {
    case .plain:
      guard entry.mode == .exact else { return true }
      return zip(range, entry.surfaces).allSatisfy { doc.surface(of: doc.tokens[$0]) == $1 }
    case .handle:
      guard entry.mode == .exact, !entry.options.handle else { return true }
      return doc.surface(of: doc.tokens[range.lowerBound]).dropFirst() == entry.surfaces.joined()
    case .hashtag:
      let hash = doc.tokens[range.lowerBound]
      let word = doc.tokens[range.lowerBound + 1]
      guard hash.utf16End == word.utf16Start else { return false }
      guard entry.mode == .exact, !entry.options.handle else { return true }
      return doc.surface(of: word) == entry.surfaces.joined()
    }
  }
}

/// What a phrase of the matcher stands for: an alias, and the form of it that the phrase spells.
struct AliasForm: Sendable {
  enum Form: UInt8, Sendable {
    /// The alias's own keys.
    case plain
    /// `@joinedwords`, one token.
    case handle
    /// `#` glued to `joinedwords`.
    case hashtag
  }
  var alias: Int
  var form: Form
}
