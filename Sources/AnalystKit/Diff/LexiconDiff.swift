import PipelineKit
import Stance

/// A lexicon entry's identity across two lexicon sets: its term as written and its dimension.
public struct EntryKey: Sendable, Hashable, Comparable {
  public var term: String
  public var dimension: String

  public init(term: String, dimension: String) {
    self.term = term
    self.dimension = dimension
  }

  public static func < (a: EntryKey, b: EntryKey) -> Bool {
    (a.dimension, a.term) < (b.dimension, b.term)
  }
}

/// How one entry differs between the base and the new lexicon set.
public struct EntryChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case added, removed, reweighted
  }

  public var kind: Kind
  public var key: EntryKey
  /// The base side's weight and `FILE:LINE` (nil when added).
  public var baseWeight: Double?
  public var baseSource: String?
  /// The new side's weight and `FILE:LINE` (nil when removed).
  public var weight: Double?
  public var source: String?

  /// `~ sanction* -2 → -1 (lexicons/stance/cooperation.tsv:222)`, `+ …`, `- …`.
  public var summary: String {
    switch kind {
    case .added: return "+ \(key.term) \(formatSigned(weight ?? 0)) (\(source ?? ""))"
    case .removed: return "- \(key.term) \(formatSigned(baseWeight ?? 0)) (\(baseSource ?? ""))"
    case .reweighted:
      return
        "~ \(key.term) \(formatSigned(baseWeight ?? 0)) → \(formatSigned(weight ?? 0)) (\(source ?? ""))"
    }
  }
}

extension Lexicon {
  /// Entries by term and dimension; where a key repeats, the first loaded wins (as in matching).
  public var entriesByKey: [EntryKey: LexiconEntry] {
    var result: [EntryKey: LexiconEntry] = [:]
    for entry in entries where result[EntryKey(term: entry.term, dimension: entry.dimension)] == nil
    {
      result[EntryKey(term: entry.term, dimension: entry.dimension)] = entry
    }
    return result
  }

  /// Entries added, removed or re-weighted from `base` to `self`, sorted by dimension and term.
  public func changes(from base: Lexicon) -> [EntryChange] {
    let old = base.entriesByKey
    let new = entriesByKey
    var changes: [EntryChange] = []
    for key in Set(old.keys).union(new.keys).sorted() {
      switch (old[key], new[key]) {
      case (nil, let n?):
        changes.append(
          EntryChange(kind: .added, key: key, weight: n.weight, source: n.location.description))
      case (let o?, nil):
        changes.append(
          EntryChange(
            kind: .removed, key: key, baseWeight: o.weight, baseSource: o.location.description))
      case (let o?, let n?) where o.weight != n.weight:
        changes.append(
          EntryChange(
            kind: .reweighted, key: key, baseWeight: o.weight, baseSource: o.location.description,
            weight: n.weight, source: n.location.description))
      default: break
      }
    }
    return changes
  }
}

/// A changed entry with hits counting for one entity: its applied weights on each side.
public struct ResponsibleEntry: Sendable {
  public var change: EntryChange
  /// Sum of the entry's applied weights for the entity (0 without hits), and the hit counts.
  public var baseApplied: Double
  public var applied: Double
  public var baseHits: Int
  public var hits: Int
}

/// A (document, entity, dimension) whose label differs between the two lexicon sets.
public struct LabelChange: Sendable {
  public var id: String
  public var entity: String
  public var name: String
  public var dimension: String
  /// Nil when the entity is not found on that side (the gazetteers differ).
  public var from: StanceScore.Label?
  public var to: StanceScore.Label?
  public var baseScore: Double
  public var score: Double
  public var responsible: [ResponsibleEntry]

  public var delta: Double { score - baseScore }

  /// `favor → against`, with `absent` for an entity missing on one side.
  public var direction: String { "\(from?.rawValue ?? "absent") → \(to?.rawValue ?? "absent")" }
}

/// Compares the analyses of a corpus under two lexicon sets, document by document, over one
/// tokenization of each document.
public struct LexiconDiff: Sendable {
  public let dimensions: [String]
  public let entryChanges: [EntryChange]
  private let changesByKey: [EntryKey: EntryChange]
  public private(set) var documents = 0
  public private(set) var labelChanges: [LabelChange] = []
  /// (document, entity, dimension) whose score moved but whose label did not.
  public private(set) var scoreOnlyChanges = 0

