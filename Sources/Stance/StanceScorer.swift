import Entities
import Tokenize

/// The stance analysis of one document: every hit, which hits count for which entity, and the
/// scores per entity and per document for each dimension.
public struct StanceAnalysis: Sendable {
  public var hits: [Hit]
  /// Entity index → indices into `hits` that count for it, in text order.
  public var entityHits: [Int: [Int]]
  /// Entity index → where it stands toward each hit of its sentences (and, under `window:N`,
  /// hits near it), counted or not, in hit order. `entityHits` are the counted ones.
  public var entityAttributions: [Int: [Attribution]]
  /// Pronouns and role nouns resolved to entities, in text order.
  public var references: [Reference]
  /// Entity index → dimension → score.
  public var entityScores: [Int: [String: StanceScore]]
  /// Dimension → score over all hits of the document.
  public var document: [String: StanceScore]
}

/// What a window of a longer text is told about the text before it, so that its analysis is
/// the whole text's (`StanceScorer.score(_:mentions:types:titles:demonyms:affiliations:carried:)`).
public struct Carried: Sendable {
  /// Whether the window's first sentence begins inside a quotation.
  public var quotation = false
  /// The references of the window's sentences before `sentence` as the whole text resolved
  /// them, in the window's token, sentence and mention numbers: taken as they are, not
  /// resolved again (a chain of references reaches back further than any window's context). An
  /// antecedent before the window is a negative mention index.
  public var references: [Reference] = []
  public var sentence = 0

  public init(quotation: Bool = false, references: [Reference] = [], sentence: Int = 0) {
    self.quotation = quotation
    self.references = references
    self.sentence = sentence
  }
}

/// Scores lexicon hits with modifiers and attributes them to entity mentions.
///
/// Immutable and `Sendable`: one scorer serves every thread.
public struct StanceScorer: Sendable {
  public let lexicon: Lexicon
  public let modifiers: Modifiers
  public let rules: AttributionRules
  public let policies: AttributionPolicies
  public let thresholds: Thresholds
  /// Whether pronouns and role nouns are resolved (`--no-coreference` turns it off).
  public let coreference: Bool
  /// Dimension → particle key → the two-word terms that end with it (their verb's key and
  /// entry), which also match split by their object ("pulled its technicians out").
  private let splitTerms: [String: [String: [SplitTerm]]]

  private struct SplitTerm: Sendable {
    var verb: String
    /// The verb's id in the vocabulary of `splitStamp` (0: none bound).
    var verbID: UInt32
    var entry: Int
  }
  /// The `Vocabulary.stamp` of the vocabulary the split terms' `verbID`s are of (0: none): a
  /// text tokenized with it has its verbs compared by id, not by key.
  private let splitStamp: UInt64

  /// Every dimension's zero score, and the dimension index at each of the dictionary's
  /// positions in its order: a document's score dictionaries are copies of it with their
  /// values set in place, so no dimension name is hashed per entity.
  private let zeroScores: [String: StanceScore]
  private let zeroScoreOrder: [Int]
  /// The suffixes whose endings `KeyEndings` finds in each document.
  private let endingSuffixes: KeyEndings.Suffixes

  /// `vocabulary`: the vocabulary the lexicon, modifiers and rules are bound to, if any (texts
  /// tokenized with it have the two-word terms split by their object matched by token id).
  public init(
    lexicon: Lexicon, modifiers: Modifiers, rules: AttributionRules = AttributionRules(),
    policies: AttributionPolicies = AttributionPolicies(), thresholds: Thresholds = Thresholds(),
    coreference: Bool = true, vocabulary: Vocabulary? = nil
  ) {
    self.lexicon = lexicon
    self.modifiers = modifiers
    self.rules = rules
    var policies = policies
    for (dimension, policy) in lexicon.declaredPolicies where policies.declared[dimension] == nil {
      policies.declared[dimension] = policy
    }
    self.policies = policies
    self.thresholds = thresholds
    self.coreference = coreference
    var splitTerms: [String: [String: [SplitTerm]]] = [:]
    for (index, entry) in lexicon.entries.enumerated()
    where entry.keys.count == 2 && !entry.isPrefix && rules.isWord(entry.keys[1], .particle) {
      splitTerms[entry.dimension, default: [:]][entry.keys[1], default: []].append(
        SplitTerm(
          verb: entry.keys[0], verbID: vocabulary?.id(of: entry.keys[0]) ?? 0, entry: index))
    }
    self.splitTerms = splitTerms
    // The analyzer's vocabulary has every key of the lexicon; one without some verb (another
    // vocabulary) leaves the keys compared.
    splitStamp =
      vocabulary.map { vocabulary in
        splitTerms.values.allSatisfy { $0.values.allSatisfy { $0.allSatisfy { $0.verbID != 0 } } }
          ? vocabulary.stamp : 0
      } ?? 0
    endingSuffixes = KeyEndings.Suffixes(rules: rules)
    var zeroScores: [String: StanceScore] = [:]
    for dimension in lexicon.dimensions {
      zeroScores[dimension] = StanceScore(raw: 0, hits: 0, thresholds: thresholds)
    }
    self.zeroScores = zeroScores
    zeroScoreOrder = zeroScores.keys.map { lexicon.dimensions.lastIndex(of: $0)! }
  }

  /// Adds to `matches` (one sentence's, in text order) the two-word terms of `dimension` that
  /// end with a particle, split by their object ("pulled its technicians out"): a hit of the
  /// verb alone (`AttributionRules.splitVerb`), in place of a hit of the verb's own word.
  private func addSplitMatches(
    to matches: inout [TermMatch], terms: [String: [SplitTerm]],
    particles: ArraySlice<Int>, in doc: TokenizedText
  ) {
    // By id with the bound vocabulary: a key compared with each term's verb was one call into
    // the runtime per term.
    let byID = splitStamp != 0 && doc.vocabularyStamp == splitStamp
    for p in particles {
      guard let candidates = terms[doc.tokens[p].key] else { continue }
      var entry = 0
      guard
        let v = rules.splitVerb(
          endingAt: p, in: doc,
          isVerb: { v, doc in
            let id = doc.tokens[v].id
            guard
              let term = byID
                ? candidates.first(where: { $0.verbID == id })
                : candidates.first(where: { $0.verb == doc.tokens[v].key })
            else {
              return false
            }
            entry = term.entry
            return true
          })
      else { continue }
      let at = matches.firstIndex { $0.tokens.upperBound > v } ?? matches.count
      if at < matches.count && matches[at].tokens.lowerBound <= v {
        // A longer term covers the verb ("cut ties"): it stays.
        guard matches[at].tokens == v..<(v + 1) else { continue }
        matches.remove(at: at)
      }
      matches.insert((v..<(v + 1), entry), at: at)
    }
  }

  /// The policy each dimension is scored under.
  public func policy(for dimension: String) -> AttributionPolicy { policies.policy(for: dimension) }

