import Entities
import Testing
import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr.", "Gen."])

private func load(_ files: (String, [UInt8])...) throws(EntitiesError) -> Gazetteer {
  try Gazetteer(files: files.map { (path: $0.0, bytes: $0.1) }, tokenizer: tokenizer)
}

private func bytes(_ text: String) -> [UInt8] { [UInt8](text.utf8) }

/// A gazetteer file that must be refused, and the exact message naming `FILE:LINE`.
struct LoadErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let path: String
  let bytes: [UInt8]
  let description: String
  var testDescription: String { name }

  init(_ name: String, path: String = "g.tsv", _ text: String, _ description: String) {
    self.init(name, path: path, bytes: Array(text.utf8), description)
  }

  init(_ name: String, path: String = "g.tsv", bytes: [UInt8], _ description: String) {
    self.name = name
    self.path = path
    self.bytes = bytes
    self.description = description
  }
}

@Suite("Gazetteer loading")
struct GazetteerLoadingTests {
  // MARK: - TSV

  @Test func loadsThreeAndFourFieldLines() throws {
    let gazetteer = try load(
      (
        "g.tsv",
        bytes(
          "nasa\tORG\tNASA\nunited_states\tGPE\tUS\texact\nrogozin\tPERSON\tDmitry Rogozin\tfold\n")
      ))
    #expect(gazetteer.entities.map(\.id) == ["nasa", "united_states", "rogozin"])
    #expect(gazetteer.entities.map(\.type) == ["ORG", "GPE", "PERSON"])
    #expect(gazetteer.aliases.map(\.mode) == [.fold, .exact, .fold])
    #expect(gazetteer.aliases[2].keys == ["dmitry", "rogozin"])
    #expect(gazetteer.aliases[1].surfaces == ["US"])
  }

  @Test func firstAliasIsTheDisplayName() throws {
    let gazetteer = try load(
      ("g.tsv", bytes("rogozin\tPERSON\tDmitry Rogozin\nrogozin\tPERSON\tRogozin\n")))
    #expect(gazetteer.entities.count == 1)
    #expect(gazetteer.entities[0].name == "Dmitry Rogozin")
    #expect(gazetteer.aliases.map(\.text) == ["Dmitry Rogozin", "Rogozin"])
    #expect(gazetteer.aliases.allSatisfy { $0.entity == 0 })
  }

  @Test func skipsCommentsAndBlankLinesButCountsThem() throws {
    let text = "# agencies\n\n   \nnasa\tORG\tNASA\n  # indented comment\nesa\tORG\tESA\texact\n"
    let gazetteer = try load(("agencies.tsv", bytes(text)))
    #expect(gazetteer.aliases.map(\.text) == ["NASA", "ESA"])
    #expect(gazetteer.aliases.map(\.location.description) == ["agencies.tsv:4", "agencies.tsv:6"])
  }

  @Test func acceptsCRLFAndABOM() throws {
    let text = "\u{FEFF}nasa\tORG\tNASA\r\nesa\tORG\tESA\texact\r\n"
    let gazetteer = try load(("g.tsv", bytes(text)))
    #expect(gazetteer.entities.map(\.id) == ["nasa", "esa"])
    #expect(gazetteer.aliases.map(\.text) == ["NASA", "ESA"])
    #expect(gazetteer.aliases[1].mode == .exact)
    #expect(gazetteer.aliases[0].location.line == 1)
  }

  @Test func trimsSpacesAroundFields() throws {
    let gazetteer = try load(("g.tsv", bytes("nasa \t ORG\t NASA Watch \t exact\n")))
    #expect(gazetteer.entities[0].type == "ORG")
    #expect(gazetteer.aliases[0].text == "NASA Watch")
    #expect(gazetteer.aliases[0].mode == .exact)
  }

  @Test func loadsFilesInOrder() throws {
    let gazetteer = try load(
      ("a.tsv", bytes("nasa\tORG\tNASA\n")), ("b.tsv", bytes("\nnasa\tORG\tNational Aeronautics\n"))
    )
    #expect(gazetteer.entities.count == 1)
    #expect(gazetteer.aliases.map(\.location.description) == ["a.tsv:1", "b.tsv:2"])
  }

  /// A `title` line gives the entity a title (its token key) and no alias: the word is no
  /// mention.
  @Test func aTitleLineIsNoAlias() throws {
    let gazetteer = try load(
      (
        "g.tsv",
        bytes(
          "nelson\tPERSON\tBill Nelson\nnelson\tPERSON\tAdministrator\ttitle\n"
            + "nelson\tPERSON\tadministrator\ttitle\nnelson\tPERSON\tNelson\n")
      ))
    #expect(gazetteer.entities.map(\.titles) == [["administrator"]])
    #expect(gazetteer.entities.map(\.name) == ["Bill Nelson"])
    #expect(gazetteer.aliases.map(\.text) == ["Bill Nelson", "Nelson"])
    let doc = try tokenizer.tokenize("The administrator met Nelson.")
    #expect(gazetteer.mentions(in: doc).map(\.start) == [22])
  }

