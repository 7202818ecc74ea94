import Testing
import Tokenize

@testable import Entities

/// `Gazetteer.archive(to:)` and `init(from:)`: a gazetteer read back from its archive is the
/// one that was written, down to its warnings and the mentions it finds.
@Suite("Gazetteer archive")
struct GazetteerArchiveTests {
  static let tokenizer = Tokenizer(abbreviations: ["Dr."])

  /// Every kind of line: exact and fold, stem and translit, handles and handle, titles, spaCy
  /// string and token patterns (with token tests), a shadowed alias and an unsupported pattern.
  static let files: [(path: String, bytes: [UInt8])] = [
    (
      "g.tsv",
      Array(
        """
        #! stem: ru
        nasa\tORG\tNASA\texact,handles
        nasa\tORG\tNational Aeronautics and Space Administration
        roscosmos\tORG\tРоскосмос\ttranslit
        roscosmos\tORG\t@roscosmos\thandle
        rogozin\tPERSON\tДмитрий Рогозин
        rogozin\tPERSON\tRogosin\tstem:de
        rogozin\tPERSON\tdirector\ttitle
        other\tORG\tNASA\texact
        nelson\tPERSON\tDr. Bill Nelson

        """.utf8)
    ),
    (
      "p.jsonl",
      Array(
        """
        {"label": "PRODUCT", "pattern": "Soyuz MS-25", "id": "soyuz"}
        {"label": "PRODUCT", "pattern": [{"LOWER": "soyuz"}, {"IS_DIGIT": true}], "id": "soyuz"}
        {"label": "ORG", "pattern": [{"LOWER": "esa", "OP": "+"}], "id": "esa"}
        {"label": "ORG", "pattern": [{"POS": "PROPN"}], "id": "x"}

        """.utf8)
    ),
  ]

  static func archived(_ gazetteer: Gazetteer) -> [UInt8] {
    var writer = ArchiveWriter()
    gazetteer.archive(to: &writer)
    return writer.bytes
  }

  static func read(_ bytes: [UInt8]) throws(TokenizeError) -> Gazetteer {
    try ArchiveReader.read(bytes) { (reader) throws(TokenizeError) in
      try Gazetteer(from: &reader)
    }
  }

  @Test("Entities, aliases, warnings and collisions read back as they were")
  func tablesRoundTrip() throws {
    let gazetteer = try Gazetteer(files: Self.files, tokenizer: Self.tokenizer)
    let read = try Self.read(Self.archived(gazetteer))
    #expect(read.entities == gazetteer.entities)
    #expect(read.aliases == gazetteer.aliases)
    #expect(read.shadowedAliases.map(\.alias) == gazetteer.shadowedAliases.map(\.alias))
    #expect(read.shadowedAliases.map(\.claimedBy) == gazetteer.shadowedAliases.map(\.claimedBy))
    #expect(read.collisions.map(\.alias) == gazetteer.collisions.map(\.alias))
    #expect(read.warnings == gazetteer.warnings)
    #expect(gazetteer.warnings.count == 2)
    #expect(read.keyVariants == gazetteer.keyVariants)
    #expect(read.vocabularyKeys == gazetteer.vocabularyKeys)
    #expect(read.entity(id: "rogozin") == gazetteer.entity(id: "rogozin"))
    #expect(Self.archived(read) == Self.archived(gazetteer), "the same bytes again")
  }

  @Test(
    "Mentions are the same through the archive, bound to a vocabulary or not",
    arguments: [
      "NASA, nasa and @NASA met Roscosmos, Roskosmos and @roscosmos.",
      "Дмитрий Рогозин and Rogosins; the director spoke. Dr. Bill Nelson flew.",
      "Soyuz MS-25 and soyuz 7 launched; ESA ESA esa agreed.",
      "#NASA #nationalaeronauticsandspaceadministration",
    ])
  func mentionsRoundTrip(text: String) throws {
    var gazetteer = try Gazetteer(files: Self.files, tokenizer: Self.tokenizer)
    var read = try Self.read(Self.archived(gazetteer))
    let tokenizer = Self.tokenizer.with(variants: gazetteer.keyVariants)
    let doc = try tokenizer.tokenize(text)
    #expect(read.mentions(in: doc) == gazetteer.mentions(in: doc))
    #expect(!gazetteer.mentions(in: doc).isEmpty)
    let vocabulary = Vocabulary(gazetteer.vocabularyKeys)
    gazetteer.bind(to: vocabulary)
    read.bind(to: vocabulary)
    let bound = try tokenizer.with(vocabulary: vocabulary).tokenize(text)
    #expect(read.mentions(in: bound) == gazetteer.mentions(in: doc))
  }

  @Test("Every truncation of the archive throws instead of trapping")
  func truncationsThrow() throws {
    let bytes = Self.archived(try Gazetteer(files: Self.files, tokenizer: Self.tokenizer))
    for length in 0..<bytes.count {
      #expect(throws: TokenizeError.self) { try Self.read(Array(bytes[..<length])) }
    }
  }
}
