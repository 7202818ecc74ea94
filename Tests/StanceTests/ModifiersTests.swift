import Stance
import Testing
import Tokenize

private let tokenizer = Tokenizer()

private func modifiers(_ text: String, path: String = "m.tsv") throws(StanceError) -> Modifiers {
  try Modifiers(files: [(path: path, bytes: [UInt8](text.utf8))], tokenizer: tokenizer)
}

/// A modifiers file that must be refused, and the exact message naming `FILE:LINE`.
struct ModifiersErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let description: String
  var testDescription: String { name }

  init(_ name: String, _ text: String, _ description: String) {
    self.name = name
    self.text = text
    self.description = description
  }
}

@Suite("Modifiers")
struct ModifiersTests {
  @Test func loadsEachKindWithItsDefaultValue() throws {
    let m = try modifiers(
      """
      # kind\tterm\tvalue
      negator\tnot
      booster\tvery
      dampener\tslightly

      contrast\tbut
      """)
    let kinds = ["not", "very", "slightly", "but"].map { m.words[$0]?.kind }
    #expect(kinds == [.negator, .booster, .dampener, .contrast])
    let values = ["not", "very", "slightly", "but"].map { m.words[$0].map(m.value(of:)) }
    #expect(values == [-0.74, 0.293, -0.293, 1])
    #expect(m.words["not"]?.location?.description == "m.tsv:2")
  }

  @Test func aValueOverridesTheKindsConstant() throws {
    let m = try modifiers("booster\tmega\t0.5\nnegator\thardly\t-0.3\ndampener\tsomewhat\t-0.1\n")
    let values = ["mega", "hardly", "somewhat"].map { m.words[$0].map(m.value(of:)) }
    #expect(values == [0.5, -0.3, -0.1])
  }

  @Test func termsAreStoredByMatchingKey() throws {
    let m = try modifiers("negator\tNOT\nnegator\tn’t\nbooster\tＶＥＲＹ\n")
    #expect(Set(m.words.keys) == ["not", "n't", "very"])
  }

  @Test func phrasesAreStoredByTheirLastWordsKey() throws {
    let m = try modifiers("shifter\tRule out\nnegator\tdon't\nbooster\trule out\t2\n")
    #expect(m.phrases["out"]?.map(\.keys) == [["rule", "out"]])
    #expect(m.phrases["out"]?.first?.word.kind == .shifter)
    #expect(m.phrases["n't"]?.first?.keys == ["do", "n't"])
    #expect(m.words.isEmpty)
  }

  @Test func theFirstDefinitionOfAWordWins() throws {
    let m = try modifiers("negator\tnot\nbooster\tnot\t2\n")
    #expect(m.words["not"]?.kind == .negator)
    #expect(m.words["not"]?.location?.line == 1)
  }

  @Test func defaultsFollowVADER() {
    let m = Modifiers()
    #expect(m.negationScalar == -0.74)
    #expect(m.negationWindow == 3)
    #expect(m.contrastBefore == 0.5)
    #expect(m.contrastAfter == 1.5)
    #expect(Modifiers.boosterDelta == 0.293)
  }

  @Test func paramLinesChangeTheConstants() throws {
    var m = try modifiers(
      """
      param\tnegation_scalar\t-0.5
      param\tnegation_window\t2
      param\tcontrast_before\t0.25
      param\tcontrast_after\t2
      """)
    #expect(m.negationScalar == -0.5)
    #expect(m.negationWindow == 2)
    #expect(m.contrastBefore == 0.25)
    #expect(m.contrastAfter == 2)
    #expect(m.words.isEmpty)
    m.add("no", kind: .negator)
    #expect(m.words["no"].map(m.value(of:)) == -0.5)
  }

  @Test func laterFilesAddWords() throws {
    let m = try Modifiers(
      files: [
        (path: "a.tsv", bytes: [UInt8]("negator\tnot\n".utf8)),
        (path: "b.tsv", bytes: [UInt8]("booster\tvery\nparam\tnegation_window\t5\n".utf8)),
      ], tokenizer: tokenizer)
    #expect(m.words["not"]?.kind == .negator)
    #expect(m.words["very"]?.location?.description == "b.tsv:1")
    #expect(m.negationWindow == 5)
  }

