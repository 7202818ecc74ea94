import Testing

@testable import AnalystKit

/// The one overlap rule of `explain` and `report` marks: earlier layers win; within a layer,
/// leftmost then longest, and overlapping candidates join the kept mark.
@Suite struct MarkLayoutTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    /// (range, layer, item name), in input order.
    var candidates: [(Range<Int>, MarkLayout.Layer, String)]
    /// (range, layer, item names), in text order.
    var expected: [(Range<Int>, MarkLayout.Layer, [String])]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "disjoint candidates each make a mark, sorted by position",
      candidates: [(5..<7, .hit, "b"), (0..<2, .mention, "m"), (3..<4, .modifier, "n")],
      expected: [(0..<2, .mention, ["m"]), (3..<4, .modifier, ["n"]), (5..<7, .hit, ["b"])]),
    Case(
      name: "identical ranges share one mark, in input order",
      candidates: [(2..<4, .hit, "cooperation"), (2..<4, .hit, "security")],
      expected: [(2..<4, .hit, ["cooperation", "security"])]),
    Case(
      name: "leftmost wins within a layer, the later overlapping one joins it",
      candidates: [(3..<6, .hit, "later"), (1..<4, .hit, "leftmost")],
      expected: [(1..<4, .hit, ["leftmost", "later"])]),
    Case(
      name: "at the same start the longest wins",
      candidates: [(1..<2, .hit, "short"), (1..<5, .hit, "long")],
      expected: [(1..<5, .hit, ["long", "short"])]),
    Case(
      name: "deep space station crew: leftmost-longest, not filter_spans",
      candidates: [(2..<5, .hit, "space station crew"), (1..<3, .hit, "deep space")],
      expected: [(1..<3, .hit, ["deep space", "space station crew"])]),
    Case(
      name: "an earlier layer wins whatever the lengths",
      candidates: [(0..<10, .hit, "long hit"), (4..<5, .mention, "m"), (4..<5, .modifier, "not")],
      expected: [(4..<5, .mention, ["m"])]),
    Case(
      name: "a modifier word on a hit is left out, beside it kept once",
      candidates: [
        (3..<4, .hit, "h"), (3..<4, .modifier, "on"), (1..<2, .modifier, "not"),
        (1..<2, .modifier, "not again"),
      ],
      expected: [(1..<2, .modifier, ["not", "not again"]), (3..<4, .hit, ["h"])]),
    Case(
      name: "empty candidates make no mark",
      candidates: [(2..<2, .mention, "empty"), (2..<3, .hit, "h")],
      expected: [(2..<3, .hit, ["h"])]),
    Case(name: "no candidates", candidates: [], expected: []),
  ]

  @Test(arguments: cases)
  func layout(_ c: Case) {
    let marks = MarkLayout.marks(
      c.candidates.map { MarkLayout.Candidate(range: $0.0, layer: $0.1, item: $0.2) })
    #expect(marks.map(\.range) == c.expected.map(\.0))
    #expect(marks.map(\.layer) == c.expected.map(\.1))
    #expect(marks.map(\.items) == c.expected.map(\.2))
  }

  /// Whatever the candidates, the marks are sorted, disjoint and hold every candidate that does
  /// not overlap an earlier layer's mark.
  @Test func invariantsOnEveryLayoutOfASmallText() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let candidates = (0..<Int.random(in: 0...8, using: &generator)).map { n in
        let start = Int.random(in: 0..<10, using: &generator)
        return MarkLayout.Candidate(
          range: start..<start + Int.random(in: 0...3, using: &generator),
          layer: MarkLayout.Layer.allCases.randomElement(using: &generator)!, item: n)
      }
      let marks = MarkLayout.marks(candidates)
      for (a, b) in zip(marks, marks.dropFirst()) {
        #expect(a.range.upperBound <= b.range.lowerBound, "\(marks.map(\.range))")
      }
      for (n, candidate) in candidates.enumerated() where !candidate.range.isEmpty {
        let placed = marks.contains { $0.items.contains(n) }
        let blocked = marks.contains {
          $0.layer < candidate.layer && $0.range.overlaps(candidate.range)
        }
        #expect(placed != blocked, "candidate \(n) \(candidate.range) in \(marks.map(\.range))")
      }
    }
  }
}
