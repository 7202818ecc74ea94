import Entities
import Stance
import Tokenize

/// The default word lists as loaded tables, made when the package is built: `embed-lexicons`
/// loads the repository's `lexicons/` as a run would and writes these bytes into
/// `DefaultLexicons`, so that a run with the defaults reads the gazetteer, the stance lexicon,
/// the modifiers and the attribution rules back instead of tokenizing every alias and term
/// again (most of a short run's start-up).
///
/// The bytes say what they were built from: each file (`SourceFile`: its path, size and
/// fingerprint) and the settings that change a key (`KeySettings`). A run takes a table only when its own files and settings are those
/// (`standsFor(_:files:settings:)`), and loads the files otherwise, so an edited
/// `--lexicons-dir` copy or another `--cyrillic-lang` never gets stale tables.
/// `PrebuiltTablesTests` checks that each table equals the one loaded from its files.
///
/// Layout: the header's length (8 bytes, little-endian) and the header (`ArchiveWriter`), then
/// each table's length and bytes: the gazetteer (`Gazetteer.archive(to:)`), the lexicon, the
/// modifiers and the attribution rules (theirs).
public struct PrebuiltTables: Sendable {
  /// The kinds of file the tables were built from, in the header's order: the attribution
  /// rules come from the clauses and references files together.
  public static let kinds: [LexiconLayout.Kind] = [
    .gazetteer, .lexicon, .modifiers, .clauses, .references,
  ]

  public let settings: KeySettings
  /// The files of each kind of `kinds`, in the order they were loaded.
  public let sources: [LexiconLayout.Kind: [SourceFile]]
  private let bytes: [UInt8]
  /// Where each table's bytes are: the gazetteer, the lexicon, the modifiers, the rules.
  private let tables: [Range<Int>]

  /// The bytes of the tables, loaded from `sources` (files by kind) with `settings`.
  public static func bytes(
    gazetteer: Gazetteer, lexicon: Lexicon, modifiers: Modifiers, rules: AttributionRules,
    sources: [LexiconLayout.Kind: [SourceFile]], settings: KeySettings
  ) -> [UInt8] {
    var header = ArchiveWriter()
    header.write(settings)
    for kind in kinds {
      let files = sources[kind] ?? []
      header.write(files.count)
      for file in files { header.write(file) }
    }
    var writers = [ArchiveWriter](repeating: ArchiveWriter(), count: 4)
    gazetteer.archive(to: &writers[0])
    lexicon.archive(to: &writers[1])
    modifiers.archive(to: &writers[2])
    rules.archive(to: &writers[3])
    var bytes: [UInt8] = []
    for section in [header.bytes] + writers.map(\.bytes) {
      withUnsafeBytes(of: UInt64(section.count).littleEndian) { bytes += $0 }
      bytes += section
    }
    return bytes
  }

  /// Reads the header of what `bytes(gazetteer:lexicon:modifiers:rules:sources:settings:)`
  /// wrote; the tables are decoded by `gazetteer()`, `lexicon()`, `modifiers()` and `rules()`.
  public init(bytes: [UInt8]) throws(TokenizeError) {
    self.bytes = bytes
    var sections: [Range<Int>] = []
    var end = 0
    for _ in 0..<5 {
      let start = end
      end = try Self.section(of: bytes, at: start)
      sections.append(start + 8..<end)
    }
    guard end == bytes.count else {
      throw .archiveValueOutOfRange(
        offset: end, field: "the end of the tables", found: bytes.count, limit: end + 1)
    }
    tables = Array(sections.dropFirst())
    (settings, sources) = try Self.read(bytes[sections[0]]) { (reader) throws(TokenizeError) in
      let settings = try reader.readKeySettings()
      var sources: [LexiconLayout.Kind: [SourceFile]] = [:]
      for kind in Self.kinds {
        sources[kind] = []
        for _ in 0..<(try reader.readCount(field: "the number of files")) {
          sources[kind]?.append(try reader.readSourceFile())
        }
      }
      return (settings, sources)
    }
  }

  /// Whether the table of `kind`'s files stands for `files` loaded with `settings`: the same
  /// paths, sizes and fingerprints, in the same order.
  public func standsFor(
    _ kind: LexiconLayout.Kind, files: some Collection<SourceFile>, settings: KeySettings
  ) -> Bool {
    settings == self.settings && files.elementsEqual(sources[kind] ?? [])
  }

  /// The gazetteer, decoded from its tables.
  ///
  /// - Complexity: O(size of the tables); no alias is tokenized and no phrase inserted.
  public func gazetteer() throws(TokenizeError) -> Gazetteer {
    try Self.read(bytes[tables[0]]) { (reader) throws(TokenizeError) in
      try Gazetteer(from: &reader)
    }
  }

  /// The stance lexicon, decoded from its tables.
  public func lexicon() throws(TokenizeError) -> Lexicon {
    try Self.read(bytes[tables[1]]) { (reader) throws(TokenizeError) in
      try Lexicon(from: &reader)
    }
  }

  /// The modifiers, decoded from their tables.
  public func modifiers() throws(TokenizeError) -> Modifiers {
    try Self.read(bytes[tables[2]]) { (reader) throws(TokenizeError) in
      try Modifiers(from: &reader)
    }
  }

  /// The attribution rules, decoded from their tables.
  public func rules() throws(TokenizeError) -> AttributionRules {
    try Self.read(bytes[tables[3]]) { (reader) throws(TokenizeError) in
      try AttributionRules(from: &reader)
    }
  }

  /// The end of the section whose 8-byte length starts at `start`.
  private static func section(of bytes: [UInt8], at start: Int) throws(TokenizeError) -> Int {
    guard start + 8 <= bytes.count else { throw .archiveTruncated(offset: bytes.count) }
    let length = bytes.withUnsafeBytes {
      UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }
    guard length <= UInt64(bytes.count - start - 8) else {
      throw .archiveValueOutOfRange(
        offset: start, field: "a section's length", found: Int(min(length, UInt64(Int.max))),
        limit: bytes.count - start - 7)
    }
    return start + 8 + Int(length)
  }

  /// Runs `body` with a reader of `slice`, which it must read to the end.
  private static func read<Result>(
    _ slice: ArraySlice<UInt8>, _ body: (inout ArchiveReader) throws(TokenizeError) -> Result
  ) throws(TokenizeError) -> Result {
    let result = slice.withUnsafeBytes { raw -> Swift.Result<Result, TokenizeError> in
      do throws(TokenizeError) {
        var reader = try ArchiveReader(raw)
        let value = try body(&reader)
        guard reader.isAtEnd else {
          throw .archiveValueOutOfRange(
            offset: reader.offset, field: "the end of a section", found: raw.count,
            limit: reader.offset)
        }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}
