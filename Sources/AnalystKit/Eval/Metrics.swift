import Stance

/// True positives, false positives and false negatives, with the ratios derived from them.
///
/// A ratio whose denominator is 0 is 0 (scikit-learn's `zero_division=0`).
public struct Counts: Sendable, Hashable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
  public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
  /// Harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN).
  public var f1: Double {
    Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
  }

  public static func + (a: Counts, b: Counts) -> Counts {
    Counts(
      truePositives: a.truePositives + b.truePositives,
      falsePositives: a.falsePositives + b.falsePositives,
      falseNegatives: a.falseNegatives + b.falseNegatives)
  }

  static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}

/// Detection scores of a set of items (entities per document, or mention spans): per entity and
/// micro-averaged (counts summed over entities, then the ratios).
public struct DetectionMetrics: Sendable {
  /// Entity id → counts, sorted by id when rendered.
  public var perEntity: [String: Counts] = [:]

  public init() {}

  public var micro: Counts { perEntity.values.reduce(Counts(), +) }

  /// Counts one set of gold items against one set of predicted items, by entity.
  mutating func add<Item: Hashable>(gold: Set<Item>, predicted: Set<Item>, entity: (Item) -> String)
  {
    for item in gold.intersection(predicted) {
      perEntity[entity(item), default: Counts()].truePositives += 1
    }
    for item in predicted.subtracting(gold) {
      perEntity[entity(item), default: Counts()].falsePositives += 1
    }
    for item in gold.subtracting(predicted) {
      perEntity[entity(item), default: Counts()].falseNegatives += 1
    }
  }
}

/// A confusion matrix of stance labels: `count(gold:predicted:)`.
public struct Confusion: Sendable, Hashable {
  public static let labels: [StanceScore.Label] = [.favor, .against, .neutral]
  private var cells: [StanceScore.Label: [StanceScore.Label: Int]] = [:]

  public init() {}

  public mutating func add(gold: StanceScore.Label, predicted: StanceScore.Label) {
    cells[gold, default: [:]][predicted, default: 0] += 1
  }

  public func count(gold: StanceScore.Label, predicted: StanceScore.Label) -> Int {
    cells[gold]?[predicted] ?? 0
  }

  public var total: Int {
    Self.labels.reduce(0) { sum, g in Self.labels.reduce(sum) { $0 + count(gold: g, predicted: $1) }
    }
  }
  public var correct: Int { Self.labels.reduce(0) { $0 + count(gold: $1, predicted: $1) } }
  /// Correct / total (0 when empty).
  public var accuracy: Double { Counts.ratio(correct, total) }

  /// One label against the rest: TP on the diagonal, FP in its column, FN in its row.
  public func counts(for label: StanceScore.Label) -> Counts {
    let tp = count(gold: label, predicted: label)
    let column = Self.labels.reduce(0) { $0 + count(gold: $1, predicted: label) }
    let row = Self.labels.reduce(0) { $0 + count(gold: label, predicted: $1) }
    return Counts(truePositives: tp, falsePositives: column - tp, falseNegatives: row - tp)
  }

  /// The SemEval-2016 Task 6 score: the mean of F1(favor) and F1(against). Neutral items still
  /// count, as false positives or false negatives of those two labels.
  public var semEvalF1: Double { (counts(for: .favor).f1 + counts(for: .against).f1) / 2 }

  /// The mean F1 over the three labels.
  public var macroF1: Double {
    Self.labels.reduce(0) { $0 + counts(for: $1).f1 } / Double(Self.labels.count)
  }
}
