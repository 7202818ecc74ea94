import Tokenize

/// An entity mention as roles see it: a gazetteer mention or a reference (coreference).
struct Participant {
  var ref: MentionRef
  var entity: Int
  var tokens: Range<Int>
  /// Followed by `'s`, or a possessive pronoun (`its`).
  var isPossessive: Bool
  /// What the entity's type is to the rules, found once per entity and document (the rules
  /// asked it of every (hit, participant) pair, a `String` hashed each time).
  var typeClasses: TypeClasses = []
  /// Whether a mention names where or when (`ClauseAnalyzer.circumstance(of:in:)`), found once
  /// per mention: the rules asked it of every (hit, participant) pair, up to four table
  /// look-ups each.
  var circumstance: Circumstance = .none
}

/// What a participant's words make it to rule `circumstance`, whatever the hit.
enum Circumstance {
  /// A mention that begins or ends with a `time` word: a circumstance toward every hit.
  case time
  /// A mention right after a `locative` preposition (and a determiner) at token `preposition`:
  /// a circumstance unless its clause makes it an agent or the preposition comes right after
  /// the hit.
  case locative(preposition: Int)
  /// Neither, or a reference.
  case none
}

/// What an entity's type is to the attribution rules: one of their `person`, `reporter` or
/// `inanimate` types, or `GPE`. Empty for an entity without a type.
struct TypeClasses: OptionSet {
  let rawValue: UInt8

  static let person = TypeClasses(rawValue: 1 << 0)
  static let reporter = TypeClasses(rawValue: 1 << 1)
  static let inanimate = TypeClasses(rawValue: 1 << 2)
  static let gpe = TypeClasses(rawValue: 1 << 3)

  /// The gazetteer type of countries, cities and regions.
  static let placeType = "GPE"

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The classes of entity `entity`'s type in `types` (entity index → type).
  init(entity: Int, types: [String], rules: AttributionRules) {
    self = []
    guard types.indices.contains(entity) else { return }
    let type = types[entity]
    if rules.personTypes.contains(type) { insert(.person) }
    if rules.reporterTypes.contains(type) { insert(.reporter) }
    if rules.inanimateTypes.contains(type) { insert(.inanimate) }
    if type == Self.placeType { insert(.gpe) }
  }
}

/// For the tokens of one sentence, the participant that starts at each (the first one listed,
/// where two start at the same token): an array by token, not a dictionary per sentence.
struct ParticipantStarts {
  private let first: Int
  /// Token - `first` → participant index, -1 for none.
  private var participants: [Int32]

  /// Fills `storage`: an empty array that keeps the room of an earlier sentence's (`storage`).
  init(_ tokens: Range<Int>, _ list: [Participant], reusing storage: [Int32]) {
    first = tokens.lowerBound
    participants = storage
    participants.append(contentsOf: repeatElement(-1, count: tokens.count))
    for (p, participant) in list.enumerated() {
      let i = participant.tokens.lowerBound - first
      if participants.indices.contains(i) && participants[i] < 0 { participants[i] = Int32(p) }
    }
  }

  /// The participant that starts at `token`, if any.
  subscript(token: Int) -> Int? {
    let i = token - first
    guard participants.indices.contains(i), participants[i] >= 0 else { return nil }
    return Int(participants[i])
  }

  /// The array, for `ClauseScratch` to reuse.
  var storage: [Int32] { participants }
}

/// The clause of each token of the sentence being split, written through a pointer: `assign`
/// writes it at every token, and a local array checked that it was unique at each write (a call
/// of about 27 instructions). Reused from sentence to sentence; the structure keeps a copy
/// (`SentenceStructure.clauseOf`), one bulk copy a sentence.
final class ClauseIndexBuffer {
  private var base: UnsafeMutablePointer<Int>
  private var capacity: Int

  init() {
    capacity = 64
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// `count` entries, each 0, valid until the next call.
  func zeroed(count: Int) -> UnsafeMutableBufferPointer<Int> {
    if count > capacity {
      base.deallocate()
      capacity = max(count, 2 * capacity)
      base = .allocate(capacity: capacity)
    }
    base.initialize(repeating: 0, count: count)
    return UnsafeMutableBufferPointer(start: base, count: count)
  }
}

/// The arrays of a sentence's structure, handed back when the sentence is read and reused for
/// the next one: made afresh, each sentence allocated and freed five of them.
struct ClauseScratch {
  fileprivate var clauseOf: [Int] = []
  fileprivate var clauses: [Clause] = []
  fileprivate var members: [Int] = []
  fileprivate var suspended: [Int] = []
  fileprivate var starts: [Int32] = []
  fileprivate let index = ClauseIndexBuffer()

  /// Takes back the arrays of `structure`, which is left with empty ones.
  mutating func reclaim(_ structure: inout SentenceStructure) {
    swap(&clauseOf, &structure.clauseOf)
    swap(&clauses, &structure.clauses)
    swap(&members, &structure.members)
  }

  /// `array`, emptied with its room kept, leaving an empty array in its place (so the one
  /// returned is the only reference to its storage).
  fileprivate static func take<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    taken.removeAll(keepingCapacity: true)
    return taken
  }
}

/// One clause of a sentence. Its tokens need not be contiguous: a quotation or a parenthetical
/// inside it is a clause of its own, and the clause resumes after it.
struct Clause {
  enum Kind: Sendable, Hashable {
    case main, contrast, subordinate, relative, reported, quote, coordinate, parenthetical
  }

  var kind: Kind
  /// Its first token.
  var first: Int
  /// The marker word that opened it (`but`, `who`, `that`), not part of its subject.
  var opener: Int?
  /// A quotation's closing mark (clauses opened inside it may hold the tokens before it).
  var closer: Int?
  /// The clause it hangs off: for reported speech the one with the speech verb, for a
  /// quotation the one it interrupts, for others the clause before.
  var parent: Int?
  /// The first word that ends the subject (a verb, a hit, an auxiliary).
  var verb: Int?
  /// Its first speech verb (or verb of wanting, `desire`).
  var speech: Int?
  /// What it reports is a wish (`desire`), not a statement; for the reported clause: it is that
  /// wish, whose own subject does not take its stance.
  var isDesire = false
  /// Whether a reported clause was already opened after its speech verb.
  var reportedOpened = false
  /// A comma ends it: a clause opening the sentence ("After X did Y, …") or a relative clause
  /// after a comma ("Borisov, who took over Roscosmos, told…"); `resumes` is the clause that
  /// continues after that comma.
  var endsAtComma = false
  var resumes: Int?
  /// The participant a relative pronoun refers to.
  var antecedent: Int?
  /// Participants in its subject, and the subject it shares when it has none of its own.
  var subject = Members()
  var sharedSubject = Members()
  /// For reported speech and quotations: who says it.
  var speakers = Members()
  /// The participant a source marker names ("according to Borisov"): it says this clause.
  var source: Int?
  var tokenCount = 0

  init(kind: Kind, first: Int, opener: Int?, parent: Int?) {
    self.kind = kind
    self.first = first
    self.opener = opener
    self.parent = parent
  }
}

/// A list of participants, kept in its sentence's `members`: a clause holds no array of its own,
/// so copying one counts no references.
struct Members: Equatable {
  var start: Int32 = 0
  var end: Int32 = 0

