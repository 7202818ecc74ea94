import FoundationEssentials

/// The repository's `lexicons/` folder as it was at build time.
///
/// The files are generated into the build by the `EmbedLexicons` plugin
/// (`EmbeddedLexicons.files`); this namespace reads them.
public enum DefaultLexicons {
  /// Each embedded file: its path relative to the repository root (for example
  /// `lexicons/stance/cooperation.tsv`) and its bytes, sorted by path.
  public static var files: [(path: String, bytes: [UInt8])] {
    EmbeddedLexicons.files.map { entry in
      // A file's text is in the binary as it is (a copy, no decoding; base64 cost about a
      // million instructions at every start).
      let bytes = entry.text.withUTF8Buffer { [UInt8]($0) }
      guard entry.isBase64 else { return (entry.path, bytes) }
      return (entry.path, [UInt8](Data(base64Encoded: Data(bytes)) ?? Data()))
    }
  }

  /// The default word lists loaded at build time, as tables (`PrebuiltTables`); nil when a
  /// default file did not load (a run then reports its line).
  public static var prebuiltTables: [UInt8]? {
    guard !EmbeddedLexicons.prebuiltTables.isEmpty else { return nil }
    return [UInt8](Data(base64Encoded: EmbeddedLexicons.prebuiltTables) ?? Data())
  }

  /// ICU's transliteration of the gazetteer files' non-ASCII word keys, computed at build time
  /// (for `Tokenizer.knownTransliterations`: loading the defaults then opens no transliterator).
  public static let transliterations: [String: String] = Dictionary(
    EmbeddedLexicons.transliterations.map { ($0.key, $0.transliteration) },
    uniquingKeysWith: { first, _ in first })

  /// The fingerprint of `transliterations` a run's `KeySettings` holds, computed at build time
  /// (hashing the sorted table cost about 0.6 million instructions at every start).
  public static var transliterationsFingerprint: UInt64 {
    EmbeddedLexicons.transliterationsFingerprint
  }
}
