import Entities
import JSON
import PipelineKit
import Stance

/// An entity as the report names it.
public struct ReportEntity: Sendable, Hashable {
  public var id: String
  public var name: String
  public var type: String

  public init(id: String, name: String, type: String) {
    self.id = id
    self.name = name
    self.type = type
  }

  /// A gazetteer entity's id, name and type.
  init(_ entity: Entity) { self.init(id: entity.id, name: entity.name, type: entity.type) }
}

/// One document as the report shows it, made either from an analysis (`pipeline report
/// INPUT…`) or from a record `pipeline run` wrote (`--from-output`): both paths fill the same
/// fields, and one renderer draws them. Offsets are Unicode scalar offsets into `text`.
struct ReportDocument: Sendable {
  struct Score: Sendable {
    var dimension: String
    var label: StanceScore.Label
    var score: Double
    /// Hits counted (for the whole document's scores).
    var hits = 0
  }

  struct EntityScores: Sendable {
    var entity: ReportEntity
    /// In dimension order.
    var scores: [Score]
  }

  struct Mention: Sendable {
    var range: Range<Int>
    /// The mention as it appears in the text.
    var text: String
    var entity: ReportEntity
    /// What matched, for the tooltip (`alias “NASA” (exact) lexicons/…:3`); empty when unknown.
    var detail: String
  }

  struct Modifier: Sendable {
    var kind: String
    var text: String
    var range: Range<Int>
    var effect: AppliedModifier.Effect
  }

  struct Hit: Sendable {
    var range: Range<Int>
    var dimension: String
    var term: String
    /// FILE:LINE of the lexicon entry.
    var location: String
    /// The matched text.
    var text: String
    var base: Double
    var weight: Double
    var modifiers: [Modifier]
    /// The names of the entities the hit counts for, in order of first mention.
    var countsFor: [String]
  }

  /// 1-based position of the record in its input.
  var number: Int
  var id: String
  /// `FILE:LINE` or `FILE`; empty when unknown.
  var place: String
  var meta: [(key: String, value: String)]
  var warnings: [(code: String, message: String)]
  /// Nil when the text was not given (`--from-output` without `--texts`, or not found there).
  var text: String?
  var entities: [EntityScores]
  /// The whole document's scores, in dimension order.
  var overall: [Score]
  var mentions: [Mention]
  var hits: [Hit]
  var problems: [ReportProblem] = []

  /// Lexicon hits of the document, each once.
  var hitCount: Int { overall.reduce(0) { $0 + $1.hits } }
}

/// Why a document of `--from-output` is shown without its text or its highlights. The wording
/// is in `description`.
public enum ReportProblem: Sendable, Equatable, CustomStringConvertible {
  /// `--texts` holds no record with the output record's id.
  case textNotFound(id: String)
  /// No `--texts` was given.
  case textNotGiven
  /// A span of the output record is not that text of the `--texts` record (another corpus, or
  /// other `--id-field`/`--text-field` options).
  case textMismatch(span: Range<Int>, expected: String, found: String?)

  public var description: String {
    switch self {
    case .textNotFound(let id):
      return "text not shown: expected a record with id '\(id)' in --texts, found none"
    case .textNotGiven:
      return "text not shown: pass the corpus with --texts to see it"
    case .textMismatch(let span, let expected, let found):
      let what = found.map { "'\($0)'" } ?? "the end of the text"
      return
        "highlights not shown: the output has '\(expected)' at \(span.lowerBound)..<\(span.upperBound), the text has \(what) there"
    }
  }
}

extension ReportDocument {
  /// A document and its analysis, read off the same `Analysis` that `RecordWriter` writes.
  init(number: Int, document: Document, analysis: Analysis) {
    let gazetteer = analysis.analyzer.gazetteer
    let doc = analysis.doc
    self.number = number
    id = HTMLReport.text(of: document.id)
    place = document.line.map { "\(document.source):\($0)" } ?? document.source
    meta = document.meta.map { ($0.key, HTMLReport.text(of: $0.value)) }
    warnings = document.warnings.map { ($0.code, $0.message) }
    text = doc.text
    entities = Self.entityScores(analysis)
    overall = analysis.analyzer.scorer.lexicon.dimensions.compactMap { dimension in
      analysis.stance.document[dimension].map {
        Score(dimension: dimension, label: $0.label, score: $0.score, hits: $0.hits)
      }
    }
    mentions = analysis.mentions.map { mention in
      let alias = gazetteer.aliases[mention.alias]
      return Mention(
        range: mention.start..<mention.end, text: doc.surface(tokens: mention.tokens),
        entity: ReportEntity(analysis.entity(mention.entity)),
        detail: "alias “\(alias.text)” (\(alias.mode.rawValue)) \(alias.location)")
    }
    let hits = analysis.stance.hits
    var countsFor = [[String]](repeating: [], count: hits.count)
    for index in analysis.entitiesInOrder {
      for h in analysis.stance.entityHits[index] ?? [] {
        countsFor[h].append(analysis.entity(index).name)
      }
    }
    self.hits = hits.indices.map { h in
      let hit = hits[h]
      let entry = analysis.entry(of: hit)
      return Hit(
        range: hit.start..<hit.end, dimension: hit.dimension, term: entry.term,
        location: entry.location.description, text: doc.surface(tokens: hit.tokens),
        base: hit.base, weight: hit.weight,
        modifiers: hit.modifiers.map {
          Modifier(
            kind: $0.kind.rawValue, text: doc.surface(tokens: $0.tokens(in: doc)),
            range: $0.start..<$0.end, effect: $0.effect)
        },
        countsFor: countsFor[h])
    }
  }

  /// Per entity in order of first mention, its scores in dimension order.
  static func entityScores(_ analysis: Analysis) -> [EntityScores] {
    analysis.entitiesInOrder.map { index in
      let scores = analysis.stance.scores(for: index)
      return EntityScores(
        entity: ReportEntity(analysis.entity(index)),
        scores: analysis.analyzer.scorer.lexicon.dimensions.compactMap { dimension in
          scores[dimension].map { Score(dimension: dimension, label: $0.label, score: $0.score) }
        })
    }
  }
}
