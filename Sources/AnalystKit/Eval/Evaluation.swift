import Stance
import Tokenize

/// A stance error: an entity in gold and in the output whose labels differ, with the hits that
/// drove the output toward the wrong label.
public struct StanceMistake: Sendable {
  public var id: String
  public var entity: String
  public var gold: StanceScore.Label
  public var predicted: StanceScore.Label
  public var score: StanceScore
  /// The hits whose weights pushed toward the predicted label, largest magnitude first: for a
  /// predicted favor the positive hits, for against the negative ones, and for a predicted
  /// neutral the hits pulling against the gold label. Empty when no hit pushed that way (for a
  /// predicted neutral with no hits at all: the lexicon is missing the words).
  public var drivers: [EvidenceHit]
  /// Hits of the entity's sentences that its policy did not count, for the error list (the
  /// role rule that kept them out).
  public var uncounted: [EvidenceHit] = []
}

/// A lexicon entry behind stance errors across the corpus.
public struct ErrorDriver: Sendable {
  public var term: String
  public var source: String
  /// Stance errors in which the entry is among the drivers.
  public var errors: Int
  /// Sum of its applied weights over those errors.
  public var weight: Double
}

/// Metrics of a corpus against gold annotations on one dimension.
///
/// - Documents are matched by id; ids only in gold or only in the corpus are listed and left
///   out of every metric.
/// - Entity detection (document level): an item is (document, entity id); gold items are the
///   annotated entities, predicted items the entities of the output record.
/// - Mention detection: only over documents where some gold entity has `mentions`; an item is
///   (entity, start, end), matched exactly. Output mentions of gold entities given without
///   spans are left out; those of entities not in gold are false positives.
/// - Stance: over (document, entity) pairs where gold has a stance and the output has the
///   entity. Gold stances of entities the output misses are counted as `missing` and left out
///   of the stance metrics (detection recall already counts them).
public struct EvaluationReport: Sendable {
  public var dimension: String
  /// Ids in both gold and the corpus, in corpus order.
  public var documents: [String] = []
  public var goldOnly: [String] = []
  public var corpusOnly: [String] = []
  public var entities = DetectionMetrics()
  /// Nil when gold gives no spans in any matched document.
  public var mentions: DetectionMetrics?
  public var confusion = Confusion()
  /// Gold stances whose entity the output does not have: (document id, entity id).
  public var missing: [(id: String, entity: String)] = []
  public var mistakes: [StanceMistake] = []

