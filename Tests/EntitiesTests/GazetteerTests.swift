import Entities
import TestSupport
import Testing
import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr.", "Gen."])

private let gazetteerTSV = """
  # id\ttype\talias\tmatch
  nasa\tORG\tNASA
  nasa\tORG\tNational Aeronautics and Space Administration
  nasa_watch\tMEDIA\tNASA Watch
  rogozin\tPERSON\tDmitry Rogozin
  rogozin\tPERSON\tRogozin
  rogozin\tPERSON\tРогозин
  roscosmos\tORG\tRoscosmos
  roscosmos\tORG\tРоскосмос
  united_states\tGPE\tUS\texact
  esa\tORG\tESA\texact
  iss\tFACILITY\tInternational Space Station
  iss\tFACILITY\tISS
  """

private let gazetteer: Gazetteer = {
  do {
    return try Gazetteer(
      files: [(path: "g.tsv", bytes: [UInt8](gazetteerTSV.utf8))], tokenizer: tokenizer)
  } catch {
    fatalError("test gazetteer: \(error)")
  }
}()

@Suite("Gazetteer matching")
struct GazetteerTests {
  static let mentionCases: [MentionCase] = [
    MentionCase("single alias", "We asked ⟦NASA⟧ today.", ["nasa"]),
    MentionCase(
      "longest alias wins over its first word", "⟦NASA Watch⟧ reported it.", ["nasa_watch"]),
    MentionCase(
      "a two-word name is one mention, not two", "⟦Dmitry Rogozin⟧ spoke; later ⟦Rogozin⟧ left.",
      ["rogozin", "rogozin"]),
    MentionCase(
      "long alias with a lowercase function word",
      "The ⟦National Aeronautics and Space Administration⟧ agreed.", ["nasa"]),
    MentionCase("ASCII possessive is not part of the mention", "⟦NASA⟧'s budget grew.", ["nasa"]),
    MentionCase("typographic possessive", "⟦Dmitry Rogozin⟧’s agency", ["rogozin"]),
    MentionCase(
      "fold matches any case", "⟦nasa⟧ and ⟦Nasa⟧ and ⟦ROSCOSMOS⟧", ["nasa", "nasa", "roscosmos"]),
    MentionCase("fold matches fullwidth letters", "⟦ＮＡＳＡ⟧ launched.", ["nasa"]),
    MentionCase("Cyrillic aliases", "⟦Роскосмос⟧ и ⟦Рогозин⟧ 🚀", ["roscosmos", "rogozin"]),
    MentionCase("Cyrillic fold", "⟦РОСКОСМОС⟧ заявил", ["roscosmos"]),
    MentionCase(
      "exact alias matches its own case", "Talks with the ⟦US⟧ and us.", ["united_states"]),
    MentionCase("exact alias does not match another case", "Tell us, Us and uS.", []),
    MentionCase("exact acronym", "⟦ESA⟧, not esa or Esa.", ["esa"]),
    MentionCase("exact alias with a possessive", "the ⟦US⟧’s position", ["united_states"]),
    MentionCase("exact alias does not match fullwidth", "ＵＳ and ＥＳＡ", []),
    MentionCase("whole tokens only", "NASAs, Rogozinsky and USA are not aliases.", []),
    MentionCase(
      "longest match among overlapping aliases",
      "The ⟦International Space Station⟧ (⟦ISS⟧) orbits.", ["iss", "iss"]),
    MentionCase(
      "offsets count scalars after astral characters", "🚀🇷🇺 ⟦Роскосмос⟧ 👩\u{200D}🚀 ⟦NASA⟧",
      ["roscosmos", "nasa"]),
    MentionCase("adjacent mentions", "⟦NASA⟧ ⟦Roscosmos⟧ ⟦ESA⟧", ["nasa", "roscosmos", "esa"]),
  ]

