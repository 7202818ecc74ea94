import DefaultLexicons
import PipelineKit
import Testing

@testable import Entities
@testable import Tokenize

/// The build-time transliteration table (`DefaultLexicons.transliterations`): it says what ICU
/// says, and it covers the default gazetteer, so loading the defaults opens no transliterator
/// (ICU's registry is about 10 ms of start-up).
@Suite struct KnownTransliterationsTests {
  @Test func everyEntryIsICUsTransliteration() throws {
    let table = DefaultLexicons.transliterations
    #expect(table.count > 20)
    let icu = try Tokenizer().makeSession()
    for (key, transliteration) in table.sorted(by: { $0.key < $1.key }) {
      #expect(try icu.transliterate(key) == transliteration, "\(key)")
    }
  }

  /// The fingerprint computed at build time is the one the table gives.
  @Test func theFingerprintIsTheTables() {
    let settings = KeySettings(
      cyrillicLanguage: "ru", abbreviations: [],
      transliterations: DefaultLexicons.transliterations)
    #expect(settings.transliterations == DefaultLexicons.transliterationsFingerprint)
  }

  @Test func loadingTheDefaultGazetteerOpensNoTransliterator() throws {
    let session = try Tokenizer().with(knownTransliterations: DefaultLexicons.transliterations)
      .makeSession()
    var gazetteer = Gazetteer()
    let files = LexiconSources.embedded().gazetteer
    #expect(!files.isEmpty)
    for file in files {
      if file.path.hasSuffix(".jsonl") {
        try gazetteer.loadEntityRuler(
          file.bytes, path: file.path, phraseAttribute: .orth, strict: false, session: session)
      } else {
        try gazetteer.loadTSV(file.bytes, path: file.path, strict: false, session: session)
      }
    }
    #expect(gazetteer.aliases.contains { $0.options.translit })
    // No transliterator was opened: every transliteration came from the known table (the
    // session caches those it was asked for, no more of them than the table holds).
    #expect(!session.tokenizer.transliterator.isOpen)
    #expect(session.translitCache.count <= DefaultLexicons.transliterations.count)
  }

  @Test(arguments: [
    (["рогозин": "rogozin-table"], "рогозин", "rogozin-table"),
    ([:], "рогозин", "rogozin"),
    (["nasa": "other"], "nasa", "nasa"),  // ASCII keys are their own transliteration
  ])
  func theTableIsReadBeforeICU(table: [String: String], key: String, expected: String) throws {
    let session = try Tokenizer().with(knownTransliterations: table).makeSession()
    #expect(try session.transliterate(key) == expected)
    #expect(!session.tokenizer.transliterator.isOpen == (table[key] != nil || key == "nasa"))
  }
}
