import Entities
import TestSupport
import Testing
import Tokenize

private let tokenizer = Tokenizer()

/// One spaCy pattern line and marked sentences: every ⟦span⟧ is a mention of the line's entity.
struct TokenPatternCase: CustomTestStringConvertible, Sendable {
  let name: String
  let pattern: String
  let marked: [String]
  var testDescription: String { name }

  init(_ name: String, _ pattern: String, _ marked: String...) {
    self.name = name
    self.pattern = pattern
    self.marked = marked
  }
}

/// A pattern line the loader leaves out, and the warning naming the construct.
struct UnsupportedPatternCase: CustomTestStringConvertible, Sendable {
  let name: String
  let pattern: String
  let warning: String
  var testDescription: String { name }

  init(_ name: String, _ pattern: String, _ warning: String) {
    self.name = name
    self.pattern = pattern
    self.warning = warning
  }
}

@Suite("spaCy token patterns")
struct TokenPatternTests {
  static let matchCases: [TokenPatternCase] = [
    TokenPatternCase(
      "lowercase attribute keys", #"[{"lower": "roscosmos"}]"#, "⟦ROSCOSMOS⟧ and ⟦Roscosmos⟧."),
    TokenPatternCase(
      "IN is one token of several", #"[{"ORTH": {"IN": ["NASA", "ESA"]}}]"#,
      "⟦NASA⟧, ⟦ESA⟧ and nasa."),
    TokenPatternCase(
      "NOT_IN on LOWER excludes any case",
      #"[{"LOWER": "soyuz"}, {"LOWER": {"NOT_IN": ["rocket"]}, "IS_ALPHA": false}]"#,
      "The ⟦Soyuz MS-25⟧ left; a Soyuz Rocket did not."),
    TokenPatternCase(
      "OP ? makes a token optional", #"[{"LOWER": "space", "OP": "?"}, {"LOWER": "station"}]"#,
      "The ⟦space station⟧ and the ⟦station⟧."),
    TokenPatternCase(
      "OP + repeats a token", #"[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]"#,
      "A ⟦very very big⟧ rocket; a big one."),
    TokenPatternCase(
      "OP * repeats or drops a token", #"[{"LOWER": "mission"}, {"IS_DIGIT": true, "OP": "*"}]"#,
      "⟦mission 7 8⟧ and ⟦mission⟧ now."),
    TokenPatternCase(
      "IS_DIGIT matches any number", #"[{"LOWER": "expedition"}, {"IS_DIGIT": true}]"#,
      "⟦Expedition 71⟧ and Expedition seventy."),
    TokenPatternCase(
      "IS_TITLE with a literal", #"[{"LOWER": "nauka", "IS_TITLE": true}]"#,
      "⟦Nauka⟧ docked, not nauka or NAUKA."),
    TokenPatternCase(
      "IS_UPPER and IS_LOWER", #"[{"IS_UPPER": true}, {"LOWER": "module"}]"#,
      "The ⟦MLM module⟧, the Russian module."),
    TokenPatternCase(
      "IS_PUNCT between words",
      #"[{"LOWER": "soyuz"}, {"IS_PUNCT": true}, {"LOWER": "progress"}]"#,
      "⟦Soyuz/Progress⟧ flights."),
    TokenPatternCase(
      "ORTH and LOWER in one pattern", #"[{"LOWER": "roscosmos"}, {"ORTH": "Chief"}]"#,
      "⟦ROSCOSMOS Chief⟧ spoke; Roscosmos chief did not."),
    TokenPatternCase(
      "OP ! takes one token that is not the word",
      #"[{"LOWER": "nasa"}, {"LOWER": "chief", "OP": "!"}]"#, "⟦NASA said⟧ so, NASA chief not."),
    TokenPatternCase(
      "OP ! on NOT_IN is one of the words",
      #"[{"LOWER": "soyuz"}, {"LOWER": {"NOT_IN": ["ms", "tma"]}, "OP": "!"}]"#,
      "⟦Soyuz TMA⟧ and ⟦Soyuz ms⟧, not Soyuz rocket."),
    TokenPatternCase(
      "an empty object is any token", #"[{"LOWER": "flight"}, {}]"#, "The ⟦flight MS⟧ left."),
    TokenPatternCase(
      "{n,m} repetitions", #"[{"LOWER": "go", "OP": "{2,3}"}]"#, "go, ⟦go go⟧ now."),
  ]

  @Test(arguments: matchCases)
  func matchesAsSpaCyDoes(_ c: TokenPatternCase) throws {
    let line = #"{"label": "ORG", "id": "x", "pattern": "# + c.pattern + "}"
    let gazetteer = try Gazetteer(
      files: [(path: "p.jsonl", bytes: Array(line.utf8))], tokenizer: tokenizer, strict: true)
    for marked in c.marked.map(MarkedText.init) {
      let mentions = gazetteer.mentions(in: try tokenizer.tokenize(marked.text))
      #expect(
        mentions.map { slice(marked.text, $0.start, $0.end) }
          == marked.spans.map { slice(marked.text, $0.lowerBound, $0.upperBound) })
    }
  }

  static let unsupportedCases: [UnsupportedPatternCase] = [
    UnsupportedPatternCase(
      "another attribute", #"[{"POS": "PROPN"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: token attribute 'POS' (supported: ORTH, TEXT, LOWER, IS_DIGIT, IS_ALPHA, IS_PUNCT, IS_TITLE, IS_UPPER, IS_LOWER, in any case)"
    ),
    UnsupportedPatternCase(
      "REGEX", #"[{"LOWER": "nasa"}, {"TEXT": {"REGEX": "^[0-9]+$"}}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 2: 'TEXT' with 'REGEX' (supported: a string, IN, NOT_IN)"
    ),
    UnsupportedPatternCase(
      "a flag that is not a boolean", #"[{"IS_DIGIT": 1}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: 'IS_DIGIT' with 'a number' (supported: a string, IN, NOT_IN)"
    ),
    UnsupportedPatternCase(
      "another operator", #"[{"LOWER": "go", "OP": "{x}"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: OP '{x}' (supported: ?, *, +, !, 1, {n}, {n,m}, {,m}, {n,})"
    ),
    UnsupportedPatternCase(
      "a negative count", #"[{"LOWER": "go", "OP": "{-1}"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: OP '{-1}' (supported: ?, *, +, !, 1, {n}, {n,m}, {,m}, {n,})"
    ),
    UnsupportedPatternCase(
      "more repetitions than a phrase has tokens", #"[{"LOWER": "go", "OP": "{100000}"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: OP '{100000}' (supported: ?, *, +, !, 1, {n}, {n,m}, {,m}, {n,})"
    ),
    UnsupportedPatternCase(
      "! on two conditions", #"[{"LOWER": "nasa", "IS_UPPER": true, "OP": "!"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: token 1: OP '!' on a token with 2 conditions (supported: one)"
    ),
    UnsupportedPatternCase(
      "no token at all", #"[{"LOWER": "nasa", "OP": "{0}"}]"#,
      "p.jsonl:1: unsupported spaCy pattern: a pattern that matches no token"
    ),
  ]

  @Test(arguments: unsupportedCases)
  func unsupportedLinesAreWarningsOrStrictErrors(_ c: UnsupportedPatternCase) throws {
    let lines = [
      #"{"label": "ORG", "id": "x", "pattern": "# + c.pattern + "}",
      #"{"label": "ORG", "pattern": "Roscosmos"}"#,
    ]
    let files = [(path: "p.jsonl", bytes: Array(lines.joined(separator: "\n").utf8))]
    let gazetteer = try Gazetteer(files: files, tokenizer: tokenizer)
    #expect(gazetteer.warnings.map(\.description) == [c.warning])
    #expect(gazetteer.entities.map(\.id) == ["roscosmos"])
    let error = #expect(throws: EntitiesError.self) {
      try Gazetteer(files: files, tokenizer: tokenizer, strict: true)
    }
    #expect(error?.description == c.warning)
  }

  @Test func expansionsAreBoundedAndLoadedAsOneLine() throws {
    let line = #"{"label": "ORG", "pattern": [{"LOWER": "very", "OP": "+"}]}"#
    let entries = try Gazetteer.entries(pattern: line, at: SourceLocation(file: "p", line: 1))
    #expect(entries.map(\.alias) == ["very", "very very", "very very very"])
    #expect(Set(entries.map(\.entity)) == ["very"])
    let optional =
      #"{"label": "ORG", "pattern": [{"LOWER": "space", "OP": "?"}, {"LOWER": "station"}]}"#
    let phrases = try Gazetteer.entries(pattern: optional, at: SourceLocation(file: "p", line: 1))
    #expect(phrases.map(\.alias) == ["space station", "station"])
    #expect(Set(phrases.map(\.entity)) == ["space_station"])
    #expect(Gazetteer.maxRepetitions == 3)
  }

  @Test func aShadowedPatternIsAWarningNamingBothLines() throws {
    let files = [
      (path: "g.tsv", bytes: Array("nasa\tORG\tNASA\n".utf8)),
      (path: "p.jsonl", bytes: Array(#"{"label": "ORG", "pattern": "NASA", "id": "other"}"#.utf8)),
    ]
    let gazetteer = try Gazetteer(files: files, tokenizer: tokenizer, phraseAttribute: .lower)
    #expect(
      gazetteer.warnings.map(\.description) == [
        "p.jsonl:1: alias 'NASA' of entity 'other' is already an alias of entity 'nasa' at g.tsv:1; it never matches"
      ])
  }

  @Test(arguments: [
    ("123", TokenFlag.digit, true), ("12a", .digit, false), ("Союз", .alpha, true),
    ("MS-25", .alpha, false), ("—", .punct, true), ("/", .punct, true), ("+", .punct, false),
    ("Nauka", .title, true), ("NAUKA", .title, false), ("Soyuz-Progress", .title, true),
    ("MS25", .upper, true), ("25", .upper, false), ("ms-25", .lower, true), ("Ms", .lower, false),
  ])
  func flagsAreComputedAsPythonDoes(_ surface: String, _ flag: TokenFlag, _ holds: Bool) {
    #expect(flag.holds(for: surface) == holds)
  }
}
