import Stance
import Testing

/// A score and the label that thresholds must give it.
struct LabelCase: CustomTestStringConvertible, Sendable {
  let name: String
  let score: Double
  let thresholds: Thresholds
  let label: StanceScore.Label
  var testDescription: String { name }

  init(
    _ name: String, _ score: Double, _ label: StanceScore.Label,
    _ thresholds: Thresholds = Thresholds()
  ) {
    self.name = name
    self.score = score
    self.thresholds = thresholds
    self.label = label
  }
}

@Suite("StanceScore and Thresholds")
struct StanceScoreTests {
  static let labelCases: [LabelCase] = [
    LabelCase("exactly the favor threshold", 0.05, .favor),
    LabelCase("just below the favor threshold", 0.0499, .neutral),
    LabelCase("zero", 0, .neutral),
    LabelCase("just above the against threshold", -0.0499, .neutral),
    LabelCase("exactly the against threshold", -0.05, .against),
    LabelCase("strongly for", 0.9, .favor),
    LabelCase("strongly against", -0.9, .against),
    LabelCase(
      "custom: below a high favor threshold", 0.45, .neutral, Thresholds(favor: 0.5, against: -0.2)),
    LabelCase(
      "custom: at a high favor threshold", 0.5, .favor, Thresholds(favor: 0.5, against: -0.2)),
    LabelCase(
      "custom: past a shallow against threshold", -0.3, .against,
      Thresholds(favor: 0.5, against: -0.2)),
    LabelCase(
      "custom: within a wide neutral band", -0.1, .neutral, Thresholds(favor: 0.5, against: -0.2)),
  ]

  @Test(arguments: labelCases)
  func labels(_ c: LabelCase) {
    #expect(c.thresholds.label(for: c.score) == c.label)
  }

  @Test func defaultThresholds() {
    #expect(Thresholds() == Thresholds(favor: 0.05, against: -0.05))
  }

  @Test(arguments: [
    (2.0, 2 / 19.0.squareRoot()), (-2.0, -2 / 19.0.squareRoot()), (0.0, 0.0),
    (1.0, 1 / 16.0.squareRoot()), (7.0, 7 / 64.0.squareRoot()),
  ])
  func scoreIsRawOverSquareRootOfRawSquaredPlus15(raw: Double, expected: Double) {
    let score = StanceScore(raw: raw, hits: 1, thresholds: Thresholds())
    #expect(abs(score.score - expected) < 1e-12)
    #expect(score.raw == raw)
    #expect(score.hits == 1)
  }

  @Test func scoreStaysWithinOneForHugeSums() {
    #expect(StanceScore(raw: 1e6, hits: 1, thresholds: Thresholds()).score < 1)
    #expect(StanceScore(raw: -1e6, hits: 1, thresholds: Thresholds()).score > -1)
  }

  @Test func labelComesFromTheNormalizedScore() {
    // 0.2 / sqrt(15.04) ≈ 0.0516 is favor; 0.19 / sqrt(15.0361) ≈ 0.0490 is neutral.
    #expect(StanceScore(raw: 0.2, hits: 1, thresholds: Thresholds()).label == .favor)
    #expect(StanceScore(raw: 0.19, hits: 1, thresholds: Thresholds()).label == .neutral)
    #expect(StanceScore(raw: -0.2, hits: 1, thresholds: Thresholds()).label == .against)
  }
}