  var isEmpty: Bool { start == end }
}

/// The clauses of one sentence, the clause of each token, and its participants.
struct SentenceStructure {
  let range: Range<Int>
  var clauseOf: [Int]
  var clauses: [Clause]
  var participants: [Participant]
  /// The participants of every clause's `Members`, one run each.
  var members: [Int] = []
  /// A speaker named after the statement, after its last comma and outside quotations:
  /// "ESA will not halt its training, Josef Aschbacher said on Thursday" (or "…, said
  /// Aschbacher"). It says everything before that comma (and after `resume`, for one named
  /// between two commas inside the statement: "Russia, Borisov said, will leave").
  var trailingSpeaker: Attribution?

  /// Who says the sentence from outside it, and where: before `comma`, and after `resume`.
  struct Attribution {
    var participant: Int
    var comma: Int
    var resume: Int?
    /// The first token it can cover: after the last semicolon before `comma` ("Officials were
    /// drafting statements about winding it down; up here, Shkaplerov said, all that mattered…"
    /// says nothing of the first clause).
    var from = 0

    /// Whether the attribution covers a hit on `hit` tokens.
    func covers(_ hit: Range<Int>) -> Bool {
      hit.lowerBound >= from
        && (hit.upperBound <= comma || resume.map { hit.lowerBound > $0 } == true)
    }
  }

  @inline(__always)
  func clause(of token: Int) -> Int { clauseOf[token - range.lowerBound] }

  /// The participants of a clause's subject, shared subject or speakers.
  @inline(__always)
  func list(_ m: Members) -> ArraySlice<Int> { members[Int(m.start)..<Int(m.end)] }

  /// Keeps `participants` as one run of `members`.
  mutating func store(_ participants: some Collection<Int>) -> Members {
    let start = Int32(members.count)
    members.append(contentsOf: participants)
    return Members(start: start, end: Int32(members.count))
  }

  /// Whether the hit on `hit` tokens is in clause `c` or a clause inside it.
  func isInside(_ hit: Range<Int>, _ c: Int) -> Bool {
    var k: Int? = clause(of: hit.lowerBound)
    while let clause = k {
      if clause == c { return true }
      guard let parent = clauses[clause].parent, parent < clause else { return false }
      k = parent
    }
    return false
  }

  /// The quotation that runs on into the sentence from the one before (the sentence begins
  /// inside it), if any.
  var continuedQuote: Int? {
    clauses.firstIndex { $0.kind == .quote && $0.opener == nil }
  }
  /// The quotation the sentence leaves open at its end, if any.
  var openQuote: Int? {
    clauses.lastIndex { $0.kind == .quote && $0.opener != nil && $0.closer == nil }
  }
  /// The quotation that opens the sentence, if any.
  var openingQuote: Int? {
    clauses.firstIndex { $0.kind == .quote && $0.opener == range.lowerBound }
  }
  /// The sentence's last quotation, if any.
  var lastQuote: Int? { clauses.lastIndex { $0.kind == .quote } }
}

/// Splits sentences into clauses and decides roles, with the words of `AttributionRules`.
struct ClauseAnalyzer {
  let rules: AttributionRules
  let modifiers: Modifiers
  let doc: TokenizedText
  /// Whether each token is inside a gazetteer mention.
  let inMention: [Bool]
  /// Whether each token starts a lexicon hit.
  let hitStart: [Bool]
  /// Entity index → type (`PERSON`, `MEDIA`, …), for the `reporter` and `inanimate` types.
  let types: [String]
  /// Single quotation marks, and sentences that begin inside a quotation.
  let quotes: QuoteMarks
  /// How each token's key ends (`-ing`, `-ly`, a `verb_suffix`).
  let endings: KeyEndings
  /// Each token's kind, apart from the tokens: the rules ask it of nearly every token, and
  /// reading it from a `Token` copied the token (a retain and a release of its key) where the
  /// array's getter was not inlined.
  let tokenKinds: [TokenKind]
  /// Each token's clause-marker kinds, word classes and reference kind, read from `rules` once.
  let markers: TokenMarkers

  /// Whether token `t` is a quotation mark: a `quote` marker, or a single quote that stands as
  /// one (`QuoteMarks`).
  @inline(__always)
  func isQuote(_ t: Int) -> Bool {
    markers.has(t, .quote) || quotes.singleMark(t) != nil
  }

  /// How many tokens after a speech verb a `that` may come and still open its reported speech
  /// ("told Vladimir Putin at a televised meeting that …").
  static let complementizerReach = 8
  /// Tokens between a negator and the speech verb it negates ("did not publicly say").
  static let negatedSpeechReach = 2
  /// How many words (a name counting as one) after a coordinator a verb must come for it to
  /// open a clause.
  static let coordinatedVerbReach = 6
  /// Tokens between a possessor and its hit ("Rogozin's latest threat").
  static let possessorReach = 2
  /// Words between a `patient_marker` and the stance noun it puts on the subject.
  static let patientMarkerReach = 3
  /// Tokens of a prepositional phrase between a passive participle and its `by` ("were imposed
  /// on Energia and Khrunichev by").
  static let passivePhraseReach = 8
  /// Tokens of the agents between a passive's `by` and the infinitive they ask for ("was urged by
  /// the United States and the European Union to").
  static let agentPhraseReach = 10
  /// Words between a participle and its `by` in a passive without auxiliary ("welcomed on
  /// Saturday by").
  static let reducedPassiveGap = 3
  /// Words of description before a speaker named after a statement ("…, the agency's director
  /// general Yuri Borisov said").
  static let speakerDescriptionReach = 6
  /// Tokens an apposition after a name may have before its closing comma.
  static let appositionReach = 12
  /// Tokens a phrase opened by a preposition at the sentence's start may have before its comma
  /// ("Amid the sanctions, NASA…"). (Coreference's `openingPhraseReach` is another rule's.)
  static let prepositionalOpeningReach = 8
  /// Tokens such a phrase may have when a name follows its comma ("At a press conference in
  /// Paris held alongside representatives of Airbus, ESA's Aschbacher announced…").
  static let longOpeningReach = 16

  // MARK: - Splitting

  func structure(of sentence: Sentence, participants: [Participant]) -> SentenceStructure {
    var scratch = ClauseScratch()
    return structure(of: sentence, participants: participants, reusing: &scratch)
  }

