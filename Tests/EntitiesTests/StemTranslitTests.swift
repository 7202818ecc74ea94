import Entities
import TestSupport
import Testing
import Tokenize

/// A gazetteer with `stem` and `translit` aliases, and the tokenizer configured with the keys
/// it needs (as `Analyzer` does).
private struct Setup {
  let gazetteer: Gazetteer
  let tokenizer: Tokenizer

  init(_ tsv: String, cyrillicLanguage: String = "ru") {
    var base = Tokenizer()
    base.cyrillicLanguage = cyrillicLanguage
    do {
      gazetteer = try Gazetteer(files: [("g.tsv", [UInt8](tsv.utf8))], tokenizer: base)
    } catch {
      fatalError("test gazetteer: \(error)")
    }
    tokenizer = base.with(variants: gazetteer.keyVariants)
  }

  func mentions(_ text: String, language: String? = nil) throws -> [EntityMention] {
    gazetteer.mentions(in: try tokenizer.tokenize(text, language: language))
  }
}

private let forms = Setup(
  """
  #! stem: ru
  roscosmos\tORG\tRoscosmos
  roscosmos\tORG\tРоскосмос
  nasa\tORG\tНАСА
  rogozin\tPERSON\tДмитрий Рогозин
  rogozin\tPERSON\tРогозин\tstem,translit
  rogozin\tPERSON\tRogosin\tstem:de
  rogozin\tPERSON\tDmitri Rogosin\tstem:de
  borisov\tPERSON\tBorisov\ttranslit
  borisov\tPERSON\tБорисов
  iss\tFACILITY\tМеждународная космическая станция
  soyuz\tPRODUCT\tСоюз\tfold
  """)

/// Inflected and transliterated forms, marked; entity ids in order.
@Suite("Stem and transliteration matching")
struct StemTranslitTests {
  static let cases: [MentionCase] = [
    MentionCase("Russian genitive", "Глава ⟦Роскосмоса⟧ заявил", ["roscosmos"]),
    MentionCase("Russian instrumental", "вместе с ⟦Роскосмосом⟧", ["roscosmos"]),
    MentionCase("surname inflected", "встреча с ⟦Рогозиным⟧ и ⟦Рогозину⟧", ["rogozin", "rogozin"]),
    MentionCase("every word of a Russian name inflects", "с ⟦Дмитрием Рогозиным⟧", ["rogozin"]),
    MentionCase(
      "a three-word name in the prepositional", "на ⟦Международной космической станции⟧", ["iss"]),
    MentionCase(
      "-ов surname keeps itself as its stem", "план ⟦Борисова⟧ и ⟦Борисову⟧",
      ["borisov", "borisov"]),
    MentionCase("a first name is not the surname", "Борис Джонсон приехал", []),
    MentionCase("a short stem must match as written", "⟦НАСА⟧ и насос", ["nasa"]),
    MentionCase("a line without stem does not inflect", "⟦Союз⟧ и Союза", ["soyuz"]),
    MentionCase("German genitive", "⟦Rogosins⟧ Plan", ["rogozin"]),
    MentionCase(
      "German: only the last word inflects", "⟦Dmitri Rogosins⟧ Plan; Dmitris ⟦Rogosin⟧",
      ["rogozin", "rogozin"]),
    MentionCase("Cyrillic alias finds its Latin transliteration", "said ⟦Rogozin⟧", ["rogozin"]),
    MentionCase("Latin alias finds its Cyrillic form", "сказал ⟦Борисов⟧", ["borisov"]),
    MentionCase("translit is opt-in", "встреча в Roskosmos", []),
  ]

  @Test(arguments: cases)
  func mentions(_ c: MentionCase) throws {
    let marked = MarkedText(c.marked)
    let found = try forms.mentions(marked.text)
    #expect(found.map { $0.start..<$0.end } == marked.spans)
    #expect(
      found.map { slice(marked.text, $0.start, $0.end) }
        == marked.spans.map { slice(marked.text, $0.lowerBound, $0.upperBound) })
    #expect(found.map { forms.gazetteer.entities[$0.entity].id } == c.entities)
  }

  @Test func theDocumentLanguageDecidesLatinWords() throws {
    #expect(try forms.mentions("Rogosins Plan", language: "de").count == 1)
    #expect(try forms.mentions("Rogosins Plan", language: "en").isEmpty)
    // Cyrillic words are Russian whatever the document says.
    #expect(try forms.mentions("Глава Роскосмоса", language: "en").count == 1)
  }

  @Test func theCyrillicLanguageIsConfigurable() throws {
    let serbian = Setup("roscosmos\tORG\tРоскосмос\tstem:ru\n", cyrillicLanguage: "sr")
    #expect(try serbian.mentions("Глава Роскосмоса").isEmpty)
    #expect(
      try Setup("roscosmos\tORG\tРоскосмос\tstem:ru\n").mentions("Глава Роскосмоса").count == 1)
  }

  @Test func textKeysAreComputedOnlyWhereAnAliasNeedsThem() throws {
    let doc = try forms.tokenizer.tokenize("Глава Роскосмоса met NASA")
    let russian = try #require(doc.variants.stems.first { $0.language == "ru" })
    #expect(russian.keys == ["", "роскосмос", "", ""])
    #expect(doc.variants.transliterations == ["glava", "roskosmosa", "", ""])
    #expect(try forms.tokenizer.tokenize("plain English words").variants.stems.isEmpty)
  }

  @Test func keyVariantsNameTheStemLanguages() {
    #expect(forms.gazetteer.keyVariants.stems.keys.sorted() == ["de", "ru"])
    #expect(forms.gazetteer.keyVariants.transliterate)
  }
}