  static let errorCases: [ModifiersErrorCase] = [
    ModifiersErrorCase(
      "one field", "negator\tnot\nnegator\n",
      "m.tsv:2: expected 2 or 3 tab-separated fields (kind, term, value), found 1 field"),
    ModifiersErrorCase(
      "four fields", "booster\tvery\t1\tx\n",
      "m.tsv:1: expected 2 or 3 tab-separated fields (kind, term, value), found 4 fields"),
    ModifiersErrorCase(
      "unknown kind", "intensifier\tvery\n",
      "m.tsv:1: expected kind negator, booster, dampener, contrast, shifter, shifter_positive, shifter_negative, attitude, concession or param, found 'intensifier'"
    ),
    ModifiersErrorCase(
      "empty term", "negator\t\n", "m.tsv:1: expected a non-empty term, found an empty field"),
    ModifiersErrorCase(
      "a phrase of more than four words", "negator\tno way in the world\n",
      "m.tsv:1: expected a modifier of 1 to 4 tokens, found 'no way in the world' (5 tokens)"),
    ModifiersErrorCase(
      "a modifier of no token", "negator\t\u{200B}\n",
      "m.tsv:1: expected a modifier of 1 to 4 tokens, found '\u{200B}' (0 tokens)"),
    ModifiersErrorCase(
      "value that is not a number", "booster\tvery\tlots\n",
      "m.tsv:1: expected a number, found 'lots'"),
    ModifiersErrorCase(
      "booster value out of range", "booster\tvery\t5\n",
      "m.tsv:1: expected a booster value from -4 to 4, found '5'"),
    ModifiersErrorCase(
      "negator factor out of range", "negator\tnot\t-11\n",
      "m.tsv:1: expected a negator value from -10 to 10, found '-11'"),
    ModifiersErrorCase(
      "huge contrast factor", "param\tcontrast_after\t1e308\n",
      "m.tsv:1: expected contrast_after to be a number from -10 to 10, found '1e308'"),
    ModifiersErrorCase(
      "huge negation scalar", "param\tnegation_scalar\t1e200\n",
      "m.tsv:1: expected negation_scalar to be a number from -10 to 10, found '1e200'"),
    ModifiersErrorCase(
      "contrast_before out of range", "param\tcontrast_before\t-10.5\n",
      "m.tsv:1: expected contrast_before to be a number from -10 to 10, found '-10.5'"),
    ModifiersErrorCase(
      "window too wide", "param\tnegation_window\t51\n",
      "m.tsv:1: expected negation_window to be a whole number from 0 to 50, found '51'"),
    ModifiersErrorCase(
      "hexadecimal param", "param\tnegation_scalar\t0x1p-2\n",
      "m.tsv:1: expected a number, found '0x1p-2'"),
    ModifiersErrorCase(
      "hexadecimal value", "booster\tvery\t0x1\n", "m.tsv:1: expected a number, found '0x1'"),
    ModifiersErrorCase(
      "infinite param", "param\tcontrast_after\tinf\n", "m.tsv:1: expected a number, found 'inf'"),
    ModifiersErrorCase(
      "overflowing param", "param\tcontrast_after\t1e999\n",
      "m.tsv:1: expected a number, found '1e999'"),
    ModifiersErrorCase(
      "unknown param", "\nparam\tfoo\t1\n",
      "m.tsv:2: expected a parameter (negation_scalar, negation_window, contrast_before, contrast_after, shifter_scalar, shifter_window, target_agent, target_speaker, target_mentioned, target_positive, target_reach), found 'foo'"
    ),
    ModifiersErrorCase(
      "param without a value", "param\tnegation_scalar\n",
      "m.tsv:1: expected 3 tab-separated fields (param, name, value), found 2 fields"),
    ModifiersErrorCase(
      "param value not a number", "param\tnegation_scalar\tx\n",
      "m.tsv:1: expected a number, found 'x'"),
    ModifiersErrorCase(
      "fractional window", "param\tnegation_window\t2.5\n",
      "m.tsv:1: expected negation_window to be a whole number from 0 to 50, found '2.5'"),
    ModifiersErrorCase(
      "negative window", "param\tnegation_window\t-1\n",
      "m.tsv:1: expected negation_window to be a whole number from 0 to 50, found '-1'"),
  ]

  @Test func theBoundsOfEveryRangeAreAccepted() throws {
    let m = try modifiers(
      """
      param\tnegation_scalar\t-10
      param\tnegation_window\t50
      param\tcontrast_before\t+10
      param\tcontrast_after\t1e1
      negator\tnot\t10
      booster\tvery\t4
      dampener\tslightly\t-4.0
      """)
    #expect(
      [m.negationScalar, Double(m.negationWindow), m.contrastBefore, m.contrastAfter] == [
        -10, 50, 10, 10,
      ])
    #expect(["not", "very", "slightly"].map { m.words[$0].map(m.value(of:)) } == [10, 4, -4])
  }

  @Test func everyParameterHasARange() {
    #expect(
      Modifiers.parameterNames == [
        "negation_scalar", "negation_window", "contrast_before", "contrast_after", "shifter_scalar",
        "shifter_window", "target_agent", "target_speaker", "target_mentioned", "target_positive",
        "target_reach",
      ])
    #expect(
      Modifiers.Parameter.allCases.map(\.range) == [
        -10...10, 0...50, -10...10, -10...10, -10...10, 0...50, 0...1, 0...1, 0...1, 0...1, 0...50,
      ])
    #expect(
      Modifiers.Kind.allCases.map(Modifiers.valueRange(of:)) == [
        -10...10, -4...4, -4...4, -10...10, -10...10, -10...10, -10...10, -10...10, -10...10,
      ])
  }

  @Test(arguments: errorCases)
  func refusesMalformedLines(_ c: ModifiersErrorCase) {
    let error = #expect(throws: StanceError.self) { try modifiers(c.text) }
    #expect(error?.description == c.description)
  }
}
