/// A file that stored tables were built from, as they record it: its path, size and
/// fingerprint. Tables stand for a file when all three are the same; the pre-built default
/// tables (`PrebuiltTables`) and a compiled gazetteer (`CompiledGazetteer`) both record their
/// files so.
///
/// ```swift
/// let file = SourceFile(path: "aliases.tsv", bytes: Array("NASA\tORG\tNASA\n".utf8))
/// file.size  // 14
/// ```
public struct SourceFile: Sendable, Equatable {
  public var path: String
  public var size: Int
  /// `Fingerprint.hash` of the file's bytes.
  public var hash: UInt64

  public init(path: String, bytes: [UInt8]) {
    self.init(path: path, size: bytes.count, hash: Fingerprint.hash(bytes))
  }

  public init(path: String, size: Int, hash: UInt64) {
    self.path = path
    self.size = size
    self.hash = hash
  }
}

/// What besides their files changes stored tables: the settings that change a key. Tables built
/// with other settings are not used.
public struct KeySettings: Sendable, Equatable {
  /// `--cyrillic-lang`: the stemming language of Cyrillic words.
  public var cyrillicLanguage: String
  /// The fingerprint of the abbreviation words (they decide where sentences end).
  public var abbreviations: UInt64
  /// The fingerprint of the built-in transliterations the tokenizer knows.
  public var transliterations: UInt64

  /// - Parameter transliterations: the tokenizer's known transliterations, key to
  ///   transliteration (`Tokenizer.with(knownTransliterations:)`).
  public init(
    cyrillicLanguage: String, abbreviations: [String], transliterations: [String: String]
  ) {
    self.init(
      cyrillicLanguage: cyrillicLanguage, abbreviations: abbreviations,
      transliterationsFingerprint: Fingerprint.hash(
        strings: transliterations.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }))
  }

  /// - Parameter transliterationsFingerprint: the `transliterations` fingerprint of the
  ///   tokenizer's known transliterations, computed ahead (`DefaultLexicons`).
  public init(
    cyrillicLanguage: String, abbreviations: [String], transliterationsFingerprint: UInt64
  ) {
    self.cyrillicLanguage = cyrillicLanguage
    self.abbreviations = Fingerprint.hash(strings: abbreviations)
    self.transliterations = transliterationsFingerprint
  }
}

extension ArchiveWriter {
  /// Writes the path, the size and the fingerprint.
  package mutating func write(_ file: SourceFile) {
    write(file.path)
    write(file.size)
    write(raw: [file.hash])
  }

  /// Writes the language, then the two fingerprints.
  package mutating func write(_ settings: KeySettings) {
    write(settings.cyrillicLanguage)
    write(raw: [settings.abbreviations, settings.transliterations])
  }
}

extension ArchiveReader {
  /// Reads what `ArchiveWriter.write(_: SourceFile)` wrote.
  package mutating func readSourceFile() throws(TokenizeError) -> SourceFile {
    let path = try readString()
    let size = try readInt()
    let start = offset
    let hash = try readUInt64s()
    guard hash.count == 1 else {
      throw .archiveValueOutOfRange(
        offset: start, field: "the number of a file's fingerprints", found: hash.count, limit: 2)
    }
    return SourceFile(path: path, size: size, hash: hash[0])
  }

  /// Reads what `ArchiveWriter.write(_: KeySettings)` wrote.
  package mutating func readKeySettings() throws(TokenizeError) -> KeySettings {
    var settings = KeySettings(
      cyrillicLanguage: try readString(), abbreviations: [], transliterations: [:])
    let start = offset
    let fingerprints = try readUInt64s()
    guard fingerprints.count == 2 else {
      throw .archiveValueOutOfRange(
        offset: start, field: "the number of setting fingerprints", found: fingerprints.count,
        limit: 3)
    }
    settings.abbreviations = fingerprints[0]
    settings.transliterations = fingerprints[1]
    return settings
  }
}