  /// The structure of `sentence`, in the arrays of `scratch` (the caller hands them back with
  /// `ClauseScratch.reclaim(_:)` once it has read the structure).
  func structure(
    of sentence: Sentence, participants: [Participant], reusing scratch: inout ClauseScratch
  ) -> SentenceStructure {
    let tokens = doc.tokens
    let lo = sentence.tokens.lowerBound
    let hi = sentence.tokens.upperBound
    // Written through the scratch's buffer (`ClauseIndexBuffer`), then copied into the array.
    let clauseIndex = scratch.index.zeroed(count: hi - lo)
    // Room for the clauses of most sentences (grown one at a time, 2 M instructions on the
    // benchmark slice).
    var clauses = ClauseScratch.take(&scratch.clauses)
    clauses.reserveCapacity(8)
    clauses.append(Clause(kind: .main, first: lo, opener: nil, parent: nil))
    var current = 0
    var suspended = ClauseScratch.take(&scratch.suspended)
    var inQuote = false
    // The quotation clause being read.
    var quoteClause: Int?
    // The closing mark of scare quotes being read.
    var scareClose: Int?
    var inDash = false
    // A clause opening the sentence ("After Washington announced sanctions, …") ends at the
    // first comma outside quotations and parentheticals, whatever clauses opened inside it.
    var openingClause: Int?
    // How many quotations and parentheticals enclose it (a quotation may open with one too:
    // "“If the sanctions stay, we will leave,” Rogozin wrote").
    var openingDepth = 0
    // The comma that closes an apposition being read, after a name.
    var appositionEnd: Int?
    let startsOf = ParticipantStarts(
      sentence.tokens, participants, reusing: ClauseScratch.take(&scratch.starts))
    // A quotation opened in the sentence before runs on into this one ("'Absolutely. The ISS
    // is a partnership,' she said"): the sentence begins inside it.
    if quotes.opensInside.contains(doc.sentenceOfToken[lo]) {
      suspended.append(current)
      clauses.append(Clause(kind: .quote, first: lo, opener: nil, parent: current))
      current = clauses.count - 1
      quoteClause = current
      inQuote = true
    }

    func open(
      _ kind: Clause.Kind, at t: Int, opener: Int?, parent: Int?, isDesire: Bool = false
    ) {
      if clauses[current].tokenCount == 0 && clauses[current].kind != .quote
        && clauses[current].kind != .parenthetical && suspended.last != current
      {
        // An empty clause (a marker right after another): reuse it.
        clauses[current].kind = kind
        clauses[current].first = t
        clauses[current].opener = opener
        clauses[current].isDesire = isDesire
        if parent != current { clauses[current].parent = parent }
        return
      }
      clauses.append(Clause(kind: kind, first: t, opener: opener, parent: parent))
      clauses[clauses.count - 1].isDesire = isDesire
      current = clauses.count - 1
    }
    func assign(_ t: Int, notingVerb: Bool = false) {
      clauseIndex[t - lo] = current
      // The count and the verb in one access to the clause: each access made the array unique
      // and checked the index.
      count(t, notingVerb: notingVerb, in: &clauses[current])
    }
    func isPunctuation(_ t: Int) -> Bool { tokenKinds[t] == .punctuation }

    var t = lo
    // A wire dateline ("MOSCOW, March 3 (Reuters) - …") is a parenthetical before the main
    // clause: the place and the agency are not its subject.
    if let dash = doc.datelineDash(at: lo), dash + 1 < hi {
      clauses.append(Clause(kind: .parenthetical, first: lo, opener: nil, parent: current))
      current = clauses.count - 1
      for u in lo...dash { assign(u) }
      current = 0
      clauses[0].first = dash + 1
      t = dash + 1
    }
    while t < hi {
      defer { t += 1 }
      // A key is compared only for punctuation: comparing `String`s at every token was a hot
      // spot of attribution.
      let isComma = tokenKinds[t] == .punctuation && tokens[t].keyIs(",")
      let kinds = markers.kinds(of: t)
      let single = quotes.singleMark(t)
      if kinds & AttributionRules.MarkerKind.quote.bit != 0 || single != nil {
        if t == scareClose {
          assign(t)
          scareClose = nil
          continue
        }
        let opening: Bool
        if let single {
          opening = single
        } else {
          switch doc.surface(of: tokens[t]) {
          case "“", "«", "„": opening = true
          case "”", "»": opening = false
          default: opening = !inQuote
          }
        }
        // Scare quotes ("called the sanctions “illegal”"): one to three words, no punctuation,
        // not after a colon. They quote nobody; their words stay in the clause around them.
        if opening && !inQuote, !(t > lo && tokens[t - 1].keyIs(":")),
          let close = scareQuoteClose(after: t, before: hi)
        {
          scareClose = close
          assign(t)
          continue
        }
        if opening && !inQuote {
          suspended.append(current)
          clauses.append(Clause(kind: .quote, first: t, opener: t, parent: current))
          current = clauses.count - 1
          quoteClause = current
          inQuote = true
          assign(t)
          continue
        }
        if !opening && inQuote {
          assign(t)
          if let q = quoteClause { clauses[q].closer = t }
          quoteClause = nil
          inQuote = false
          current = suspended.popLast() ?? current
          if suspended.count < openingDepth { openingClause = nil }
          continue
        }
      }

      if kinds & AttributionRules.MarkerKind.boundary.bit != 0 {
        let surface = doc.surface(of: tokens[t])
        let isDash = surface == "—" || surface == "–" || surface == "--"
        if surface == "(" || (isDash && !inDash && hasDash(after: t, before: hi)) {
          inDash = inDash || isDash
          suspended.append(current)
          clauses.append(Clause(kind: .parenthetical, first: t, opener: t, parent: current))
          current = clauses.count - 1
          assign(t)
          continue
        }
        if (surface == ")" || (isDash && inDash)) && clauses[current].kind == .parenthetical {
          if isDash { inDash = false }
          assign(t)
          current = suspended.popLast() ?? current
          continue
        }
        assign(t)
        let previous = current
        // After a speech verb, or after a name alone (a headline's "Rogozin: Russia will
        // quit…"); not a place's name in capitals, a dateline ("MOSCOW: Roscosmos on Saturday
        // suspended…").
        let reported =
          tokens[t].keyIs(":")
          && ((clauses[previous].speech != nil && !clauses[previous].reportedOpened)
            || startsOf[lo].map {
              participants[$0].tokens.upperBound == t && !isDateline(participants[$0])
            } ?? false)
        if reported { clauses[previous].reportedOpened = true }
        open(reported ? .reported : .main, at: t + 1, opener: nil, parent: previous)
        continue
      }
      if isComma, let opening = openingClause, suspended.count == openingDepth {
        // An apposition after a name that ends the opening phrase belongs to it ("In a letter
        // to Josef Aschbacher, the director general of ESA, Rogozin threatened…"): the
        // phrase ends at the apposition's closing comma when a name or a participle follows.
        if let close = openingApposition(
          after: t, before: hi, startsOf: startsOf, participants: participants)
        {
          for u in t..<close { assign(u) }
          t = close - 1
          continue
        }
        assign(t)
        openingClause = nil
        clauses.append(Clause(kind: .main, first: t + 1, opener: nil, parent: opening))
        current = clauses.count - 1
        // A second phrase, opened by a participle, may follow before the subject ("With
        // Aschbacher, the head of ESA, seated in the front row, Putin told…").
        if let end = secondOpeningPhraseEnd(after: t, before: hi) {
          for u in (t + 1)...end { assign(u) }
          clauses.append(Clause(kind: .main, first: end + 1, opener: nil, parent: current))
          current = clauses.count - 1
          t = end
        }
        continue
      }
      // An apposition after a name ("Bill Nelson, a former senator who once flew on the
      // shuttle, praised…"): a relative clause inside it ends at its closing comma.
      if isComma, participants.contains(where: { $0.tokens.upperBound == t }) {
        appositionEnd = appositionClose(after: t, before: hi)
      }
      // A comma ends a comma-closed relative clause and every clause opened inside it
      // ("Rogozin, who has led Roscosmos since 2018, threatened…": `since` opens a clause
      // inside the relative one, and both end at the comma).
      if isComma, let ending = commaEndedClause(from: current, in: clauses) {
        assign(t)
        clauses[ending].endsAtComma = false
        if let resumes = clauses[ending].resumes {
          current = resumes
        } else {
          open(.main, at: t + 1, opener: nil, parent: ending)
        }
        continue
      }
      // A participle after the first comma of reported speech ends it and goes back to the
      // speaker's clause ("Musk said SpaceX would step in, replying to a Rogozin post…": Musk
      // replies); after a later comma it may belong to someone named since ("…, a claim
      // Lueders rejected, saying…").
      if isComma, t + 1 < hi, tokenKinds[t + 1] == .word, isLowercase(t + 1),
        !hitStart[t + 1], endings.has(t + 1, KeyEndings.ing),
        let reported = enclosingReported(from: current, in: clauses),
        let speaker = clauses[reported].parent,
        !(clauses[reported].first..<t).contains(where: { tokens[$0].keyIs(",") })
      {
        assign(t)
        clauses.append(Clause(kind: .coordinate, first: t + 1, opener: nil, parent: speaker))
        current = clauses.count - 1
        continue
      }
      // A speech verb in `-ing` after a comma that ends a subordinate clause speaks for the
      // main clause's subject ("Borisov ruled out leaving before Russia's own station is ready,
      // telling Interfax that…": Borisov tells, not Russia).
      if isComma, t + 1 < hi, tokenKinds[t + 1] == .word, isLowercase(t + 1),
        endings.has(t + 1, KeyEndings.ing), markers.has(t + 1, .speech),
        mainClause(from: current, in: clauses) != nil,
        case let main = subjectClause(from: current, in: clauses), main != current
      {
        assign(t)
        clauses.append(Clause(kind: .coordinate, first: t + 1, opener: nil, parent: main))
        current = clauses.count - 1
        continue
      }
      // "Roscosmos, along with the Kremlin, praised…", "…, as well as…": a comitative phrase
      // opens no clause and ends no subject.
      if let end = comitativeEnd(at: t, before: hi) {
        for u in t..<end { assign(u) }
        t = end - 1
        continue
      }
      // A participle opening the sentence opens a phrase that ends at its first comma, like a
      // subordinate clause ("Standing beneath a portrait of Yuri Gagarin, Rogozin accused…":
      // Gagarin is not in the subject); not a marker ("According to…") nor a stance word.
      if t == lo, isOpeningParticiple(t) {
        open(.subordinate, at: t, opener: t, parent: current)
        openingClause = current
        openingDepth = suspended.count
        assign(t)
        continue
      }
      // A prepositional phrase opening the sentence (its first or second word a preposition)
      // ends at its comma, like a subordinate clause, so that a stance word in it is not the
      // verb that ends the main clause's subject ("Amid the sanctions, NASA kept…", "Rather
      // than retaliate against NASA, Roscosmos chose…"); not a source ("According to…"). So
      // does one without a stance word: when an apposition follows its comma
      // (`openingApposition`), or when a name does and its first word is the preposition, with
      // no colon or semicolon in it, within `longOpeningReach` tokens ("At a press conference
      // in Paris held alongside representatives of Airbus, Aschbacher announced…").
      if t == lo,
        kinds & AttributionRules.MarkerKind.preposition.bit != 0
          || (t + 1 < hi && tokenKinds[t] == .word && !inMention[t] && kinds == 0
            && markers.has(t + 1, .preposition)),
        kinds & AttributionRules.MarkerKind.source.bit == 0,
        let comma = ((t + 1)..<min(hi, t + 1 + Self.longOpeningReach)).first(where: {
          tokens[$0].keyIs(",") || isQuote($0)
        }),
        tokens[comma].keyIs(","),
        ((t + 1..<comma).contains(where: { hitStart[$0] })
          && comma < t + 1 + Self.prepositionalOpeningReach)
          || openingApposition(
            after: comma, before: hi, startsOf: startsOf, participants: participants) != nil
          || (comma + 1 < hi && startsOf[comma + 1] != nil
            && kinds & AttributionRules.MarkerKind.preposition.bit != 0
            && !(t + 1..<comma).contains(where: {
              tokens[$0].keyIs(":") || tokens[$0].keyIs(";")
            }))
      {
        open(.subordinate, at: t, opener: t, parent: current)
        openingClause = current
        openingDepth = suspended.count
        assign(t)
        continue
      }
      // A sentence that opens with an infinitive of purpose ("To keep the outpost staffed,
      // NASA and Roscosmos agreed…") opens with a subordinate clause.
      // So does an inverted condition ("Should Moscow pull out, ESA would…": a `conditional`
      // word before a name, or before the determiner that opens one: "Should the United States
      // extend…"), which may also follow a comma ("…, Nelson said, should Moscow agree to
      // extend the exchange").
      let invertedCondition =
        t + 1 < hi && kinds & AttributionRules.MarkerKind.conditional.bit != 0
        && (startsOf[t + 1] != nil
          || (t + 2 < hi && startsOf[t + 2] != nil
            && markers.referenceKind(of: t + 1) == .determiner))
      let opensFrontedClause =
        (t == lo && t + 1 < hi
          && ((markers.word(t, is: .infinitive) && tokenKinds[t + 1] == .word
            && isLowercase(t + 1)) || invertedCondition))
        || (t > lo && invertedCondition && tokenKinds[t - 1] == .punctuation
          && tokens[t - 1].keyIs(","))
      // A subordinator before a number is a preposition of time ("would leave after 2024 and
      // would not renew…"): it opens no clause. (Read only after a marker: reading it, like
      // `beforeMainVerb`, at every token cost 3 M instructions on the benchmark slice.)
      if opensFrontedClause
        || (kinds
          & (AttributionRules.MarkerKind.contrast.bit
            | AttributionRules.MarkerKind.subordinator.bit) != 0
          && !(t + 1 < hi && tokenKinds[t + 1] == .number) && !isComparativeAs(t, from: lo, to: hi))
      {
        // A subordinate clause before the main clause's verb ("Two days after his remarks,
        // Borisov did…") ends at its first comma (read before `open` changes `current`).
        let beforeMainVerb =
          ((current == 0 || clauses[current].kind == .main) && clauses[current].verb == nil
            && suspended.isEmpty)
          || (clauses[current].kind == .quote && clauses[current].verb == nil
            && clauses[current].tokenCount <= 1)
        let kind: Clause.Kind =
          kinds & AttributionRules.MarkerKind.contrast.bit != 0 ? .contrast : .subordinate
        open(kind, at: t, opener: t, parent: current)
        if beforeMainVerb && openingClause == nil {
          openingClause = current
          openingDepth = suspended.count
        }
      } else if kinds & AttributionRules.MarkerKind.relative.bit != 0,
        !modifiers.isDeterminerThat(t, in: doc)
      {
        if clauses[current].speech != nil && !clauses[current].reportedOpened {
          clauses[current].reportedOpened = true
          open(.reported, at: t, opener: t, parent: current, isDesire: clauses[current].isDesire)
        } else {
          let afterComma = t > lo && tokens[t - 1].keyIs(",")
          let antecedent = relativeAntecedent(
            endingAt: afterComma ? t - 1 : t, allowsNoun: !tokens[t].keyIs("who"), from: lo,
            participants: participants)
          let outer = current
          clauses.append(Clause(kind: .relative, first: t, opener: t, parent: outer))
          current = clauses.count - 1
          clauses[current].antecedent = antecedent
          if afterComma || appositionEnd.map({ t < $0 }) == true {
            clauses[current].endsAtComma = true
            clauses[current].resumes = outer
          }
        }
      } else if kinds & AttributionRules.MarkerKind.coordinator.bit != 0,
        clauses[current].verb != nil,
        startsClause(after: t, before: hi, startsOf: startsOf, participants: participants)
      {
        open(.coordinate, at: t, opener: t, parent: current)
      } else if let p = startsOf[t],
        opensContactRelative(at: t, participant: participants[p], from: lo, to: hi)
      {
        // A relative clause without `that` in a noun phrase after a comma ("…, a move NASA
        // hailed and Roscosmos accepted"): the name is its subject, not the main clause's.
        let outer = current
        clauses.append(Clause(kind: .relative, first: t, opener: nil, parent: outer))
        current = clauses.count - 1
        clauses[current].endsAtComma = true
        clauses[current].resumes = outer
      }
      assign(t, notingVerb: true)
      if kinds & AttributionRules.MarkerKind.source.bit != 0,
        let named = sourceNamed(after: t, before: hi, startsOf: startsOf)
      {
        // The source says the whole statement: the outermost clause around the marker.
        var outer = current
        while let parent = clauses[outer].parent, parent < outer,
          clauses[outer].kind != .quote && clauses[outer].kind != .parenthetical
        {
          outer = parent
        }
        if clauses[outer].source == nil { clauses[outer].source = named }
      }
      // A verb of saying or wanting opens what is said or wished; not a word of a name ("the
      // United States": `states`), nor a speech verb in the passive ("were announced by the
      // White House": its subject is what was announced; "sanctions announced by the White
      // House": `by` right after it, not before a gerund: "answered by praising his crewmates").
      let saying = AttributionRules.MarkerKind.speech.bit | AttributionRules.MarkerKind.desire.bit
      // A speech verb in `-ing` after a comma says what follows, whatever verb of saying or
      // wanting came before it ("Rogozin asked, announcing that Roscosmos would stop…": an
      // announcement, not a request).
      if kinds & saying != 0
        && (clauses[current].speech == nil
          || (clauses[current].speech.map { $0 < t - 1 } == true
            && !clauses[current].reportedOpened && endings.has(t, KeyEndings.ing)
            && tokens[t - 1].keyIs(",")))
        && !inMention[t]
        && ((!(t > lo && markers.has(t - 1, .passive))
          && !(t + 2 < hi && markers.has(t + 1, .agentMarker)
            && !endings.has(t + 2, KeyEndings.ing)))
          || passiveTeller(of: t, participants: participants) != nil)
        && !isNoun(t, from: lo)
      {
        let desire = kinds & AttributionRules.MarkerKind.desire.bit != 0
        clauses[current].speech = t
        clauses[current].isDesire = desire
        if let opening = reportedSpeechStart(
          after: t, before: hi, startsOf: startsOf, participants: participants)
        {
          clauses[current].reportedOpened = true
          // Who is told stays in the speaker's clause ("telling Interfax he expected…").
          for u in (t + 1)..<opening { assign(u) }
          open(.reported, at: opening, opener: nil, parent: current, isDesire: desire)
          t = opening - 1
        }
      }
    }
    var clauseOf = ClauseScratch.take(&scratch.clauseOf)
    clauseOf.append(contentsOf: clauseIndex)
    var structure = SentenceStructure(
      range: sentence.tokens, clauseOf: clauseOf, clauses: clauses, participants: participants)
    // The structure's clauses are then the only reference to them: `findSubjects` writes them
    // without copying the array first.
    clauses = []
    scratch.suspended = suspended
    structure.members = ClauseScratch.take(&scratch.members)
    // Room for the usual runs of participants (a subject each, some shared subjects and
    // speakers): `members` grown one run at a time reallocated about twice a sentence.
    if !participants.isEmpty {
      structure.members.reserveCapacity(participants.count + structure.clauses.count)
    }
    findSubjects(&structure)
    structure.trailingSpeaker = trailingSpeaker(in: structure, startsOf: startsOf)
    if let comma = structure.trailingSpeaker?.comma,
      let semicolon = (sentence.tokens.lowerBound..<comma).last(where: {
        tokens[$0].keyIs(";") && markers.has($0, .boundary)
      })
    {
      structure.trailingSpeaker?.from = semicolon + 1
    }
    scratch.starts = startsOf.storage
    return structure
  }