  @Test(arguments: mentionCases)
  func mentions(_ c: MentionCase) throws {
    let marked = MarkedText(c.marked)
    let doc = try tokenizer.tokenize(marked.text)
    let mentions = gazetteer.mentions(in: doc)
    #expect(
      mentions.map { slice(marked.text, $0.start, $0.end) }
        == marked.spans.map { slice(marked.text, $0.lowerBound, $0.upperBound) })
    #expect(mentions.map { $0.start..<$0.end } == marked.spans)
    #expect(mentions.map { gazetteer.entities[$0.entity].id } == c.entities)
    for mention in mentions {
      #expect(gazetteer.aliases[mention.alias].entity == mention.entity)
      #expect(doc.surface(tokens: mention.tokens) == slice(marked.text, mention.start, mention.end))
    }
  }

  @Test func mentionRecordsTheAliasThatMatched() throws {
    let text = "Рогозин and Dmitry Rogozin"
    let mentions = gazetteer.mentions(in: try tokenizer.tokenize(text))
    #expect(mentions.map { gazetteer.aliases[$0.alias].text } == ["Рогозин", "Dmitry Rogozin"])
  }

  /// The longest alias allowed, and a shorter one sharing its prefix, against 8,000 copies of
  /// the word: leftmost-longest as ever (125 mentions of 64 words), each walk at most 64 steps.
  @Test func theLongestAllowedAliasMatchesLeftmostLongest() throws {
    let long = Array(repeating: "word", count: 64).joined(separator: " ")
    let short = Array(repeating: "word", count: 3).joined(separator: " ")
    let g = try Gazetteer(
      files: [(path: "g.tsv", bytes: Array("long\tORG\t\(long)\nshort\tORG\t\(short)\n".utf8))],
      tokenizer: tokenizer)
    let text = Array(repeating: "word", count: 8_000 + 5).joined(separator: " ")
    let mentions = g.mentions(in: try tokenizer.tokenize(text))
    #expect(
      mentions.map { g.entities[$0.entity].id } == Array(repeating: "long", count: 125) + ["short"])
    #expect(mentions.map(\.tokens.count) == Array(repeating: 64, count: 125) + [3])
    #expect(PhraseMatcher<Int>.maxPhraseTokens == 64)
  }

  @Test func noMatchAcrossASentenceBoundary() throws {
    let text = "We read NASA. Watch this."
    let doc = try tokenizer.tokenize(text)
    #expect(doc.sentences.count == 2)
    let mentions = gazetteer.mentions(in: doc)
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["NASA"])
    #expect(mentions.map { gazetteer.entities[$0.entity].id } == ["nasa"])
  }

  @Test func mentionsKnowTheirSentence() throws {
    let text = "Nothing here. Then NASA spoke. Dr. Rogozin and Roscosmos replied."
    let doc = try tokenizer.tokenize(text)
    let mentions = gazetteer.mentions(in: doc)
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["NASA", "Rogozin", "Roscosmos"])
    #expect(mentions.map(\.sentence) == [1, 2, 2])
    for mention in mentions {
      #expect(doc.sentenceOfToken[mention.tokens.lowerBound] == mention.sentence)
    }
  }

  @Test func textWithoutTokensHasNoMentions() throws {
    #expect(gazetteer.mentions(in: try tokenizer.tokenize("")).isEmpty)
    #expect(gazetteer.mentions(in: try tokenizer.tokenize(" \n ")).isEmpty)
  }

  // MARK: - Aliases claimed twice

  @Test func aliasClaimedByTwoEntitiesGoesToTheFirst() throws {
    let tsv =
      "dragon_capsule\tPRODUCT\tDragon\ndragon_myth\tMISC\tdragon\ndragon_myth\tMISC\tWyrm\n"
    let g = try Gazetteer(files: [(path: "g.tsv", bytes: [UInt8](tsv.utf8))], tokenizer: tokenizer)
    #expect(g.entities.map(\.id) == ["dragon_capsule", "dragon_myth"])
    #expect(g.shadowedAliases.count == 1)
    let shadowed = try #require(g.shadowedAliases.first)
    #expect(shadowed.alias.text == "dragon")
    #expect(shadowed.alias.location.description == "g.tsv:2")
    #expect(g.entities[shadowed.alias.entity].id == "dragon_myth")
    #expect(g.entities[shadowed.claimedBy].id == "dragon_capsule")

    let text = "A DRAGON, a Wyrm."
    let mentions = g.mentions(in: try tokenizer.tokenize(text))
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["DRAGON", "Wyrm"])
    #expect(mentions.map { g.entities[$0.entity].id } == ["dragon_capsule", "dragon_myth"])
  }

  @Test func repeatedAliasOfTheSameEntityIsNotShadowed() throws {
    let tsv = "nasa\tORG\tNASA\nnasa\tORG\tnasa\n"
    let g = try Gazetteer(files: [(path: "g.tsv", bytes: [UInt8](tsv.utf8))], tokenizer: tokenizer)
    #expect(g.shadowedAliases.isEmpty)
    #expect(g.aliases.count == 1)
  }

  @Test func exactAndFoldAliasesWithTheSameKeysBothCount() throws {
    // Not the same alias: the exact one only matches "US", the fold one any case.
    let tsv = "united_states\tGPE\tUS\texact\nus_pronoun\tWORD\tus\n"
    let g = try Gazetteer(files: [(path: "g.tsv", bytes: [UInt8](tsv.utf8))], tokenizer: tokenizer)
    #expect(g.shadowedAliases.isEmpty)
    let text = "US and us"
    let mentions = g.mentions(in: try tokenizer.tokenize(text))
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["US", "us"])
    #expect(mentions.map { g.entities[$0.entity].id } == ["united_states", "us_pronoun"])
  }

  @Test func rejectedLongerExactAliasFallsBackToAShorterAlias() throws {
    let tsv = "nasa\tORG\tNASA\nnasa_tv\tMEDIA\tNASA TV\texact\n"
    let g = try Gazetteer(files: [(path: "g.tsv", bytes: [UInt8](tsv.utf8))], tokenizer: tokenizer)
    let text = "NASA TV and NASA tv"
    let mentions = g.mentions(in: try tokenizer.tokenize(text))
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["NASA TV", "NASA"])
    #expect(mentions.map { g.entities[$0.entity].id } == ["nasa_tv", "nasa"])
  }

  // MARK: - Adding aliases directly

  @Test func addRefusesATypeConflict() throws {
    var g = Gazetteer()
    let session = try tokenizer.makeSession()
    let at = SourceLocation(file: "code", line: 1)
    try g.add(
      entity: "iss", type: "FACILITY", alias: "ISS", mode: .fold, location: at, tokenizer: session)
    let error = #expect(throws: EntitiesError.self) {
      try g.add(
        entity: "iss", type: "ORG", alias: "Station", mode: .fold, location: at, tokenizer: session)
    }
    #expect(error?.description == "code:1: entity 'iss' has type 'FACILITY' at code:1, found 'ORG'")
  }

  /// 200,000 generated aliases through `add`, then the generated and the real ones still match.
  @Test func manyAliases() throws {
    var g = try Gazetteer(
      files: [(path: "g.tsv", bytes: [UInt8](gazetteerTSV.utf8))], tokenizer: tokenizer)
    let session = try tokenizer.makeSession()
    let count = 200_000
    for i in 0..<count {
      try g.add(
        entity: "e\(i)", type: "GEN", alias: "entity\(i) alias\(i)", mode: .fold,
        location: SourceLocation(file: "generated", line: i + 1), tokenizer: session)
    }
    #expect(g.entities.count == gazetteer.entities.count + count)
    #expect(g.aliases.count == gazetteer.aliases.count + count)

    let text = "Entity123456 alias123456 met NASA Watch and Dmitry Rogozin; entity7 alias8 did not."
    let mentions = g.mentions(in: try session.tokenize(text))
    #expect(
      mentions.map { slice(text, $0.start, $0.end) } == [
        "Entity123456 alias123456", "NASA Watch", "Dmitry Rogozin",
      ])
    #expect(mentions.map { g.entities[$0.entity].id } == ["e123456", "nasa_watch", "rogozin"])
  }
}
