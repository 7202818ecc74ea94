import Entities
import Stance
import TestSupport
import Testing
import Tokenize

private let tokenizer = Tokenizer(abbreviations: ["Dr."])

private let lexiconTSV = """
  good\t2
  bad\t-2
  support\t1
  life support\t0
  cooperat*\t2\tcooperation
  end cooperation\t-3\tcooperation
  """

private let modifiersTSV = """
  negator\tnot
  negator\tnever
  negator\tn't
  booster\tvery
  booster\treally
  dampener\tslightly
  contrast\tbut
  """

private let gazetteerTSV = """
  nasa\tORG\tNASA
  roscosmos\tORG\tRoscosmos
  council\tORG\tCooperation Council
  """

private func bytes(_ text: String) -> [UInt8] { [UInt8](text.utf8) }

private func makeLexicon(_ text: String = lexiconTSV) throws -> Lexicon {
  try Lexicon(files: [(path: "l.tsv", bytes: bytes(text))], tokenizer: tokenizer)
}

private func makeModifiers(_ text: String = modifiersTSV) throws -> Modifiers {
  try Modifiers(files: [(path: "m.tsv", bytes: bytes(text))], tokenizer: tokenizer)
}

private func makeGazetteer() throws -> Gazetteer {
  try Gazetteer(files: [(path: "g.tsv", bytes: bytes(gazetteerTSV))], tokenizer: tokenizer)
}

private func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

private func areClose(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy(isClose)
}

/// Marked text: every expected lexicon hit is ⟦marked⟧, with its applied weight, in text order.
struct ScoringCase: CustomTestStringConvertible, Sendable {
  let name: String
  let marked: String
  let weights: [Double]
  var testDescription: String { name }

  init(_ name: String, _ marked: String, _ weights: [Double]) {
    self.name = name
    self.marked = marked
    self.weights = weights
  }
}

@Suite("StanceScorer")
struct StanceScorerTests {
  // MARK: - Weights of hits

  static let scoringCases: [ScoringCase] = [
    ScoringCase("plain hit", "NASA is ⟦good⟧.", [2]),
    ScoringCase("negative plain hit", "That was ⟦bad⟧.", [-2]),
    ScoringCase("negator right before", "It is not ⟦good⟧.", [2 * -0.74]),
    ScoringCase("negator is case-insensitive", "Not ⟦good⟧.", [2 * -0.74]),
    ScoringCase("clitic negator", "It isn't ⟦good⟧.", [2 * -0.74]),
    ScoringCase("typographic clitic negator", "It isn’t ⟦bad⟧.", [-2 * -0.74]),
    ScoringCase("negator 3 words before", "not at all ⟦good⟧", [2 * -0.74]),
    ScoringCase("negator 4 words before has no effect", "not at all so ⟦good⟧", [2]),
    ScoringCase(
      "a hyphenated compound counts as one word", "not at cross-party ⟦good⟧", [2 * -0.74]),
    ScoringCase(
      "a dash between spaced words is no compound", "not at cross - party ⟦good⟧", [2]),
    ScoringCase("punctuation does not count toward the window", "not, at all, ⟦good⟧", [2 * -0.74]),
    ScoringCase("negator after the hit has no effect", "⟦good⟧, not", [2]),
    ScoringCase("negator in the previous sentence has no effect", "Not. ⟦Good⟧.", [2]),
    ScoringCase("double negation", "never not ⟦good⟧", [2 * -0.74 * -0.74]),
    ScoringCase("booster adds to the magnitude", "very ⟦good⟧", [2.293]),
    ScoringCase("booster on a negative hit", "very ⟦bad⟧", [-2.293]),
    ScoringCase("dampener", "slightly ⟦good⟧", [1.707]),
    ScoringCase("dampener on a negative hit", "slightly ⟦bad⟧", [-1.707]),
    ScoringCase("two boosters add up", "really very ⟦good⟧", [2 + 2 * 0.293]),
    ScoringCase("booster applies only to the next hit", "very ⟦good⟧ and ⟦good⟧", [2.293, 2]),
    ScoringCase("booster 4 words before has no effect", "very much more so ⟦good⟧", [2]),
    ScoringCase("booster after the hit has no effect", "⟦good⟧ very", [2]),
    ScoringCase("contrast: before ×0.5, after ×1.5", "⟦good⟧ but ⟦bad⟧", [1, -3]),
    ScoringCase(
      "only the sentence's first contrast word counts", "⟦good⟧ but ⟦bad⟧ but ⟦good⟧", [1, -3, 3]),
    ScoringCase("contrast in another sentence has no effect", "⟦Good⟧. But ⟦bad⟧.", [2, -3]),
    ScoringCase(
      "booster, then negation, then contrast", "not very ⟦good⟧ but fine",
      [(2 + 0.293) * -0.74 * 0.5]),
    ScoringCase(
      "negated boosted hit after contrast", "but not very ⟦bad⟧", [(-2 - 0.293) * -0.74 * 1.5]),
    ScoringCase("zero-weight phrase neutralizes its words", "⟦life support⟧", [0]),
    ScoringCase("booster leaves a zero weight alone", "very ⟦life support⟧", [0]),
    ScoringCase("prefix matches cooperation", "more ⟦cooperation⟧", [2]),
    ScoringCase("prefix matches cooperate", "we ⟦cooperate⟧", [2]),
    ScoringCase("prefix matches the bare prefix", "⟦cooperat⟧", [2]),
    ScoringCase("prefix does not match a shorter word", "cooper and coop", []),
    ScoringCase("longer exact phrase beats the prefix", "they will ⟦end cooperation⟧", [-3]),
    ScoringCase(
      "phrase and prefix in one sentence", "⟦end cooperation⟧, then ⟦cooperate⟧", [-3, 2]),
    ScoringCase(
      "prefix hit is boosted and negated", "not really ⟦cooperative⟧", [2.293 * -0.74]),
  ]