  /// Whether token `t` is an `as` of a comparison, which opens no clause: one before a plain
  /// lowercase word and then `to`, `as`, a preposition, punctuation or the sentence's end ("is
  /// as eager as…", "just as keen to continue", "as part of the deal"), or the second `as` of
  /// such a pair before no name, pronoun or determiner ("as eager as ever to keep flying").
  private func isComparativeAs(_ t: Int, from lo: Int, to hi: Int) -> Bool {
    guard doc.tokens[t].keyIs("as") else { return false }
    /// A lowercase word that is no marker, reference word or mention.
    func isPlain(_ u: Int) -> Bool {
      u < hi && tokenKinds[u] == .word && !inMention[u] && isLowercase(u)
        && markers.kinds(of: u) == 0 && markers.referenceKind(of: u) == nil
    }
    let after = t + 2
    if isPlain(t + 1),
      after >= hi || tokenKinds[after] == .punctuation || doc.tokens[after].keyIs("as")
        || markers.word(after, is: .infinitive)
        || markers.has(after, .preposition)
    {
      return true
    }
    // The second of "as … as": its first is two or three words back.
    let first = stride(from: t - 2, through: max(lo, t - 3), by: -1).first {
      doc.tokens[$0].keyIs("as")
    }
    return first.map { isPlain($0 + 1) } == true
      && (t + 1 >= hi || tokenKinds[t + 1] == .punctuation || tokenKinds[t + 1] == .number
        || isPlain(t + 1))
  }

