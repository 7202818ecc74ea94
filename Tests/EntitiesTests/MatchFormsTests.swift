import Entities
import TestSupport
import Testing
import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr."])

/// Two files: one whose entities match as handles (`#! handles`), one with per-line options.
private let agencies = """
  #! handles
  nasa\tORG\tNASA
  roscosmos\tORG\tRoscosmos
  esa\tORG\tESA\texact
  """
private let others = """
  rogozin\tPERSON\tDmitry Rogozin
  rogozin\tPERSON\tRogozin
  rogozin\tPERSON\t@Rogozin\thandle
  musk\tPERSON\tElon Musk\thandles
  soyuz\tPRODUCT\tSoyuz
  soyuz\tPRODUCT\tSoyuz MS-23
  iss\tFACILITY\tInternational Space Station
  """

private let gazetteer: Gazetteer = {
  do {
    return try Gazetteer(
      files: [("agencies.tsv", [UInt8](agencies.utf8)), ("others.tsv", [UInt8](others.utf8))],
      tokenizer: tokenizer)
  } catch {
    fatalError("test gazetteer: \(error)")
  }
}()

/// Handles, hashtags, hyphens, line breaks and invisible characters inside aliases.
@Suite("Match forms")
struct MatchFormsTests {
  static let cases: [MentionCase] = [
    MentionCase("handle of a handles entity", "Update from ⟦@NASA⟧ today", ["nasa"]),
    MentionCase("hashtag covers the #", "News ⟦#Roscosmos⟧ and ⟦#NASA⟧", ["roscosmos", "nasa"]),
    MentionCase(
      "handle of a two-word alias", "Congrats ⟦@elonmusk⟧ and ⟦#ElonMusk⟧", ["musk", "musk"]),
    MentionCase("a handle alias as written", "Ask ⟦@Rogozin⟧ now", ["rogozin"]),
    MentionCase("no handles without the option", "Ask @DmitryRogozin now", []),
    MentionCase("exact handles keep their case", "⟦@ESA⟧ and @esa and ⟦#ESA⟧", ["esa", "esa"]),
    MentionCase("a spaced # is not a hashtag", "# ⟦Roscosmos⟧ news", ["roscosmos"]),
    MentionCase(
      "e-mail addresses and URLs never match",
      "Mail press@nasa.gov, see https://www.nasa.gov/roscosmos or roscosmos.ru/nasa.", []),
    MentionCase("a designation stays whole", "The ⟦Soyuz MS-23⟧ landed", ["soyuz"]),
    MentionCase("a designation not listed is not cut", "The ⟦Soyuz⟧ MS-24 landed", ["soyuz"]),
    MentionCase("a hyphenated prefix", "the then-⟦Roscosmos⟧ chief", ["roscosmos"]),
    MentionCase(
      "hyphenated compound of two aliases", "the ⟦NASA⟧-⟦Roscosmos⟧ deal", ["nasa", "roscosmos"]),
    MentionCase("a name across a line break", "said ⟦Dmitry\nRogozin⟧ today", ["rogozin"]),
    MentionCase("across CRLF", "said ⟦Dmitry\r\nRogozin⟧ today", ["rogozin"]),
    MentionCase(
      "not across a blank line", "said Dmitry\n\n⟦Rogozin⟧ today", ["rogozin"]),
    MentionCase("across NBSP", "said ⟦Dmitry\u{00A0}Rogozin⟧ today", ["rogozin"]),
    MentionCase("soft hyphen inside a word", "said ⟦Dmitry Rogo\u{00AD}zin⟧ today", ["rogozin"]),
    MentionCase(
      "zero-width space between words", "said ⟦Dmitry\u{200B}Rogozin⟧ today", ["rogozin"]),
    MentionCase("word joiner inside a word", "said ⟦Rogo\u{2060}zin⟧ today", ["rogozin"]),
    MentionCase(
      "a three-word alias across a wrapped line", "the ⟦International Space\nStation⟧ orbits",
      ["iss"]),
  ]

  @Test(arguments: cases)
  func mentions(_ c: MentionCase) throws {
    let marked = MarkedText(c.marked)
    let doc = try tokenizer.tokenize(marked.text)
    let mentions = gazetteer.mentions(in: doc)
    #expect(mentions.map { $0.start..<$0.end } == marked.spans)
    #expect(
      mentions.map { slice(marked.text, $0.start, $0.end) }
        == marked.spans.map { slice(marked.text, $0.lowerBound, $0.upperBound) })
    #expect(mentions.map { gazetteer.entities[$0.entity].id } == c.entities)
  }

  @Test func handlesOptionMarksTheEntity() {
    let ids = gazetteer.entities.filter(\.handles).map(\.id)
    #expect(ids == ["nasa", "roscosmos", "esa", "musk"])
  }

  @Test func aHandleAliasMustBeAHandle() {
    let tsv = "rogozin\tPERSON\tDmitry Rogozin\thandle\n"
    #expect(
      throws: EntitiesError.notAHandle(
        SourceLocation(file: "g.tsv", line: 1), alias: "Dmitry Rogozin")
    ) {
      try Gazetteer(files: [("g.tsv", [UInt8](tsv.utf8))], tokenizer: tokenizer)
    }
  }

  @Test func unknownDirectivesStopTheLoad() {
    let tsv = "#! handle\nnasa\tORG\tNASA\n"
    #expect(
      throws: EntitiesError.invalidDirective(
        SourceLocation(file: "g.tsv", line: 1), found: "handle")
    ) {
      try Gazetteer(files: [("g.tsv", [UInt8](tsv.utf8))], tokenizer: tokenizer)
    }
  }
}
