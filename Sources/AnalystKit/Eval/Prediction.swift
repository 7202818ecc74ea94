import PipelineKit
import Stance

/// One evidence hit reduced to what the analyst views compare: the lexicon entry and the
/// weights.
public struct EvidenceHit: Sendable, Hashable {
  /// The entry's term as written (`cancel*`).
  public var term: String
  public var dimension: String
  /// `FILE:LINE` of the entry.
  public var source: String
  /// The matched text.
  public var text: String
  public var start: Int
  public var sentence: Int
  public var base: Double
  public var weight: Double
  /// What the entity is to the hit and the rule that decided it (nil for hits not read off an
  /// attribution).
  public var role: Role?
  public var rule: RoleRule?

  public init(
    term: String, dimension: String, source: String, text: String, start: Int, sentence: Int,
    base: Double, weight: Double, role: Role? = nil, rule: RoleRule? = nil
  ) {
    self.role = role
    self.rule = rule
    self.term = term
    self.dimension = dimension
    self.source = source
    self.text = text
    self.start = start
    self.sentence = sentence
    self.base = base
    self.weight = weight
  }
}

/// One entity as the pipeline found it in a document, on one dimension.
public struct PredictedEntity: Sendable {
  public var entity: String
  public var name: String
  public var mentions: [Span]
  public var score: StanceScore
  /// The hits on the dimension that count for the entity, in text order.
  public var hits: [EvidenceHit]
  /// The hits of its sentences on the dimension that do not count under the policy.
  public var uncounted: [EvidenceHit] = []

  public init(
    entity: String, name: String, mentions: [Span], score: StanceScore, hits: [EvidenceHit]
  ) {
    self.entity = entity
    self.name = name
    self.mentions = mentions
    self.score = score
    self.hits = hits
  }
}

/// What the pipeline found in one document, on one dimension: the figures of its output record.
public struct DocumentPrediction: Sendable {
  public var id: String
  /// Length of the text in code points (to check gold spans).
  public var length: Int
  /// In order of first mention.
  public var entities: [PredictedEntity]

  public init(id: String, length: Int, entities: [PredictedEntity]) {
    self.id = id
    self.length = length
    self.entities = entities
  }

  /// Reads the prediction off an analysis, exactly as `RecordWriter` writes it.
  public init(id: String, analysis: Analysis, dimension: String) {
    let doc = analysis.doc
    self.id = id
    self.length = doc.scalarCount
    self.entities = analysis.entitiesInOrder.map { entity in
      let info = analysis.entity(entity)
      let attributions = (analysis.stance.entityAttributions[entity] ?? [])
        .filter { analysis.stance.hits[$0.hit].dimension == dimension }
      func evidence(_ attribution: Attribution) -> EvidenceHit {
        let hit = analysis.stance.hits[attribution.hit]
        let entry = analysis.entry(of: hit)
        return EvidenceHit(
          term: entry.term, dimension: hit.dimension, source: entry.location.description,
          text: doc.surface(tokens: hit.tokens),
          start: hit.start, sentence: hit.sentence, base: hit.base,
          weight: attribution.counted ? hit.weight * attribution.share : hit.weight,
          role: attribution.role, rule: attribution.rule)
      }
      let hits = attributions.filter(\.counted).map(evidence)
      let score = analysis.score(of: entity, on: dimension)
      var predicted = PredictedEntity(
        entity: info.id, name: info.name,
        mentions: analysis.mentions.filter { $0.entity == entity }.map { Span($0.start, $0.end) },
        score: score, hits: hits)
      predicted.uncounted = attributions.filter { !$0.counted }.map(evidence)
      return predicted
    }
  }
}