  /// Finds every lexicon hit (not inside an entity mention), applies modifiers, attributes the
  /// hits and scores each entity and the document on every dimension. `types` gives each
  /// entity's type (entity index → `PERSON`, `ORG`, …) for coreference.
  ///
  /// - Complexity: O(tokens × (longest term + window)) per dimension, plus O(hits × mentions)
  ///   per sentence for roles.
  ///
  /// `carried`: what a window of a longer text is told about the text before it.
  public func score(
    _ doc: TokenizedText, mentions: [EntityMention], types: [String] = [], titles: [[String]] = [],
    demonyms: DemonymIndex = DemonymIndex(), affiliations: [[Int]] = [],
    carried: Carried = Carried()
  )
    -> StanceAnalysis
  {
    let tokens = doc.tokens
    // Both arrays written through their buffers: a subscript write checked the array's
    // uniqueness each time (a call into the runtime at every token).
    var inMention = [Bool](filled: false, count: tokens.count)
    inMention.withUnsafeMutableBufferPointer { inMention in
      for mention in mentions { for t in mention.tokens { inMention[t] = true } }
    }
    // Word ordinals (modifier windows count words, numbers and symbols, not punctuation).
    // The parts of a compound count as one word ("the cross-flight agreement").
    var ordinal = [Int](filled: 0, count: tokens.count)
    ordinal.withUnsafeMutableBufferPointer { ordinal in
      var counted = 0
      for t in ordinal.indices {
        if tokens[t].kind != .punctuation && !doc.continuesCompound(t) { counted += 1 }
        ordinal[t] = counted
      }
    }
    // The markers first: they hold each token's word classes, the particles' too.
    let quotes = QuoteMarks(doc: doc, rules: rules, carriedIn: carried.quotation)
    // The modifier words, once per document.
    var marks: [ModifierMark] = []
    // The particles of phrasal verbs (`AttributionRules.MarkerKind.particle`), in text order.
    var particles: [Int] = []
    for t in tokens.indices {
      // A phrase ending here ("rule out") before the word itself; a phrase's words are no
      // modifiers of their own ("no longer": `no` does not negate a second time).
      // One load (through the rules, a probe of their table by the token's id).
      let isParticle = quotes.markers.word(t, is: .particle)
      if isParticle { particles.append(t) }
      let (found, endsPhrase) = modifiers.lookUp(at: t, in: doc)
      if let (first, word) = found {
        while let last = marks.last, last.token >= first { marks.removeLast() }
        marks.append(ModifierMark(token: t, first: first, word: word))
      } else if endsPhrase && isParticle {
        // A phrase split by its object ("turned the offer down") acts from its verb. The phrase
        // is looked up again for the verb found: a closure that kept it in a variable copied the
        // whole scorer and the document (every table's reference retained) at each particle.
        // The closure captures the modifiers alone and is given the document: reading
        // `self.modifiers` in it, its specialisation of `splitVerb` was handed a copy of the
        // whole scorer (304 copies on the benchmark slice, each retaining and releasing 31
        // shared tables), and capturing `doc`, a copy of the document (729).
        if let v = rules.splitVerb(
          endingAt: t, in: doc,
          isVerb: { [modifiers] v, doc in
            modifiers.splitPhrase(verb: v, particle: t, in: doc) != nil
          }),
          let split = modifiers.splitPhrase(verb: v, particle: t, in: doc)
        {
          let at = marks.firstIndex { $0.token >= v } ?? marks.count
          if at == marks.count || marks[at].token > v {
            marks.insert(ModifierMark(token: v, first: v, word: split), at: at)
          }
        }
      }
    }
    var hits: [Hit] = []
    var firstMark = 0
    // Each dimension's term matches, sentence by sentence: each matcher is fetched (copied out
    // of the lexicon) once per document rather than once per sentence. A sentence's matches
    // are found in one reused array and kept in one array for the document (an array per
    // sentence was about 4,500 allocations and regrowths on the benchmark slice).
    var found: [TermMatch] = []
    let matches = lexicon.dimensions.compactMap { dimension -> DimensionMatches? in
      guard let matcher = lexicon.matcher(for: dimension) else { return nil }
      let terms = splitTerms[dimension]
      var next = 0
      var all = DimensionMatches(dimension: dimension)
      all.ends.reserveCapacity(doc.sentences.count)
      for sentence in doc.sentences {
        found.removeAll(keepingCapacity: true)
        matcher.firstValues(
          in: doc.tokens, range: sentence.tokens, stamp: doc.vocabularyStamp, into: &found)
        if let terms {
          // The sentence's particles (sentences come in order).
          while next < particles.count && particles[next] < sentence.tokens.lowerBound {
            next += 1
          }
          var end = next
          while end < particles.count && particles[end] < sentence.tokens.upperBound { end += 1 }
          if next < end {
            addSplitMatches(to: &found, terms: terms, particles: particles[next..<end], in: doc)
          }
        }
        all.matches.append(contentsOf: found)
        all.ends.append(all.matches.count)
      }
      return all
    }
    Self.reserveHits(&hits, for: matches)
    for (index, sentence) in doc.sentences.enumerated() {
      var endMark = firstMark
      while endMark < marks.count && marks[endMark].token < sentence.tokens.upperBound {
        endMark += 1
      }
      findHits(
        in: doc, sentence: sentence, index: index, matches: matches, inMention: inMention,
        ordinal: ordinal, marks: marks[firstMark..<endMark], into: &hits)
      firstMark = endMark
    }
    let references =
      coreference && !types.isEmpty
      ? Coreference(
        rules: rules, types: types, titles: titles, demonyms: demonyms, affiliations: affiliations
      )
      .references(
        in: doc, mentions: mentions, inMention: inMention, quotes: quotes, carried: carried)
      : []
    let entityAttributions = attribute(
      hits, mentions: mentions, references: references, doc: doc, inMention: inMention,
      types: types, quotes: quotes)
    return analysis(
      hits: hits, entityAttributions: entityAttributions, references: references,
      mentions: mentions)
  }

  /// The analysis of a text from its hits, their attributions and its references: which hits
  /// count for each entity, and every score. A text analysed in windows is put together here
  /// from its windows' parts, so its scores are the same sums in the same order.
  public func analysis(
    hits: [Hit], entityAttributions: [Int: [Attribution]], references: [Reference],
    mentions: [EntityMention]
  ) -> StanceAnalysis {
    var entityHits: [Int: [Int]] = [:]
    var entityScores: [Int: [String: StanceScore]] = [:]
    entityHits.reserveCapacity(entityAttributions.count)
    entityScores.reserveCapacity(entityAttributions.count)
    // Each hit's dimension index, found once per hit, not once per (hit, entity) pair.
    let dimensions = lexicon.dimensions
    let dimensionOf =
      dimensions.count == 1 ? [] : hits.map { dimensions.firstIndex(of: $0.dimension) ?? 0 }
    var raw = [Double](filled: 0, count: dimensions.count)
    var count = [Int](filled: 0, count: dimensions.count)
    for (entity, attributions) in entityAttributions {
      // The counted hits and their sums in one pass over the attributions (a filtered copy
      // of the list, then a second array, were made before).
      var counted: [Int] = []
      for d in raw.indices {
        raw[d] = 0
        count[d] = 0
      }
      for attribution in attributions where attribution.counted {
        let h = attribution.hit
        if counted.isEmpty { counted.reserveCapacity(attributions.count) }
        counted.append(h)
        let d = dimensionOf.isEmpty ? 0 : dimensionOf[h]
        raw[d] += hits[h].weight * attribution.share
        count[d] += 1
      }
      guard !counted.isEmpty else { continue }
      entityHits[entity] = counted
      entityScores[entity] = scores(raw: raw, count: count)
    }
    // The scores of an entity with no counted hit are the zero scores (`scores([])`, made once
    // for the scorer); each entity asked about once (a document's mentions name few entities,
    // most of them many times).
    var previous = -1
    for mention in mentions where mention.entity != previous {
      previous = mention.entity
      guard entityScores[mention.entity] == nil else { continue }
      entityScores[mention.entity] = zeroScores
    }
    return StanceAnalysis(
      hits: hits, entityHits: entityHits, entityAttributions: entityAttributions,
      references: references, entityScores: entityScores, document: scores(hits))
  }

  /// Whether sentence `sentence` of `doc` begins inside a quotation opened in the sentence
  /// before it, when the text's first sentence begins inside one if `carriedIn`: what the next
  /// window of a longer text is told (`Carried.quotation`).
  public func quotationCarried(into sentence: Int, of doc: TokenizedText, carriedIn: Bool) -> Bool {
    QuoteMarks(doc: doc, rules: rules, carriedIn: carriedIn).opensInside.contains(sentence)
  }

