import Tokenize

/// A modifier that changed a hit's weight, with its span (Unicode scalar offsets): `token` is
/// its word, or a phrase's last word, whose distance to the hit counts.
public struct AppliedModifier: Sendable, Hashable {
  public enum Effect: Sendable, Hashable {
    /// The weight was multiplied by this factor (negators, contrast).
    case factor(Double)
    /// The magnitude was changed by this delta (boosters, dampeners).
    case delta(Double)
  }

  public var kind: Modifiers.Kind
  public var token: Int
  public var start: Int
  public var end: Int
  public var effect: Effect
}

extension AppliedModifier {
  /// Its tokens in `doc`: its word, or a phrase ("rule out") from the word where it starts.
  public func tokens(in doc: TokenizedText) -> Range<Int> {
    var first = token
    while first > 0 && doc.tokens[first].start > start { first -= 1 }
    return first..<(token + 1)
  }
}

/// One lexicon hit: the entry, where it matched, its base and applied weights and why they
/// differ. Every number in a stance score is a sum of these.
public struct Hit: Sendable, Hashable {
  public var dimension: String
  /// Index of the entry in `Lexicon.entries`.
  public var entry: Int
  public var tokens: Range<Int>
  public var start: Int
  public var end: Int
  public var sentence: Int
  public var base: Double
  public var weight: Double
  /// In the order they were applied: boosters/dampeners, negators, then contrast.
  public var modifiers: [AppliedModifier]
}

/// The stance on one dimension: `raw` sum of applied weights, number of hits, `score` in
/// [-1, 1] (raw / sqrt(raw² + 15), VADER's normalization) and its label.
public struct StanceScore: Sendable, Hashable {
  public enum Label: String, Sendable, Hashable, CaseIterable {
    case favor, against, neutral
  }

  public var raw: Double
  public var hits: Int
  public var score: Double
  public var label: Label

  public static let normalizationAlpha = 15.0

  public init(raw: Double, hits: Int, thresholds: Thresholds) {
    self.raw = raw
    self.hits = hits
    // raw / √(raw² + α), written so that it never overflows: past 1e100 it is ±1 to the last bit.
    self.score =
      abs(raw) > 1e100
      ? (raw > 0 ? 1 : -1) : raw / (raw * raw + Self.normalizationAlpha).squareRoot()
    self.label = thresholds.label(for: score)
  }
}

/// Score thresholds for labels: favor at or above `favor`, against at or below `against`.
public struct Thresholds: Sendable, Hashable {
  public var favor: Double
  public var against: Double

  public init(favor: Double = 0.05, against: Double = -0.05) {
    self.favor = favor
    self.against = against
  }

  public func label(for score: Double) -> StanceScore.Label {
    if score >= favor { return .favor }
    if score <= against { return .against }
    return .neutral
  }
}