  /// The clause that a comma ends: `current` or the nearest clause it was opened inside that
  /// ends at a comma, not looking past a quotation or a parenthetical (their own punctuation).
  private func commaEndedClause(from current: Int, in clauses: [Clause]) -> Int? {
    var c = current
    while true {
      if clauses[c].endsAtComma { return c }
      if clauses[c].kind == .quote || clauses[c].kind == .parenthetical { return nil }
      guard let parent = clauses[c].parent, parent < c else { return nil }
      c = parent
    }
  }

  /// The participant a relative clause opened at `end` is about: the mention right before it,
  /// or, when `allowsNoun` (`that`, `which`), the one before a lowercase noun ("a Rogozin post
  /// that had threatened…": Rogozin's; not "NASA astronauts who…").
  private func relativeAntecedent(
    endingAt end: Int, allowsNoun: Bool, from lo: Int, participants: [Participant]
  ) -> Int? {
    if let p = participants.lastIndex(where: { $0.tokens.upperBound == end }) { return p }
    let noun = end - 1
    guard allowsNoun, noun > lo, tokenKinds[noun] == .word, isLowercase(noun),
      markers.kinds(of: noun) == 0, !hitStart[noun]
    else { return nil }
    return participants.lastIndex { $0.tokens.upperBound == noun }
  }