  /// Raw sums, counts and scores per dimension; every dimension of the lexicon is present.
  public func scores(_ hits: some Sequence<Hit>) -> [String: StanceScore] {
    scores(weighted: hits.lazy.map { ($0, 1) })
  }

  /// `scores(_:)` of an array, its hits read in place (the sequence's pairs copied each hit).
  public func scores(_ hits: [Hit]) -> [String: StanceScore] {
    let dimensions = lexicon.dimensions
    var raw = [Double](filled: 0, count: dimensions.count)
    var count = [Int](filled: 0, count: dimensions.count)
    for h in hits.indices {
      let d = dimensions.count == 1 ? 0 : dimensions.firstIndex(of: hits[h].dimension) ?? 0
      raw[d] += hits[h].weight
      count[d] += 1
    }
    return scores(raw: raw, count: count)
  }

  /// Scores of hits that count for an entity with a share of their weight each (1: in full).
  public func scores(weighted hits: some Sequence<(Hit, Double)>) -> [String: StanceScore] {
    let dimensions = lexicon.dimensions
    var raw = [Double](filled: 0, count: dimensions.count)
    var count = [Int](filled: 0, count: dimensions.count)
    for (hit, share) in hits {
      let d = dimensions.count == 1 ? 0 : dimensions.firstIndex(of: hit.dimension) ?? 0
      raw[d] += hit.weight * share
      count[d] += 1
    }
    return scores(raw: raw, count: count)
  }

  /// The scores of each dimension's raw sum and count of hits.
  private func scores(raw: [Double], count: [Int]) -> [String: StanceScore] {
    var result = zeroScores
    var position = result.values.startIndex
    for d in zeroScoreOrder {
      result.values[position] = StanceScore(raw: raw[d], hits: count[d], thresholds: thresholds)
      result.values.formIndex(after: &position)
    }
    return result
  }

  // MARK: - Hits

  /// Markers that end the phrase a negated or shifted hit governs.
  static let clauseMarkers = AttributionRules.MarkerKind.clauseOpeners

  /// Words from a hit to the passive auxiliary of a shifter that governs it from behind.
  static let passiveShifterReach = 8
  /// Words between a shifter used without an object and the phrase whose verb it is: "will not
  /// end", "is expected to end" (the phrase's own words come before them).
  static let intransitiveShifterGap = 3

  /// One dimension's term matches: sentence `i`'s are `matches[ends[i - 1]..<ends[i]]`.
  private struct DimensionMatches {
    var dimension: String
    var matches: [TermMatch] = []
    var ends: [Int] = []

