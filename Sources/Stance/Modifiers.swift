import Tokenize

/// Words that change the weight of nearby lexicon hits, and the constants of those changes.
///
/// The defaults follow VADER (Hutto & Gilbert 2014): a negator within 3 words before a hit
/// multiplies its weight by -0.74; a booster or dampener adds ±0.293 to the magnitude of the
/// next hit; after a contrast word (`but`) hits weigh ×1.5, before it ×0.5. A polarity shifter
/// ("ended", "suspended", "lifted") reverses a term it governs within `shifterWindow` words
/// after it (×`shifterScalar`): `shifter` any term, `shifter_positive` only positive terms
/// ("suspended the partnership"), `shifter_negative` only negative ones ("lifted the sanctions").
/// An attitude word ("supported", "welcomed", "opposed") is a term that takes the sign of the
/// term it governs: reversed (×-1, or its own value) when that term is negative ("supported the
/// sanctions": against). A modifier may be a phrase of up to `longestPhrase` words ("rule out"),
/// which acts from its last word.
public struct Modifiers: Sendable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case negator, booster, dampener, contrast
    case shifter
    case positiveShifter = "shifter_positive"
    case negativeShifter = "shifter_negative"
    case attitude
    /// A word that concedes the clause it opens ("although", "even though"): VADER's `but`
    /// rule turned round, the conceded clause's hits ×`contrast_before`, the sentence's other
    /// hits ×`contrast_after`, in a sentence without a `contrast` word.
    case concession

    /// Whether a word of this kind reverses a term of this base weight.
    public func shifts(_ base: Double) -> Bool {
      switch self {
      case .shifter: return base != 0
      case .positiveShifter: return base > 0
      case .negativeShifter: return base < 0
      default: return false
      }
    }

    public var isShifter: Bool {
      self == .shifter || self == .positiveShifter || self == .negativeShifter
    }
  }

  /// One modifier word. `value` overrides the kind's constant for this word.
  public struct Word: Sendable, Hashable {
    public var kind: Kind
    public var value: Double?
    public var location: SourceLocation?
  }

  /// A modifier of several words ("rule out"): their keys, in order.
  public struct Phrase: Sendable, Hashable {
    public var keys: [String]
    public var word: Word
  }

  /// The most words a modifier phrase has.
  public static let longestPhrase = 4

  /// Token key → modifier word.
  public internal(set) var words: [String: Word] = [:]
  /// Last word's key → the phrases that end with it, in file order.
  public internal(set) var phrases: [String: [Phrase]] = [:]
  /// Keys of `words`, for a cheap "certainly not" before the look-up.
  var known = KeyFilter()
  /// What a token key is: a modifier word, the last word of a phrase, or both.
  private struct Entry: Sendable {
    var word: Word?
    var endsPhrase: Bool
    /// Once bound, for the last word of a phrase: 1 + the index in `phrasesByID` of the
    /// phrases that end with it (0: not bound, or no phrase).
    var boundPhrases: Int32 = 0
  }
  /// A phrase of `phrases` with its keys' vocabulary ids, so that its words are compared with
  /// a text's tokens by id, not by key.
  fileprivate struct BoundPhrase: Sendable {
    var ids: [UInt32]
    var word: Word
  }
  /// Once bound: by `Entry.boundPhrases`, the phrases that end with one key, in file order.
  private var phrasesByID: [[BoundPhrase]] = []
  /// Once bound: by `Entry.boundPhrases`, the id of the word before the last of each of those
  /// phrases (0: a phrase of one word), kept apart: most candidates differ from the text
  /// there, and each is ruled out by one load (read in place, a candidate cost about 36
  /// instructions, and a token ending phrases has about eight).
  private var wordsBeforeLastByID: [[UInt32]] = []
  /// The entries of `words` and of `phrases`' last words by vocabulary id, once bound
  /// (`bind(to:)`): one look-up a token for both.
  private var byID = IDTable<Entry>()
  /// The `Vocabulary.stamp` of the vocabulary bound (0: none).
  private var boundStamp: UInt64 = 0
  // The constants are set through `set(_:to:)` (or a `param` line), which keeps them in range.
  public private(set) var negationScalar = -0.74
  /// Hits within this many words after a negator or booster are affected.
  public private(set) var negationWindow = 3
  public private(set) var contrastBefore = 0.5
  public private(set) var contrastAfter = 1.5
  /// A shifted term's weight is multiplied by this.
  public private(set) var shifterScalar = -1.0
  /// A shifter governs terms that start within this many words after it.
  public private(set) var shifterWindow = 4
  /// Under the `target` policy (the text's stance toward an entity), the share of a hit that
  /// counts for an entity that does it (its deeds portray it), that says it (a speaker's words
  /// are about others), and that is only mentioned in its sentence (the tone around it). A hit
  /// done to or said about the entity counts in full. Fitted on NewsMTSC's dev fifth
  /// (`scripts/newsmtsc-eval`; `Documentation/tuning.md`).
  public private(set) var targetAgent = 1.0
  public private(set) var targetSpeaker = 0.0
  public private(set) var targetMentioned = 0.25
  /// Under `target`, the factor on a positive hit's share where the entity is its target or
  /// only mentioned: news portrays with blame more than with praise, and praise of an entity's
  /// own deeds (an agent's share) is kept.
  public private(set) var targetPositive = 0.5
  /// Under `target`, a hit the entity does or is the target of counts at most
  /// `targetMentioned` when more than this many tokens stand between it and the entity's
  /// nearest mention in its sentence: roles read far apart are weaker evidence.
  public private(set) var targetReach = 5

  public static let boosterDelta = 0.293

  /// The range of every factor: `negation_scalar`, `contrast_before`, `contrast_after`, and a
  /// negator's or contrast word's own value.
  public static let factorRange: ClosedRange<Double> = -10...10
  /// The range of `negation_window`, `shifter_window` (a whole number of words) and
  /// `target_reach` (of tokens, punctuation included).
  public static let windowRange: ClosedRange<Double> = 0...50
  /// The range of a booster's or dampener's own value (a change of magnitude, like a weight).
  public static let deltaRange: ClosedRange<Double> = -4...4
  /// The range of a share or factor on one (`target_agent`, `target_speaker`,
  /// `target_mentioned`, `target_positive`).
  public static let shareRange: ClosedRange<Double> = 0...1

  /// A constant a `param` line sets, and the values it may take. With every value in range, a
  /// hit's applied weight is at most (4 + 50 × 4) × 10⁵⁰ × 10 in magnitude, so sums of weights
  /// stay finite and every score is a number.
  public enum Parameter: String, Sendable, Hashable, CaseIterable {
    case negationScalar = "negation_scalar"
    case negationWindow = "negation_window"
    case contrastBefore = "contrast_before"
    case contrastAfter = "contrast_after"
    case shifterScalar = "shifter_scalar"
    case shifterWindow = "shifter_window"
    case targetAgent = "target_agent"
    case targetSpeaker = "target_speaker"
    case targetMentioned = "target_mentioned"
    case targetPositive = "target_positive"
    case targetReach = "target_reach"

    /// The values a file may give it (checked at load and by `pipeline lint`).
    public var range: ClosedRange<Double> {
      switch self {
      case .negationWindow, .shifterWindow, .targetReach: return Modifiers.windowRange
      case .targetAgent, .targetSpeaker, .targetMentioned, .targetPositive:
        return Modifiers.shareRange
      case .negationScalar, .contrastBefore, .contrastAfter, .shifterScalar:
        return Modifiers.factorRange
      }
    }

    /// Whether the value must be a whole number.
    public var isWholeNumber: Bool {
      self == .negationWindow || self == .shifterWindow || self == .targetReach
    }
  }

  public static let parameterNames = Parameter.allCases.map(\.rawValue)

  /// The range of a word's own value (the third field of its line).
  public static func valueRange(of kind: Kind) -> ClosedRange<Double> {
    switch kind {
    case .negator, .contrast, .shifter, .positiveShifter, .negativeShifter, .attitude,
      .concession:
      return factorRange
    case .booster, .dampener: return deltaRange
    }
  }

  public init() {}

  /// Adds a word; the first definition of a key wins.
  public mutating func add(
    _ key: String, kind: Kind, value: Double? = nil, location: SourceLocation? = nil
  ) {
    if words[key] == nil {
      words[key] = Word(kind: kind, value: value, location: location)
      known.insert(key)
    }
  }

  /// Adds a phrase of two or more words; the first definition of the same words wins.
  public mutating func add(
    phrase keys: [String], kind: Kind, value: Double? = nil, location: SourceLocation? = nil
  ) {
    precondition(keys.count >= 2, "a phrase of \(keys.count) words")
    guard !(phrases[keys.last!] ?? []).contains(where: { $0.keys == keys }) else { return }
    phrases[keys.last!, default: []].append(
      Phrase(keys: keys, word: Word(kind: kind, value: value, location: location)))
  }

  /// Sets a constant; `value` must be in the parameter's range (a whole number where it must be).
  public mutating func set(_ parameter: Parameter, to value: Double) {
    precondition(
      parameter.range.contains(value) && (!parameter.isWholeNumber || value == value.rounded()),
      "\(parameter.rawValue) = \(value) is outside \(parameter.range)")
    switch parameter {
    case .negationScalar: negationScalar = value
    case .negationWindow: negationWindow = Int(value)
    case .contrastBefore: contrastBefore = value
    case .contrastAfter: contrastAfter = value
    case .shifterScalar: shifterScalar = value
    case .shifterWindow: shifterWindow = Int(value)
    case .targetAgent: targetAgent = value
    case .targetSpeaker: targetSpeaker = value
    case .targetMentioned: targetMentioned = value
    case .targetPositive: targetPositive = value
    case .targetReach: targetReach = Int(value)
    }
  }

  /// The modifier word with this token key, if any.
  @inline(__always)
  public func word(forKey key: String) -> Word? {
    known.mayContain(key) ? words[key] : nil
  }

  /// The modifier word token `t` of `doc` is, if any (by the token's id when `doc` was
  /// tokenized with the bound vocabulary).
  @inline(__always)
  public func word(of t: Int, in doc: TokenizedText) -> Word? {
    entry(of: t, in: doc)?.word
  }

  /// Whether token `t` is a `that` right after a shifter: a determiner of what the shifter
  /// governs, no relative pronoun or complementizer ("ended that cooperation", "suspended that
  /// partnership").
  public func isDeterminerThat(_ t: Int, in doc: TokenizedText) -> Bool {
    t > 0 && doc.tokens[t].keyIs("that") && word(of: t - 1, in: doc)?.kind.isShifter == true
  }

  @inline(__always)
  private func entry(of t: Int, in doc: TokenizedText) -> Entry? {
    byID.value(for: t, in: doc) { key in
      let word = word(forKey: key)
      let endsPhrase = !phrases.isEmpty && phrases[key] != nil
      return word == nil && !endsPhrase ? nil : Entry(word: word, endsPhrase: endsPhrase)
    }
  }

  /// The modifier at token `t` of `doc` and its first token: a phrase that ends there ("rule
  /// out"), else the word itself.
  public func modifier(at t: Int, in doc: TokenizedText) -> (first: Int, word: Word)? {
    lookUp(at: t, in: doc).modifier
  }

  /// `modifier(at:in:)`, and whether token `t`'s word ends a phrase (matched there or not: a
  /// phrase split by its object, "turned the offer down", ends at its particle), in one look-up.
  /// Inlined in the scorer, which asks at every token: most tokens are no modifier, and the
  /// call, with its large result, cost more than the look-up that says so.
  @inline(__always)
  public func lookUp(at t: Int, in doc: TokenizedText)
    -> (modifier: (first: Int, word: Word)?, endsPhrase: Bool)
  {
    guard let entry = entry(of: t, in: doc) else { return (nil, false) }
    return (modifier(at: t, in: doc, entry: entry), entry.endsPhrase)
  }

  private func modifier(at t: Int, in doc: TokenizedText, entry: Entry) -> (
    first: Int, word: Word
  )? {
    if entry.endsPhrase {
      // An entry read by id (`bind(to:)`) has its phrases by id: no key is hashed or compared.
      if entry.boundPhrases != 0 {
        let k = Int(entry.boundPhrases) - 1
        if let phrase = phrase(endingAt: t, in: doc, phrasesByID[k], wordsBeforeLastByID[k]) {
          return phrase
        }
      } else if let phrase = phrase(endingAt: t, in: doc) {
        return phrase
      }
    }
    return entry.word.map { (t, $0) }
  }

  /// The two-word phrase whose words are token `v`'s and token `p`'s (a phrasal verb split by
  /// its object: "turned the offer down", `AttributionRules.splitVerb`).
  public func splitPhrase(verb v: Int, particle p: Int, in doc: TokenizedText) -> Word? {
    // By id once bound: the particle's phrases read from its entry and the verb's id compared
    // (its key hashed, and the verb's compared with each phrase's first key, cost about 800
    // instructions a call).
    if boundStamp != 0 && doc.vocabularyStamp == boundStamp {
      guard let entry = entry(of: p, in: doc), entry.boundPhrases != 0 else { return nil }
      let verb = doc.tokens[v].id
      return phrasesByID[Int(entry.boundPhrases) - 1].first {
        $0.ids.count == 2 && $0.ids[0] == verb
      }?.word
    }
    guard let candidates = phrases[doc.tokens[p].key] else { return nil }
    let verb = doc.tokens[v].key
    return candidates.first { $0.keys.count == 2 && $0.keys[0] == verb }?.word
  }

  /// `phrase(endingAt:in:)` over the phrases that end with token `t`'s key, by id: a token of
  /// a text of the bound vocabulary has a phrase key exactly when it has that key's id.
  /// `wordsBeforeLast`: each candidate's id of the word before its last (0: none).
  private func phrase(
    endingAt t: Int, in doc: TokenizedText, _ candidates: [BoundPhrase],
    _ wordsBeforeLast: [UInt32]
  ) -> (first: Int, word: Word)? {
    // A candidate of more words whose word before the last is not token `t - 1`'s fails there
    // (or reaches past the sentence's start, as every such candidate does at `t` = 0): passed
    // over without being read. (No key of the bound vocabulary has id 0.)
    let before = t > 0 ? doc.tokens[t - 1].id : 0
    return Self.firstPhrase(
      endingAt: t, in: doc, candidates,
      mayMatch: { wordsBeforeLast[$0] == 0 || wordsBeforeLast[$0] == before },
      matches: { doc.tokens[$0].id == $1 })
  }

  /// The modifier phrase that ends at token `t` of `doc` (its words in one sentence), and its
  /// first token; the first in file order when several do.
  private func phrase(endingAt t: Int, in doc: TokenizedText) -> (first: Int, word: Word)? {
    guard let candidates = phrases[doc.tokens[t].key] else { return nil }
    return Self.firstPhrase(
      endingAt: t, in: doc, candidates, mayMatch: { _ in true },
      matches: { doc.tokens[$0].key == $1 })
  }

  /// The first of `candidates` (phrases that end with token `t`'s word) whose other words, as
  /// `matches` compares a token with one of them, stand right before `t` in its sentence. Each
  /// candidate is read in place, its words from the one before `t` back (a copy of each
  /// retained and released its words and its location; most differ at that word). A candidate
  /// whose index `mayMatch` rejects is one that would not match.
  @inline(__always)
  private static func firstPhrase<Candidate: PhraseWords>(
    endingAt t: Int, in doc: TokenizedText, _ candidates: [Candidate],
    mayMatch: (Int) -> Bool, matches: (Int, Candidate.Part) -> Bool
  ) -> (first: Int, word: Word)? {
    let sentenceStart = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    candidates: for c in candidates.indices where mayMatch(c) {
      let first = t + 1 - candidates[c].parts.count
      guard first >= sentenceStart else { continue }
      var i = t - 1
      while i >= first {
        guard matches(i, candidates[c].parts[i - first]) else { continue candidates }
        i -= 1
      }
      return (first, candidates[c].word)
    }
    return nil
  }

  /// The token keys of the modifier words and phrases (for the analyzer's `Vocabulary`).
  public var vocabularyKeys: [String] {
    (words.keys + phrases.values.flatMap { $0.flatMap(\.keys) }).sorted()
  }

  /// Lets `word(of:in:)` and `modifier(at:in:)` read token ids of texts tokenized with
  /// `vocabulary`.
  public mutating func bind(to vocabulary: Vocabulary) {
    let words = words
    let phrases = phrases
    var byKey: [String: Int32] = [:]
    var bound: [[BoundPhrase]] = []
    for key in phrases.keys.sorted() {
      bound.append(
        phrases[key]!.map { phrase in
          BoundPhrase(
            ids: phrase.keys.map { key in
              let id = vocabulary.id(of: key)
              precondition(id != 0, "a vocabulary without the modifier phrase key '\(key)'")
              return id
            }, word: phrase.word)
        })
      byKey[key] = Int32(bound.count)
    }
    phrasesByID = bound
    wordsBeforeLastByID = bound.map { list in
      list.map { $0.ids.count > 1 ? $0.ids[$0.ids.count - 2] : 0 }
    }
    boundStamp = vocabulary.stamp
    byID = IDTable(vocabulary: vocabulary, keys: Set(words.keys).union(phrases.keys).sorted()) {
      Entry(word: words[$0], endsPhrase: phrases[$0] != nil, boundPhrases: byKey[$0] ?? 0)
    }
  }

  /// The value a modifier word applies: a factor for negators, a magnitude delta for boosters
  /// and dampeners (contrast factors depend on the side of the hit).
  public func value(of word: Word) -> Double {
    switch word.kind {
    case .negator: return word.value ?? negationScalar
    case .booster: return word.value ?? Self.boosterDelta
    case .dampener: return word.value ?? -Self.boosterDelta
    case .contrast, .concession: return word.value ?? 1
    case .shifter, .positiveShifter, .negativeShifter: return word.value ?? shifterScalar
    case .attitude: return word.value ?? -1
    }
  }
}

/// A modifier phrase as `Modifiers.firstPhrase` reads it: its words (keys, or vocabulary ids once
/// bound) and the modifier it is.
private protocol PhraseWords {
  associatedtype Part
  var parts: [Part] { get }
  var word: Modifiers.Word { get }
}

extension Modifiers.Phrase: PhraseWords {
  fileprivate var parts: [String] { keys }
}

extension Modifiers.BoundPhrase: PhraseWords {
  fileprivate var parts: [UInt32] { ids }
}