  /// Whether the participant at `t` opens a relative clause without `that` ("…, a step China
  /// condemned", "…, a rare gesture Borisov welcomed"): after a comma, an article or determiner
  /// and one or two lowercase words that are no marker, reference word, hit or `of` ("…, the head
  /// of Roscosmos offered" is a subject), and before a verb (up to two auxiliaries and adverbs in
  /// `-ly` may come between: "Roscosmos quietly accepted", "the Kremlin has repeatedly snubbed").
  private func opensContactRelative(
    at t: Int, participant: Participant, from lo: Int, to hi: Int
  ) -> Bool {
    func plainWord(_ u: Int) -> Bool {
      tokenKinds[u] == .word && isLowercase(u) && !hitStart[u] && !inMention[u]
        && markers.kinds(of: u) == 0 && markers.referenceKind(of: u) == nil
        && !doc.tokens[u].keyIs("of") && !isArticleOrDeterminer(u)
    }
    // The name's own article ("a project the Kremlin has snubbed").
    let name = t > lo && isArticleOrDeterminer(t - 1) ? t - 1 : t
    guard name - 3 >= lo, plainWord(name - 1) else { return false }
    let article = isArticleOrDeterminer(name - 2) ? name - 2 : name - 3
    guard article > lo, article == name - 2 || plainWord(name - 2), isArticleOrDeterminer(article),
      tokenKinds[article - 1] == .punctuation, doc.tokens[article - 1].keyIs(",")
    else { return false }
    // Auxiliaries and adverbs in `-ly` may come before the verb ("has repeatedly snubbed").
    var verb = participant.tokens.upperBound
    while verb + 1 < hi, verb < participant.tokens.upperBound + 3, tokenKinds[verb] == .word,
      isLowercase(verb), !hitStart[verb],
      markers.has(verb, .verb) || endings.has(verb, KeyEndings.ly)
    {
      verb += 1
    }
    return verb < hi && isLowercase(verb) && isVerbCue(verb)
  }

  /// The participant who tells, after `by`, when speech verb `t` is in the passive and what is
  /// told follows the name with `that` ("ESA was told by Roscosmos that the launches had been
  /// cancelled": Roscosmos tells).
  func passiveTeller(of t: Int, participants: [Participant]) -> Int? {
    guard t > 0, t + 3 < doc.tokens.count, markers.has(t - 1, .passive),
      markers.has(t + 1, .agentMarker),
      let p = participants.firstIndex(where: { $0.tokens.lowerBound == t + 2 }),
      participants[p].tokens.upperBound < doc.tokens.count,
      markers.word(participants[p].tokens.upperBound, is: .complementizer)
    else { return nil }
    return p
  }

  /// A word right after an article or a determiner is a noun ("a claim Lueders rejected", "the
  /// promise"), not a verb of saying.
  private func isNoun(_ t: Int, from lo: Int) -> Bool {
    t > lo && isArticleOrDeterminer(t - 1)
  }

  /// Whether token `t` opens a noun phrase (`AttributionRules.isArticleOrDeterminer`).
  @inline(__always)
  func isArticleOrDeterminer(_ t: Int) -> Bool { markers.isArticleOrDeterminer(t) }

  /// A capitalised `-ing` word that is no mention, marker or hit (a hit below), and no pronoun in
  /// `-thing`; or a past participle (below).
  func isOpeningParticiple(_ t: Int) -> Bool {
    guard tokenKinds[t] == .word, !inMention[t], !isLowercase(t) else { return false }
    let hi = doc.sentences[doc.sentenceOfToken[t]].tokens.upperBound
    if hitStart[t] {
      // A stance word in `-ing` opens one when a name or a subject pronoun opens what follows
      // its first comma ("Warning that the partnership could not survive, Borisov told…"; not
      // "Continuing the partnership is vital for both sides", with no comma and name after it).
      guard endings.has(t, KeyEndings.ing),
        let comma = (t + 1..<hi).first(where: { doc.tokens[$0].keyIs(",") }), comma + 1 < hi
      else { return false }
      return inMention[comma + 1] || rules.reference(of: comma + 1, in: doc)?.isNominative == true
    }
    guard markers.referenceKind(of: t) == nil else { return false }
    let kinds = markers.kinds(of: t)
    if endings.has(t, KeyEndings.ing) && !endings.has(t, KeyEndings.thing)
      && doc.tokens[t].key.utf8.count > 5
      && kinds == 0
    {
      return true
    }
    // A past participle, regular or listed, or a verb of saying or asking in one ("Asked whether
    // Moscow would still deliver engines, Rogozin replied…": Moscow is not in his clause), when
    // a comma follows in the sentence.
    let verbal =
      AttributionRules.MarkerKind.speech.bit | AttributionRules.MarkerKind.desire.bit
      | AttributionRules.MarkerKind.participle.bit
    let participle =
      (endings.has(t, KeyEndings.verbSuffix) && doc.tokens[t].key.utf8.count > 4)
      || kinds & AttributionRules.MarkerKind.participle.bit != 0
    return participle && kinds & ~verbal == 0
      && (t + 1..<hi).contains { doc.tokens[$0].keyIs(",") }
  }

  /// The sentence's main clause above `current` through subordinate, contrast, relative and
  /// coordinate clauses; nil inside reported speech, a quotation or a parenthetical.
  private func mainClause(from current: Int, in clauses: [Clause]) -> Int? {
    var c = current
    while true {
      switch clauses[c].kind {
      case .reported, .quote, .parenthetical: return nil
      case .main, .subordinate, .contrast, .relative, .coordinate: break
      }
      guard let parent = clauses[c].parent, parent < c else { return c }
      c = parent
    }
  }

  /// The clause with a subject of its own that the clauses around `current` hang off: the main
  /// clause, or a contrast clause ("Within days, however, he softened it, telling…": the
  /// clause `however` opens, not the one before it). A participle after them speaks for its
  /// subject.
  private func subjectClause(from current: Int, in clauses: [Clause]) -> Int {
    var c = current
    while clauses[c].kind != .main && clauses[c].kind != .contrast,
      let parent = clauses[c].parent, parent < c
    {
      c = parent
    }
    return c
  }

  /// The reported speech `current` is in (itself or a clause opened inside it), not looking past
  /// a quotation or a parenthetical.
  private func enclosingReported(from current: Int, in clauses: [Clause]) -> Int? {
    var c = current
    while true {
      if clauses[c].kind == .reported { return c }
      if clauses[c].kind == .quote || clauses[c].kind == .parenthetical { return nil }
      guard let parent = clauses[c].parent, parent < c else { return nil }
      c = parent
    }
  }

  /// Counts token `t` in the clause and, when `notingVerb`, records the clause's first verb cue.
  private func count(_ t: Int, notingVerb: Bool, in clause: inout Clause) {
    clause.tokenCount += 1
    guard notingVerb, clause.verb == nil, t != clause.opener, isVerbCue(t) else { return }
    clause.verb = t
  }

