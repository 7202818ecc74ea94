import Stance
import Testing
import Tokenize

private let tokenizer = Tokenizer()

private func lexicon(_ text: String, path: String = "l.tsv") throws(StanceError) -> Lexicon {
  try Lexicon(files: [(path: path, bytes: [UInt8](text.utf8))], tokenizer: tokenizer)
}

/// A lexicon file that must be refused, and the exact message naming `FILE:LINE`.
struct LexiconErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let description: String
  var testDescription: String { name }

  init(_ name: String, _ text: String, _ description: String) {
    self.init(name, bytes: Array(text.utf8), description)
  }

  init(_ name: String, bytes: [UInt8], _ description: String) {
    self.name = name
    self.bytes = bytes
    self.description = description
  }
}

@Suite("Lexicon")
struct LexiconTests {
  @Test func loadsTermsWeightsAndDimensions() throws {
    let lex = try lexicon(
      """
      # term\tweight\tdimension
      good\t2
      cooperat*\t2.0\tcooperation

      end cooperation\t-3\tcooperation
      Bad\t-1.5\tstance
      """)
    #expect(lex.entries.map(\.term) == ["good", "cooperat*", "end cooperation", "Bad"])
    #expect(lex.entries.map(\.weight) == [2, 2, -3, -1.5])
    #expect(lex.entries.map(\.dimension) == ["stance", "cooperation", "cooperation", "stance"])
    #expect(lex.entries.map(\.keys) == [["good"], ["cooperat"], ["end", "cooperation"], ["bad"]])
    #expect(lex.entries.map(\.isPrefix) == [false, true, false, false])
    #expect(
      lex.entries.map(\.location.description) == ["l.tsv:2", "l.tsv:3", "l.tsv:5", "l.tsv:6"])
    #expect(lex.dimensions == ["stance", "cooperation"])
    #expect(lex.matcher(for: "cooperation")?.count == 2)
    #expect(lex.matcher(for: "sentiment") == nil)
  }

  @Test func acceptsTheWeightBoundsAndASign() throws {
    let lex = try lexicon("a\t-4\nb\t4\nc\t+0.5\nd\t0\ne\t1e0\n")
    #expect(lex.entries.map(\.weight) == [-4, 4, 0.5, 0, 1])
  }

  @Test func acceptsCRLFBOMAndDimensionNamesWithUnicodeLettersDigitsAndDashes() throws {
    let lex = try lexicon("\u{FEFF}good\t1\tstance-2_b\r\nхорошо\t1\tпозиция\r\n")
    #expect(lex.dimensions == ["stance-2_b", "позиция"])
    #expect(lex.entries.map(\.keys) == [["good"], ["хорошо"]])
  }

  static let errorCases: [LexiconErrorCase] = [
    LexiconErrorCase(
      "one field", "good\t2\n# comment\ngood\n",
      "l.tsv:3: expected 2 or 3 tab-separated fields (term, weight, dimension), found 1 field"),
    LexiconErrorCase(
      "four fields", "good\t2\tstance\textra\n",
      "l.tsv:1: expected 2 or 3 tab-separated fields (term, weight, dimension), found 4 fields"),
    LexiconErrorCase(
      "spaces instead of a tab", "good 2\n",
      "l.tsv:1: expected 2 or 3 tab-separated fields (term, weight, dimension), found 1 field"),
    LexiconErrorCase(
      "empty term", "\t2\n", "l.tsv:1: expected a non-empty term, found an empty field"),
    LexiconErrorCase("word as weight", "good\tabc\n", "l.tsv:1: expected a number, found 'abc'"),
    LexiconErrorCase("empty weight", "good\t\n", "l.tsv:1: expected a number, found ''"),
    LexiconErrorCase("infinite weight", "good\tinf\n", "l.tsv:1: expected a number, found 'inf'"),
    LexiconErrorCase("NaN weight", "good\tnan\n", "l.tsv:1: expected a number, found 'nan'"),
    LexiconErrorCase("hex weight", "good\t0x1\n", "l.tsv:1: expected a number, found '0x1'"),
    LexiconErrorCase(
      "weight above the range", "good\t5\n",
      "l.tsv:1: expected a weight from -4.0 to 4.0, found 5.0"),
    LexiconErrorCase(
      "weight below the range", "bad\t-4.5\n",
      "l.tsv:1: expected a weight from -4.0 to 4.0, found -4.5"),
    LexiconErrorCase(
      "wildcard in the middle of a word", "co*op\t1\n",
      "l.tsv:1: expected '*' only at the end of the last word, found 'co*op'"),
    LexiconErrorCase(
      "wildcard on a word before the last", "co* op\t1\n",
      "l.tsv:1: expected '*' only at the end of the last word, found 'co* op'"),
    LexiconErrorCase(
      "only a wildcard", "*\t1\n", "l.tsv:1: expected a term with at least one token, found '*'"),
    LexiconErrorCase(
      "a term of 65 tokens", Array(repeating: "again", count: 65).joined(separator: " ") + "\t1\n",
      "l.tsv:1: expected a term of at most 64 tokens, found 65 tokens ('again again again again again again agai…')"
    ),
    LexiconErrorCase(
      "dimension with a space", "good\t2\ta b\n",
      "l.tsv:1: expected a dimension name of letters, digits, '_' or '-', found 'a b'"),
    LexiconErrorCase(
      "empty dimension", "good\t2\t\n",
      "l.tsv:1: expected a dimension name of letters, digits, '_' or '-', found ''"),
    LexiconErrorCase(
      "wildcard in a non-ASCII word", "dé*tente\t1\n",
      "l.tsv:1: expected '*' only at the end of the last word, found 'dé*tente'"),
    LexiconErrorCase(
      "dimension with a non-ASCII symbol", "good\t2\tstance€\n",
      "l.tsv:1: expected a dimension name of letters, digits, '_' or '-', found 'stance€'"),
    LexiconErrorCase(
      "dimension with an ASCII symbol", "good\t2\tstance+\n",
      "l.tsv:1: expected a dimension name of letters, digits, '_' or '-', found 'stance+'"),
    LexiconErrorCase(
      "invalid UTF-8", bytes: Array("good\t2\n".utf8) + [0x62, 0xE9, 0x09, 0x31, 0x0A],
      "l.tsv:2: expected UTF-8 text, found invalid bytes"),
  ]

  @Test(arguments: errorCases)
  func refusesMalformedLines(_ c: LexiconErrorCase) {
    let error = #expect(throws: StanceError.self) {
      try Lexicon(files: [(path: "l.tsv", bytes: c.bytes)], tokenizer: tokenizer)
    }
    #expect(error?.description == c.description)
  }

  /// ASCII terms are read byte-wise, others by character: both give the same entries.
  @Test func wildcardsInASCIIAndNonASCIITerms() throws {
    let lex = try lexicon("Détent*\t1\nCooperat*\t2\tStance_2\nlashed  OUT\t-2\n")
    #expect(lex.entries.map(\.keys) == [["détent"], ["cooperat"], ["lashed", "out"]])
    #expect(lex.entries.map(\.isPrefix) == [true, true, false])
    #expect(lex.dimensions == ["stance", "Stance_2"])
  }

  @Test func errorNamesTheFileItIsIn() {
    let error = #expect(throws: StanceError.self) {
      try Lexicon(
        files: [
          (path: "a.tsv", bytes: [UInt8]("good\t1\n".utf8)),
          (path: "stance/cooperation.tsv", bytes: [UInt8]("\n\nbad\t-9\n".utf8)),
        ], tokenizer: tokenizer)
    }
    #expect(
      error?.description
        == "stance/cooperation.tsv:3: expected a weight from -4.0 to 4.0, found -9.0")
  }
}
