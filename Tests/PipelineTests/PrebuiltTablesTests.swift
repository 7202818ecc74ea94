import DefaultLexicons
import Entities
import Foundation
import Prebuilt
import Testing
import Tokenize

@testable import PipelineKit
@testable import Stance

/// The default tables pre-built at build time (`DefaultLexicons.prebuiltTables`): each equals
/// the table loaded from the embedded files now, and a run takes one only for the files and
/// settings it was built from.
@Suite("Pre-built default tables")
struct PrebuiltTablesTests {
  private static func bytes(_ archive: (inout ArchiveWriter) -> Void) -> [UInt8] {
    var writer = ArchiveWriter()
    archive(&writer)
    return writer.bytes
  }

  private static func sources(_ files: [LexiconSources.File]) -> [SourceFile] {
    files.map { SourceFile(path: $0.path, bytes: $0.bytes) }
  }

  private static func settings(_ sources: LexiconSources, cyrillicLanguage: String = "ru") throws
    -> KeySettings
  {
    KeySettings(
      cyrillicLanguage: cyrillicLanguage, abbreviations: try sources.checkedAbbreviationWords(),
      transliterations: DefaultLexicons.transliterations)
  }

  @Test func tablesEqualTheOnesLoadedFromTheEmbeddedFiles() throws {
    let bytes = try #require(DefaultLexicons.prebuiltTables)
    let tables = try PrebuiltTables(bytes: bytes)
    let sources = LexiconSources.embedded()
    let tokenizer = Tokenizer(abbreviations: try sources.checkedAbbreviationWords())
      .with(knownTransliterations: DefaultLexicons.transliterations)
    #expect(tables.settings == (try Self.settings(sources)))
    let files: [(LexiconLayout.Kind, [LexiconSources.File])] = [
      (.gazetteer, sources.gazetteer), (.lexicon, sources.lexicon),
      (.modifiers, sources.modifiers), (.clauses, sources.clauses),
      (.references, sources.references),
    ]
    for (kind, files) in files {
      #expect(!files.isEmpty && tables.sources[kind] == Self.sources(files), "\(kind)")
    }

    var gazetteer = Gazetteer()
    try gazetteer.load(files: sources.gazetteer, tokenizer: tokenizer)
    let lexicon = try Lexicon(files: sources.lexicon, tokenizer: tokenizer)
    let modifiers = try Modifiers(files: sources.modifiers, tokenizer: tokenizer)
    let rules = try AttributionRules(
      clauses: sources.clauses, references: sources.references, tokenizer: tokenizer)
    let prebuiltLexicon = try tables.lexicon()
    let prebuiltModifiers = try tables.modifiers()
    let prebuiltRules = try tables.rules()
    #expect(Self.bytes(try tables.gazetteer().archive) == Self.bytes(gazetteer.archive))
    #expect(Self.bytes(prebuiltLexicon.archive) == Self.bytes(lexicon.archive))
    #expect(Self.bytes(prebuiltModifiers.archive) == Self.bytes(modifiers.archive))
    #expect(Self.bytes(prebuiltRules.archive) == Self.bytes(rules.archive))
    // What the analyzer reads of them besides the archived tables.
    #expect(prebuiltLexicon.entries == lexicon.entries)
    #expect(prebuiltLexicon.vocabularyKeys == lexicon.vocabularyKeys)
    #expect(prebuiltLexicon.vocabularyPrefixes == lexicon.vocabularyPrefixes)
    #expect(prebuiltModifiers.vocabularyKeys == modifiers.vocabularyKeys)
    #expect(prebuiltModifiers.words == modifiers.words)
    #expect(prebuiltModifiers.phrases == modifiers.phrases)
    #expect(prebuiltRules.vocabularyKeys == rules.vocabularyKeys)
    #expect(prebuiltRules.references == rules.references)
    #expect(prebuiltRules.markerLocations == rules.markerLocations)
    for key in rules.vocabularyKeys {
      #expect(prebuiltRules.kinds(key) == rules.kinds(key), "\(key)")
      #expect(prebuiltRules.reference(key) == rules.reference(key), "\(key)")
    }
    for key in modifiers.vocabularyKeys {
      #expect(prebuiltModifiers.word(forKey: key) == modifiers.word(forKey: key), "\(key)")
    }
  }