  /// Compares predictions with gold. Throws when a gold span lies outside its document's text.
  public init(gold: [GoldDocument], predictions: [DocumentPrediction], dimension: String)
    throws(AnalystError)
  {
    self.dimension = dimension
    let goldByID = Dictionary(gold.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let predictedIDs = Set(predictions.map(\.id))
    goldOnly = gold.map(\.id).filter { !predictedIDs.contains($0) }
    var seen = Set<String>()
    for prediction in predictions where seen.insert(prediction.id).inserted {
      guard let annotated = goldByID[prediction.id] else {
        corpusOnly.append(prediction.id)
        continue
      }
      documents.append(prediction.id)
      try add(annotated, prediction)
    }
  }

  private mutating func add(_ gold: GoldDocument, _ prediction: DocumentPrediction)
    throws(AnalystError)
  {
    let predicted = Dictionary(
      prediction.entities.map { ($0.entity, $0) }, uniquingKeysWith: { a, _ in a })
    entities.add(
      gold: Set(gold.entities.map(\.entity)), predicted: Set(predicted.keys), entity: { $0 })
    try addMentions(gold, prediction)
    for annotated in gold.entities {
      guard let label = annotated.stance else { continue }
      guard let found = predicted[annotated.entity] else {
        missing.append((gold.id, annotated.entity))
        continue
      }
      confusion.add(gold: label, predicted: found.score.label)
      if label != found.score.label {
        var mistake = StanceMistake(
          id: gold.id, entity: annotated.entity, gold: label, predicted: found.score.label,
          score: found.score,
          drivers: Self.drivers(found.hits, gold: label, predicted: found.score.label))
        // Hits toward the gold label that a role rule kept out.
        mistake.uncounted = Self.drivers(found.uncounted, gold: found.score.label, predicted: label)
        mistakes.append(mistake)
      }
    }
  }

  private struct MentionItem: Hashable {
    var entity: String
    var span: Span
  }

  private mutating func addMentions(_ gold: GoldDocument, _ prediction: DocumentPrediction)
    throws(AnalystError)
  {
    let withSpans = gold.entities.filter { $0.mentions != nil }
    guard !withSpans.isEmpty else { return }
    var goldItems = Set<MentionItem>()
    for entity in withSpans {
      for span in entity.mentions! {
        guard span.end <= prediction.length else {
          throw .gold(
            gold.location,
            .spanOutsideText(
              entity: entity.entity, id: gold.id, length: prediction.length, span: span))
        }
        goldItems.insert(MentionItem(entity: entity.entity, span: span))
      }
    }
    let unspanned = Set(gold.entities.filter { $0.mentions == nil }.map(\.entity))
    var predictedItems = Set<MentionItem>()
    for entity in prediction.entities where !unspanned.contains(entity.entity) {
      for span in entity.mentions {
        predictedItems.insert(MentionItem(entity: entity.entity, span: span))
      }
    }
    var metrics = mentions ?? DetectionMetrics()
    metrics.add(gold: goldItems, predicted: predictedItems, entity: \.entity)
    mentions = metrics
  }

  /// The hits that pushed toward the predicted label, largest magnitude first.
  public static func drivers(
    _ hits: [EvidenceHit], gold: StanceScore.Label, predicted: StanceScore.Label
  ) -> [EvidenceHit] {
    let sign: Double
    switch (predicted, gold) {
    case (.favor, _): sign = 1
    case (.against, _): sign = -1
    case (.neutral, .favor): sign = -1
    case (.neutral, _): sign = 1
    }
    return hits.filter { $0.weight * sign > 0 }.sorted { abs($0.weight) > abs($1.weight) }
  }

  /// Entries among the drivers of stance errors, most errors first (then largest total weight).
  public var errorDrivers: [ErrorDriver] {
    var tally: [String: ErrorDriver] = [:]
    for mistake in mistakes {
      var counted = Set<String>()
      for hit in mistake.drivers {
        var driver =
          tally[hit.source] ?? ErrorDriver(term: hit.term, source: hit.source, errors: 0, weight: 0)
        if counted.insert(hit.source).inserted { driver.errors += 1 }
        driver.weight += hit.weight
        tally[hit.source] = driver
      }
    }
    return tally.values.sorted {
      ($0.errors, abs($0.weight), $1.source) > ($1.errors, abs($1.weight), $0.source)
    }
  }

  // MARK: - Named metrics

  /// The metrics `--fail-under` accepts, in display order.
  public static let metricNames: [String] =
    [
      "entities.precision", "entities.recall", "entities.f1",
      "mentions.precision", "mentions.recall", "mentions.f1",
      "stance.accuracy", "stance.f1_semeval", "stance.f1_macro",
    ]
    + Confusion.labels.flatMap { label in
      ["precision", "recall", "f1"].map { "stance.\(label.rawValue).\($0)" }
    }

  /// A named metric, or nil when it cannot be computed (mention metrics without gold spans,
  /// stance metrics without a scored pair).
  public func metric(named name: String) -> Double? {
    let parts = name.split(separator: ".").map(String.init)
    func ratio(_ counts: Counts, _ which: String) -> Double? {
      switch which {
      case "precision": return counts.precision
      case "recall": return counts.recall
      case "f1": return counts.f1
      default: return nil
      }
    }
    switch (parts.first, parts.count) {
    case ("entities", 2): return ratio(entities.micro, parts[1])
    case ("mentions", 2): return mentions.flatMap { ratio($0.micro, parts[1]) }
    case ("stance", 2) where confusion.total > 0:
      switch parts[1] {
      case "accuracy": return confusion.accuracy
      case "f1_semeval": return confusion.semEvalF1
      case "f1_macro": return confusion.macroF1
      default: return nil
      }
    case ("stance", 3) where confusion.total > 0:
      guard let label = StanceScore.Label(rawValue: parts[1]) else { return nil }
      return ratio(confusion.counts(for: label), parts[2])
    default: return nil
    }
  }
}

/// A `--fail-under METRIC=VALUE` threshold.
public struct MetricThreshold: Sendable, Hashable, CustomStringConvertible {
  public var metric: String
  public var minimum: Double

  /// Parses `METRIC=VALUE`; the metric must be one of `EvaluationReport.metricNames`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, EvaluationReport.metricNames.contains(parts[0]),
      let value = Double(parts[1]), value.isFinite
    else { return nil }
    metric = parts[0]
    minimum = value
  }

  public var description: String { "\(metric)=\(formatNumber(minimum))" }

  /// Nil when the report meets the threshold; otherwise why it does not.
  public func failure(in report: EvaluationReport) -> String? {
    guard let value = report.metric(named: metric) else {
      return
        "\(metric) cannot be computed (no gold \(metric.hasPrefix("mentions") ? "mention spans" : "stance pairs")), required ≥ \(formatNumber(minimum))"
    }
    return value < minimum
      ? "\(metric) = \(formatRatio(value)) is below \(formatNumber(minimum))" : nil
  }
}
