import Tokenize

/// An entity mention as roles see it: a gazetteer mention or a reference (coreference).
struct Participant {
  var ref: MentionRef
  var entity: Int
  var tokens: Range<Int>
  /// Followed by `'s`, or a possessive pronoun (`its`).
  var isPossessive: Bool
}

/// For the tokens of one sentence, the participant that starts at each (the first one listed,
/// where two start at the same token): an array by token, not a dictionary per sentence.
struct ParticipantStarts {
  private let first: Int
  /// Token - `first` → participant index, -1 for none.
  private var participants: [Int32]

  init(_ tokens: Range<Int>, _ list: [Participant]) {
    first = tokens.lowerBound
    participants = [Int32](repeating: -1, count: tokens.count)
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
  var subject: [Int] = []
  var sharedSubject: [Int] = []
  /// For reported speech and quotations: who says it.
  var speakers: [Int] = []
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

/// The clauses of one sentence, the clause of each token, and its participants.
struct SentenceStructure {
  let range: Range<Int>
  var clauseOf: [Int]
  var clauses: [Clause]
  var participants: [Participant]
  /// A speaker named after the statement, after its last comma and outside quotations:
  /// "ESA will not halt its training, Josef Aschbacher said on Thursday" (or "…, said
  /// Aschbacher"). It says everything before that comma.
  var trailingSpeaker: (participant: Int, comma: Int)?

  @inline(__always)
  func clause(of token: Int) -> Int { clauseOf[token - range.lowerBound] }
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

  /// Whether token `t` is a quotation mark: a `quote` marker, or a single quote that stands as
  /// one (`QuoteMarks`).
  @inline(__always)
  func isQuote(_ t: Int) -> Bool {
    rules.has(t, in: doc, .quote) || quotes.singleMark(t) != nil
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
  static let passivePhraseReach = 6
  /// Words between a participle and its `by` in a passive without auxiliary ("welcomed on
  /// Saturday by").
  static let reducedPassiveGap = 3
  /// Words of description before a speaker named after a statement ("…, the agency's director
  /// general Yuri Borisov said").
  static let speakerDescriptionReach = 6

  // MARK: - Splitting

  func structure(of sentence: Sentence, participants: [Participant]) -> SentenceStructure {
    let tokens = doc.tokens
    let lo = sentence.tokens.lowerBound
    let hi = sentence.tokens.upperBound
    var clauseOf = [Int](repeating: 0, count: hi - lo)
    var clauses = [Clause(kind: .main, first: lo, opener: nil, parent: nil)]
    var current = 0
    var suspended: [Int] = []
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
    let startsOf = ParticipantStarts(sentence.tokens, participants)
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
    func assign(_ t: Int) {
      clauseOf[t - lo] = current
      clauses[current].tokenCount += 1
    }
    func isPunctuation(_ t: Int) -> Bool { tokens[t].kind == .punctuation }

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
      let key = tokens[t].key
      let kinds = rules.kinds(of: t, in: doc)
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
        if opening && !inQuote, !(t > lo && tokens[t - 1].key == ":"),
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
        let reported =
          key == ":" && clauses[previous].speech != nil && !clauses[previous].reportedOpened
        if reported { clauses[previous].reportedOpened = true }
        open(reported ? .reported : .main, at: t + 1, opener: nil, parent: previous)
        continue
      }
      if key == ",", let opening = openingClause, suspended.count == openingDepth {
        assign(t)
        openingClause = nil
        clauses.append(Clause(kind: .main, first: t + 1, opener: nil, parent: opening))
        current = clauses.count - 1
        continue
      }
      // A comma ends a comma-closed relative clause and every clause opened inside it
      // ("Rogozin, who has led Roscosmos since 2018, threatened…": `since` opens a clause
      // inside the relative one, and both end at the comma).
      if key == ",", let ending = commaEndedClause(from: current, in: clauses) {
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
      if key == ",", t + 1 < hi, tokens[t + 1].kind == .word, isLowercase(tokens[t + 1]),
        !hitStart[t + 1], tokens[t + 1].key.hasSuffix("ing"),
        let reported = enclosingReported(from: current, in: clauses),
        let speaker = clauses[reported].parent,
        !(clauses[reported].first..<t).contains(where: { tokens[$0].key == "," })
      {
        assign(t)
        clauses.append(Clause(kind: .coordinate, first: t + 1, opener: nil, parent: speaker))
        current = clauses.count - 1
        continue
      }
      // A speech verb in `-ing` after a comma that ends a subordinate clause speaks for the
      // main clause's subject ("Borisov ruled out leaving before Russia's own station is ready,
      // telling Interfax that…": Borisov tells, not Russia).
      if key == ",", t + 1 < hi, tokens[t + 1].kind == .word, isLowercase(tokens[t + 1]),
        tokens[t + 1].key.hasSuffix("ing"), rules.has(t + 1, in: doc, .speech),
        let main = mainClause(from: current, in: clauses), main != current
      {
        assign(t)
        clauses.append(Clause(kind: .coordinate, first: t + 1, opener: nil, parent: main))
        current = clauses.count - 1
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
      // A subordinate clause before the main clause's verb ("Two days after his remarks, Borisov
      // did…") ends at its first comma.
      let beforeMainVerb =
        (current == 0 && clauses[current].verb == nil && suspended.isEmpty)
        || (clauses[current].kind == .quote && clauses[current].verb == nil
          && clauses[current].tokenCount <= 1)
      if kinds
        & (AttributionRules.MarkerKind.contrast.bit | AttributionRules.MarkerKind.subordinator.bit)
        != 0
      {
        let kind: Clause.Kind =
          kinds & AttributionRules.MarkerKind.contrast.bit != 0 ? .contrast : .subordinate
        open(kind, at: t, opener: t, parent: current)
        if beforeMainVerb && openingClause == nil {
          openingClause = current
          openingDepth = suspended.count
        }
      } else if kinds & AttributionRules.MarkerKind.relative.bit != 0 {
        if clauses[current].speech != nil && !clauses[current].reportedOpened {
          clauses[current].reportedOpened = true
          open(.reported, at: t, opener: t, parent: current, isDesire: clauses[current].isDesire)
        } else {
          let afterComma = t > lo && tokens[t - 1].key == ","
          let antecedent = relativeAntecedent(
            endingAt: afterComma ? t - 1 : t, allowsNoun: key != "who", from: lo,
            participants: participants)
          let outer = current
          clauses.append(Clause(kind: .relative, first: t, opener: t, parent: outer))
          current = clauses.count - 1
          clauses[current].antecedent = antecedent
          if afterComma {
            clauses[current].endsAtComma = true
            clauses[current].resumes = outer
          }
        }
      } else if kinds & AttributionRules.MarkerKind.coordinator.bit != 0,
        clauses[current].verb != nil,
        startsClause(after: t, before: hi, startsOf: startsOf, participants: participants)
      {
        open(.coordinate, at: t, opener: t, parent: current)
      }
      assign(t)
      noteVerb(t, in: &clauses[current])
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
      // White House": its subject is what was announced).
      let saying = AttributionRules.MarkerKind.speech.bit | AttributionRules.MarkerKind.desire.bit
      if kinds & saying != 0 && clauses[current].speech == nil && !inMention[t]
        && !(t > lo && rules.has(t - 1, in: doc, .passive)) && !isNoun(t, from: lo)
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
    var structure = SentenceStructure(
      range: sentence.tokens, clauseOf: clauseOf, clauses: clauses, participants: participants)
    findSubjects(&structure)
    structure.trailingSpeaker = trailingSpeaker(in: structure, startsOf: startsOf)
    return structure
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
    guard allowsNoun, noun > lo, doc.tokens[noun].kind == .word, isLowercase(doc.tokens[noun]),
      rules.kinds(of: noun, in: doc) == 0, !hitStart[noun]
    else { return nil }
    return participants.lastIndex { $0.tokens.upperBound == noun }
  }

  /// A word right after an article or a determiner is a noun ("a claim Lueders rejected", "the
  /// promise"), not a verb of saying.
  private func isNoun(_ t: Int, from lo: Int) -> Bool {
    guard t > lo else { return false }
    let key = doc.tokens[t - 1].key
    return key == "a" || key == "an" || rules.reference(of: t - 1, in: doc)?.kind == .determiner
  }

  /// A capitalised `-ing` word that is no mention, marker or hit, and no pronoun in `-thing`.
  private func isOpeningParticiple(_ t: Int) -> Bool {
    let token = doc.tokens[t]
    guard token.kind == .word, !inMention[t], !hitStart[t], !isLowercase(token) else {
      return false
    }
    let key = token.key
    return key.hasSuffix("ing") && !key.hasSuffix("thing") && key.utf8.count > 5
      && rules.kinds(of: t, in: doc) == 0 && rules.reference(of: t, in: doc) == nil
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

  /// Records the clause's first verb cue.
  private func noteVerb(_ t: Int, in clause: inout Clause) {
    guard clause.verb == nil, t != clause.opener, isVerbCue(t) else { return }
    clause.verb = t
  }

  /// A word that ends a subject: a hit, a speech verb, an auxiliary or listed verb, or a
  /// lowercase word with a verb suffix, outside entity mentions.
  func isVerbCue(_ t: Int) -> Bool {
    if hitStart[t] { return true }
    if inMention[t] { return false }
    let token = doc.tokens[t]
    guard token.kind == .word else { return false }
    let kinds = rules.kinds(of: t, in: doc)
    let verbBits =
      AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.speech.bit
      | AttributionRules.MarkerKind.passive.bit
    if kinds & verbBits != 0 { return true }
    if kinds != 0 || rules.reference(of: t, in: doc) != nil { return false }
    return hasSuffix(token, rules.verbSuffixes) && isLowercase(token)
  }

  func hasSuffix(_ token: Token, _ suffixes: [String]) -> Bool {
    let key = token.key
    // The suffix test first: counting characters walks grapheme breaks, so it runs only for a
    // key that ends with a suffix, and once.
    var length: Int?
    return suffixes.contains { suffix in
      guard key.hasSuffix(suffix) else { return false }
      if length == nil { length = key.count }
      return length! > suffix.count + 2
    }
  }

  func isLowercase(_ token: Token) -> Bool {
    guard token.utf16End > token.utf16Start else { return false }
    return doc.firstScalar(of: token).properties.isLowercase
  }

  /// The closing quotation mark of scare quotes opened at `t`: one to three words, then a
  /// quotation mark, no punctuation between.
  private func scareQuoteClose(after t: Int, before hi: Int) -> Int? {
    var u = t + 1
    while u < hi && u <= t + 4 {
      if isQuote(u) { return u > t + 1 ? u : nil }
      if doc.tokens[u].kind == .punctuation { return nil }
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
      if doc.tokens[u].kind == .punctuation { return nil }
      u += 1
    }
    return nil
  }

  /// After a coordinator: a subject (a mention, a pronoun or role noun) and then a verb
  /// within `coordinatedVerbReach` tokens, before another marker.
  private func startsClause(
    after t: Int, before hi: Int, startsOf: ParticipantStarts, participants: [Participant]
  ) -> Bool {
    let next = t + 1
    guard next < hi else { return false }
    let startsSubject =
      startsOf[next] != nil || rules.reference(of: next, in: doc) != nil
      || rules.has(next, in: doc, .firstPerson)
    guard startsSubject else { return false }
    // After a possessive ("and its other partners"), the first hit is the noun it possesses.
    var possessed =
      rules.reference(of: next, in: doc)?.isPossessive ?? false
      || startsOf[next].map { participants[$0].isPossessive } ?? false
    // Words up to the verb, a name counting as one ("and the agency's space operations chief
    // Kathy Lueders said…").
    var u = startsOf[next].map { participants[$0].tokens.upperBound } ?? next + 1
    var words = 1
    while u < hi && words <= Self.coordinatedVerbReach {
      words += 1
      if let p = startsOf[u], !isVerbCue(u) {
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
        return !doc.tokens[u].key.hasSuffix("ing") && doc.tokens[u - 1].key != "to"
      }
      if doc.tokens[u].kind == .punctuation { return false }
      u += 1
    }
    return false
  }

  /// Where the reported speech a speech verb opens starts: right after it, or after the name
  /// of who is told when a pronoun or another name follows that ("telling Interfax he
  /// expected…"); nil when punctuation, a quotation or the sentence end follows, or a `that`
  /// comes soon (it opens the reported speech instead).
  private func reportedSpeechStart(
    after t: Int, before hi: Int, startsOf: ParticipantStarts, participants: [Participant]
  ) -> Int? {
    let next = t + 1
    guard next < hi, doc.tokens[next].kind != .punctuation else { return nil }
    // Inverted after a quotation ("…," said Borisov): the speaker follows, nothing is reported.
    var before = t - 1
    while before >= 0 && doc.tokens[before].kind == .punctuation
      && !isQuote(before)
    {
      before -= 1
    }
    if before >= 0 && isQuote(before) { return nil }
    var u = next
    while u < hi && u <= t + Self.complementizerReach {
      let key = doc.tokens[u].key
      let kinds = rules.kinds(of: u, in: doc)
      // A `that`, a colon or a quotation soon after opens the reported speech itself.
      if kinds & (AttributionRules.MarkerKind.relative.bit | AttributionRules.MarkerKind.quote.bit)
        != 0
      {
        return nil
      }
      if kinds & AttributionRules.MarkerKind.boundary.bit != 0 { return key != ":" ? next : nil }
      u += 1
    }
    // A name told, then a pronoun or another name: what is said starts after the one told
    // ("telling Interfax he expected…", "told Reuters Russia would…").
    if let told = startsOf[next] {
      let after = participants[told].tokens.upperBound
      if after < hi,
        startsOf[after] != nil
          || rules.reference(of: after, in: doc).map({ $0.kind == .pronoun && !$0.isPossessive })
            ?? false
      {
        return after
      }
    }
    return next
  }

  // MARK: - Subjects and speakers

  /// Each clause's subject: the participants before its first verb cue that no preposition
  /// governs (a comma ends a preposition's reach). A clause without one shares its parent's
  /// (a relative clause: its antecedent's). Then the speakers of reported speech and quotes.
  private func findSubjects(_ s: inout SentenceStructure) {
    let tokens = doc.tokens
    for c in s.clauses.indices {
      let clause = s.clauses[c]
      var governed = false
      // Words since the governing preposition: a determiner after its object opens a new noun
      // phrase ("In March the German Aerospace Center halted…", no comma).
      var governedWords = 0
      var t = clause.first
      let end = clause.verb ?? s.range.upperBound
      var subject: [Int] = []
      var p =
        s.participants.firstIndex { $0.tokens.lowerBound >= clause.first } ?? s.participants.count
      while t < end {
        defer { t += 1 }
        guard s.clause(of: t) == c, t != clause.opener else { continue }
        let key = tokens[t].key
        if key == "," { governed = false }
        // An unpaired dash before the verb ends a dateline ("MOSCOW (Reuters) - Roscosmos
        // said…"): what came before it is no subject.
        if key == "-" || key == "–" || key == "—" {
          subject.removeAll()
          governed = false
        }
        if governed && governedWords > 0 && rules.reference(of: t, in: doc)?.kind == .determiner {
          governed = false
        }
        governedWords += 1
        if rules.kinds(of: t, in: doc)
          & (AttributionRules.MarkerKind.preposition.bit
            | AttributionRules.MarkerKind.agentMarker.bit)
          != 0
        {
          governed = true
          governedWords = 0
        }
        while p < s.participants.count && s.participants[p].tokens.lowerBound < t { p += 1 }
        while p < s.participants.count && s.participants[p].tokens.lowerBound == t {
          if !governed && !describesNext(p, in: s.participants) { subject.append(p) }
          p += 1
        }
      }
      s.clauses[c].subject = subject
    }
    for c in s.clauses.indices where s.clauses[c].subject.isEmpty {
      let clause = s.clauses[c]
      switch clause.kind {
      case .relative:
        if let antecedent = clause.antecedent { s.clauses[c].sharedSubject = [antecedent] }
      case .contrast, .coordinate, .subordinate, .main:
        // A subordinate clause shares only when a verb opens it ("after leaving the ISS"), not
        // a noun phrase ("as a crude threat").
        if clause.kind == .subordinate && !startsWithVerb(clause, in: s) { break }
        // So does a contrast word that is also a preposition ("despite calls to cut ties").
        if clause.kind == .contrast, let opener = clause.opener,
          rules.has(opener, in: doc, .preposition), !startsWithVerb(clause, in: s)
        {
          break
        }
        // A clause that opens with a determiner has a subject of its own, no entity ("…,
        // Reuters reported; the delay does not affect…").
        if startsWithDeterminer(clause, in: s) { break }
        if let parent = clause.parent, s.clauses[parent].kind != .quote {
          s.clauses[c].sharedSubject = effectiveSubject(s, parent)
        }
      case .reported, .quote, .parenthetical:
        break
      }
    }
    for c in s.clauses.indices {
      guard let parent = s.clauses[c].parent else { continue }
      switch s.clauses[c].kind {
      case .reported:
        s.clauses[c].speakers = effectiveSubject(s, parent)
      case .quote:
        let enclosing = s.clauses[parent]
        if enclosing.kind == .reported {
          s.clauses[c].speakers = enclosing.speakers
        } else if let speech = enclosing.speech {
          let subject = effectiveSubject(s, parent)
          let quoteEnd =
            s.clauses[c].closer ?? s.range.lowerBound + (s.clauseOf.lastIndex(of: c) ?? 0)
          // An apposition after the speaker is no speaker: "…,' Samantha Cristoforetti, the
          // Italian ESA astronaut, said".
          let named =
            speech > quoteEnd + 2
            ? (quoteEnd + 2..<speech).first { doc.tokens[$0].key == "," } ?? speech : speech
          if speech > quoteEnd,
            let before = s.participants.lastIndex(where: {
              $0.tokens.lowerBound > quoteEnd && $0.tokens.upperBound <= named
                && s.clause(of: $0.tokens.lowerBound) == parent
            })
          {
            // "…," he said; "…," the agency's chief Borisov said.
            s.clauses[c].speakers = [before]
          } else if !subject.isEmpty {
            s.clauses[c].speakers = subject
          } else if var after = s.participants.firstIndex(where: {
            $0.tokens.lowerBound > speech && s.clause(of: $0.tokens.lowerBound) == parent
          }) {
            // "…," said Borisov; "…," says Kremlin spokesman Dmitry Peskov (a title's
            // organisation describes the person after it).
            if describesNext(after, in: s.participants), after + 1 < s.participants.count,
              s.clause(of: s.participants[after + 1].tokens.lowerBound) == parent
            {
              after += 1
            }
            s.clauses[c].speakers = [after]
          }
        }
        // "Lavrov was blunt: “…”": a quotation right after a colon is said by the subject of
        // the clause before the colon, speech verb or not.
        let opening = s.clauses[c].first
        if s.clauses[c].speakers.isEmpty, opening - 2 >= s.range.lowerBound,
          doc.tokens[opening - 1].key == ":"
        {
          s.clauses[c].speakers = effectiveSubject(s, s.clause(of: opening - 2))
        }
      default:
        break
      }
    }
  }

  /// The participant of a trailing attribution: after the sentence's last comma outside
  /// quotations, a participant (after at most `speakerDescriptionReach` words of description
  /// that are no markers: "…, the agency's director Borisov said") then a speech verb, or a
  /// speech verb then a participant ("…, said Aschbacher"); after the verb no stance word and no
  /// `that`, colon or quotation (those open what is said: then the statement follows).
  private func trailingSpeaker(in s: SentenceStructure, startsOf: ParticipantStarts)
    -> (participant: Int, comma: Int)?
  {
    func isComma(_ t: Int) -> Bool {
      doc.tokens[t].kind == .punctuation && doc.tokens[t].key == ","
        && s.clauses[s.clause(of: t)].kind != .quote
    }
    guard let last = s.range.last(where: isComma), last > s.range.lowerBound else { return nil }
    if let p = speaker(after: last, before: s.range.upperBound, in: s, startsOf: startsOf) {
      return (p, last)
    }
    // Or before a participle clause or a prepositional phrase the last comma opens: "ESA will
    // not abandon its astronauts, Aschbacher said, dismissing calls to cut ties", "…, Roscosmos
    // said on Saturday, in retaliation for sanctions".
    let next = last + 1
    guard next < s.range.upperBound, doc.tokens[next].kind == .word,
      isLowercase(doc.tokens[next]),
      doc.tokens[next].key.hasSuffix("ing") || rules.has(next, in: doc, .preposition),
      let comma = (s.range.lowerBound..<last).last(where: isComma), comma > s.range.lowerBound,
      let p = speaker(after: comma, before: last, in: s, startsOf: startsOf)
    else { return nil }
    return (p, comma)
  }

  /// The participant of an attribution between `comma` and `hi` (see `trailingSpeaker`).
  private func speaker(
    after comma: Int, before hi: Int, in s: SentenceStructure, startsOf: ParticipantStarts
  ) -> Int? {
    var t = comma + 1
    var verb: Int?
    if t < hi, rules.has(t, in: doc, .speech) {
      verb = t
      t += 1
    }
    // A description may come first, possessives in it too: "…, the agency's director general
    // Yuri Borisov said".
    var described = 0
    while t < hi && described < Self.speakerDescriptionReach {
      if let p = startsOf[t] {
        guard s.participants[p].isPossessive else { break }
        t = s.participants[p].tokens.upperBound
      } else {
        guard doc.tokens[t].kind == .word || doc.tokens[t].key == "'s", !isVerbCue(t),
          rules.kinds(of: t, in: doc) == 0
        else { break }
        t += 1
      }
      described += 1
    }
    guard t < hi, let p = startsOf[t] else { return nil }
    t = s.participants[p].tokens.upperBound
    if verb == nil {
      guard t < hi, rules.has(t, in: doc, .speech) else { return nil }
      verb = t
    }
    // What follows the verb is circumstance ("on Tuesday", "in an interview"), not a statement
    // of its own: no stance word, nothing that opens what is said.
    let opening =
      AttributionRules.MarkerKind.relative.bit | AttributionRules.MarkerKind.quote.bit
      | AttributionRules.MarkerKind.boundary.bit
    for u in (verb! + 1)..<hi
    where hitStart[u] || rules.kinds(of: u, in: doc) & opening != 0 || isQuote(u) {
      return nil
    }
    return p
  }

  /// Whether the first word after the clause's opener is a determiner (`the`, `a`).
  private func startsWithDeterminer(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s) else { return false }
    return !inMention[t] && rules.reference(of: t, in: doc)?.kind == .determiner
  }

  /// Whether the first word after the clause's opener is a verb (a verb cue or an `-ing` word).
  private func startsWithVerb(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s) else { return false }
    return isVerbCue(t) || (doc.tokens[t].kind == .word && doc.tokens[t].key.hasSuffix("ing"))
  }

  /// The clause's first token after its opener, if the sentence goes on.
  private func firstWord(of clause: Clause, in s: SentenceStructure) -> Int? {
    let t = clause.first == clause.opener ? clause.first + 1 : clause.first
    return t < s.range.upperBound ? t : nil
  }

  private func effectiveSubject(_ s: SentenceStructure, _ c: Int) -> [Int] {
    s.clauses[c].subject.isEmpty ? s.clauses[c].sharedSubject : s.clauses[c].subject
  }

  // MARK: - Roles

  /// The role of participant `p` toward the hit on `hit` tokens, and the rule that decided it:
  /// the clause's rules, then what the entity's type allows (a `reporter` type says nothing of
  /// its own, an `inanimate` one is never an agent).
  func role(of p: Int, toward hit: Range<Int>, in s: SentenceStructure) -> RoleRule {
    let rule = clauseRole(of: p, toward: hit, in: s)
    let entity = s.participants[p].entity
    guard types.indices.contains(entity) else { return rule }
    if rule == .speaker || rule == .quoteSpeaker, rules.reporterTypes.contains(types[entity]) {
      return .reporter
    }
    if rule.role == .agent, rules.inanimateTypes.contains(types[entity]) { return .inanimate }
    return rule
  }

  /// The role the clause's rules give participant `p` toward the hit on `hit` tokens.
  private func clauseRole(of p: Int, toward hit: Range<Int>, in s: SentenceStructure) -> RoleRule {
    let participant = s.participants[p]
    let ch = s.clause(of: hit.lowerBound)
    let cp = s.clause(of: participant.tokens.lowerBound)
    // Clauses are read in place (`s.clauses[k].field`): copying one retained its three arrays,
    // for every (hit, participant) pair of a sentence.
    let passive = isPassive(hit)
    // "According to Borisov, Russia will leave": the source says the clause (and, below, the
    // clauses that depend on it).
    if s.clauses[ch].source == p { return .speaker }
    if let trailing = s.trailingSpeaker, trailing.participant == p, hit.upperBound <= trailing.comma
    {
      return isSubjectless(ch, s) ? .otherClause : .speaker
    }
    if ch == cp {
      if participant.tokens.lowerBound >= hit.upperBound {
        if let by = agentMarker(before: participant, in: s), by >= hit.upperBound,
          !(hit.upperBound..<by).contains(where: { hitStart[$0] }),
          passive || passiveVerb(between: hit.upperBound, and: by)
            || passiveVerb(before: hit.lowerBound, from: s.clauses[ch].first)
            || isReducedPassive(hit, by: by)
        {
          // "was suspended by (the) DLR"; and a stance noun in a passive's subject: "The threat
          // to cut deliveries was made by Rogozin", "Sanctions were announced by the White House".
          return .passiveAgent
        }
        return .object
      }
      if s.clauses[ch].subject.contains(p) {
        // "demanded that Russia sever…": the wish is the speaker's, Russia has not acted.
        if s.clauses[ch].kind == .reported && s.clauses[ch].isDesire { return .wishedSubject }
        if isConditional(ch, s) || isNegatedReport(ch, s) { return .hypothetical }
        // "Roscosmos and Energia were placed under US sanctions": a stance noun just after a
        // passive verb is done to the subject too.
        // So is one after a `patient_marker` ("Rogozin, who is under US sanctions").
        return passive
          || passiveVerb(before: hit.lowerBound, from: s.clauses[ch].first, participleOnly: true)
          || afterPatientMarker(hit.lowerBound, from: s.clauses[ch].first)
          ? .passiveSubject : .subject
      }
      if (isPossessor(participant, of: hit) && !describesNext(p, in: s.participants))
        || isModifier(participant, of: hit)
      {
        return .possessor
      }
      if let verb = s.clauses[ch].verb, participant.tokens.lowerBound > verb { return .predicate }
      return .nonSubject
    }
    // Speakers of the hit's clause, or of a quotation or reported speech around it.
    // A quotation's speaker says everything inside it; reported speech covers the clauses
    // that depend on it (subordinate, relative, and clauses without a subject of their own).
    var c: Int? = ch
    while let k = c {
      // A relative clause after a comma describing no participant ("…than his predecessor, who
      // had spent months threatening to quit") is not what the speaker says.
      if s.clauses[k].kind == .relative && s.clauses[k].endsAtComma
        && s.clauses[k].antecedent == nil
      {
        break
      }
      // A condition is no one's stance: not its speaker's either.
      // Nor what someone is said not to have said ("never said Russia would leave").
      if (k == ch && isConditional(k, s)) || isNegatedReport(k, s) { break }
      let kind = s.clauses[k].kind
      if s.clauses[k].speakers.contains(p) {
        // "Nelson said Rogozin had accused the United States": a report of what another person
        // did or said is that person's stance, not the reporter's.
        if kind == .reported, reportsAnotherPerson(k, than: p, in: s) { break }
        return kind == .quote ? .quoteSpeaker : .speaker
      }
      if s.clauses[k].source == p { return .speaker }
      if kind == .quote { break }
      let dependent =
        kind == .reported || kind == .relative || kind == .subordinate
        || s.clauses[k].subject.isEmpty
      guard dependent || isInsideQuote(k, s) else { break }
      c = s.clauses[k].parent
    }
    if s.clauses[ch].subject.isEmpty && s.clauses[ch].sharedSubject.contains(p) {
      return passive ? .passiveSubject : .sharedSubject
    }
    return .otherClause
  }

  /// A clause opened by a `conditional` marker (`if`, `unless`).
  private func isConditional(_ c: Int, _ s: SentenceStructure) -> Bool {
    guard let opener = s.clauses[c].opener else { return false }
    return rules.has(opener, in: doc, .conditional)
  }

  /// Reported speech whose speech verb is negated ("Borisov never said Russia would abandon the
  /// station", "did not say"): what it reports was not said, so it is no one's stance, neither
  /// the speaker's nor its subject's (rule `hypothetical`).
  private func isNegatedReport(_ c: Int, _ s: SentenceStructure) -> Bool {
    guard s.clauses[c].kind == .reported, let parent = s.clauses[c].parent,
      let verb = s.clauses[parent].speech, !s.clauses[parent].isDesire
    else { return false }
    let lo = max(s.range.lowerBound, verb - Self.negatedSpeechReach)
    return (lo..<verb).contains { modifiers.word(of: $0, in: doc)?.kind == .negator }
  }

  /// Whether reported clause `c`'s own subject is a person other than its speaker `p`.
  /// (A news agency's report stays its own, rule `reporter`.)
  private func reportsAnotherPerson(_ c: Int, than p: Int, in s: SentenceStructure) -> Bool {
    let speaker = s.participants[p].entity
    guard types.indices.contains(speaker), !rules.reporterTypes.contains(types[speaker]) else {
      return false
    }
    // After the clause's `that` (who is told stays out: "told Putin that Russia would quit").
    // And a subject with its verb: "told Vladimir Putin at a meeting … that Russia would quit"
    // reports no act of Putin's.
    let after = s.clauses[c].opener ?? s.clauses[c].first - 1
    guard let verb = s.clauses[c].verb else { return false }
    return s.clauses[c].subject.contains { q in
      let entity = s.participants[q].entity
      return s.participants[q].tokens.lowerBound > after
        && s.participants[q].tokens.upperBound <= verb
        && entity != speaker && types.indices.contains(entity)
        && rules.personTypes.contains(types[entity])
    }
  }

  /// A contrast or subordinate clause that neither has a subject nor shares one: a noun phrase
  /// ("despite calls from lawmakers to cut ties", "as a crude threat"), whose words are no
  /// participant's, not even a speaker's named after the statement.
  private func isSubjectless(_ c: Int, _ s: SentenceStructure) -> Bool {
    let kind = s.clauses[c].kind
    return (kind == .contrast || kind == .subordinate) && s.clauses[c].subject.isEmpty
      && s.clauses[c].sharedSubject.isEmpty
  }

  private func isInsideQuote(_ c: Int, _ s: SentenceStructure) -> Bool {
    var k: Int? = s.clauses[c].parent
    while let i = k {
      if s.clauses[i].kind == .quote { return true }
      k = s.clauses[i].parent
    }
    return false
  }

  /// A hit right after a passive auxiliary (an adverb or booster may come between) whose first
  /// word ends like a participle: "was criticised", "were sharply condemned".
  func isPassive(_ hit: Range<Int>) -> Bool {
    let first = doc.tokens[hit.lowerBound]
    guard hasSuffix(first, rules.participleSuffixes) else { return false }
    var t = hit.lowerBound - 1
    var skipped = 0
    // "was welcomed by NASA and (but) rejected by Roscosmos": a participle after a coordinator
    // or a contrast word shares the passive auxiliary of the participle before it.
    if t >= 0 && (rules.has(t, in: doc, .coordinator) || rules.has(t, in: doc, .contrast)) {
      var u = t - 1
      while u >= 0 && u >= t - Self.coordinatedVerbReach * 2 {
        if hitStart[u] && u != hit.lowerBound { return isPassive(u..<(u + 1)) }
        u -= 1
      }
      return false
    }
    while t >= 0 && skipped <= 1 {
      let key = doc.tokens[t].key
      if rules.has(t, in: doc, .passive) { return true }
      // "were sharply condemned", "was not invited".
      let isAdverb =
        modifiers.word(of: t, in: doc).map {
          $0.kind == .booster || $0.kind == .dampener || $0.kind == .negator
        } ?? false
      guard isAdverb || (key.hasSuffix("ly") && doc.tokens[t].kind == .word) else { return false }
      skipped += 1
      t -= 1
    }
    return false
  }

  /// The agent marker (`by`) right before a participant, or before the determiner that opens
  /// it ("by the German Aerospace Center"), or before the first of agents joined by a
  /// coordinator ("by ESA and the Japanese space agency"), or before a name and at most two
  /// title words before it ("by NASA Administrator Bill Nelson": both, as "NASA Administrator
  /// Bill Nelson praised…" is both's).
  private func agentMarker(before participant: Participant, in s: SentenceStructure) -> Int? {
    var t = participant.tokens.lowerBound - 1
    if t >= 0, rules.reference(of: t, in: doc)?.kind == .determiner { t -= 1 }
    guard t >= 0 else { return nil }
    if rules.has(t, in: doc, .agentMarker) { return t }
    var u = t
    while u >= 0 && t - u < 2 && doc.tokens[u].kind == .word && !inMention[u]
      && rules.kinds(of: u, in: doc) == 0
      && (rules.reference(of: u, in: doc).map { $0.kind == .role } ?? true)
    {
      u -= 1
    }
    if u < t, let named = s.participants.last(where: { $0.tokens.upperBound == u + 1 }),
      named.tokens.lowerBound < participant.tokens.lowerBound
    {
      return agentMarker(before: named, in: s)
    }
    guard rules.has(t, in: doc, .coordinator),
      let first = s.participants.last(where: { $0.tokens.upperBound == t }),
      first.tokens.lowerBound < participant.tokens.lowerBound
    else { return nil }
    return agentMarker(before: first, in: s)
  }

  /// A passive without its auxiliary: a participle hit with `by` after it, at most
  /// `reducedPassiveGap` words between that are no determiner, mention or hit ("a move welcomed
  /// by Krikalev", "welcomed on Saturday by ESA"); or a stance noun, then one lowercase word
  /// that is no marker, then `by` ("the agreement signed by NASA", "sanctions imposed by the EU"),
  /// or a comma and a participle ("the seat-swap deal, signed by Roscosmos").
  private func isReducedPassive(_ hit: Range<Int>, by: Int) -> Bool {
    // "The seat-swap deal, signed by Roscosmos and NASA": a stance noun, at most one lowercase
    // word that is no marker, a comma, then a participle right before `by`.
    if by - 2 >= hit.upperBound, doc.tokens[by - 2].key == ",",
      hasSuffix(doc.tokens[by - 1], rules.participleSuffixes), isLowercase(doc.tokens[by - 1])
    {
      let noun = hit.upperBound..<(by - 2)
      return noun.count <= 1
        && noun.allSatisfy {
          doc.tokens[$0].kind == .word && isLowercase(doc.tokens[$0]) && !inMention[$0]
            && !hitStart[$0] && rules.kinds(of: $0, in: doc) == 0
        }
    }
    let gap = hit.upperBound..<by
    let plainWords = gap.allSatisfy { t in
      doc.tokens[t].kind == .word && !inMention[t] && !hitStart[t]
        && rules.reference(of: t, in: doc)?.kind != .determiner
    }
    guard plainWords else { return false }
    if hasSuffix(doc.tokens[hit.lowerBound], rules.participleSuffixes) {
      return gap.count <= Self.reducedPassiveGap
    }
    return gap.count == 1 && isLowercase(doc.tokens[gap.lowerBound])
      && rules.kinds(of: gap.lowerBound, in: doc) == 0
  }

  /// A passive verb group right before `by` in `lo..<by`: a passive auxiliary, at most one
  /// adverb, and one lowercase word (any participle, regular or not: "was made by", "were
  /// announced by").
  private func passiveVerb(between lo: Int, and by: Int) -> Bool {
    if passiveGroup(endingAt: by - 1, from: lo) { return true }
    // Or with a prepositional phrase between the participle and `by`: "Sanctions were imposed on
    // Energia and Khrunichev by the European Union" (no punctuation, verb or hit in it).
    guard by - 1 > lo else { return false }
    var u = by - 1
    while u > lo && by - u <= Self.passivePhraseReach {
      let token = doc.tokens[u]
      guard token.kind != .punctuation, !hitStart[u], !isVerbCue(u) || inMention[u] else {
        return false
      }
      if rules.has(u, in: doc, .preposition) { return passiveGroup(endingAt: u - 1, from: lo) }
      u -= 1
    }
    return false
  }

  /// Whether a `patient_marker` ("under") after a form of *be* comes right before the hit, or
  /// before at most `patientMarkerReach` words of a name, a determiner or lowercase words that
  /// are no markers: "is under US sanctions", "were under new Western sanctions".
  private func afterPatientMarker(_ hit: Int, from first: Int) -> Bool {
    var t = hit - 1
    while t >= first && hit - t <= Self.patientMarkerReach + 1 {
      // After a form of *be* ("is under", "were under"): not a circumstance ("pointless under
      // sanctions").
      if rules.has(t, in: doc, .patientMarker) {
        return t - 1 >= first && rules.has(t - 1, in: doc, .passive)
      }
      let token = doc.tokens[t]
      guard
        inMention[t] || rules.reference(of: t, in: doc)?.kind == .determiner
          || (token.kind == .word && isLowercase(token) && rules.kinds(of: t, in: doc) == 0
            && !hitStart[t])
      else { return false }
      t -= 1
    }
    return false
  }

  /// A passive auxiliary, at most one adverb, and one lowercase word ending at `participle`.
  private func passiveGroup(endingAt participle: Int, from lo: Int) -> Bool {
    guard participle > lo, doc.tokens[participle].kind == .word,
      isLowercase(doc.tokens[participle])
    else { return false }
    var t = participle - 1
    if t > lo, !rules.has(t, in: doc, .passive), doc.tokens[t].key.hasSuffix("ly") { t -= 1 }
    return t >= lo && rules.has(t, in: doc, .passive)
  }

  /// A passive verb group ending at most two words before a hit, inside its clause: a passive
  /// auxiliary, then any lowercase word ("was placed under sanctions by the European Union"),
  /// or with `participleOnly` a word with a participle ending ("were placed under US
  /// sanctions", "could be asked to help"; not "was ready to stop").
  private func passiveVerb(before hit: Int, from first: Int, participleOnly: Bool = false) -> Bool {
    var participle = hit - 1
    while participle > first && participle >= hit - 3 {
      let token = doc.tokens[participle]
      let looksLike =
        participleOnly
        ? hasSuffix(token, rules.participleSuffixes)
        : token.kind == .word && isLowercase(token)
      // A negator may stand between the auxiliary and the participle ("was not invited to").
      var auxiliary = participle - 1
      if auxiliary > first, modifiers.word(of: auxiliary, in: doc)?.kind == .negator {
        auxiliary -= 1
      }
      if looksLike && rules.has(auxiliary, in: doc, .passive) { return true }
      participle -= 1
    }
    return false
  }

  /// "under US sanctions", "rejected NASA criticism", "a move the Russian space agency
  /// welcomed": a mention right before a stance word names whose it is, like a possessor; not
  /// an adverb's (`-ly`) or a participle's in `-ing` ("letters to NASA and ESA demanding an
  /// answer"), nor a verb's in `-ed` when a preposition governs the mention ("the war in Ukraine
  /// continued").
  private func isModifier(_ participant: Participant, of hit: Range<Int>) -> Bool {
    let key = doc.tokens[hit.lowerBound].key
    guard participant.tokens.upperBound == hit.lowerBound, participant.ref.isMention,
      !key.hasSuffix("ly"), !key.hasSuffix("ing"), !rules.isRelational(hit.lowerBound, in: doc)
    else { return false }
    // "his NASA colleagues": the phrase is the possessive pronoun's.
    let first = participant.tokens.lowerBound
    if first > 0, let word = rules.reference(of: first - 1, in: doc), word.isPossessive {
      return false
    }
    guard key.hasSuffix("ed") else { return true }
    var before = first - 1
    if before >= 0, rules.reference(of: before, in: doc)?.kind == .determiner { before -= 1 }
    return before < 0 || !rules.has(before, in: doc, .preposition)
  }

  /// Whether participant `p` only describes someone else, who is the subject instead:
  /// - a possessive name or role noun with at most three words before another name ("Japan's
  ///   JAXA", "Russia's space agency Roscosmos", "the agency's space operations chief Kathy
  ///   Lueders");
  /// - an organisation's name in a person's title: before the person's name with one or two
  ///   title words between ("Roscosmos chief Dmitry Rogozin", "NASA Administrator Bill
  ///   Nelson"), before a person's role noun with at most one word between ("The Kremlin
  ///   spokesman said", "Roscosmos chief threatens…"), or after one and `of` ("The head of the
  ///   Russian space agency, Yuri Borisov, called…"). A country before its leader acts through
  ///   him: "US President Joe Biden" is both's.
  /// No verb or marker between.
  private func describesNext(_ p: Int, in participants: [Participant]) -> Bool {
    let participant = participants[p]
    func plain(_ range: Range<Int>) -> Bool {
      range.allSatisfy {
        doc.tokens[$0].kind == .word && !isVerbCue($0) && rules.kinds(of: $0, in: doc) == 0
      }
    }
    var t = participant.tokens.upperBound
    // A possessive name or role noun ("the agency's space operations chief Kathy Lueders").
    if participant.isPossessive {
      guard p + 1 < participants.count, participants[p + 1].ref.isMention else { return false }
      let next = participants[p + 1].tokens.lowerBound
      if t < doc.tokens.count && doc.tokens[t].key == "'s" { t += 1 }
      return next >= t && next - t <= 3 && plain(t..<next)
    }
    guard participant.ref.isMention else { return false }
    guard participant.entity < types.count, !rules.personTypes.contains(types[participant.entity]),
      types[participant.entity] != "GPE"
    else { return false }
    if p + 1 < participants.count {
      let next = participants[p + 1]
      if next.entity < types.count, rules.personTypes.contains(types[next.entity]),
        next.tokens.lowerBound > t, next.tokens.lowerBound - t <= 2,
        plain(t..<next.tokens.lowerBound)
      {
        return true
      }
    }
    let sentence = doc.sentences[doc.sentenceOfToken[participant.tokens.lowerBound]].tokens
    for u in t..<min(t + 2, sentence.upperBound) {
      if isPersonRole(u) { return plain(t..<u) }
    }
    var u = participant.tokens.lowerBound - 1
    if u >= sentence.lowerBound, rules.reference(of: u, in: doc)?.kind == .determiner { u -= 1 }
    // "the head of X", "the director general of X" (one word may follow the role noun).
    guard u - 1 >= sentence.lowerBound, doc.tokens[u].key == "of" else { return false }
    return isPersonRole(u - 1)
      || (u - 2 >= sentence.lowerBound && isPersonRole(u - 2) && plain((u - 1)..<u))
  }

  /// Whether token `t` is a role noun for a person (`chief`, `spokesman`: `references.tsv`).
  private func isPersonRole(_ t: Int) -> Bool {
    guard let word = rules.reference(of: t, in: doc), word.kind == .role else { return false }
    return word.types.contains(where: rules.personTypes.contains)
  }

  /// "Rogozin's threat", "its withdrawal": a possessive mention at most `possessorReach`
  /// words before the hit, no verb between.
  private func isPossessor(_ participant: Participant, of hit: Range<Int>) -> Bool {
    guard participant.isPossessive, participant.tokens.upperBound <= hit.lowerBound,
      !rules.isRelational(hit.lowerBound, in: doc)
    else {
      return false
    }
    var t = participant.tokens.upperBound
    if t < doc.tokens.count && doc.tokens[t].key == "'s" { t += 1 }
    guard hit.lowerBound - t <= Self.possessorReach else { return false }
    // The word right after a possessive is its noun, even one that can be a verb ("Russia's
    // plans to leave").
    let noun = t
    while t < hit.lowerBound {
      if (t != noun && isVerbCue(t)) || doc.tokens[t].kind == .punctuation { return false }
      t += 1
    }
    return true
  }
}