  /// The embedded files (string literals of their text) are the `lexicons/` folder's bytes.
  @Test func embeddedFilesAreTheFolderBytes() throws {
    let repository = URL(fileURLWithPath: testDirectory)
      .deletingLastPathComponent().deletingLastPathComponent().path
    let embedded = Dictionary(
      uniqueKeysWithValues: DefaultLexicons.files.map { ($0.path, $0.bytes) })
    #expect(embedded.count > 10)
    for (path, bytes) in embedded {
      let onDisk = try Data(contentsOf: URL(fileURLWithPath: repository + "/" + path))
      #expect(bytes == [UInt8](onDisk), "\(path)")
    }
  }

  @Test func theDefaultsTakeEveryTable() throws {
    let sources = LexiconSources.embedded()
    let chosen = Analyzer.DefaultTables(
      sources: sources, settings: try Self.settings(sources), phraseAttribute: .orth)
    #expect(chosen.usesGazetteer && chosen.usesLexicon && chosen.usesModifiers && chosen.usesRules)
    #expect(chosen.gazetteerFiles == sources.gazetteer.count)
  }

  /// A gazetteer file after the defaults loads on top of the pre-built gazetteer.
  @Test func anAddedGazetteerLoadsOnTop() throws {
    var sources = LexiconSources.embedded()
    let defaults = sources.gazetteer.count
    sources.gazetteer.append(("extra.tsv", Array("zorbq\tORG\tZorbq\n".utf8)))
    let chosen = Analyzer.DefaultTables(
      sources: sources, settings: try Self.settings(sources), phraseAttribute: .orth)
    #expect(chosen.usesGazetteer && chosen.gazetteerFiles == defaults)
    let analyzer = try Analyzer(sources: sources)
    #expect(analyzer.gazetteer.entities.contains { $0.id == "zorbq" })
  }

  /// An edited copy of a default file (`--lexicons-dir`) is loaded from its bytes, never
  /// answered from the tables.
  @Test func anEditedFileIsLoadedFromItsBytes() throws {
    var sources = LexiconSources.embedded()
    let entries = try Analyzer(sources: sources).scorer.lexicon.entries.count
    sources.lexicon[0].bytes += Array("zorbq\t1.5\tcooperation\n".utf8)
    sources.gazetteer[0].bytes += Array("zorbq\tORG\tZorbq\n".utf8)
    sources.references[0].bytes += Array("pronoun\tzorbq\tORG\n".utf8)
    let chosen = Analyzer.DefaultTables(
      sources: sources, settings: try Self.settings(sources), phraseAttribute: .orth)
    #expect(!chosen.usesGazetteer && !chosen.usesLexicon && chosen.gazetteerFiles == 0)
    #expect(chosen.usesModifiers && !chosen.usesRules)
    let analyzer = try Analyzer(sources: sources)
    #expect(analyzer.scorer.lexicon.entries.count == entries + 1)
    #expect(analyzer.gazetteer.entities.contains { $0.id == "zorbq" })
    #expect(analyzer.scorer.rules.references["zorbq"]?.kind == .pronoun)
  }

  /// Another Cyrillic stemming language, other abbreviations or other transliterations change
  /// keys: no table.
  @Test func otherSettingsTakeNoTable() throws {
    let sources = LexiconSources.embedded()
    for settings in [
      try Self.settings(sources, cyrillicLanguage: "uk"),
      KeySettings(
        cyrillicLanguage: "ru", abbreviations: ["Dr."],
        transliterations: DefaultLexicons.transliterations),
      KeySettings(
        cyrillicLanguage: "ru", abbreviations: try sources.checkedAbbreviationWords(),
        transliterations: [:]),
    ] {
      let chosen = Analyzer.DefaultTables(
        sources: sources, settings: settings, phraseAttribute: .orth)
      #expect(!chosen.usesGazetteer && !chosen.usesLexicon && !chosen.usesModifiers)
      #expect(!chosen.usesRules)
    }
  }

  /// Damaged bytes throw a `TokenizeError`, never trap.
  @Test func truncatedBytesThrow() throws {
    let bytes = try #require(DefaultLexicons.prebuiltTables)
    for length in [0, 7, 8, 40, bytes.count / 2] {
      #expect(throws: TokenizeError.self) {
        let tables = try PrebuiltTables(bytes: Array(bytes.prefix(length)))
        _ = try tables.gazetteer()
        _ = try tables.lexicon()
        _ = try tables.modifiers()
        _ = try tables.rules()
      }
    }
  }
}