  @Test(arguments: scoringCases)
  func weights(_ c: ScoringCase) throws {
    let marked = MarkedText(c.marked)
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize(marked.text), mentions: [])
    #expect(
      analysis.hits.map { slice(marked.text, $0.start, $0.end) }
        == marked.spans.map { slice(marked.text, $0.lowerBound, $0.upperBound) })
    #expect(areClose(analysis.hits.map(\.weight), c.weights), "\(analysis.hits.map(\.weight))")
  }

  @Test func hitRecordsItsEntryBaseAndSentence() throws {
    let lexicon = try makeLexicon()
    let scorer = StanceScorer(lexicon: lexicon, modifiers: try makeModifiers())
    let text = "Fine. They will end cooperation, not good."
    let analysis = scorer.score(try tokenizer.tokenize(text), mentions: [])
    #expect(analysis.hits.map { lexicon.entries[$0.entry].term } == ["end cooperation", "good"])
    #expect(analysis.hits.map(\.dimension) == ["cooperation", "stance"])
    #expect(analysis.hits.map(\.base) == [-3, 2])
    #expect(analysis.hits.map(\.sentence) == [1, 1])
  }

  @Test func evidenceNamesEachModifierAndItsSpan() throws {
    let text = "not very good but fine"
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize(text), mentions: [])
    let hit = try #require(analysis.hits.first)
    #expect(slice(text, hit.start, hit.end) == "good")
    #expect(hit.modifiers.map(\.kind) == [.booster, .negator, .contrast])
    #expect(hit.modifiers.map { slice(text, $0.start, $0.end) } == ["very", "not", "but"])
    #expect(hit.modifiers.map(\.effect) == [.delta(0.293), .factor(-0.74), .factor(0.5)])
    #expect(hit.modifiers.map(\.token) == [1, 0, 3])
    #expect(isClose(hit.weight, 2.293 * -0.74 * 0.5))
  }

  @Test func evidenceOffsetsCountScalarsAfterAstralCharacters() throws {
    let marked = MarkedText("🚀 👩\u{200D}🚀 ⟦not⟧ ⟦very⟧ ⟦good⟧")
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize(marked.text), mentions: [])
    let hit = try #require(analysis.hits.first)
    #expect(hit.start..<hit.end == marked.spans[2])
    #expect(hit.modifiers.map { $0.start..<$0.end } == [marked.spans[1], marked.spans[0]])
    #expect(hit.modifiers.map { slice(marked.text, $0.start, $0.end) } == ["very", "not"])
  }

  @Test func unmodifiedHitHasNoEvidence() throws {
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize("good"), mentions: [])
    #expect(analysis.hits.map(\.modifiers) == [[]])
  }

  // MARK: - Parameters from the modifiers file

  @Test func paramsChangeTheArithmetic() throws {
    let modifiers = try makeModifiers(
      modifiersTSV
        + "\nparam\tnegation_scalar\t-0.5\nparam\tnegation_window\t1\nparam\tcontrast_before\t0.25\nparam\tcontrast_after\t2\n"
    )
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: modifiers)
    let text = "not good but bad, not so bad"
    let analysis = scorer.score(try tokenizer.tokenize(text), mentions: [])
    #expect(analysis.hits.map { slice(text, $0.start, $0.end) } == ["good", "bad", "bad"])
    // good: negated (-0.5) before "but" (×0.25); bad: after "but" (×2); "not so bad": outside window 1.
    #expect(areClose(analysis.hits.map(\.weight), [2 * -0.5 * 0.25, -2 * 2, -2 * 2]))
  }

  @Test func boosterWindowFollowsTheNegationWindow() throws {
    let modifiers = try makeModifiers(modifiersTSV + "\nparam\tnegation_window\t1\n")
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: modifiers)
    let analysis = scorer.score(try tokenizer.tokenize("very much good. very good."), mentions: [])
    #expect(areClose(analysis.hits.map(\.weight), [2, 2.293]))
  }

  @Test func negationWindowZeroDisablesNegation() throws {
    let modifiers = try makeModifiers(modifiersTSV + "\nparam\tnegation_window\t0\n")
    #expect(modifiers.negationWindow == 0)
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: modifiers)
    let analysis = scorer.score(try tokenizer.tokenize("not good"), mentions: [])
    #expect(analysis.hits.map(\.weight) == [2])
  }

  // MARK: - Scores

  /// Every parameter at the end of its range, 50 negators (the whole window) before every hit,
  /// thousands of hits of the largest weight: every raw sum and score is a finite number, and
  /// every score is in [-1, 1].
  @Test(arguments: [-10.0, 10.0])
  func extremeValuesGiveFiniteScores(_ scalar: Double) throws {
    let modifiers = try makeModifiers(
      """
      negator\tnot
      negator\tnever\t\(scalar)
      booster\tvery\t4
      dampener\tslightly\t-4
      contrast\tbut
      param\tnegation_scalar\t\(scalar)
      param\tnegation_window\t50
      param\tcontrast_before\t-10
      param\tcontrast_after\t10
      """)
    let lexicon = try makeLexicon("good\t4\nbad\t-4\ncooperat*\t4\tcooperation\n")
    let scorer = StanceScorer(
      lexicon: lexicon, modifiers: modifiers, policies: AttributionPolicies(all: .window(1_000_000))
    )
    let negated = String(repeating: "very ", count: 50) + String(repeating: "not never ", count: 25)
    let sentence = "\(negated)good \(negated)cooperation but \(negated)bad \(negated)good NASA"
    let text = Array(repeating: sentence, count: 200).joined(separator: " ")
    let doc = try tokenizer.tokenize(text)
    let nasa = try makeGazetteer().mentions(in: doc)
    #expect(nasa.count == 200)
    let analysis = scorer.score(doc, mentions: nasa)
    #expect(analysis.hits.count == 800)
    let scores = Array(analysis.document.values) + analysis.entityScores.values.flatMap(\.values)
    for score in scores {
      #expect(
        score.raw.isFinite && score.score.isFinite && (-1...1).contains(score.score), "\(score)")
    }
    #expect(analysis.hits.allSatisfy { $0.weight.isFinite })
  }

  @Test(arguments: [
    0, 1e-300, 1, 1e100, 1e101, 1e154, 1e155, 1e300, Double.greatestFiniteMagnitude,
    -1e155, -Double.greatestFiniteMagnitude,
  ])
  func scoresOfAnyFiniteRawAreNumbersInRange(_ raw: Double) {
    let score = StanceScore(raw: raw, hits: 1, thresholds: Thresholds()).score
    #expect(score.isFinite && (-1...1).contains(score))
    #expect(abs(raw) < 1e8 || abs(score) == 1)
  }

  @Test func scoreNormalizesTheRawSum() throws {
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize("good and very good. bad."), mentions: [])
    let stance = try #require(analysis.document["stance"])
    let raw = 2 + 2.293 - 2
    #expect(isClose(stance.raw, raw))
    #expect(stance.hits == 3)
    #expect(isClose(stance.score, raw / (raw * raw + 15).squareRoot()))
    #expect(stance.label == .favor)
  }

  @Test func customThresholdsChangeTheLabel() throws {
    let strict = Thresholds(favor: 0.5, against: -0.5)
    let scorer = StanceScorer(
      lexicon: try makeLexicon(), modifiers: try makeModifiers(), thresholds: strict)
    let analysis = scorer.score(try tokenizer.tokenize("good"), mentions: [])
    let stance = try #require(analysis.document["stance"])
    #expect(isClose(stance.score, 2 / 19.0.squareRoot()))  // 0.4588…
    #expect(stance.label == .neutral)
  }

  @Test func everyDimensionIsScoredSeparately() throws {
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(
      try tokenizer.tokenize("good cooperation, bad, end cooperation"), mentions: [])
    #expect(Set(analysis.document.keys) == ["stance", "cooperation"])
    #expect(isClose(analysis.document["stance"]?.raw ?? .nan, 0))
    #expect(analysis.document["stance"]?.hits == 2)
    #expect(analysis.document["stance"]?.label == .neutral)
    #expect(isClose(analysis.document["cooperation"]?.raw ?? .nan, -1))
    #expect(analysis.document["cooperation"]?.hits == 2)
    #expect(analysis.document["cooperation"]?.label == .against)
  }

  @Test func dimensionsWithoutHitsAreStillScored() throws {
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize("nothing to see"), mentions: [])
    #expect(analysis.hits.isEmpty)
    #expect(
      analysis.document["cooperation"] == StanceScore(raw: 0, hits: 0, thresholds: Thresholds()))
    #expect(analysis.document["stance"]?.label == .neutral)
  }

  @Test func sameTermInTwoDimensionsGivesOneHitEach() throws {
    let lexicon = try makeLexicon("great\t3\ngreat\t1\tquality\n")
    let scorer = StanceScorer(lexicon: lexicon, modifiers: try makeModifiers())
    let analysis = scorer.score(try tokenizer.tokenize("not great"), mentions: [])
    #expect(analysis.hits.map(\.dimension) == ["stance", "quality"])
    #expect(areClose(analysis.hits.map(\.weight), [3 * -0.74, 1 * -0.74]))
  }

  // MARK: - Entities

  @Test func hitsInsideAMentionAreExcluded() throws {
    let gazetteer = try makeGazetteer()
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let text = "The Cooperation Council is good."
    let doc = try tokenizer.tokenize(text)
    let mentions = gazetteer.mentions(in: doc)
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["Cooperation Council"])

    let analysis = scorer.score(doc, mentions: mentions)
    #expect(analysis.hits.map { slice(text, $0.start, $0.end) } == ["good"])
    #expect(analysis.document["cooperation"]?.hits == 0)
    // Without the mention, the entity's name would be a hit.
    let unfiltered = scorer.score(doc, mentions: [])
    #expect(unfiltered.hits.map { slice(text, $0.start, $0.end) } == ["Cooperation", "good"])
  }

  @Test func sentenceScopeCountsAHitForEveryEntityInItsSentence() throws {
    let gazetteer = try makeGazetteer()
    let scorer = StanceScorer(
      lexicon: try makeLexicon(), modifiers: try makeModifiers(),
      policies: AttributionPolicies(all: .sentence))
    let text = "NASA and Roscosmos are good. Roscosmos is bad. Nothing else."
    let doc = try tokenizer.tokenize(text)
    let analysis = scorer.score(doc, mentions: gazetteer.mentions(in: doc))
    let nasa = try #require(gazetteer.entity(id: "nasa"))
    let roscosmos = try #require(gazetteer.entity(id: "roscosmos"))
    #expect(
      analysis.entityHits[nasa]?.map { slice(text, analysis.hits[$0].start, analysis.hits[$0].end) }
        == ["good"])
    #expect(
      analysis.entityHits[roscosmos]?.map {
        slice(text, analysis.hits[$0].start, analysis.hits[$0].end)
      }
        == ["good", "bad"])
    #expect(analysis.entityScores[nasa]?["stance"]?.raw == 2)
    #expect(analysis.entityScores[roscosmos]?["stance"]?.raw == 0)
    #expect(analysis.entityScores[roscosmos]?["stance"]?.hits == 2)
    // The document counts each hit once, however many entities it counts for.
    #expect(analysis.document["stance"]?.raw == 0)
    #expect(analysis.document["stance"]?.hits == 2)
  }

  @Test func anEntityMentionedTwiceInASentenceCountsAHitOnce() throws {
    let gazetteer = try makeGazetteer()
    let scorer = StanceScorer(
      lexicon: try makeLexicon(), modifiers: try makeModifiers(),
      policies: AttributionPolicies(all: .sentence))
    let doc = try tokenizer.tokenize("NASA said NASA is good.")
    let analysis = scorer.score(doc, mentions: gazetteer.mentions(in: doc))
    let nasa = try #require(gazetteer.entity(id: "nasa"))
    #expect(analysis.entityHits[nasa] == [0])
    #expect(analysis.entityScores[nasa]?["stance"]?.raw == 2)
  }

  @Test func mentionedEntityWithoutHitsGetsZeroScores() throws {
    let gazetteer = try makeGazetteer()
    let scorer = StanceScorer(lexicon: try makeLexicon(), modifiers: try makeModifiers())
    let doc = try tokenizer.tokenize("NASA is good. Roscosmos met today.")
    let analysis = scorer.score(doc, mentions: gazetteer.mentions(in: doc))
    let roscosmos = try #require(gazetteer.entity(id: "roscosmos"))
    let council = try #require(gazetteer.entity(id: "council"))
    #expect(analysis.entityHits[roscosmos] == nil)
    let zero = StanceScore(raw: 0, hits: 0, thresholds: Thresholds())
    #expect(analysis.entityScores[roscosmos] == ["stance": zero, "cooperation": zero])
    #expect(analysis.entityScores[council] == nil)  // not mentioned
  }

  @Test func windowScopeCountsHitsWithinNTokens() throws {
    let gazetteer = try makeGazetteer()
    let text = "NASA is good and Roscosmos is bad."
    let doc = try tokenizer.tokenize(text)
    let mentions = gazetteer.mentions(in: doc)
    let nasa = try #require(gazetteer.entity(id: "nasa"))
    let roscosmos = try #require(gazetteer.entity(id: "roscosmos"))
    func attributed(_ scope: AttributionPolicy) throws -> [Int: [String]] {
      let scorer = StanceScorer(
        lexicon: try makeLexicon(), modifiers: try makeModifiers(),
        policies: AttributionPolicies(all: scope))
      let analysis = scorer.score(doc, mentions: mentions)
      return analysis.entityHits.mapValues {
        $0.map { slice(text, analysis.hits[$0].start, analysis.hits[$0].end) }
      }
    }
    // "good" is 2 tokens from NASA and from Roscosmos; "bad" is 2 from Roscosmos, 6 from NASA.
    #expect(try attributed(.window(2)) == [nasa: ["good"], roscosmos: ["good", "bad"]])
    #expect(try attributed(.window(1)) == [:])
    #expect(try attributed(.window(6)) == [nasa: ["good", "bad"], roscosmos: ["good", "bad"]])
    #expect(try attributed(.sentence) == [nasa: ["good", "bad"], roscosmos: ["good", "bad"]])
  }

  @Test func windowScopeCrossesSentencesButSentenceScopeDoesNot() throws {
    let gazetteer = try makeGazetteer()
    let doc = try tokenizer.tokenize("NASA. Good.")
    let mentions = gazetteer.mentions(in: doc)
    let nasa = try #require(gazetteer.entity(id: "nasa"))
    let byWindow = StanceScorer(
      lexicon: try makeLexicon(), modifiers: try makeModifiers(),
      policies: AttributionPolicies(all: .window(2))
    ).score(doc, mentions: mentions)
    let bySentence = StanceScorer(
      lexicon: try makeLexicon(), modifiers: try makeModifiers(),
      policies: AttributionPolicies(all: .sentence)
    ).score(doc, mentions: mentions)
    #expect(byWindow.entityHits[nasa] == [0])
    #expect(bySentence.entityHits[nasa] == nil)
    #expect(bySentence.entityScores[nasa]?["stance"]?.hits == 0)
  }
}
