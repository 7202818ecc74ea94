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
  private var matcher = PhraseMatcher<Int>()

  public init() {}

  /// Index of the entity with this id.
  public func entity(id: String) -> Int? { entityIndex[id] }

  /// Adds one alias, declaring the entity on its first alias. An alias with the same keys as
  /// one of another entity is kept in `shadowedAliases` and does not match.
  public mutating func add(
    entity id: String, type: String, alias text: String, mode: MatchMode,
    location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    let tokenized: TokenizedText
    do { tokenized = try session.tokenize(text) } catch { throw .tokenize(error) }
    guard !tokenized.tokens.isEmpty else {
      throw .aliasHasNoTokens(location, alias: text)
    }
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
    let alias = Alias(
      entity: entityNumber, text: text, mode: mode, keys: tokenized.tokens.map(\.key),
      surfaces: mode == .exact ? tokenized.tokens.map { tokenized.surface(of: $0) } : [],
      location: location)
    // The same keys (and, for exact aliases, the same surfaces) as an earlier alias: a repeat.
    let earlier = matcher.values(ofPhrase: alias.keys).first { index in
      aliases[index].mode == mode && (mode == .fold || aliases[index].surfaces == alias.surfaces)
    }
    if let earlier {
      if aliases[earlier].entity != entityNumber {
        shadowedAliases.append((alias, aliases[earlier].entity))
      }
      return
    }
    matcher.insert(alias.keys, value: aliases.count)
    aliases.append(alias)
  }

  /// The entity mentions in a text: leftmost-longest over whole tokens, never across a sentence
  /// boundary, no overlaps. `exact` aliases also compare each token's surface.
  ///
  /// - Complexity: O(tokens × longest alias) hash look-ups.
  public func mentions(in doc: TokenizedText) -> [EntityMention] {
    var result: [EntityMention] = []
    for (index, sentence) in doc.sentences.enumerated() {
      let found = matcher.matches(in: doc.tokens, range: sentence.tokens) { alias, range in
        let entry = aliases[alias]
        guard entry.mode == .exact else { return true }
        return zip(range, entry.surfaces).allSatisfy { doc.surface(of: doc.tokens[$0]) == $1 }
      }
      for match in found {
        let alias = match.values[0]
        result.append(
          EntityMention(
            entity: aliases[alias].entity, alias: alias, start: doc.tokens[match.tokens.lowerBound].start,
            end: doc.tokens[match.tokens.upperBound - 1].end, tokens: match.tokens, sentence: index))
      }
    }
    return result
  }
}
