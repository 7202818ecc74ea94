import AnalystKit
import PipelineKit
import Stance
import Testing

@Suite("Counts and Confusion")
struct MetricsTests {
  struct CountsCase: CustomTestStringConvertible, Sendable {
    var name: String
    var counts: Counts
    var precision: Double
    var recall: Double
    var f1: Double
    var testDescription: String { name }
  }

  @Test(arguments: [
    // 3/(3+1), 3/(3+2), 2·3/(2·3+1+2) = 6/9
    CountsCase(
      name: "ordinary", counts: Counts(truePositives: 3, falsePositives: 1, falseNegatives: 2),
      precision: 0.75, recall: 0.6, f1: 6.0 / 9),
    CountsCase(name: "perfect", counts: Counts(truePositives: 4), precision: 1, recall: 1, f1: 1),
    // Nothing predicted, nothing in gold: every ratio has a zero denominator and is 0.
    CountsCase(name: "empty", counts: Counts(), precision: 0, recall: 0, f1: 0),
    CountsCase(
      name: "only misses", counts: Counts(falseNegatives: 2), precision: 0, recall: 0, f1: 0),
  ])
  func ratios(_ c: CountsCase) {
    #expect(abs(c.counts.precision - c.precision) < 1e-12)
    #expect(abs(c.counts.recall - c.recall) < 1e-12)
    #expect(abs(c.counts.f1 - c.f1) < 1e-12)
  }

  @Test func confusionScores() {
    var confusion = Confusion()
    // gold → predicted: favor→favor ×2, favor→against, against→against, neutral→favor.
    for (g, p) in [
      (StanceScore.Label.favor, StanceScore.Label.favor), (.favor, .favor), (.favor, .against),
      (.against, .against), (.neutral, .favor),
    ] {
      confusion.add(gold: g, predicted: p)
    }
    #expect(confusion.total == 5 && confusion.correct == 3)
    // favor: TP 2, FP 1 (neutral→favor), FN 1 (favor→against): F1 = 4/6.
    #expect(
      confusion.counts(for: .favor)
        == Counts(truePositives: 2, falsePositives: 1, falseNegatives: 1))
    // against: TP 1, FP 1, FN 0: F1 = 2/3.
    #expect(
      confusion.counts(for: .against)
        == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
    // SemEval: (4/6 + 2/3) / 2 = 2/3.
    #expect(abs(confusion.semEvalF1 - 2.0 / 3) < 1e-12)
    // neutral: TP 0, FN 1: F1 0; macro = (2/3 + 2/3 + 0) / 3 = 4/9.
    #expect(abs(confusion.macroF1 - 4.0 / 9) < 1e-12)
  }
}
