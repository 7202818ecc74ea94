/// The entities a demonym names, by the demonym's token key (the gazetteer's `demonym` lines:
/// "russian" → Russia), made once per analyzer: coreference asks it for each capitalised word
/// of a role-noun phrase ("the Russian official"), in time that does not grow with the
/// gazetteer (a walk over every entity's demonyms did: with a million aliases the analysis ran
/// at 0.18 × the default's speed, BENCHMARKS.md).
public struct DemonymIndex: Sendable {
  private var entities: [String: [Int]] = [:]

  /// No demonyms.
  public init() {}

  /// `demonyms[e]`: the token keys of entity `e`'s demonyms.
  public init(_ demonyms: [[String]]) {
    for (entity, keys) in demonyms.enumerated() {
      for key in keys where entities[key]?.last != entity {
        entities[key, default: []].append(entity)
      }
    }
  }

  /// The entities `key` is a demonym of, in entity order.
  func entities(named key: String) -> [Int] { entities[key] ?? [] }
}
