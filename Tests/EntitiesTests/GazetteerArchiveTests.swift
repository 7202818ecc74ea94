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

  /// Bytes that outlive the read, as a compiled gazetteer's mapped file does
  /// (`ArchiveReader.owner`): the aliases are then left in them and decoded when asked for.
  final class KeptBytes: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer

    init(_ bytes: [UInt8]) {
      buffer = .allocate(byteCount: max(bytes.count, 1), alignment: 8)
      buffer.copyBytes(from: bytes)
    }

    deinit { buffer.deallocate() }
  }

  /// `read`, with the bytes kept.
  static func readKept(_ bytes: [UInt8]) throws(TokenizeError) -> Gazetteer {
    let kept = KeptBytes(bytes)
    var reader = try ArchiveReader(UnsafeRawBufferPointer(rebasing: kept.buffer[..<bytes.count]))
    reader.owner = kept
    return try Gazetteer(from: &reader)
  }

  static let readers: [@Sendable ([UInt8]) throws -> Gazetteer] = [
    { try read($0) }, { try readKept($0) },
  ]

  @Test(
    "Entities, aliases, warnings and collisions read back as they were",
    arguments: [false, true])
  func tablesRoundTrip(kept: Bool) throws {
    let gazetteer = try Gazetteer(files: Self.files, tokenizer: Self.tokenizer)
    let read = try Self.readers[kept ? 1 : 0](Self.archived(gazetteer))
    #expect(Array(read.aliases) == Array(gazetteer.aliases))
    #expect(read.aliases.indices.map { read.aliases[$0].entity } == gazetteer.aliases.map(\.entity))
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
    var kept = try Self.readKept(Self.archived(gazetteer))
    let tokenizer = Self.tokenizer.with(variants: gazetteer.keyVariants)
    let doc = try tokenizer.tokenize(text)
    #expect(read.mentions(in: doc) == gazetteer.mentions(in: doc))
    #expect(kept.mentions(in: doc) == gazetteer.mentions(in: doc))
    #expect(!gazetteer.mentions(in: doc).isEmpty)
    let vocabulary = Vocabulary(gazetteer.vocabularyKeys)
    gazetteer.bind(to: vocabulary)
    read.bind(to: vocabulary)
    kept.bind(to: vocabulary)
    let bound = try tokenizer.with(vocabulary: vocabulary).tokenize(text)
    #expect(read.mentions(in: bound) == gazetteer.mentions(in: doc))
    #expect(kept.mentions(in: bound) == gazetteer.mentions(in: doc))
  }

  @Test("Files loaded on top of kept aliases: numbered after them, as on top of read ones")
  func loadingOnTopOfKeptAliases() throws {
    let extra: [(path: String, bytes: [UInt8])] = [
      (
        "more.tsv",
        Array(
          """
          esa\tORG\tESA\texact
          nasa\tORG\tthe agency
          rogozin\tPERSON\tRogozin\thandles
          other\tORG\tNASA

          """.utf8)
      )
    ]
    let bytes = Self.archived(try Gazetteer(files: Self.files, tokenizer: Self.tokenizer))
    var read = try Self.read(bytes)
    var kept = try Self.readKept(bytes)
    try read.load(files: extra, tokenizer: Self.tokenizer)
    try kept.load(files: extra, tokenizer: Self.tokenizer)
    #expect(Array(kept.aliases) == Array(read.aliases))
    #expect(kept.aliases.count > (try Self.read(bytes)).aliases.count)
    #expect(kept.shadowedAliases.map(\.alias) == read.shadowedAliases.map(\.alias))
    #expect(Self.archived(kept) == Self.archived(read))
    let text = "ESA and the agency met @rogozin, NASA and Роскосмос."
    let doc = try Self.tokenizer.with(variants: read.keyVariants).tokenize(text)
    #expect(kept.mentions(in: doc) == read.mentions(in: doc))
    #expect(read.mentions(in: doc).count >= 4)
  }

  @Test("Every truncation of the archive throws instead of trapping", arguments: [false, true])
  func truncationsThrow(kept: Bool) throws {
    let bytes = Self.archived(try Gazetteer(files: Self.files, tokenizer: Self.tokenizer))
    for length in 0..<bytes.count {
      #expect(throws: TokenizeError.self) {
        try Self.readers[kept ? 1 : 0](Array(bytes[..<length]))
      }
    }
  }

  @Test("A changed byte in the kept aliases throws when read, or reads as a valid alias")
  func changedAliasBytes() throws {
    let gazetteer = try Gazetteer(files: Self.files, tokenizer: Self.tokenizer)
    let bytes = Self.archived(gazetteer)
    // Every third byte set to 0xFF in turn (each field is reached): a read that does not throw
    // gives aliases that decode.
    for index in stride(from: 0, to: bytes.count, by: 3) {
      var changed = bytes
      changed[index] = 0xFF
      guard let read = try? Self.readKept(changed) else { continue }
      #expect(read.aliases.map(\.keys.count).count == read.aliases.count)
    }
  }
}