    /// Sentence `index`'s matches, in text order.
    func sentence(_ index: Int) -> ArraySlice<TermMatch> {
      matches[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
  }

  /// Room in `hits` for a hit per term match at once (no match makes more than one): grown one
  /// append at a time, the list was reallocated about five times a document (4 instructions a
  /// byte on the benchmark slice). Out of line: a few more blocks in `score` and the optimizer
  /// stopped inlining `Modifiers.lookUp`, its call at every token 16 instructions a byte.
  @inline(never)
  private static func reserveHits(_ hits: inout [Hit], for matches: [DimensionMatches]) {
    var count = 0
    for dimension in matches { count += dimension.matches.count }
    hits.reserveCapacity(count)
  }

  /// A term match: its tokens and its lexicon entry (the first value of the phrase that
  /// matched), a trivial value (a `PhraseMatcher.Match` holds an array of values, one
  /// allocation per match).
  private typealias TermMatch = (tokens: Range<Int>, value: Int)

  /// The hits of one sentence (number `index`), in text order. `matches` are each dimension's
  /// term matches, by sentence; `marks` are the sentence's modifier words.
  private func findHits(
    in doc: TokenizedText, sentence: Sentence, index: Int,
    matches: [DimensionMatches],
    inMention: [Bool], ordinal: [Int], marks: ArraySlice<ModifierMark>, into hits: inout [Hit]
  ) {
    let tokens = doc.tokens
    let firstHit = hits.count
    let contrast = marks.first { $0.word.kind == .contrast }
    // Without a contrast word, the first concession word and the clause it concedes: from it to
    // the next comma, or to the sentence's end (none at the end: "…, though." looks back).
    var conceded: (mark: ModifierMark, tokens: Range<Int>)?
    if contrast == nil, let c = marks.first(where: { $0.word.kind == .concession }) {
      let end = sentence.tokens.upperBound
      let comma = (c.token + 1..<end).first { tokens[$0].keyIs(",") } ?? end
      if (c.token + 1..<comma).contains(where: { tokens[$0].kind != .punctuation }) {
        conceded = (c, c.first..<comma)
      }
    }
    /// Whether `from` is 1…window words before `to` (a window of 0 disables modifiers).
    func inWindow(_ from: Int, _ to: Int) -> Bool {
      let d = ordinal[to] - ordinal[from]
      return d >= 1 && d <= modifiers.negationWindow
    }
    /// The clause a negator frames when `that` ends it or follows it ("it is not true that",
    /// "it is not that", "denied that"): from after the `that` to the end of the phrase it
    /// governs (punctuation, a clause marker, a coordinator before a verb: "denied that it would
    /// quit and said…"). The denial reaches every hit there, beyond its window and on top of
    /// the clause's own negators ("It is not true that Japan will not work with ESA": favor);
    /// not when a negator denies the denial ("did not deny that").
    func framedClause(by mark: ModifierMark) -> Range<Int>? {
      let end = sentence.tokens.upperBound
      var that = mark.token
      // A phrase that ends in a subordinator frames what follows it as `that` does ("it is not
      // as if").
      if !rules.word(that, in: doc, is: .complementizer)
        && !(mark.first < mark.token && rules.has(that, in: doc, .subordinator))
      {
        that += 1
        guard that < end, rules.word(that, in: doc, is: .complementizer) else { return nil }
      }
      for other in marks
      where other.word.kind == .negator && other.token < mark.first
        && inWindow(other.token, mark.first)
      {
        return nil
      }
      let stop = (that + 1..<end).first(where: endsGovernedPhrase) ?? end
      return (that + 1)..<stop
    }
    /// The last token of a name right after negator `mark` (a determiner may come between): the
    /// negator denies what the name does, so its window counts from there ("Neither NASA nor
    /// ESA wants to end the partnership", "nor the White House has cut ties").
    func nameEnd(after mark: ModifierMark) -> Int? {
      var u = mark.token + 1
      if u < tokens.count, !inMention[u], rules.referenceKind(of: u, in: doc) == .determiner,
        !rules.word(u, in: doc, is: .complementizer)
      {
        u += 1
      }
      guard u < tokens.count, inMention[u] else { return nil }
      while u + 1 < tokens.count && inMention[u + 1] { u += 1 }
      return u
    }
    /// Whether token `u` opens a noun phrase: a determiner, a possessive or an article (`the`,
    /// `its`, `a`).
    func opensNounPhrase(_ u: Int) -> Bool {
      rules.reference(of: u, in: doc).map({ $0.kind == .determiner || $0.isPossessive })
        ?? rules.word(u, in: doc, is: .article)
    }
    /// The noun of content (`content` lines of `clauses.tsv`) right after a shifter (a
    /// determiner, article or possessive pronoun, and one describing word or a name of up to four
    /// tokens, may come between: "turned down a NASA request to share…"), and the first
    /// word of what the shifter denies through it: after its `of`, `that`, `about` or `to`
    /// ("dismissed talk of a split", "rejected claims that the Kremlin would pull out",
    /// "shrugged off the reports of a rift", "reversed its earlier decision to freeze…"), or a
    /// name right after it ("rejects claims Kremlin ordered ISS exit").
    func content(after mark: ModifierMark) -> (noun: Int, start: Int)? {
      var t = mark.token + 1
      let end = sentence.tokens.upperBound
      // A negator's verb may come first ("did not see any reason to leave", "no longer saw a
      // need to…").
      if mark.word.kind == .negator, t + 2 < end, tokens[t].kind == .word,
        doc.firstScalar(of: tokens[t]).properties.isLowercase,
        rules.kinds(of: t, in: doc) & ~AttributionRules.MarkerKind.verb.bit == 0,
        !inMention[t], opensNounPhrase(t + 1), rules.isContent(t + 2, in: doc)
      {
        t += 1
      }
      if t < end,
        rules.reference(of: t, in: doc).map({ $0.kind == .determiner || $0.isPossessive })
          ?? rules.word(t, in: doc, is: .article)
      {
        t += 1
      }
      // One word may describe the noun ("reversed its earlier decision to freeze…"), or a name
      // ("turned down a NASA request to share…").
      if t + 1 < end, !rules.isContent(t, in: doc), rules.isContent(t + 1, in: doc),
        tokens[t].kind == .word, doc.firstScalar(of: tokens[t]).properties.isLowercase,
        rules.kinds(of: t, in: doc) == 0, !inMention[t]
      {
        t += 1
      } else if t < end, inMention[t] {
        var u = t
        while u < end && inMention[u] && u - t < 4 { u += 1 }
        if u < end, rules.isContent(u, in: doc) { t = u }
      }
      guard t + 2 < end, rules.isContent(t, in: doc) else { return nil }
      if rules.word(t + 1, in: doc, is: .complement) { return (t, t + 2) }
      // Without `that`, a name: "rejects claims Kremlin ordered ISS exit".
      return inMention[t + 1] ? (t, t + 1) : nil
    }
    /// Whether tokens `range` can be the rest of a hit's noun phrase: words and prepositions,
    /// no punctuation and no other marker ("Joint work with Energia on a new docking adapter").
    func phraseWords(_ range: Range<Int>) -> Bool {
      !range.contains {
        tokens[$0].kind == .punctuation
          || rules.kinds(of: $0, in: doc) & ~AttributionRules.MarkerKind.preposition.bit != 0
      }
    }
    /// Whether `mark` reaches the hit at `start` through a noun of content it governs, what the
    /// noun introduces: within the reach of a reported clause, nothing between that ends what
    /// it governs (`endsGovernedPhrase`) and no contrast word ("rejected claims that the
    /// Kremlin was preparing to pull out"). Nil when no noun of content follows the mark before
    /// the hit.
    func throughContent(_ mark: ModifierMark, to start: Int) -> Bool? {
      guard let content = content(after: mark)?.start, content <= start else { return nil }
      return ordinal[start] - ordinal[content] < ClauseAnalyzer.complementizerReach
        && !(content..<start).contains {
          endsGovernedPhrase($0) || modifiers.word(of: $0, in: doc)?.kind == .contrast
        }
    }
    /// Whether token `u` ends the phrase a shifter or attitude word governs: punctuation, a
    /// clause marker, or a coordinator before a verb ("welcomed by NASA and rejected by
    /// Roscosmos", "played down the incident and praised…").
    func endsGovernedPhrase(_ u: Int) -> Bool {
      tokens[u].kind == .punctuation
        || (rules.kinds(of: u, in: doc) & Self.clauseMarkers != 0
          && !modifiers.isDeterminerThat(u, in: doc))
        || (rules.has(u, in: doc, .coordinator) && u + 1 < tokens.count && isVerb(u + 1))
    }
    /// Whether token `u` is a verb by the clause markers: a `verb`, `speech`, `passive` or
    /// `desire` word, or a lowercase word with a `verb_suffix` ("praised").
    func isVerb(_ u: Int) -> Bool {
      let verbal =
        AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.speech.bit
        | AttributionRules.MarkerKind.passive.bit | AttributionRules.MarkerKind.desire.bit
      if rules.kinds(of: u, in: doc) & verbal != 0 { return true }
      return tokens[u].kind == .word && doc.firstScalar(of: tokens[u]).properties.isLowercase
        && rules.verbSuffixes.contains { tokens[u].key.hasSuffix($0) }
    }
    /// The first token of the verb group that ends before `t` and starts after `end`:
    /// auxiliaries and modals (`verb` and `passive` markers), negators, adverbs in -ly and, with
    /// `infinitive`, `to`; at most `limit` tokens of them. The words of `phrases` (negator
    /// phrases: "impossible to") count as negators too.
    func verbGroupStart(
      before t: Int, after end: Int, limit: Int, infinitive: Bool, phrases: [ModifierMark] = []
    ) -> Int {
      let verbal =
        AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.passive.bit
      var start = t
      while start > end, t - start < limit {
        let u = start - 1
        guard
          rules.kinds(of: u, in: doc) & verbal != 0 || tokens[u].key.hasSuffix("ly")
            || (infinitive && rules.word(u, in: doc, is: .infinitive))
            || modifiers.word(of: u, in: doc)?.kind == .negator
            || phrases.contains(where: { $0.first <= u && u <= $0.token })
        else { break }
        start = u
      }
      return start
    }
    /// A shifter in the passive after a hit of its subject ("Joint work with Energia was
    /// suspended by Boeing", "Sanctions were lifted", "was ruled out by Borisov"): right after a
    /// passive auxiliary (and at most one adverb) that follows the hit within
    /// `passiveShifterReach` words, no punctuation between; not in a subordinate or conditional
    /// clause, whose passive is a condition or a circumstance ("won't restore relations until
    /// the sanctions are lifted"). With no auxiliary, a shifter used without an object after the
    /// hit's phrase (`intransitive(_:after:)`: "called the partnership beyond repair").
    func passiveShifter(after end: Int, shifting base: Double) -> ModifierMark? {
      guard
        let mark = marks.first(where: { $0.first >= end && $0.word.kind.shifts(base) }),
        !isSubordinate(before: end)
      else { return nil }
      // Up to the auxiliary, the subject's words ("Joint work with Energia on a new docking
      // adapter was suspended").
      let auxiliary = auxiliary(before: mark, after: end)
      // Right after the term: no auxiliary ("called the partnership beyond repair").
      if auxiliary < end { return intransitive(mark, after: end) ? mark : nil }
      guard phraseWords(end..<auxiliary) else { return nil }
      if isPassiveAuxiliary(auxiliary, after: end) { return mark }
      return intransitive(mark, after: end) ? mark : nil
    }
    /// Where the auxiliary of verb `mark` would stand: the word before it, or the one before
    /// that across one adverb (in -ly, or an `adverb`), not before `end`.
    func auxiliary(before mark: ModifierMark, after end: Int) -> Int {
      let auxiliary = mark.first - 1
      return auxiliary > end
        && (tokens[auxiliary].key.hasSuffix("ly") || rules.word(auxiliary, in: doc, is: .adverb))
        ? auxiliary - 1 : auxiliary
    }
    /// Whether `auxiliary` is a passive auxiliary within `passiveShifterReach` words of the
    /// subject's words ending at `end`; not a bare `be`, which follows a modal: "must be
    /// lifted" is a demand, not an act.
    func isPassiveAuxiliary(_ auxiliary: Int, after end: Int) -> Bool {
      rules.has(auxiliary, in: doc, .passive) && !tokens[auxiliary].keyIs("be")
        && ordinal[auxiliary] - ordinal[end - 1] <= Self.passiveShifterReach
    }
    /// Whether a subordinator or a conditional stands in the sentence before `end`: a passive
    /// there is a condition or a circumstance ("won't restore relations until the sanctions are
    /// lifted").
    func isSubordinate(before end: Int) -> Bool {
      let subordinate =
        AttributionRules.MarkerKind.subordinator.bit | AttributionRules.MarkerKind.conditional.bit
      return (sentence.tokens.lowerBound..<end).contains {
        rules.kinds(of: $0, in: doc) & subordinate != 0
      }
    }
    /// Whether a shifter after a hit is the verb of the hit's phrase, used without an object
    /// ("did not expect the partnership to end", "Joint work with Energia has ceased",
    /// "cooperation collapsed in 2022"): between them only the phrase's own words (as for the
    /// passive) and then at most `intransitiveShifterGap` auxiliaries, modals, negators, `to`
    /// or adverbs in -ly; after it the clause ends or a preposition, coordinator, subordinator
    /// or adverb follows, so nothing it could govern comes next ("ended the partnership" is
    /// the forward rule's).
    func intransitive(_ mark: ModifierMark, after end: Int) -> Bool {
      let groupStart = verbGroupStart(
        before: mark.first, after: end, limit: Self.intransitiveShifterGap, infinitive: true)
      guard phraseWords(end..<groupStart),
        ordinal[mark.first] - ordinal[end - 1] <= Self.passiveShifterReach,
        // A noun of content whose `to` follows it holds the shifter: what it says or plans,
        // not its end ("Rogozin's threat to withdraw", "the decision to halt").
        !(groupStart == end && rules.word(end, in: doc, is: .infinitive)
          && rules.isContent(end - 1, in: doc))
      else { return false }
      // A verb, not a noun ("backed the suspension"): after an auxiliary, `to` or a negator,
      // or in -ed or -s ("cooperation collapsed", "the partnership ends"); or a phrase ("called
      // the partnership beyond repair").
      let key = tokens[mark.token].key
      guard
        groupStart < mark.first || key.hasSuffix("ed") || key.hasSuffix("s")
          || mark.first < mark.token
      else {
        return false
      }
      let next = mark.token + 1
      guard next < sentence.tokens.upperBound, tokens[next].kind != .punctuation else {
        return true
      }
      let closes =
        AttributionRules.MarkerKind.preposition.bit | AttributionRules.MarkerKind.coordinator.bit
        | AttributionRules.MarkerKind.subordinator.bit | AttributionRules.MarkerKind.contrast.bit
      return rules.kinds(of: next, in: doc) & closes != 0
        || (tokens[next].key.hasSuffix("ly") && tokens[next].kind == .word)
    }
    /// The hit before a negated verb hit heads its subject and shares its negation
    /// ("cooperation on the station could not continue", "the partnership will never
    /// survive"): between them the subject's words (as for a passive shifter), then only
    /// auxiliaries, modals, negators and adverbs in -ly, the negators among them.
    func negateSubject(of start: Int, by negators: [ModifierMark], dimension: String) {
      guard let last = hits.indices.last, last >= firstHit, hits[last].dimension == dimension,
        case let end = hits[last].tokens.upperBound, end < start,
        ordinal[start] - ordinal[end - 1] <= Self.passiveShifterReach,
        !hits[last].modifiers.contains(where: { $0.kind == .negator || $0.kind.isShifter })
      else { return }
      let group = verbGroupStart(
        before: start, after: end, limit: .max, infinitive: false, phrases: negators)
      guard negators.allSatisfy({ $0.first >= group }), phraseWords(end..<group) else { return }
      for mark in negators {
        hits[last].apply(
          AppliedModifier(
            kind: .negator, token: mark.token, start: tokens[mark.first].start,
            end: tokens[mark.token].end, effect: .factor(modifiers.value(of: mark.word))))
      }
    }
    /// A shifter that is a hit itself and denies content ("dismissed talk of a split",
    /// "rejected claims that the Kremlin would pull out": `content(after:)`) takes the sign of the
    /// first term it reversed there: denying a negative is favourable; and none when it reversed
    /// none there.
    ///
    /// So does one that ends a hostile measure it governs directly ("suspended the sanctions",
    /// "scrapped the ban": favor), but not one that rebuffs a hostile word, a noun of content
    /// ("rejected the demands", "dismissed the accusations" stay hostile, as the writers read
    /// them).
    func applyDenials(from first: Int) {
      for h in hits.indices.dropFirst(first) where hits[h].weight < 0 {
        guard
          let mark = marks.first(where: {
            $0.word.kind.isShifter && hits[h].tokens.contains($0.token)
          })
        else { continue }
        let reversed = hits[(h + 1)...].first(where: { hit in
          hit.modifiers.contains { $0.kind.isShifter && $0.token == mark.token }
        })
        guard let (noun, start) = content(after: mark) else {
          // A term that another shifter reversed first is ended too ("refused to end its
          // partnership": favor); the measure may follow the verb the refusal governs ("refused
          // to join the sanctions": favor).
          func ends(_ hit: Hit) -> Bool {
            hit.weight > 0
              && (hit.base < 0
                || hit.modifiers.contains(where: { $0.kind.isShifter && $0.token != mark.token }))
          }
          var measure = reversed
          if let verb = reversed, !ends(verb), verb.tokens.lowerBound == mark.token + 2,
            rules.word(mark.token + 1, in: doc, is: .infinitive)
          {
            measure = hits[(h + 1)...].first(where: { hit in
              hit.tokens.lowerBound > verb.tokens.lowerBound
                && hit.modifiers.contains { $0.kind.isShifter && $0.token == mark.token }
            })
          }
          if let measure, ends(measure), !rules.isContent(measure.tokens.upperBound - 1, in: doc) {
            hits[h].apply(
              AppliedModifier(
                kind: .attitude, token: measure.tokens.upperBound - 1, start: measure.start,
                end: measure.end, effect: .factor(modifiers.value(of: mark.word))))
          }
          continue
        }
        guard let content = reversed else {
          // Denying content that holds no term is no stance ("rejecting speculation about a
          // manufacturing defect"): the noun of content stands in the evidence. Abandoning a
          // plan to do something is still abandoning ("abandoned its plan to launch the rover
          // on a Russian rocket").
          guard !rules.word(start - 1, in: doc, is: .infinitive) else { continue }
          hits[h].apply(
            AppliedModifier(
              kind: .attitude, token: noun, start: tokens[noun].start, end: tokens[noun].end,
              effect: .factor(0)))
          continue
        }
        guard content.weight > 0 else { continue }
        hits[h].apply(
          AppliedModifier(
            kind: .attitude, token: content.tokens.upperBound - 1, start: content.start,
            end: content.end, effect: .factor(modifiers.value(of: mark.word))))
      }
    }
    /// An attitude word takes the sign of the term it governs (`Modifiers.Kind.attitude`): the
    /// next hit of its dimension within `shifterWindow` words after it, with no punctuation or
    /// clause marker between ("supported the sanctions": against; "did not support ending the
    /// arrangement": favor). The governed term's sign is its base weight with its own attitude
    /// and the shifters and negators after the attitude word (one before it reverses or negates
    /// both: "ruled out extending its stay" is against).
    /// Right to left, so that a governed attitude word is settled first.
    ///
    /// In the passive, the term it governs is the subject's, before it ("Sanctions on Roscosmos
    /// were extended by the European Union": against), as for a passive shifter.
    func applyAttitudes(from first: Int) {
      guard first + 1 < hits.count else { return }
      for h in stride(from: hits.count - 1, through: first, by: -1) {
        guard
          let mark = marks.first(where: {
            $0.word.kind == .attitude && hits[h].tokens.contains($0.token)
          })
        else { continue }
        let end = hits[h].tokens.upperBound
        let governed: Int
        // Or the shifter word that governs that term ("welcomed the end of the partnership":
        // the attitude governs the end, the end governs the partnership).
        if h + 1 < hits.count, case let object = hits[h + 1].tokens, object.lowerBound >= end,
          case let near = hits[h + 1].modifiers.reduce(
            object.lowerBound,
            {
              $1.kind.isShifter && $1.token >= end ? min($0, $1.token) : $0
            }),
          ordinal[near] - ordinal[end - 1] <= modifiers.shifterWindow,
          !(end..<near).contains(where: { endsGovernedPhrase($0) })
        {
          governed = h + 1
        } else if h > first, isPassiveAttitude(mark, after: hits[h - 1].tokens.upperBound) {
          governed = h - 1
        } else {
          continue
        }
        var sign = hits[governed].base
        for applied in hits[governed].modifiers {
          guard case .factor(let factor) = applied.effect else { continue }
          // Not a shifter before the attitude word, which shifts the attitude word itself
          // ("ruled out extending its stay": against).
          if ((applied.kind.isShifter || applied.kind == .negator) && applied.token > mark.token)
            || applied.kind == .attitude
          {
            sign *= factor
          }
        }
        guard sign < 0 else { continue }
        let object = hits[governed].tokens
        hits[h].apply(
          AppliedModifier(
            kind: .attitude, token: object.upperBound - 1, start: tokens[object.lowerBound].start,
            end: tokens[object.upperBound - 1].end, effect: .factor(modifiers.value(of: mark.word)))
        )
      }
    }
    /// Whether attitude word `mark` is a passive verb whose subject's words end at `end`: right
    /// after a passive auxiliary (and at most one adverb in -ly), within `passiveShifterReach`
    /// words, only the subject's words between; not after a bare `be` (a demand: "must be
    /// extended"), nor in a subordinate or conditional clause.
    func isPassiveAttitude(_ mark: ModifierMark, after end: Int) -> Bool {
      let auxiliary = auxiliary(before: mark, after: end)
      return auxiliary >= end && phraseWords(end..<auxiliary)
        && isPassiveAuxiliary(auxiliary, after: end) && !isSubordinate(before: end)
    }
    for dimensionMatches in matches {
      let dimension = dimensionMatches.dimension
      let dimensionFirst = hits.count
      defer {
        applyDenials(from: dimensionFirst)
        applyAttitudes(from: dimensionFirst)
      }
      var previousEnd = sentence.tokens.lowerBound
      // The last negated hit: its negators reach the phrase it governs ("did not threaten an
      // abrupt exit", "saw no reason to continue the joint program").
      var negated: (end: Int, negators: [ModifierMark])?
      // The last shifted hit: its shifter reaches the phrase it governs likewise ("lifted its
      // threat to quit the program": `quit` is lifted with the threat).
      var shifted: (end: Int, shifter: ModifierMark)?
      for match in dimensionMatches.sentence(index)
      where !match.tokens.contains(where: { inMention[$0] }) {
        let entry = match.value
        let start = match.tokens.lowerBound
        let base = lexicon.entries[entry].weight
        var weight = base
        var applied: [AppliedModifier] = []
        func note(_ kind: Modifiers.Kind, _ mark: ModifierMark, _ effect: AppliedModifier.Effect) {
          applied.append(
            AppliedModifier(
              kind: kind, token: mark.token, start: tokens[mark.first].start,
              end: tokens[mark.token].end, effect: effect))
        }
        // Boosters and dampeners between the previous hit and this one, within the window.
        for mark in marks
        where (mark.word.kind == .booster || mark.word.kind == .dampener)
          && mark.token >= previousEnd
          && mark.token < start && inWindow(mark.token, start)
        {
          let delta = modifiers.value(of: mark.word)
          if base != 0 {
            weight += base > 0 ? delta : -delta
            note(mark.word.kind, mark, .delta(delta))
          }
        }
        // Negators within the window before the hit, each one flipping and damping; or, for the
        // first hit what a noun of content introduces, through it ("flatly denied any plan to
        // end cooperation"; the terms after it as a negation reaches them, below).
        var negators = marks.filter { mark in
          mark.word.kind == .negator && mark.token < start
            && (inWindow(mark.token, start)
              || nameEnd(after: mark).map { $0 < start && inWindow($0, start) } == true
                // "Neither Nelson nor Lueders blamed…" is one negation, not two.
                && !marks.contains(where: {
                  $0.word.kind == .negator && $0.token > mark.token && $0.token < start
                })
              || (throughContent(mark, to: start) == true
                && content(after: mark).map { previousEnd <= $0.start } == true)
              || framedClause(by: mark)?.contains(start) == true)
        }
        /// Whether the phrase of a hit ending at `end` reaches this one: within the negation
        /// window, no punctuation or contrast word between.
        /// Nor across a clause marker ("could not continue unless Western sanctions…") or a
        /// coordinator before a verb ("was never in danger and praised…").
        func governs(_ end: Int) -> Bool {
          inWindow(end - 1, start)
            && !(end..<start).contains(where: {
              endsGovernedPhrase($0) || modifiers.word(of: $0, in: doc)?.kind == .contrast
            })
        }
        if negators.isEmpty, let last = negated, governs(last.end) {
          negators = last.negators
        }
        /// The shifter of the last shifted hit, when its phrase reaches this one. Not the
        /// shifter's own hit ("was rejected": `rejected` shifts its subject, not itself).
        func shiftedBefore() -> ModifierMark? {
          guard let last = shifted, last.shifter.word.kind.shifts(base),
            !match.tokens.contains(last.shifter.token)
          else { return nil }
          // Through the `of` after a shifted noun, the window counts from the `of` ("ruled out
          // any resumption of the ExoMars partnership").
          let end =
            last.end < start && rules.word(last.end, in: doc, is: .genitive)
            ? last.end + 1 : last.end
          return governs(end) ? last.shifter : nil
        }
        // The nearest shifter within its window before the hit that reverses a term of this
        // sign ("suspended the partnership", "lifted the sanctions"); not one inside the hit.
        var shifter =
          marks.last(where: { mark in
            guard mark.word.kind.shifts(base), mark.token < start,
              ordinal[start] - ordinal[mark.token] >= 1,
              !(mark.token..<start).contains(where: { tokens[$0].kind == .punctuation })
            else { return false }
            if let reaches = throughContent(mark, to: start) { return reaches }
            guard ordinal[start] - ordinal[mark.token] <= modifiers.shifterWindow else {
              return false
            }
            // Loops, not `contains(where:)`: specialised for its closure, it was handed a copy
            // of the whole scorer and the document (every table's reference retained).
            // A preposition after the shifter's object ends its reach ("suspended flights over
            // the sanctions"); one right after the shifter is its own ("withdrew from"), and
            // `to` opens an infinitive ("ruled out plans to leave").
            for u in min(mark.token + 2, start)..<start
            where rules.has(u, in: doc, .preposition) && !rules.word(u, in: doc, is: .infinitive) {
              return false
            }
            // So does a clause marker ("are suspended indefinitely after Roscosmos withdrew"),
            // and a coordinator before a verb ("played down the incident and praised…").
            for u in mark.token + 1..<start where endsGovernedPhrase(u) { return false }
            return true
          })
        // Then the last shifted hit's shifter, then a passive shifter after the hit. (A
        // function called in statements: a closure given to `shifted.flatMap` in a `??` chain
        // was handed a copy of the whole scorer, 331 on the benchmark slice.)
        if shifter == nil { shifter = shiftedBefore() }
        if shifter == nil {
          shifter = passiveShifter(after: match.tokens.upperBound, shifting: base)
        }
        // A negator within the window before the shifter negates what the shifter does to the
        // hit ("is not considering ending its seat-swap arrangement", "has no plans to end the
        // partnership").
        if negators.isEmpty, let mark = shifter {
          negators = marks.filter {
            $0.word.kind == .negator && $0.token < mark.first && inWindow($0.token, mark.first)
          }
        }
        for mark in negators {
          let factor = modifiers.value(of: mark.word)
          weight *= factor
          note(.negator, mark, .factor(factor))
        }
        if !negators.isEmpty {
          negated = (match.tokens.upperBound, negators)
          negateSubject(of: start, by: negators, dimension: dimension)
        }
        if let mark = shifter {
          let factor = modifiers.value(of: mark.word)
          weight *= factor
          note(mark.word.kind, mark, .factor(factor))
          shifted = (match.tokens.upperBound, mark)
          // A shifter of the shifter: "refused to ease its sanctions" (`refused` reverses what
          // easing them did), right before it, before its `to`, or before its determiner or
          // possessive ("ended its suspension of cooperation", "lifted the freeze on talks").
          var outer = mark.first - 1
          if outer > sentence.tokens.lowerBound,
            rules.word(outer, in: doc, is: .infinitive) || opensNounPhrase(outer)
          {
            outer -= 1
          }
          // Or before the noun of content it denies through ("rejected calls to cut all ties",
          // "dismissed talk of ending the partnership").
          // A loop, not `last(where:)`: its closure was handed a copy of the whole scorer
          // (331 on the benchmark slice).
          var outerMark: ModifierMark?
          for k in marks.indices.reversed()
          where marks[k].word.kind.shifts(base * factor)
            && (marks[k].token == outer
              || (marks[k].token < outer && rules.isContent(outer, in: doc)
                && content(after: marks[k])?.start == mark.first))
          {
            outerMark = marks[k]
            break
          }
          if let outerMark {
            let outerFactor = modifiers.value(of: outerMark.word)
            weight *= outerFactor
            note(outerMark.word.kind, outerMark, .factor(outerFactor))
          }
        }
        // The sentence's first contrast word: before it ×contrastBefore, after ×contrastAfter.
        if let c = contrast {
          if start > c.token {
            weight *= modifiers.contrastAfter
            note(.contrast, c, .factor(modifiers.contrastAfter))
          } else if match.tokens.upperBound <= c.first {
            weight *= modifiers.contrastBefore
            note(.contrast, c, .factor(modifiers.contrastBefore))
          }
        } else if let (c, clause) = conceded {
          // What a concession word concedes counts less, the rest of the sentence more.
          let factor =
            clause.contains(start) ? modifiers.contrastBefore : modifiers.contrastAfter
          weight *= factor
          note(.concession, c, .factor(factor))
        }
        previousEnd = match.tokens.upperBound
        hits.append(
          Hit(
            dimension: dimension, entry: entry, tokens: match.tokens, start: tokens[start].start,
            end: tokens[match.tokens.upperBound - 1].end, sentence: index, base: base,
            weight: weight, modifiers: applied))
      }
    }
    // Text order within the sentence, dimensions in lexicon order at the same position (each
    // dimension's hits are already in text order).
    guard lexicon.dimensions.count > 1 else { return }
    // The closure holds the dimensions alone: one that read `lexicon` held the whole scorer,
    // which the specialised sort copied (every table's reference retained).
    let dimensions = lexicon.dimensions
    hits[firstHit...].sort {
      ($0.start, $0.dimensionOrder(dimensions)) < ($1.start, $1.dimensionOrder(dimensions))
    }
  }

  // MARK: - Attribution

  /// For every hit and every entity of its sentence (under `window:N`, every entity with a
  /// mention within N tokens), the entity's role, the rule and the mention that decided it,
  /// and whether the hit counts under its dimension's policy.
  private func attribute(
    _ hits: [Hit], mentions: [EntityMention], references: [Reference], doc: TokenizedText,
    inMention: [Bool], types: [String], quotes: QuoteMarks
  ) -> [Int: [Attribution]] {
    var all: [Int: [Attribution]] = [:]
    guard !hits.isEmpty, !mentions.isEmpty else { return all }
    let policyOf = lexicon.dimensions.map { policy(for: $0) }
    let windowReach = policyOf.reduce(-1) { reach, policy in
      if case .window(let n) = policy { return max(reach, n) }
      return reach
    }
    var hitStart = [Bool](filled: false, count: doc.tokens.count)
    // By index: `for hit in hits` copied every hit (its strings and arrays retained).
    for h in hits.indices { hitStart[hits[h].tokens.lowerBound] = true }
    // Written through the buffer: `doc.tokens.map(\.kind)` checked the array's uniqueness (a
    // call into the runtime) at every token.
    let tokenKinds = [TokenKind](unsafeUninitializedCapacity: doc.tokens.count) { kinds, count in
      for t in doc.tokens.indices { kinds.initializeElement(at: t, to: doc.tokens[t].kind) }
      count = doc.tokens.count
    }
    let analyzer = ClauseAnalyzer(
      rules: rules, modifiers: modifiers, doc: doc, inMention: inMention, hitStart: hitStart,
      types: types, quotes: quotes, endings: KeyEndings(doc: doc, suffixes: endingSuffixes),
      tokenKinds: tokenKinds, markers: quotes.markers)
    // Participants by sentence, in text order (mentions before references at the same token).
    var bySentence = [[Participant]](filled: [], count: doc.sentences.count)
    // Each sentence's list allocated once (grown one append at a time, 2.5 M instructions on
    // the benchmark slice).
    var counts = [Int](filled: 0, count: doc.sentences.count)
    for mention in mentions { counts[mention.sentence] += 1 }
    for reference in references { counts[reference.sentence] += 1 }
    for (index, count) in counts.enumerated() where count > 1 {
      bySentence[index].reserveCapacity(count)
    }
    // Each entity's type classes, found once (`TypeClassCache`).
    var typeClasses = TypeClassCache(entities: mentions.count + references.count)
    /// Whether a gazetteer mention owns the hit right after it: "Rogozin's threat".
    func isOwner(_ ref: MentionRef, of hit: Range<Int>) -> Bool {
      guard case .mention(let m) = ref else { return false }
      return mentions[m].tokens.upperBound + 1 == hit.lowerBound
    }
    for (m, mention) in mentions.enumerated() {
      bySentence[mention.sentence].append(
        Participant(
          ref: .mention(m), entity: mention.entity, tokens: mention.tokens,
          isPossessive: mention.tokens.upperBound < doc.tokens.count
            && doc.tokens[mention.tokens.upperBound].keyIs("'s"),
          typeClasses: typeClasses.classes(of: mention.entity, types: types, rules: rules),
          circumstance: analyzer.circumstance(
            of: mention.tokens, in: doc.sentences[mention.sentence].tokens)))
    }
    for (r, reference) in references.enumerated() {
      bySentence[reference.sentence].append(
        Participant(
          ref: .reference(r), entity: reference.entity, tokens: reference.tokens,
          isPossessive: reference.isPossessive,
          typeClasses: typeClasses.classes(of: reference.entity, types: types, rules: rules)))
    }
    for index in bySentence.indices {
      bySentence[index].sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
    // Each entity's attributions, in the order of their first one, found by a linear search over
    // the entities attributed so far (a dictionary hashed at every (hit, entity) pair cost more,
    // and so did one sort of all pairs at the end: +10 instructions a byte on the slice; the
    // search grows with the entities of one document or window: at most 74 in a document of
    // the benchmark corpus);
    // the dictionary is made once at the end.
    var attributed: [(entity: Int, list: [Attribution])] = []
    // The best role of each entity for the hit being read, reused from hit to hit.
    var best: [(entity: Int, rule: RoleRule, ref: MentionRef, distance: Int)] = []
    best.reserveCapacity(16)
    // The arrays of one sentence's structure, reused for the next; and likewise those of the
    // neighbours a quotation runs into or out of (`runOnQuotes`: made afresh, each neighbour's
    // structure allocated its arrays and its index buffer).
    var scratch = ClauseScratch()
    var neighbourScratch = ClauseScratch()
    var h = 0
    for (index, sentence) in doc.sentences.enumerated() {
      let first = h
      while h < hits.count && hits[h].sentence == index { h += 1 }
      let sentenceHits = first..<h
      let participants = bySentence[index]
      guard !sentenceHits.isEmpty else { continue }
      if participants.isEmpty && windowReach < 0 && !analyzer.mayContinueQuote(index) {
        continue
      }
      var structure = analyzer.structure(
        of: sentence, participants: participants, reusing: &scratch)
      defer { scratch.reclaim(&structure) }
      // A quotation that runs on from the sentence before, or into the next one: who says it
      // there says this sentence's part too ("Rogozin replied: 'Let them fly. We are halting
      // all supplies.'").
      let runOn = analyzer.runOnQuotes(
        of: index, structure, bySentence: bySentence, reusing: &neighbourScratch)
      for hi in sentenceHits {
        // The hit's span and sign, not a copy of the hit (its strings and arrays retained).
        let hitTokens = hits[hi].tokens
        let positive = hits[hi].weight > 0
        let policy =
          policyOf[lexicon.dimensions.count == 1 ? 0 : hits[hi].dimensionOrder(lexicon.dimensions)]
        // The best role of each entity over its participants: agent, then target, then
        // mentioned, and among equal roles the rule listed first (`RoleRule.allCases`); the
        // first participant in text order among equals.
        best.removeAll(keepingCapacity: true)
        // Once per hit, not per participant.
        let passive = participants.isEmpty ? false : analyzer.isPassive(hitTokens)
        for (p, participant) in participants.enumerated() {
          let rule = analyzer.role(
            of: p, toward: hitTokens, in: structure, passive: passive, positive: positive)
          let distance = Self.gap(participant.tokens, hitTokens)
          if let k = best.firstIndex(where: { $0.entity == participant.entity }) {
            if rule.isPreferred(to: best[k].rule) {
              best[k].rule = rule
              best[k].ref = participant.ref
            }
            best[k].distance = min(best[k].distance, distance)
          } else {
            best.append((participant.entity, rule, participant.ref, distance))
          }
        }
        if policy.readsRoles,
          let speakers = runOn.first(where: { structure.isInside(hitTokens, $0.quote) })?
            .speakers,
          !best.contains(where: { $0.rule == .quoteSpeaker || $0.rule == .speaker })
        {
          for speaker in speakers {
            if let k = best.firstIndex(where: { $0.entity == speaker.entity }) {
              if RoleRule.quoteSpeaker.isPreferred(to: best[k].rule) {
                best[k].rule = .quoteSpeaker
                best[k].ref = speaker.ref
              }
            } else {
              best.append((speaker.entity, .quoteSpeaker, speaker.ref, .max))
            }
          }
        }
        if windowReach >= 0 {
          // Mentions of other sentences within the window.
          for (m, mention) in mentions.enumerated() where mention.sentence != index {
            let distance = Self.gap(mention.tokens, hitTokens)
            guard distance <= windowReach, !best.contains(where: { $0.entity == mention.entity })
            else { continue }
            best.append((mention.entity, .otherSentence, .mention(m), distance))
          }
        }
        for entry in best {
          let share: Double
          switch policy {
          case .window(let n): share = entry.distance <= n ? 1 : 0
          case .sentence: share = entry.rule != .otherSentence ? 1 : 0
          default:
            // Tokens between the hit and the entity's nearest mention of the sentence.
            share =
              policy.share(
                entry.rule, positive: positive, distance: entry.distance - 1, modifiers)
              * ((entry.rule == .possessor || entry.rule == .source)
                ? baseForOwner(
                  hits[hi],
                  ownedByPerson: isOwner(entry.ref, of: hitTokens)
                    && typeClasses.classes(of: entry.entity, types: types, rules: rules)
                      .contains(.person),
                  in: doc)
                : entry.rule == .declined ? -1 : 1)
          }
          let attribution = Attribution(
            hit: hi, role: entry.rule.role, rule: entry.rule, mention: entry.ref, share: share)
          if let k = attributed.firstIndex(where: { $0.entity == entry.entity }) {
            attributed[k].list.append(attribution)
          } else {
            // Room for a few more (an entity has at most one attribution a hit): lists grown
            // one append at a time cost 4 M instructions on the benchmark slice.
            var list: [Attribution] = []
            list.reserveCapacity(min(hits.count - hi, Self.attributionsReserved))
            list.append(attribution)
            attributed.append((entry.entity, list))
          }
        }
      }
    }
    all.reserveCapacity(attributed.count)
    for (entity, list) in attributed { all[entity] = list }
    return all
  }

  /// For the owner of a hit another refuses (rule `possessor` or `source` of a noun whose only
  /// shifter is a `refusal` word of `clauses.tsv`: "rejected Roscosmos's offer", "declined an
  /// invitation from NASA") or of a person's negative act another shifts (`ownedByPerson`: a
  /// person named right before the hit, "Borisov dropped Rogozin's threat"), the multiple of its
  /// weight that gives back its base weight: what was offered or threatened stays its owner's,
  /// whoever refuses or drops it (an organisation's threat dropped is often its own official's
  /// act: "Borisov withdrew Russia's threat"). 1 for any other hit.
  private func baseForOwner(_ hit: Hit, ownedByPerson: Bool, in doc: TokenizedText) -> Double {
    guard hit.weight != 0 else { return 1 }
    var shifter: AppliedModifier?
    for modifier in hit.modifiers where modifier.kind.isShifter {
      guard shifter == nil else { return 1 }
      shifter = modifier
    }
    guard let shifter,
      (ownedByPerson && hit.base < 0)
        || rules.word(shifter.tokens(in: doc).lowerBound, in: doc, is: .refusal)
    else { return 1 }
    return hit.base / hit.weight
  }

  /// The room an entity's list of attributions starts with.
  private static let attributionsReserved = 16

  /// Tokens between two spans: 0 when they touch or overlap.
  private static func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
    max(a.lowerBound - b.upperBound + 1, b.lowerBound - a.upperBound + 1, 0)
  }
}

/// A modifier word found in a sentence.
private struct ModifierMark {
  /// The word (a phrase's last) whose distance to a hit counts, and the phrase's first.
  var token: Int
  var first: Int
  /// The word's kind and value, kept apart: scoring reads nothing else of it, and a whole
  /// `Modifiers.Word` holds its source location's file name, a string retained and released
  /// at each of a mark's many copies (about 55,000 on the benchmark slice).
  var kind: Modifiers.Kind
  var value: Double?

  init(token: Int, first: Int, word: Modifiers.Word) {
    self.token = token
    self.first = first
    kind = word.kind
    value = word.value
  }

  /// The word without its source location.
  var word: Modifiers.Word { Modifiers.Word(kind: kind, value: value, location: nil) }
}

extension Hit {
  fileprivate func dimensionOrder(_ dimensions: [String]) -> Int {
    dimensions.firstIndex(of: dimension) ?? 0
  }

  /// Applies a factor found after the hit was made (a negation reaching back to its subject,
  /// an attitude's reversal): the weight changes, and the modifier goes before a contrast
  /// factor, the order every hit's modifiers keep.
  fileprivate mutating func apply(_ modifier: AppliedModifier) {
    guard case .factor(let factor) = modifier.effect else { return }
    weight *= factor
    modifiers.insert(
      modifier,
      at: modifiers.firstIndex { $0.kind == .contrast || $0.kind == .concession }
        ?? modifiers.count)
  }
}