  /// A word that ends a subject: a hit, a speech verb, an auxiliary or listed verb, or a
  /// lowercase word with a verb suffix, outside entity mentions.
  func isVerbCue(_ t: Int) -> Bool {
    if hitStart[t] { return true }
    if inMention[t] { return false }
    guard tokenKinds[t] == .word else { return false }
    let kinds = markers.kinds(of: t)
    let verbBits =
      AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.speech.bit
      | AttributionRules.MarkerKind.passive.bit
    if kinds & verbBits != 0 { return true }
    if kinds != 0 || markers.referenceKind(of: t) != nil { return false }
    return endings.has(t, KeyEndings.verbSuffix) && isLowercase(t)
  }

  /// Whether token `t` can be a passive participle: a word with a `participle_suffix`, or a
  /// `participle` line's.
  func isParticiple(_ t: Int) -> Bool {
    endings.has(t, KeyEndings.participleSuffix) || markers.has(t, .participle)
  }

  /// Whether token `t` begins with a lowercase letter.
  func isLowercase(_ t: Int) -> Bool { doc.startsLowercase(t) }

  /// Whether a participant is a place's name written in capitals, as a wire dateline writes it
  /// ("MOSCOW: …", "NEW DELHI: …"): every word of two letters or more, none lowercase.
  func isDateline(_ participant: Participant) -> Bool {
    participant.typeClasses.contains(.gpe)
      && participant.tokens.allSatisfy { t in
        tokenKinds[t] != .word
          || (doc.tokens[t].utf16End - doc.tokens[t].utf16Start >= 2
            && !doc.surface(of: doc.tokens[t]).unicodeScalars.contains {
              $0.properties.isLowercase
            })
      }
  }

  /// Words a partial quotation inside a clause may hold (see `scareQuoteClose`).
  static let partialQuoteWords = 8

  /// The closing quotation mark of scare quotes opened at `t`: one to three words, then a
  /// quotation mark, no punctuation between.
  /// After a word that is no verb of saying or wanting, a partial quotation of up to `partialQuoteWords`
  /// words is read the same way ("said Russia remained 'open to professional dialogue' on the
  /// station": the words are the clause's). After a word that is no such verb nor `that`, a comma
  /// may stand last inside one to three words, as American copy puts it ("calls the partnership
  /// “rock solid,” Rogozin…"): it is the clause's comma.
  private func scareQuoteClose(after t: Int, before hi: Int) -> Int? {
    let afterWord =
      t > 0 && tokenKinds[t - 1] == .word
      && markers.kinds(of: t - 1)
        & (AttributionRules.MarkerKind.speech.bit | AttributionRules.MarkerKind.desire.bit) == 0
    let reach = afterWord && isLowercase(t - 1) ? Self.partialQuoteWords : 3
    var u = t + 1
    while u < hi && u <= t + reach + 1 {
      if isQuote(u) { return u > t + 1 ? u : nil }
      if tokenKinds[u] == .punctuation {
        let commaLast =
          afterWord && u > t + 1 && u <= t + 4 && u + 1 < hi && doc.tokens[u].keyIs(",")
          && isQuote(u + 1) && !doc.tokens[t - 1].keyIs("that")
        return commaLast ? u + 1 : nil
      }
      u += 1
    }
    return nil
  }

  private func hasDash(after t: Int, before hi: Int) -> Bool {
    for u in (t + 1)..<hi {
      let surface = doc.surface(of: doc.tokens[u])
      if surface == "—" || surface == "–" || surface == "--" { return true }
    }
    return false
  }

  /// The participant that starts within three words after a source marker, no punctuation
  /// between ("according to Borisov", "according to a Roscosmos statement").
  private func sourceNamed(after t: Int, before hi: Int, startsOf: ParticipantStarts) -> Int? {
    var u = t + 1
    while u < hi && u <= t + 3 {
      if let p = startsOf[u] { return p }
      if tokenKinds[u] == .punctuation { return nil }
      u += 1
    }
    return nil
  }

  /// After a coordinator: a subject (a mention, a pronoun or role noun) and then a verb
  /// within `coordinatedVerbReach` tokens, before another marker. Not after a name that a
  /// passive's agent marker governs: the names it joins are the agents ("the extension of the
  /// agreement by Roscosmos and NASA was welcomed").
  private func startsClause(
    after t: Int, before hi: Int, startsOf: ParticipantStarts, participants: [Participant]
  ) -> Bool {
    let next = t + 1
    guard next < hi else { return false }
    if let before = participants.last(where: { $0.tokens.upperBound == t }),
      before.tokens.lowerBound > 0, markers.has(before.tokens.lowerBound - 1, .agentMarker)
    {
      return false
    }
    let startsSubject =
      startsOf[next] != nil || markers.referenceKind(of: next) != nil
      || markers.has(next, .firstPerson)
    guard startsSubject else { return false }
    // After a possessive ("and its other partners"), the first hit is the noun it possesses.
    var possessed =
      rules.reference(of: next, in: doc)?.isPossessive ?? false
      || startsOf[next].map { participants[$0].isPossessive } ?? false
    // Words up to the verb, a name counting as one ("and the agency's space operations chief
    // Kathy Lueders said…").
    // (A possessive name's `'s` is no word of its own: "and NASA's Mark Vande Hei hugged…"; a
    // possessive pronoun has none.)
    var u =
      startsOf[next].map { p in
        let participant = participants[p]
        return participant.tokens.upperBound
          + (participant.isPossessive && participant.ref.isMention ? 1 : 0)
      } ?? next + 1
    // An apposition after the name ("and Bill Nelson, the agency's chief, has warned…") counts
    // as nothing.
    if startsOf[next] != nil, let close = appositionClose(after: u, before: hi) { u = close + 1 }
    var words = 1
    while u < hi && words <= Self.coordinatedVerbReach {
      words += 1
      if let p = startsOf[u], !isVerbCue(u) {
        // What a possessive name possesses may be another name.
        possessed = false
        u = max(u + 1, participants[p].tokens.upperBound)
        continue
      }
      if possessed && hitStart[u] {
        possessed = false
        u += 1
        continue
      }
      // "… and the Canadian Space Agency demanding an answer": a participle, not a new clause.
      // "… with Roscosmos and its other partners to keep the station flying": an infinitive.
      if isVerbCue(u) {
        return !endings.has(u, KeyEndings.ing) && !markers.word(u - 1, is: .infinitive)
      }
      if tokenKinds[u] == .punctuation || markers.kinds(of: u) & Self.opensClause != 0 {
        return false
      }
      u += 1
    }
    return false
  }

  /// Auxiliaries, listed verbs, forms of *be* and speech verbs: a `that` after one of them (not
  /// after `to`) is not an earlier speech verb's.
  static let finiteVerbBits =
    AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.speech.bit
    | AttributionRules.MarkerKind.passive.bit

  /// Markers that open a clause of their own, quotations too: a verb after one is not the
  /// coordinated clause's ("and NASA in July after months of talks").
  static let opensClause =
    AttributionRules.MarkerKind.clauseOpeners | AttributionRules.MarkerKind.quote.bit