  public init(base: Analyzer, new: Analyzer) {
    var dimensions = base.scorer.lexicon.dimensions
    for d in new.scorer.lexicon.dimensions where !dimensions.contains(d) { dimensions.append(d) }
    self.dimensions = dimensions
    entryChanges = new.scorer.lexicon.changes(from: base.scorer.lexicon)
    changesByKey = Dictionary(entryChanges.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// One entity on one side: its score per dimension and the entry keys of its hits.
  private struct Side {
    var name: String
    var scores: [String: StanceScore]
    var hits: [(key: EntryKey, weight: Double)]
  }

  /// Each entity of one side, by id, scored on every dimension of either set.
  private func sides(_ analysis: Analysis) -> [String: Side] {
    var result: [String: Side] = [:]
    for entity in analysis.entitiesInOrder {
      let counted = (analysis.stance.entityAttributions[entity] ?? []).filter(\.counted)
      let hits = counted.map {
        let hit = analysis.stance.hits[$0.hit]
        return (
          key: EntryKey(term: analysis.entry(of: hit).term, dimension: hit.dimension),
          weight: hit.weight * $0.share
        )
      }
      let scores = dimensions.map { ($0, analysis.score(of: entity, on: $0)) }
      result[analysis.entity(entity).id] = Side(
        name: analysis.entity(entity).name,
        scores: Dictionary(scores, uniquingKeysWith: { a, _ in a }), hits: hits)
    }
    return result
  }

  /// Adds one document analysed with both sets (the same `TokenizedText`).
  public mutating func add(id: String, base: Analysis, new: Analysis) {
    documents += 1
    let old = sides(base)
    let now = sides(new)
    var order = base.entitiesInOrder.map { base.entity($0).id }
    for entity in new.entitiesInOrder.map({ new.entity($0).id }) where old[entity] == nil {
      order.append(entity)
    }
    for entity in order {
      let a = old[entity]
      let b = now[entity]
      for dimension in dimensions {
        let before = a?.scores[dimension]
        let after = b?.scores[dimension]
        guard before?.label != after?.label else {
          if before?.score != after?.score { scoreOnlyChanges += 1 }
          continue
        }
        labelChanges.append(
          LabelChange(
            id: id, entity: entity, name: (b ?? a)!.name, dimension: dimension, from: before?.label,
            to: after?.label, baseScore: before?.score ?? 0, score: after?.score ?? 0,
            responsible: responsible(a?.hits ?? [], b?.hits ?? [], dimension: dimension)))
      }
    }
  }

  /// Changed entries with hits for the entity on either side, largest change of applied weight first.
  private func responsible(
    _ old: [(key: EntryKey, weight: Double)], _ new: [(key: EntryKey, weight: Double)],
    dimension: String
  ) -> [ResponsibleEntry] {
    var result: [EntryKey: ResponsibleEntry] = [:]
    for (hits, isBase) in [(old, true), (new, false)] {
      for hit in hits where hit.key.dimension == dimension {
        guard let change = changesByKey[hit.key] else { continue }
        var entry =
          result[hit.key]
          ?? ResponsibleEntry(change: change, baseApplied: 0, applied: 0, baseHits: 0, hits: 0)
        if isBase {
          entry.baseApplied += hit.weight
          entry.baseHits += 1
        } else {
          entry.applied += hit.weight
          entry.hits += 1
        }
        result[hit.key] = entry
      }
    }
    return result.values.sorted {
      (abs($0.applied - $0.baseApplied), $1.change.key) > (
        abs($1.applied - $1.baseApplied), $0.change.key
      )
    }
  }

  /// Label changes counted by direction (`favor → against`), most frequent first.
  public var byDirection: [(direction: String, count: Int)] {
    Self.tally(labelChanges.map(\.direction))
  }

  /// Label changes counted by entity id, most frequent first.
  public var byEntity: [(entity: String, count: Int)] {
    Self.tally(labelChanges.map(\.entity)).map { ($0.0, $0.1) }
  }

  private static func tally(_ items: [String]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    for item in items { counts[item, default: 0] += 1 }
    return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
  }
}