  /// A `demonym` line gives the entity a demonym (its token key) and no alias: the word is no
  /// mention.
  @Test func aDemonymLineIsNoAlias() throws {
    let gazetteer = try load(
      ("g.tsv", bytes("russia\tGPE\tRussia\nrussia\tGPE\tRussian\tdemonym\n")))
    #expect(gazetteer.entities.map(\.demonyms) == [["russian"]])
    #expect(gazetteer.aliases.map(\.text) == ["Russia"])
    let doc = try tokenizer.tokenize("The Russian official left Russia.")
    #expect(gazetteer.mentions(in: doc).map(\.start) == [26])
  }

  /// An `affiliation` line names the entity another belongs to, by id (defined before or after
  /// it, or not at all), and is no alias; a repeat is kept once.
  @Test func anAffiliationLineIsNoAlias() throws {
    let gazetteer = try load(
      (
        "g.tsv",
        bytes(
          "nelson\tPERSON\tBill Nelson\nnelson\tPERSON\tnasa\taffiliation\n"
            + "nelson\tPERSON\tnasa\taffiliation\nnelson\tPERSON\tnobody\taffiliation\n"
            + "nasa\tORG\tNASA\n")
      ))
    #expect(
      gazetteer.entities[0].affiliations
        == [
          Affiliation(entity: "nasa", location: SourceLocation(file: "g.tsv", line: 2)),
          Affiliation(entity: "nobody", location: SourceLocation(file: "g.tsv", line: 4)),
        ])
    #expect(gazetteer.affiliationIndices == [[1], []])
    #expect(gazetteer.aliases.map(\.text) == ["Bill Nelson", "NASA"])
  }

  @Test func anEmptyFileGivesAnEmptyGazetteer() throws {
    let gazetteer = try load(("g.tsv", []), ("h.tsv", bytes("# only a comment\n")))
    #expect(gazetteer.entities.isEmpty && gazetteer.aliases.isEmpty)
  }

  static let errorCases: [LoadErrorCase] = [
    LoadErrorCase(
      "two fields", "nasa\tORG\tNASA\n# comment\nesa\tORG\n",
      "g.tsv:3: expected 3 or 4 tab-separated fields (entity, type, alias, match), found 2"),
    LoadErrorCase(
      "five fields", "nasa\tORG\tNASA\tfold\textra\n",
      "g.tsv:1: expected 3 or 4 tab-separated fields (entity, type, alias, match), found 5"),
    LoadErrorCase(
      "spaces instead of tabs", "nasa ORG NASA\n",
      "g.tsv:1: expected 3 or 4 tab-separated fields (entity, type, alias, match), found 1"),
    LoadErrorCase(
      "uppercase id", "NASA\tORG\tNASA\n",
      "g.tsv:1: expected an entity id of lowercase letters, digits and '_', found 'NASA'"),
    LoadErrorCase(
      "id with a hyphen", "\n\nnasa-watch\tORG\tNASA Watch\n",
      "g.tsv:3: expected an entity id of lowercase letters, digits and '_', found 'nasa-watch'"),
    LoadErrorCase(
      "empty id", "\tORG\tNASA\n",
      "g.tsv:1: expected an entity id of lowercase letters, digits and '_', found ''"),
    LoadErrorCase(
      "empty type", "nasa\t\tNASA\n", "g.tsv:1: expected a non-empty type, found an empty field"),
    LoadErrorCase(
      "empty alias", "nasa\tORG\t  \n", "g.tsv:1: expected a non-empty alias, found an empty field"),
    LoadErrorCase(
      "unknown match mode", "nasa\tORG\tNASA\tfuzzy\n",
      "g.tsv:1: expected match options (comma-separated: 'fold', 'exact', 'stem', 'stem:LANG', 'translit', 'handle', 'handles', 'title', 'demonym', 'affiliation'), found 'fuzzy'"
    ),
    LoadErrorCase(
      "match mode is case-sensitive", "nasa\tORG\tNASA\tExact\n",
      "g.tsv:1: expected match options (comma-separated: 'fold', 'exact', 'stem', 'stem:LANG', 'translit', 'handle', 'handles', 'title', 'demonym', 'affiliation'), found 'Exact'"
    ),
    LoadErrorCase(
      "type conflict", "nasa\tORG\tNASA\nnasa\tPERSON\tNASA Person\n",
      "g.tsv:2: entity 'nasa' has type 'ORG' at g.tsv:1, found 'PERSON'"),
    LoadErrorCase(
      "invalid UTF-8", bytes: Array("nasa\tORG\tNASA\nesa\tORG\t".utf8) + [0xFF, 0xFE] + [0x0A],
      "g.tsv:2: expected UTF-8 text, found invalid bytes"),
    LoadErrorCase(
      "alias with no tokens", "nasa\tORG\tNASA\nblank\tORG\t\u{200B}\n",
      "g.tsv:2: expected an alias with at least one token, found '\u{200B}'"),
    LoadErrorCase(
      "an alias of 10,000 words (matching would be quadratic)",
      "long\tORG\t" + Array(repeating: "word", count: 10_000).joined(separator: " ") + "\n",
      "g.tsv:1: expected an alias of at most 64 tokens, found 10000 tokens ('word word word word word word word word …')"
    ),
    LoadErrorCase(
      "an alias of 65 tokens",
      "long\tORG\t" + (1...65).map { "w\($0)" }.joined(separator: " ") + "\n",
      "g.tsv:1: expected an alias of at most 64 tokens, found 65 tokens ('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w…')"
    ),
    LoadErrorCase(
      "a title before the entity's name", "nelson\tPERSON\tadministrator\ttitle\n",
      "g.tsv:1: expected an alias line of entity 'nelson' before its title 'administrator' (the first alias is its name)"
    ),
    LoadErrorCase(
      "an affiliation before the entity's name", "nelson\tPERSON\tnasa\taffiliation\n",
      "g.tsv:1: expected an alias line of entity 'nelson' before its affiliation 'nasa' (the first alias is its name)"
    ),
    LoadErrorCase(
      "an affiliation that is no id",
      "nelson\tPERSON\tBill Nelson\nnelson\tPERSON\tNASA\taffiliation\n",
      "g.tsv:2: expected the id of the entity it belongs to (lowercase letters, digits, '_'; no title), found 'NASA'"
    ),
    LoadErrorCase(
      "an affiliation that is a title too",
      "nelson\tPERSON\tBill Nelson\nnelson\tPERSON\tnasa\ttitle,affiliation\n",
      "g.tsv:2: expected the id of the entity it belongs to (lowercase letters, digits, '_'; no title), found 'nasa'"
    ),
    LoadErrorCase(
      "a title of two words",
      "nelson\tPERSON\tBill Nelson\nnelson\tPERSON\tthe administrator\ttitle\n",
      "g.tsv:2: expected a title of one word, found 'the administrator'"),
    LoadErrorCase(
      "a demonym of two words",
      "russia\tGPE\tRussia\nrussia\tGPE\tRussian Federation's\tdemonym\n",
      "g.tsv:2: expected a demonym of one word, found 'Russian Federation's'"),
    LoadErrorCase(
      "a demonym before the entity's name", "russia\tGPE\tRussian\tdemonym\n",
      "g.tsv:1: expected an alias line of entity 'russia' before its demonym 'Russian' (the first alias is its name)"
    ),
    LoadErrorCase(
      "a title of another type", "nelson\tPERSON\tBill Nelson\nnelson\tORG\tadministrator\ttitle\n",
      "g.tsv:2: entity 'nelson' has type 'PERSON' at g.tsv:1, found 'ORG'"),
    LoadErrorCase(
      "line number counts CRLF lines and the BOM line", "\u{FEFF}# c\r\n\r\nnasa\tORG\r\n",
      "g.tsv:3: expected 3 or 4 tab-separated fields (entity, type, alias, match), found 2"),
  ]

  @Test(arguments: errorCases)
  func refusesMalformedTSV(_ c: LoadErrorCase) {
    let error = #expect(throws: EntitiesError.self) { try load((c.path, c.bytes)) }
    #expect(error?.description == c.description)
  }

  @Test func errorNamesTheFileItIsIn() {
    let error = #expect(throws: EntitiesError.self) {
      try load(
        ("people.tsv", bytes("rogozin\tPERSON\tRogozin\n")),
        ("places.tsv", bytes("\nmoscow\tGPE\n")))
    }
    #expect(error?.description.hasPrefix("places.tsv:2: ") == true)
  }

  @Test func typeConflictAcrossFiles() {
    let error = #expect(throws: EntitiesError.self) {
      try load(
        ("a.tsv", bytes("iss\tFACILITY\tISS\n")), ("b.tsv", bytes("iss\tPRODUCT\tSpace Station\n")))
    }
    #expect(
      error
        == .typeConflict(
          SourceLocation(file: "b.tsv", line: 1), entity: "iss", type: "PRODUCT",
          earlier: "FACILITY", earlierAt: SourceLocation(file: "a.tsv", line: 1)))
  }

  // MARK: - spaCy EntityRuler JSONL

  @Test func aStringPatternComparesByThePhraseAttribute() throws {
    let line = (
      "p.jsonl", bytes(#"{"label": "ORG", "pattern": "Roscosmos", "id": "roscosmos"}"# + "\n")
    )
    let gazetteer = try load(line)
    let entity = try #require(gazetteer.entity(id: "roscosmos"))
    #expect(gazetteer.entities[entity].type == "ORG")
    #expect(gazetteer.entities[entity].name == "Roscosmos")
    #expect(gazetteer.aliases[0].mode == .exact)  // spaCy's default, ORTH
    #expect(gazetteer.aliases[0].location.description == "p.jsonl:1")
    let lower = try Gazetteer(
      files: [(path: line.0, bytes: line.1)], tokenizer: tokenizer, phraseAttribute: .lower)
    #expect(lower.aliases[0].mode == .fold)
  }

  @Test func lowerTokenPatternIsFoldAndOrthIsExact() throws {
    let lines = [
      #"{"label": "MEDIA", "pattern": [{"LOWER": "nasa"}, {"LOWER": "watch"}], "id": "nasa_watch"}"#,
      #"{"label": "GPE", "pattern": [{"ORTH": "US"}], "id": "united_states"}"#,
      #"{"label": "ORG", "pattern": [{"TEXT": "ESA"}], "id": "esa"}"#,
    ]
    let gazetteer = try load(("p.jsonl", bytes(lines.joined(separator: "\n"))))
    #expect(gazetteer.aliases.map(\.text) == ["nasa watch", "US", "ESA"])
    #expect(gazetteer.aliases.map(\.mode) == [.fold, .exact, .exact])
    #expect(gazetteer.aliases[0].keys == ["nasa", "watch"])
  }

  @Test func missingIDIsDerivedFromThePattern() throws {
    let lines = [
      #"{"label": "ORG", "pattern": "European Space Agency"}"#,
      #"{"label": "PERSON", "pattern": [{"ORTH": "Oleg"}, {"ORTH": "Kononenko"}]}"#,
    ]
    let gazetteer = try load(("p.jsonl", bytes(lines.joined(separator: "\n") + "\n")))
    #expect(gazetteer.entities.map(\.id) == ["european_space_agency", "oleg_kononenko"])
  }

  @Test func jsonlAndTSVShareEntities() throws {
    let gazetteer = try load(
      ("g.tsv", bytes("roscosmos\tORG\tRoscosmos\n")),
      ("p.jsonl", bytes(#"{"label": "ORG", "pattern": "Роскосмос", "id": "roscosmos"}"#)))
    #expect(gazetteer.entities.count == 1)
    #expect(gazetteer.aliases.map(\.entity) == [0, 0])
  }

  static let patternErrorCases: [LoadErrorCase] = [
    LoadErrorCase(
      "bad JSON names the line", path: "p.jsonl",
      #"{"label": "ORG", "pattern": "NASA"}"# + "\n" + #"{"label": "ORG",}"#,
      "p.jsonl:2: invalid JSON: expected a string key in object, found '}' at byte 17"),
    LoadErrorCase(
      "not an object", path: "p.jsonl", #"["ORG", "NASA"]"#,
      "p.jsonl:1: expected a JSON object, found an array"),
    LoadErrorCase(
      "missing label", path: "p.jsonl", #"{"pattern": "NASA"}"#,
      "p.jsonl:1: expected a non-empty string \"label\""),
    LoadErrorCase(
      "pattern is a number", path: "p.jsonl", #"{"label": "ORG", "pattern": 7}"#,
      "p.jsonl:1: expected \"pattern\" to be a string or a list of tokens"),
    LoadErrorCase(
      "empty token pattern", path: "p.jsonl", #"{"label": "ORG", "pattern": []}"#,
      "p.jsonl:1: expected a non-empty token pattern, found []"),
    LoadErrorCase(
      "a token that is not an object", path: "p.jsonl", #"{"label": "ORG", "pattern": ["NASA"]}"#,
      "p.jsonl:1: expected token patterns like {\"LOWER\": \"word\"}, found a string"),
    LoadErrorCase(
      "id is a number", path: "p.jsonl", #"{"label": "ORG", "pattern": "NASA", "id": 3}"#,
      "p.jsonl:1: expected \"id\" to be a string, found a number"),
    LoadErrorCase(
      "invalid UTF-8", path: "p.jsonl",
      bytes: Array(#"{"label": "ORG", "pattern": ""#.utf8) + [0xC3, 0x22, 0x7D],
      "p.jsonl:1: expected UTF-8 text, found invalid bytes"),
  ]

  @Test(arguments: patternErrorCases)
  func refusesMalformedPatterns(_ c: LoadErrorCase) {
    let error = #expect(throws: EntitiesError.self) { try load((c.path, c.bytes)) }
    #expect(error?.description == c.description)
  }
}