  /// The end of the comitative phrase that starts at `t` ("along with", "together with", "as
  /// well as"): a `comitative` word and the preposition or subordinator after it, with the
  /// subordinator before it too when there is one.
  func comitativeEnd(at t: Int, before hi: Int) -> Int? {
    let joins =
      AttributionRules.MarkerKind.preposition.bit | AttributionRules.MarkerKind.subordinator.bit
    var middle = t
    if markers.has(t, .subordinator) { middle = t + 1 }
    guard middle + 1 < hi, markers.word(middle, is: .comitative),
      markers.kinds(of: middle + 1) & joins != 0
    else { return nil }
    // "as well as": a subordinator before the middle word needs one after it too.
    if middle > t && !markers.has(middle + 1, .subordinator) { return nil }
    return middle + 2
  }

  /// The comma that closes an apposition opened by the comma at `t`, right after a name: a
  /// lowercase word that is no mention or pronoun follows it, and the closing comma comes within
  /// `appositionReach` tokens, before `hi` ("Medvedev, now deputy head of Russia's Security
  /// Council, said…").
  /// The comma that ends a participle's phrase right after an opening phrase's comma `t`
  /// ("…, seated in the front row, Putin told…"), when a name follows it.
  private func secondOpeningPhraseEnd(after t: Int, before hi: Int) -> Int? {
    let first = t + 1
    guard first < hi, tokenKinds[first] == .word, isLowercase(first), !inMention[first],
      !hitStart[first], markers.referenceKind(of: first) == nil,
      endings.has(first, KeyEndings.ed) || endings.has(first, KeyEndings.ing),
      let comma = (first + 1..<min(hi, first + 1 + Self.prepositionalOpeningReach)).first(
        where: { doc.tokens[$0].keyIs(",") }),
      comma + 1 < hi, inMention[comma + 1],
      !(first..<comma).contains(where: { hitStart[$0] })
    else { return nil }
    return comma
  }

  /// The closing comma of an apposition after the name that ends a sentence's opening phrase
  /// (a name or a capitalised word before its comma `t`): a determiner opens it, and a name or
  /// a participle in `-ed` or `-ing` follows it.
  private func openingApposition(
    after t: Int, before hi: Int, startsOf: ParticipantStarts, participants: [Participant]
  ) -> Int? {
    guard t + 1 < hi, inMention[t - 1] || (tokenKinds[t - 1] == .word && !isLowercase(t - 1)),
      markers.referenceKind(of: t + 1) == .determiner,
      let close = appositionClose(after: t, before: hi), close + 1 < hi,
      !(t + 1..<close).contains(where: { hitStart[$0] })
    else { return nil }
    let next = close + 1
    if startsOf[next] != nil { return close }
    return tokenKinds[next] == .word && isLowercase(next)
      && (endings.has(next, KeyEndings.ed) || endings.has(next, KeyEndings.ing)) ? close : nil
  }

  func appositionClose(after t: Int, before hi: Int) -> Int? {
    let tokens = doc.tokens
    guard t + 1 < hi, tokens[t].keyIs(","), tokenKinds[t + 1] == .word,
      isLowercase(t + 1), !inMention[t + 1], comitativeEnd(at: t + 1, before: hi) == nil,
      markers.referenceKind(of: t + 1) != .pronoun
    else { return nil }
    return (t + 2..<min(hi, t + 2 + Self.appositionReach)).first { tokens[$0].keyIs(",") }
  }

  /// Where the reported speech a speech verb opens starts: right after it, after the name of
  /// who is told when a pronoun or another name follows that ("telling Interfax he
  /// expected…"), or after when or where it was said ("said on Friday Russia was…"); nil when
  /// punctuation or the sentence end follows, or a `that` or a quotation comes soon (it opens
  /// the reported speech instead), unless the quotation is part of what is reported (after a
  /// verb in `-ed`, after a noun phrase a determiner opens, or after words "as saying" opens).
  private func reportedSpeechStart(
    after t: Int, before hi: Int, startsOf: ParticipantStarts, participants: [Participant]
  ) -> Int? {
    let next = t + 1
    guard next < hi, tokenKinds[next] != .punctuation else { return nil }
    // Inverted after a quotation ("…," said Borisov): the speaker follows, nothing is reported.
    var before = t - 1
    while before >= 0 && tokenKinds[before] == .punctuation
      && !isQuote(before)
    {
      before -= 1
    }
    if before >= 0 && isQuote(before) { return nil }
    var u = next
    // Whether a finite verb came first: a `that` after it is that verb's ("said Rogozin had
    // warned NASA that…"), not this one's.
    var verbBefore = false
    // Whether a verb in `-ed` came after a word first: a quotation after it is part of what is
    // reported ("said the agency remained "fully committed" to…"), not what opens it.
    var suffixVerbBefore = false
    while u < hi && u <= t + Self.complementizerReach {
      let kinds = markers.kinds(of: u)
      // A `that`, a colon or a quotation soon after opens the reported speech itself.
      if kinds & AttributionRules.MarkerKind.quote.bit != 0 {
        // Not one after a verb in `-ed`, after a noun phrase a determiner opens right after the
        // speech verb, or after words "as saying" opens: it is part of what is reported ("as
        // saying the crew agreement "is working well"", "quoted Rogozin as saying sanctions
        // would "destroy" the partnership").
        if suffixVerbBefore
          || (u > next + 1 && markers.referenceKind(of: next) == .determiner)
          || (u > next && t > 0 && markers.word(t - 1, is: .quotative))
        {
          break
        }
        return nil
      }
      if kinds & AttributionRules.MarkerKind.relative.bit != 0 {
        if verbBefore { break }
        return nil
      }
      if kinds & AttributionRules.MarkerKind.boundary.bit != 0 {
        return !doc.tokens[u].keyIs(":") ? next : nil
      }
      if kinds & Self.finiteVerbBits != 0 && !markers.word(u - 1, is: .infinitive) {
        verbBefore = true
      }
      if u > next, kinds == 0, !hitStart[u], !inMention[u], tokenKinds[u] == .word,
        isLowercase(u), endings.has(u, KeyEndings.verbSuffix)
      {
        suffixVerbBefore = true
      }
      u += 1
    }
    /// Whether a name or a subject pronoun stands at `u`.
    func opensWithSubject(_ u: Int) -> Bool {
      u < hi
        && (startsOf[u] != nil
          || rules.reference(of: u, in: doc).map({ $0.kind == .pronoun && !$0.isPossessive })
            ?? false)
    }
    // A name told, then a pronoun or another name: what is said starts after the one told
    // ("telling Interfax he expected…", "told Reuters Russia would…", "told the Duma it
    // would…").
    let toldName =
      markers.referenceKind(of: next) == .determiner && next + 1 < hi ? next + 1 : next
    if let told = startsOf[toldName], case let after = participants[told].tokens.upperBound,
      opensWithSubject(after)
    {
      return after
    }
    // A preposition and one capitalised word that names no one, then a name or a pronoun:
    // when or where it was said, and what is said starts after it ("said on Friday Russia was
    // ready…", "said in Moscow he would…").
    if next + 1 < hi, rules.saysWhenOrWhere(next, in: doc, inMention: inMention),
      opensWithSubject(next + 2)
    {
      return next + 2
    }
    return next
  }
}
