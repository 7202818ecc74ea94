import Tokenize

/// Roles: what a participant is to a hit (agent, target, mentioned) and the rule that decided it.
extension ClauseAnalyzer {
  /// The role of participant `p` toward the hit on `hit` tokens, and the rule that decided it:
  /// the clause's rules, then what the entity's type allows (a `reporter` type says nothing of
  /// its own, an `inanimate` one is never an agent), then whether the sentence asks it.
  /// `passive` is `isPassive(hit)`, computed once per hit by the caller; `positive`, whether
  /// the hit's weight is.
  func role(
    of p: Int, toward hit: Range<Int>, in s: SentenceStructure, passive: Bool, positive: Bool
  ) -> RoleRule {
    var rule = clauseRole(of: p, toward: hit, in: s, passive: passive)
    // "Japan did not follow ESA in suspending work with Roscosmos": ESA suspends, Japan does not.
    if let company = joinedCompany(of: hit, in: s) {
      if s.participants[p].entity == s.participants[company.partner].entity { return .partner }
      if company.negated, rule.role == .agent,
        s.participants[p].tokens.upperBound <= company.verb
      {
        return .declined
      }
    }
    // "NASA Administrator Bill Nelson praised…": the organisation acts through the person its
    // title names.
    if rule.role != .agent,
      let person = titledPerson(after: p, in: s.participants)
        ?? appositivePerson(of: p, in: s.participants),
      role(of: person, toward: hit, in: s, passive: passive, positive: positive).role == .agent
    {
      return .title
    }
    if rule.role == .agent, inParticipleAside(hit, after: s.participants[p], in: s) {
      return .passiveSubject
    }
    if rule == .object && positive && isPartner(p, of: hit, in: s) { rule = .partner }
    // "praised NASA for keeping the station flying": who is named before a reason's `for` does
    // a good deed in `-ing` after it, not the one who praises. (A bad one stays the accuser's:
    // "blamed Washington for wrecking…" accuses, the accused takes no stance by it.)
    if positive, let doer = gerundDoer(of: hit, in: s) {
      if doer == p {
        rule = .subject
      } else if rule == .subject, s.participants[doer].entity != s.participants[p].entity {
        rule = .nonSubject
      }
    }
    if isCircumstance(s.participants[p], rule, hit) { return .circumstance }
    guard types.indices.contains(s.participants[p].entity) else { return rule }
    let classes = s.participants[p].typeClasses
    if rule == .speaker || rule == .quoteSpeaker, classes.contains(.reporter) { return .reporter }
    if rule.role == .agent, classes.contains(.inanimate) { return .inanimate }
    // "Will Russia leave the ISS?": what a question asks in its main clause is no one's stance
    // (what its subordinate clause says is taken as given: "…when he threatens to abandon…").
    if rule.role == .agent, isQuestion(s), s.clauses[s.clause(of: hit.lowerBound)].kind == .main {
      return .hypothetical
    }
    return rule
  }

  /// Whether a mention names where or when, given the rule its clause decided: one that begins
  /// or ends with a `time` word ("Monday", "Monday's"), or one right after a `locative`
  /// preposition (and a determiner) that the rules do not make an agent ("talks in Moscow",
  /// "talks in the Kremlin"; "Officials at NASA said…" stays NASA's statement); not when the
  /// preposition comes right after the hit, which governs it ("lashed out at NASA", "trust in
  /// Roscosmos"). The words were read once, when the participant was made.
  private func isCircumstance(_ participant: Participant, _ rule: RoleRule, _ hit: Range<Int>)
    -> Bool
  {
    switch participant.circumstance {
    case .time: return true
    case .locative(let preposition): return rule.role != .agent && preposition != hit.upperBound
    case .none: return false
    }
  }

  /// What the words of the mention on `tokens`, in the sentence of `sentence` tokens, make it to
  /// `isCircumstance`: whether it begins or ends with a `time` word, else the `locative`
  /// preposition (skipping a determiner) right before it, if any.
  func circumstance(of tokens: Range<Int>, in sentence: Range<Int>) -> Circumstance {
    var last = tokens.upperBound - 1
    if last > tokens.lowerBound, doc.tokens[last].keyIs("'s") { last -= 1 }
    if markers.word(tokens.lowerBound, is: .time) || markers.word(last, is: .time) {
      return .time
    }
    var preposition = tokens.lowerBound - 1
    if preposition > sentence.lowerBound,
      markers.referenceKind(of: preposition) == .determiner
    {
      preposition -= 1
    }
    guard preposition >= sentence.lowerBound, markers.word(preposition, is: .locative)
    else { return .none }
    return .locative(preposition: preposition)
  }

  /// The role the clause's rules give participant `p` toward the hit on `hit` tokens.
  private func clauseRole(
    of p: Int, toward hit: Range<Int>, in s: SentenceStructure, passive: Bool
  ) -> RoleRule {
    let participant = s.participants[p]
    let ch = s.clause(of: hit.lowerBound)
    let cp = s.clause(of: participant.tokens.lowerBound)
    // Clauses are read in place (`s.clauses[k].field`): copying one retained its three arrays,
    // for every (hit, participant) pair of a sentence.
    // "According to Borisov, Russia will leave": the source says the clause (and, below, the
    // clauses that depend on it).
    if s.clauses[ch].source == p { return relaysAct(ch, than: p, in: s) ? .relayed : .speaker }
    if let trailing = s.trailingSpeaker, trailing.participant == p, trailing.covers(hit) {
      // "Cosmonauts Artemyev and Matveev thanked their NASA colleagues, Roscosmos said": what
      // a person named as its subject did is that person's stance, not the reporter's, whoever
      // reports it ("Rogozin accused NASA of lying, Nelson told reporters").
      // So is what such a person said ("Putin told Borisov that Russia would keep working with
      // China, Kremlin spokesman Dmitry Peskov said"): the reported clause's speakers too.
      var byPerson = false
      var k: Int? = ch
      while let c = k, !byPerson {
        byPerson = s.list(s.clauses[c].subject).contains { q in
          q != p && s.participants[q].entity != participant.entity
            && s.participants[q].typeClasses.contains(.person)
        }
        k = s.clauses[c].kind == .reported ? s.clauses[c].parent : nil
      }
      return isSubjectless(ch, s) || byPerson ? .otherClause : .speaker
    }
    if ch == cp {
      if participant.tokens.lowerBound >= hit.upperBound {
        // A possessive pronoun after `by` owns the agent, it is not the agent ("imposed on Russia
        // by its member states"); a name acts through what it owns ("suspended by ESA's ruling
        // council"), not through a person it names ("greeted by NASA's Mark Vande Hei").
        if !participant.isPossessive
          || (participant.ref.isMention && !possessesPerson(p, in: s)),
          let by = agentMarker(before: p, in: s),
          by >= hit.upperBound,
          !(hit.upperBound..<by).contains(where: { hitStart[$0] }),
          passive || passiveVerb(between: hit.upperBound, and: by)
            || passiveVerb(before: hit.lowerBound, from: s.clauses[ch].first)
            || isReducedPassive(hit, by: by) || isNominalAgent(hit, by: by)
        {
          // "was suspended by (the) DLR"; and a stance noun in a passive's subject: "The threat
          // to cut deliveries was made by Rogozin", "Sanctions were announced by the White House".
          return .passiveAgent
        }
        if authorsNoun(p, hit, in: s) { return .possessor }
        return isNamedSource(p, of: hit, in: s) ? .source : .object
      }
      // "Japan was invited by NASA to contribute…": the agent asks for what the infinitive after
      // it says; the passive's subject is only asked.
      if let by = passiveController(of: hit, from: s.clauses[ch].first) {
        if participant.tokens.lowerBound > by { return .passiveAgent }
        if s.list(s.clauses[ch].subject).contains(p) { return .passiveSubject }
      }
      // "Energia was sanctioned by the United States, cutting the company off…": the agent
      // does what the participle after the comma says, done to the passive's subject.
      if let by = passiveParticipleAgent(of: hit, from: s.clauses[ch].first) {
        if agentMarker(before: p, in: s) == by { return .passiveAgent }
        if s.list(s.clauses[ch].subject).contains(p) { return .passiveSubject }
      }
      if s.list(s.clauses[ch].subject).contains(p) {
        // "demanded that Russia sever…": the wish is the speaker's, Russia has not acted.
        if s.clauses[ch].kind == .reported && s.clauses[ch].isDesire { return .wishedSubject }
        // "'Russia must stop these tests,' he added": told what to do.
        if let verb = s.clauses[ch].verb, verb < hit.lowerBound,
          markers.word(verb, is: .obligation)
        {
          return .wishedSubject
        }
        if isConditional(ch, s) || isNegatedReport(ch, s) || isDeniedContent(ch, of: p, s) {
          return .hypothetical
        }
        // "Roscosmos and Energia were placed under US sanctions": a stance noun just after a
        // passive verb is done to the subject too.
        // So is one after a `patient_marker` ("Rogozin, who is under US sanctions").
        if isDoneToSubject(hit, passive: passive, from: s.clauses[ch].first) {
          return .passiveSubject
        }
        // "NASA's offer of a seat swap was turned down by Rogozin": the subject's possessor owns
        // its noun, whatever the verb does to it; not a title of office, which acts ("NASA's
        // administrator praised…": rule `subject`).
        if isPossessor(participant, of: hit), !ownsOffice(participant) { return .possessor }
        return isDescribed(participant, by: hit) ? .described : .subject
      }
      // "The sanctions led Roscosmos to suspend its launches": who a causative verb names
      // before `to` does what follows.
      if isCaused(participant, toward: hit, in: s) { return .subject }
      // "the decision by Roscosmos to keep its crews": who a noun of content names after `by`
      // does what it introduces.
      if let by = agentMarker(before: p, in: s), ownedContent(after: by - 1, to: hit) {
        return .passiveAgent
      }
      if ((isPossessor(participant, of: hit) || ownsContent(participant, of: hit))
        && !describesNext(p, in: s.participants)) || isModifier(participant, of: hit)
      {
        // "was thanked by ESA for his help": the reason a passive gives is done to its subject,
        // whose possessive it names; "thanking the agency for its help": an active verb's to
        // its object.
        if inPassiveReason(hit.lowerBound, from: s.clauses[ch].first) { return .passiveSubject }
        // "urged NASA to end its partnership": what the one urged would do to its own is
        // wished, like what it would do.
        if s.clauses[ch].kind == .reported && s.clauses[ch].isDesire
          && s.list(s.clauses[ch].subject).contains(where: {
            s.participants[$0].entity == participant.entity
          })
        {
          return .wishedSubject
        }
        return inObjectReason(hit.lowerBound, in: s) ? .predicate : .possessor
      }
      if let verb = s.clauses[ch].verb, participant.tokens.lowerBound > verb { return .predicate }
      return .nonSubject
    }
    if authorsNoun(p, hit, in: s) { return .possessor }
    // "Rogozin's claim that NASA had sabotaged…": the possessor of a noun of content says what
    // its `that` opens, a clause of its own.
    if ownsContent(participant, of: hit) && !describesNext(p, in: s.participants) {
      return .possessor
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
      // Nor what someone is said not to have said ("never said Russia would leave"), nor the
      // noun phrase a contrast preposition opens ("…, regardless of the tensions with Moscow").
      if (k == ch && isConditional(k, s)) || isNegatedReport(k, s) || isContrastPhrase(k, s) {
        break
      }
      let kind = s.clauses[k].kind
      if s.list(s.clauses[k].speakers).contains(p) {
        // "Nelson said Rogozin had accused the United States": a report of what another person
        // did or said is that person's stance, not the reporter's.
        if kind == .reported, reportsAnother(k, than: p, in: s) { break }
        // "…whether Moscow still wanted to keep working": a wish or a statement of a condition's
        // subject is hypothetical too.
        if let parent = s.clauses[k].parent, isConditional(parent, s),
          s.list(s.clauses[parent].subject).contains(p)
        {
          return .hypothetical
        }
        return kind == .quote ? .quoteSpeaker : .speaker
      }
      if s.clauses[k].source == p {
        // "According to NASA, Borisov told reporters that Russia would…": the source relays
        // what the clause's own speaker says.
        if k != ch, relaysSpeech(k, than: p, in: s) { break }
        return relaysAct(k, than: p, in: s) ? .relayed : .speaker
      }
      if kind == .quote { break }
      // A clause with its own subject and speech verb is its subject's statement, not the one
      // around it: "Aschbacher told reporters that ESA would not resume it, even as Roscosmos
      // said it remained open to working with European partners".
      if kind != .reported && kind != .main && s.clauses[k].speech != nil
        && !s.clauses[k].isDesire && !s.clauses[k].subject.isEmpty
      {
        break
      }
      let dependent =
        (kind == .reported || kind == .relative || kind == .subordinate
          || s.clauses[k].subject.isEmpty) && !hasUnnamedSubject(k, s)
      guard dependent || isInsideQuote(k, s) else { break }
      c = s.clauses[k].parent
    }
    if s.clauses[ch].subject.isEmpty && s.list(s.clauses[ch].sharedSubject).contains(p) {
      if isOwnedByAnother(hit, than: p, from: s.clauses[ch].first, in: s) { return .nonSubject }
      return isDoneToSubject(hit, passive: passive, from: s.clauses[ch].first)
        ? .passiveSubject : .sharedSubject
    }
    return .otherClause
  }

  /// The quotations of sentence `index` (structure `s`) that run on into a neighbouring
  /// sentence, each with the speakers the neighbour names for it: entity and mention. A
  /// speaker is a participant the neighbour's roles make the `quote-speaker` of a word of its
  /// part of the quotation. `bySentence`: each sentence's participants in text order. A
  /// neighbour's structure is made in the arrays of `scratch` and handed back to it.
  func runOnQuotes(
    of index: Int, _ s: SentenceStructure, bySentence: [[Participant]],
    reusing scratch: inout ClauseScratch
  ) -> [(quote: Int, speakers: [(entity: Int, ref: MentionRef)])] {
    var result: [(quote: Int, speakers: [(entity: Int, ref: MentionRef)])] = []
    if quotes.runsOn(into: index), index > 0, let quote = s.continuedQuote {
      let speakers = quoteSpeakers(in: index - 1, bySentence: bySentence, reusing: &scratch) {
        $0.openQuote
      }
      if !speakers.isEmpty { result.append((quote, speakers)) }
    }
    if quotes.runsOn(into: index + 1), index + 1 < doc.sentences.count, let quote = s.openQuote {
      let speakers = quoteSpeakers(in: index + 1, bySentence: bySentence, reusing: &scratch) {
        $0.continuedQuote
      }
      if !speakers.isEmpty { result.append((quote, speakers)) }
    }
    // A quotation that opens its sentence, after a sentence whose quotation someone said (or
    // one more quotation before that): the same speaker goes on ("'Nobody is slamming doors,'
    // Lavrov told reporters. 'We have honoured every agreement…'").
    if !quotes.runsOn(into: index), let quote = s.openingQuote {
      for before in stride(from: index - 1, through: max(0, index - 2), by: -1) {
        let speakers = quoteSpeakers(in: before, bySentence: bySentence, reusing: &scratch) {
          $0.lastQuote
        }
        if !speakers.isEmpty {
          result.append((quote, speakers))
          break
        }
        guard quotes.opensSentence(before, of: doc) else { break }
      }
    }
    return result
  }

  /// Whether sentence `index` may say what a neighbour's speaker says: a quotation runs on into
  /// it or out of it, or it opens with one.
  func mayContinueQuote(_ index: Int) -> Bool {
    quotes.runsOn(into: index) || quotes.runsOn(into: index + 1)
      || quotes.opensSentence(index, of: doc)
  }

  /// The `quote-speaker`s of the quotation `which` picks in sentence `index`.
  private func quoteSpeakers(
    in index: Int, bySentence: [[Participant]], reusing scratch: inout ClauseScratch,
    which: (SentenceStructure) -> Int?
  ) -> [(entity: Int, ref: MentionRef)] {
    let participants = bySentence[index]
    guard !participants.isEmpty else { return [] }
    var s = structure(of: doc.sentences[index], participants: participants, reusing: &scratch)
    defer { scratch.reclaim(&s) }
    guard let quote = which(s),
      let word = s.range.first(where: {
        s.clause(of: $0) == quote && tokenKinds[$0] == .word && !inMention[$0]
      })
    else { return [] }
    var speakers: [(entity: Int, ref: MentionRef)] = []
    for p in participants.indices
    where role(of: p, toward: word..<(word + 1), in: s, passive: false, positive: false)
      == .quoteSpeaker
      && !speakers.contains(where: { $0.entity == participants[p].entity })
    {
      speakers.append((participants[p].entity, participants[p].ref))
    }
    return speakers
  }

  /// Whether the hit is inside an aside that a passive participle opens right after an
  /// agent's name (the subject, or a speaker), between commas, a lowercase word that opens no
  /// clause after it (the verb) ("Nelson, asked about the threat,
  /// said…", "Rogozin, stung by the sanctions, threatened…"): what the aside says is done to the
  /// subject, not its deed. A verb in `-ed` followed by a clause joined with `and` or a clause
  /// marker is the subject's own ("Lueders, called it good news, and JAXA said…").
  private func inParticipleAside(
    _ hit: Range<Int>, after participant: Participant, in s: SentenceStructure
  ) -> Bool {
    let comma = participant.tokens.upperBound
    guard hit.lowerBound > comma + 1, comma + 1 < s.range.upperBound,
      isParticiple(comma + 1), !hitStart[comma + 1],
      let close = appositionClose(after: comma, before: s.range.upperBound),
      close + 1 < s.range.upperBound, tokenKinds[close + 1] == .word, isLowercase(close + 1)
    else { return false }
    let opens =
      AttributionRules.MarkerKind.clauseOpeners | AttributionRules.MarkerKind.coordinator.bit
    return hit.upperBound <= close && markers.kinds(of: close + 1) & opens == 0
  }

  /// Whether the hit is done to its clause's subject: a passive hit, a stance noun right after a
  /// passive verb ("were placed under US sanctions", "talks that had been put on hold"), or one
  /// after a `patient_marker` or in a passive's `by` phrase.
  private func isDoneToSubject(_ hit: Range<Int>, passive: Bool, from first: Int) -> Bool {
    passive || passiveVerb(before: hit.lowerBound, from: first, participleOnly: true)
      || afterPatientMarker(hit.lowerBound, from: first)
      || inPassiveReason(hit.lowerBound, from: first)
  }

  /// Whether the hit is in the reason a passive gives (`for` after the passive verb or its `by`
  /// phrase, at most `patientMarkerReach` words before the hit): "was praised by Artemyev for
  /// her help during their joint spacewalk", "was honoured for decades of joint spaceflight";
  /// not a gerund, which is the subject's own deed ("was criticised for threatening to…").
  private func inPassiveReason(_ hit: Int, from first: Int) -> Bool {
    guard let reason = reason(before: hit, from: first) else { return false }
    var t = reason - 1
    // Past the `by` phrase: its name (mention tokens), a determiner ("by the European Space
    // Agency") and `by`.
    while t > first && inMention[t] { t -= 1 }
    if t < reason - 1, t > first, markers.referenceKind(of: t) == .determiner { t -= 1 }
    if t < reason - 1, t > first, markers.has(t, .agentMarker) { t -= 1 }
    return t > first && isParticiple(t) && passiveGroup(endingAt: t, from: first)
  }

  /// The `for` that gives a reason the hit is in: at most `patientMarkerReach` words before it,
  /// only plain words between; not before a gerund, which is a deed ("criticised for
  /// threatening to…").
  private func reason(before hit: Int, from first: Int) -> Int? {
    guard
      let reason = (max(first, hit - Self.patientMarkerReach - 1)..<hit).last(where: {
        markers.word($0, is: .reason)
      }),
      (reason + 1..<hit).allSatisfy({
        tokenKinds[$0] == .word && !hitStart[$0] && markers.kinds(of: $0) == 0
      }),
      !endings.has(reason + 1, KeyEndings.ing)
    else { return nil }
    return reason
  }

  /// The participant that does a deed in `-ing` right after a reason's `for`: the one named
  /// right before `for` ("praised NASA for keeping"), unless a passive's `by` names it.
  private func gerundDoer(of hit: Range<Int>, in s: SentenceStructure) -> Int? {
    let reason = hit.lowerBound - 1
    guard endings.has(hit.lowerBound, KeyEndings.ing), reason > s.range.lowerBound,
      markers.word(reason, is: .reason),
      let doer = s.participants.firstIndex(where: { $0.tokens.upperBound == reason })
    else { return nil }
    // After a passive's `by` the one named is who praises ("was praised by NASA for keeping…").
    let before = s.participants[doer].tokens.lowerBound - 1
    if before >= s.range.lowerBound,
      markers.has(before, .agentMarker)
        || (before > s.range.lowerBound
          && markers.referenceKind(of: before) == .determiner
          && markers.has(before - 1, .agentMarker))
    {
      return nil
    }
    return doer
  }

  /// Whether the hit is in the reason a stance verb gives for what it does to its object, named
  /// right after it: "thanking the agency for its help", "praised NASA for its support".
  private func inObjectReason(_ hit: Int, in s: SentenceStructure) -> Bool {
    guard let reason = reason(before: hit, from: s.range.lowerBound),
      let object = s.participants.first(where: { $0.tokens.upperBound == reason })
    else { return false }
    var verb = object.tokens.lowerBound - 1
    if verb > s.range.lowerBound, markers.referenceKind(of: verb) == .determiner {
      verb -= 1
    }
    return verb >= s.range.lowerBound && hitStart[verb]
  }

  /// A question the text asks in its own voice ("Will Russia leave the ISS?"): it ends with a
  /// question mark and quotes no one. What it asks is no one's stance.
  private func isQuestion(_ s: SentenceStructure) -> Bool {
    guard let last = s.range.last, doc.tokens[last].keyIs("?") else { return false }
    return !s.clauses.contains { $0.kind == .quote }
  }

  /// A clause opened by a `conditional` marker (`if`, `unless`).
  private func isConditional(_ c: Int, _ s: SentenceStructure) -> Bool {
    guard let opener = s.clauses[c].opener else { return false }
    return markers.has(opener, .conditional)
  }

  /// Words between a negator or shifter and the noun of content it denies ("dismissed claims
  /// that", "rejected Rogozin's claim that").
  static let deniedContentReach = 3

  /// A clause that a noun of content's `that` (or another `complement`) opens, when a negator
  /// or shifter comes at most `deniedContentReach` tokens before the noun ("Peskov dismissed
  /// claims that the Kremlin had ordered…", "walked back his warning that Russia would
  /// leave"): what it holds is denied or retracted, not asserted, so its subject takes no stance
  /// by it (rule `hypothetical`). Not when that subject is the denier itself ("Japan denied
  /// reports that it was preparing to back out": what Japan denies of itself is its stance).
  private func isDeniedContent(_ c: Int, of p: Int, _ s: SentenceStructure) -> Bool {
    guard let opener = s.clauses[c].opener, opener > s.range.lowerBound,
      markers.word(opener, is: .complement)
    else { return false }
    // A verb of denial right before `that` ("Lavrov denied that Moscow had ever threatened…"),
    // unless it is negated itself ("did not deny that Russia planned to leave").
    let verb = opener - 1
    if modifiers.word(of: verb, in: doc)?.kind == .negator {
      let lo = max(s.range.lowerBound, verb - Self.negatedSpeechReach)
      return !(lo..<verb).contains { modifiers.word(of: $0, in: doc)?.kind == .negator }
    }
    guard markers.word(opener - 1, is: .content) else { return false }
    if let parent = s.clauses[c].parent,
      s.list(s.clauses[parent].subject).contains(where: {
        s.participants[$0].entity == s.participants[p].entity
      })
    {
      return false
    }
    let noun = opener - 1
    return (max(s.range.lowerBound, noun - Self.deniedContentReach)..<noun).contains { t in
      // (A phrase's last word: "walked back".)
      guard let kind = modifiers.modifier(at: t, in: doc)?.word.kind else { return false }
      return kind == .negator || kind.isShifter
    }
  }

  /// Whether contrast clause `c` has a subject that names no participant: a determiner right
  /// after its marker, before its verb ("NASA said it would keep buying seats, while the
  /// Roscosmos chief threatened to stop": the chief's threat, not NASA's), or a possessive
  /// pronoun before a noun of relation ("…, while its Russian counterpart threatened…").
  private func hasUnnamedSubject(_ c: Int, _ s: SentenceStructure) -> Bool {
    guard s.clauses[c].kind == .contrast, s.clauses[c].subject.isEmpty,
      let opener = s.clauses[c].opener, let verb = s.clauses[c].verb, verb > opener + 1
    else { return false }
    return markers.referenceKind(of: opener + 1) == .determiner
      || startsWithRelation(s.clauses[c], in: s)
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

  /// Whether clause `c`, whose `according to` source is participant `p`, an organisation named
  /// alone, names another entity as its subject: the source relays what that one does
  /// ("According to Roscosmos, NASA has asked to extend the seat swap"), not what it does itself
  /// ("According to the agency, it will…").
  private func relaysAct(_ c: Int, than p: Int, in s: SentenceStructure) -> Bool {
    // An organisation named alone: "according to a Roscosmos statement" (or spokesperson, or
    // officials) is its own word, and a person speaks for the side they belong to ("According
    // to Peskov, Moscow remains open to…").
    let after = s.participants[p].tokens.upperBound
    guard s.participants[p].typeClasses.isDisjoint(with: [.person, .reporter]),
      after >= doc.tokens.count || tokenKinds[after] != .word
    else { return false }
    return s.list(s.clauses[c].subject).contains { q in
      s.participants[q].entity != s.participants[p].entity && s.participants[q].ref.isMention
        && !s.participants[q].isPossessive
    }
  }

  /// Whether reported clause `c`'s own subject is a person other than its speaker `p`, or, when
  /// `p` is no person, any other participant whose statement the clause reports through a speech
  /// verb of its own ("NASA said Roscosmos had assured it that…": NASA relays what Roscosmos
  /// said; a person who relays keeps the stance: +3 -0 over 133 sets, +6 -8 with persons).
  /// (A news agency's report stays its own, rule `reporter`.)
  private func reportsAnother(_ c: Int, than p: Int, in s: SentenceStructure) -> Bool {
    let speaker = s.participants[p].entity
    guard types.indices.contains(speaker), !s.participants[p].typeClasses.contains(.reporter)
    else { return false }
    let speech =
      s.clauses[c].isDesire || s.participants[p].typeClasses.contains(.person)
      ? nil : s.clauses[c].speech
    // After the clause's `that` (who is told stays out: "told Putin that Russia would quit").
    // And a subject with its verb: "told Vladimir Putin at a meeting … that Russia would quit"
    // reports no act of Putin's.
    let after = s.clauses[c].opener ?? s.clauses[c].first - 1
    guard let verb = s.clauses[c].verb else { return false }
    // Not a possessive: "said President Biden's latest sanctions would wreck…" is the speaker's
    // statement about them.
    return s.list(s.clauses[c].subject).contains { q in
      let entity = s.participants[q].entity
      return !s.participants[q].isPossessive && s.participants[q].tokens.lowerBound > after
        && s.participants[q].tokens.upperBound <= verb
        && entity != speaker
        && (s.participants[q].typeClasses.contains(.person)
          || speech.map { $0 >= s.participants[q].tokens.upperBound && $0 <= verb + 2 } == true)
    }
  }

  /// Whether clause `c` is a statement of its own subject, someone other than participant `p`:
  /// a speech verb (not a wish) after the clause's first word and after its subject, which
  /// names no participant of `p`'s entity (+2 -0 over 133 sets).
  private func relaysSpeech(_ c: Int, than p: Int, in s: SentenceStructure) -> Bool {
    guard !s.clauses[c].isDesire, let speech = s.clauses[c].speech else { return false }
    let entity = s.participants[p].entity
    let subject = s.list(s.clauses[c].subject)
    // A subject the rules found no participant in ("the head of Roscosmos told…") is another's.
    return speech > s.clauses[c].first
      && subject.allSatisfy { q in
        s.participants[q].entity != entity && s.participants[q].tokens.upperBound <= speech
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
  /// word is a participle (`isParticiple`): "was criticised", "were sharply condemned", "was
  /// withdrawn"; or a `passive_infinitive` verb after `to` and such an auxiliary: "was to
  /// blame".
  func isPassive(_ hit: Range<Int>) -> Bool {
    // An adverb hit in -ly right before a passive participle is part of the passive ("was
    // warmly praised by Roscosmos").
    let last = hit.upperBound - 1
    if hit.count == 1, endings.has(last, KeyEndings.ly), hit.upperBound < doc.tokens.count,
      isParticiple(hit.upperBound)
    {
      return isPassive(hit.upperBound..<(hit.upperBound + 1))
    }
    // "Roscosmos was (partly) to blame": a `passive_infinitive` verb after `to` and a passive
    // auxiliary is done to the subject.
    if markers.word(hit.lowerBound, is: .passiveInfinitive), hit.lowerBound >= 2,
      markers.word(hit.lowerBound - 1, is: .infinitive)
    {
      return isPassive(afterAuxiliary: hit.lowerBound - 2)
    }
    guard isParticiple(hit.lowerBound), !markers.word(hit.lowerBound, is: .stative) else {
      return false
    }
    let t = hit.lowerBound - 1
    // "was welcomed by NASA and (but) rejected by Roscosmos": a participle after a coordinator
    // or a contrast word shares the passive auxiliary of the participle before it.
    if t >= 0 && (markers.has(t, .coordinator) || markers.has(t, .contrast)) {
      var u = t - 1
      while u >= 0 && u >= t - Self.coordinatedVerbReach * 2 {
        if hitStart[u] && u != hit.lowerBound { return isPassive(u..<(u + 1)) }
        u -= 1
      }
      return false
    }
    return isPassive(afterAuxiliary: t)
  }

  /// Whether a passive auxiliary stands at `t` or before at most one adverb, booster, dampener
  /// or negator ending at `t`: "were sharply condemned", "was not invited".
  private func isPassive(afterAuxiliary t: Int) -> Bool {
    var t = t
    var skipped = 0
    while t >= 0 && skipped <= 1 {
      if markers.has(t, .passive) { return true }
      let isAdverb =
        markers.word(t, is: .adverb)
        || modifiers.word(of: t, in: doc).map {
          $0.kind == .booster || $0.kind == .dampener || $0.kind == .negator
        } ?? false
      guard isAdverb || (endings.has(t, KeyEndings.ly) && tokenKinds[t] == .word) else {
        return false
      }
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
  private func agentMarker(before p: Int, in s: SentenceStructure) -> Int? {
    let participant = s.participants[p]
    var t = participant.tokens.lowerBound - 1
    if t >= 0, markers.referenceKind(of: t) == .determiner { t -= 1 }
    guard t >= 0 else { return nil }
    if markers.has(t, .agentMarker) { return t }
    // A name right before it describes it: "blocked by the US Congress".
    if inMention[t], !participant.isPossessive,
      let named = s.participants.lastIndex(where: { $0.tokens.upperBound == t + 1 }),
      named < p, !s.participants[named].isPossessive
    {
      return agentMarker(before: named, in: s)
    }
    var u = t
    // (Title words, no verb: "The sanctions imposed by Washington angered Roscosmos".)
    while u >= 0 && t - u < 2 && tokenKinds[u] == .word && !inMention[u]
      && markers.kinds(of: u) == 0 && !isVerbCue(u) && !isParticiple(u)
      && (markers.referenceKind(of: u).map { $0 == .role } ?? true)
    {
      u -= 1
    }
    if u < t, let named = s.participants.lastIndex(where: { $0.tokens.upperBound == u + 1 }),
      s.participants[named].tokens.lowerBound < participant.tokens.lowerBound
    {
      return agentMarker(before: named, in: s)
    }
    // Capitalised title words right after `by`: "imposed by President Joe Biden".
    if u >= 0, u < t, markers.has(u, .agentMarker), !isLowercase(u + 1) { return u }
    let head = listHead(p, in: s)
    return head != p ? agentMarker(before: head, in: s) : nil
  }

  /// The first of the names that participant `p` is listed with ("by the US, the EU and
  /// Britain", "help from NASA, CNES and ESA": the US, NASA): each later name follows the one
  /// before it with a coordinator, a comma or both between (an article or determiner may open
  /// it), and a comma alone joins only in a list a coordinator ends. `p` where it is the first
  /// or in no list.
  func listHead(_ p: Int, in s: SentenceStructure) -> Int {
    var q = p
    var coordinated = false
    while q > 0 {
      var w = s.participants[q].tokens.lowerBound - 1
      if w > 0, isArticleOrDeterminer(w) { w -= 1 }
      guard w > 0 else { break }
      let coordinator = markers.has(w, .coordinator)
      if coordinator, doc.tokens[w - 1].keyIs(",") { w -= 1 }
      guard coordinator || doc.tokens[w].keyIs(","),
        s.participants[q - 1].tokens.upperBound == w,
        coordinator || coordinated || endsWithCoordinator(after: q, in: s)
      else { break }
      coordinated = coordinated || coordinator
      q -= 1
    }
    return q
  }

  /// Whether the names listed after participant `q` by commas reach one joined by a coordinator
  /// ("the EU" in "the US, the EU and Britain").
  private func endsWithCoordinator(after q: Int, in s: SentenceStructure) -> Bool {
    var q = q
    while q + 1 < s.participants.count {
      var w = s.participants[q].tokens.upperBound
      guard w < s.range.upperBound else { return false }
      let comma = doc.tokens[w].keyIs(",")
      if comma { w += 1 }
      let coordinator = w < s.range.upperBound && markers.has(w, .coordinator)
      if coordinator { w += 1 }
      guard comma || coordinator, w < s.range.upperBound else { return false }
      if isArticleOrDeterminer(w) { w += 1 }
      guard s.participants[q + 1].tokens.lowerBound == w else { return false }
      if coordinator { return true }
      q += 1
    }
    return false
  }

  /// Whether participant `p` is the subject of an object relative clause right after the
  /// stance noun on `hit` tokens, and so its author, like a possessor: "the sanctions that
  /// Washington had widened", "threats Rogozin had posted", "the deal NASA and Roscosmos renewed"
  /// (`that` or `which` may open it, a determiner may open the name, names joined by a
  /// coordinator all author it). Not when the clause's first verb after its auxiliaries is a hit
  /// of its own ("the offer that NASA rejected": the rejection is NASA's) or a verb of saying
  /// ("sanctions that Washington says are legal"); not after a verb or participle ("warned
  /// NASA would…").
  private func authorsNoun(_ p: Int, _ hit: Range<Int>, in s: SentenceStructure) -> Bool {
    let last = hit.upperBound - 1
    let hi = s.range.upperBound
    let before = hit.lowerBound - 1
    guard tokenKinds[last] == .word, isLowercase(last), !isParticiple(last),
      !endings.has(last, KeyEndings.ing), !markers.has(last, .speech),
      // A noun, not a verb after `to` or an auxiliary ("invited Roscosmos to join its…").
      before < s.range.lowerBound
        || !(markers.word(before, is: .infinitive) || markers.has(before, .verb))
    else { return false }
    var t = hit.upperBound
    if t < hi, markers.has(t, .relative) { t += 1 }
    if t < hi, markers.referenceKind(of: t) == .determiner { t += 1 }
    guard var q = s.participants.firstIndex(where: { $0.tokens.lowerBound == t }), q <= p,
      !s.participants[p].isPossessive
    else { return false }
    // The names joined by a coordinator ("NASA and Roscosmos").
    while q < p {
      let end = s.participants[q].tokens.upperBound
      guard end + 1 < hi, markers.has(end, .coordinator),
        s.participants[q + 1].tokens.lowerBound == end + 1
      else { return false }
      q += 1
    }
    var end = s.participants[p].tokens.upperBound
    while end < hi, markers.has(end, .coordinator), end + 1 < hi,
      let next = s.participants.firstIndex(where: { $0.tokens.lowerBound == end + 1 })
    {
      end = s.participants[next].tokens.upperBound
    }
    // Then the clause's verb: a participle that is also a `verb` line's word, which would be
    // read as an auxiliary below ("the threats Rogozin made last week", "the promise NASA
    // kept"); else auxiliaries (`had`, `has`, `would`), then a word that is a verb by form or a
    // participle, no hit.
    if end < hi, isParticiple(end), markers.has(end, .verb), !hitStart[end],
      !inMention[end], isLowercase(end)
    {
      return true
    }
    var u = end
    while u < hi && markers.has(u, .verb) && !hitStart[u] && u + 1 < hi
      && tokenKinds[u + 1] == .word
    {
      u += 1
    }
    guard u < hi, !hitStart[u], !inMention[u], tokenKinds[u] == .word, isLowercase(u)
    else { return false }
    // A verb of saying that reports something is no author's verb ("sanctions that Washington
    // says are legal"); one that does not is ("threats Rogozin had posted online").
    if markers.has(u, .speech), u + 1 < hi,
      isVerbCue(u + 1) || markers.word(u + 1, is: .complementizer)
    {
      return false
    }
    return isVerbCue(u) || isParticiple(u)
  }

  /// A passive without its auxiliary: a participle hit with `by` after it, at most
  /// `reducedPassiveGap` words between that are no determiner, hit or mention (but one after a
  /// preposition: "a move welcomed by Krikalev", "welcomed on Saturday by ESA", "signed in
  /// Washington by JAXA"); or a stance noun, then one lowercase word
  /// that is no marker, then `by` ("the agreement signed by NASA", "sanctions imposed by the EU"),
  /// or a comma and a participle ("the seat-swap deal, signed by Roscosmos"), or a phrase its
  /// preposition opens and a participle ("sanctions on Russian firms announced by the White House").
  private func isReducedPassive(_ hit: Range<Int>, by: Int) -> Bool {
    // "The seat-swap deal, signed by Roscosmos and NASA": a stance noun, at most one lowercase
    // word that is no marker, a comma, then a participle right before `by`.
    if by - 2 >= hit.upperBound, doc.tokens[by - 2].keyIs(","),
      isParticiple(by - 1), isLowercase(by - 1)
    {
      let noun = hit.upperBound..<(by - 2)
      return noun.count <= 1
        && noun.allSatisfy {
          tokenKinds[$0] == .word && isLowercase($0) && !inMention[$0]
            && !hitStart[$0] && markers.kinds(of: $0) == 0
        }
    }
    // "sanctions on Russian aerospace firms announced by the White House": a stance noun, a
    // phrase its preposition opens (at most `reducedPassiveGap` more words, names too), then a
    // participle right before `by`.
    if !isParticiple(hit.lowerBound), by - 2 > hit.upperBound,
      markers.has(hit.upperBound, .preposition), isParticiple(by - 1),
      isLowercase(by - 1)
    {
      let phrase = (hit.upperBound + 1)..<(by - 1)
      return phrase.count <= Self.reducedPassiveGap
        && phrase.allSatisfy {
          tokenKinds[$0] == .word && !hitStart[$0]
            && (inMention[$0] || markers.kinds(of: $0) == 0)
        }
    }
    let gap = hit.upperBound..<by
    // A name may stand in the gap after a preposition: where or when ("signed in Washington by
    // JAXA and NASA").
    var afterPreposition = false
    let plainWords = gap.allSatisfy { t in
      if markers.has(t, .preposition) { afterPreposition = true }
      return tokenKinds[t] == .word && (!inMention[t] || afterPreposition) && !hitStart[t]
        && markers.referenceKind(of: t) != .determiner
    }
    guard plainWords else { return false }
    if isParticiple(hit.lowerBound) {
      return gap.count <= Self.reducedPassiveGap
    }
    // A participle that is a verb of saying too: "the sanctions announced by President Biden".
    return gap.count == 1 && isLowercase(gap.lowerBound)
      && (markers.kinds(of: gap.lowerBound) == 0
        || (markers.has(gap.lowerBound, .speech)
          && endings.has(gap.lowerBound, KeyEndings.participleSuffix)))
  }

  /// A stance noun whose doer `by` names: right after it, or after `of` and at most three
  /// words ("the cancellation by Roscosmos of its contract", "the suspension of flights by
  /// ESA").
  private func isNominalAgent(_ hit: Range<Int>, by: Int) -> Bool {
    guard tokenKinds[hit.upperBound - 1] == .word, isLowercase(hit.upperBound - 1),
      !endings.has(hit.upperBound - 1, KeyEndings.ing),
      !isParticiple(hit.upperBound - 1)
    else { return false }
    let gap = hit.upperBound..<by
    guard let first = gap.first else { return true }
    return markers.word(first, is: .genitive) && gap.count <= 4
      && gap.dropFirst().allSatisfy { tokenKinds[$0] == .word && !isVerbCue($0) }
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
      guard tokenKinds[u] != .punctuation, !hitStart[u], !isVerbCue(u) || inMention[u] else {
        return false
      }
      if markers.has(u, .preposition) { return passiveGroup(endingAt: u - 1, from: lo) }
      u -= 1
    }
    return false
  }

  /// Whether a `patient_marker` ("under") after a form of *be* comes right before the hit, or
  /// before at most `patientMarkerReach` words of a name, a determiner or lowercase words that
  /// are no markers: "is under US sanctions", "were under new Western sanctions"; or `by` after
  /// a passive participle (one lowercase word may stand between it and its auxiliary): "were all
  /// hit by new US sanctions".
  private func afterPatientMarker(_ hit: Int, from first: Int) -> Bool {
    var t = hit - 1
    while t >= first && hit - t <= Self.patientMarkerReach + 1 {
      // After a form of *be* ("is under", "were under"): not a circumstance ("pointless under
      // sanctions").
      if markers.has(t, .patientMarker) {
        return t - 1 >= first && markers.has(t - 1, .passive)
      }
      // Or in a passive's `by` phrase: "were all hit by new US sanctions".
      if markers.has(t, .agentMarker) {
        return t - 1 > first && isParticiple(t - 1)
          && (passiveGroup(endingAt: t - 1, from: first)
            || (t - 3 >= first && markers.has(t - 3, .passive)
              && isLowercase(t - 2) && markers.kinds(of: t - 2) == 0))
      }
      guard
        inMention[t] || markers.referenceKind(of: t) == .determiner
          || (tokenKinds[t] == .word && isLowercase(t) && markers.kinds(of: t) == 0
            && !hitStart[t])
      else { return false }
      t -= 1
    }
    return false
  }

  /// The `by` of a passive right before the infinitive that opens at `hit` ("was invited by NASA
  /// to contribute", "was urged by Biden and Macron to keep"): a passive verb group, `by`, at
  /// most `agentPhraseReach` words of names and determiners, `to`.
  private func passiveController(of hit: Range<Int>, from first: Int) -> Int? {
    let to = hit.lowerBound - 1
    guard to > first, doc.tokens[to].keyIs("to"), inMention[to - 1] else { return nil }
    var u = to - 1
    while u > first && to - u <= Self.agentPhraseReach {
      if markers.has(u, .agentMarker) {
        return passiveGroup(endingAt: u - 1, from: first) ? u : nil
      }
      guard
        inMention[u] || markers.referenceKind(of: u) == .determiner
          || markers.has(u, .coordinator) || doc.tokens[u].keyIs(",")
      else { return nil }
      u -= 1
    }
    return nil
  }

  /// The `by` of a passive before a comma and a participle phrase whose lowercase `-ing` word
  /// opens `hit` ("Energia was sanctioned by the United States in 2022, cutting the company off
  /// from American suppliers"): a passive verb group, `by`, and at most `agentPhraseReach` words
  /// without punctuation to the comma.
  private func passiveParticipleAgent(of hit: Range<Int>, from first: Int) -> Int? {
    let comma = hit.lowerBound - 1
    guard comma > first, doc.tokens[comma].keyIs(","), tokenKinds[hit.lowerBound] == .word,
      isLowercase(hit.lowerBound), endings.has(hit.lowerBound, KeyEndings.ing)
    else { return nil }
    var u = comma - 1
    while u > first && comma - u <= Self.agentPhraseReach {
      if markers.has(u, .agentMarker) {
        return passiveGroup(endingAt: u - 1, from: first) ? u : nil
      }
      guard tokenKinds[u] != .punctuation else { return nil }
      u -= 1
    }
    return nil
  }

  /// A passive auxiliary, at most one adverb, and one lowercase word ending at `participle`.
  private func passiveGroup(endingAt participle: Int, from lo: Int) -> Bool {
    guard participle > lo, tokenKinds[participle] == .word,
      isLowercase(participle)
    else { return false }
    var t = participle - 1
    if t > lo, !markers.has(t, .passive) {
      // An adverb ("was sharply criticised by"), or a participle before its particle ("was put
      // forward by NASA", "was turned down by").
      if endings.has(t, KeyEndings.ly) || markers.word(t, is: .adverb)
        || (isParticiple(t) && isLowercase(t) && !hitStart[participle]
          && markers.has(t - 1, .passive))
      {
        t -= 1
      }
    }
    return t >= lo && markers.has(t, .passive)
  }

  /// A passive verb group ending at most two words before a hit, inside its clause: a passive
  /// auxiliary, then any lowercase word ("was placed under sanctions by the European Union"),
  /// or with `participleOnly` a word with a participle ending ("were placed under US
  /// sanctions", "could be asked to help"; not "was ready to stop").
  private func passiveVerb(before hit: Int, from first: Int, participleOnly: Bool = false) -> Bool {
    var participle = hit - 1
    while participle > first && participle >= hit - 3 {
      let looksLike =
        participleOnly
        ? isParticiple(participle)
        : tokenKinds[participle] == .word && isLowercase(participle)
      // A negator may stand between the auxiliary and the participle ("was not invited to").
      var auxiliary = participle - 1
      // So may an adverb ("was also placed under sanctions").
      if auxiliary > first,
        modifiers.word(of: auxiliary, in: doc)?.kind == .negator
          || markers.word(auxiliary, is: .adverb)
      {
        auxiliary -= 1
      }
      if looksLike && markers.has(auxiliary, .passive) { return true }
      participle -= 1
    }
    return false
  }

  /// Whether a noun hit in a clause that shares its subject belongs to a participant of
  /// another entity named before it, as its possessor or modifier ("Responding to a Roscosmos
  /// threat, NASA said…", "Responding to Rogozin's threat to pull out, Nelson…"), with nothing
  /// from `first` (the clause's first word) to that participant that could act on it for the
  /// subject: no hit, shifter, attitude word or negator.
  private func isOwnedByAnother(
    _ hit: Range<Int>, than p: Int, from first: Int, in s: SentenceStructure
  ) -> Bool {
    let entity = s.participants[p].entity
    guard
      let owner = s.participants.firstIndex(where: {
        $0.entity != entity && $0.tokens.lowerBound >= first
          && $0.tokens.upperBound <= hit.lowerBound
          && (isPossessor($0, of: hit) || isModifier($0, of: hit))
      })
    else { return false }
    return !(first..<s.participants[owner].tokens.lowerBound).contains { t in
      hitStart[t]
        || modifiers.word(of: t, in: doc).map {
          $0.kind.isShifter || $0.kind == .attitude || $0.kind == .negator
        } == true
    }
  }

  /// "under US sanctions", "rejected NASA criticism", "a move the Russian space agency
  /// welcomed": a mention right before a stance word names whose it is, like a possessor; not
  /// an adverb's (`-ly`) or a participle's in `-ing` ("letters to NASA and ESA demanding an
  /// answer"), nor a verb's in `-ed` when a preposition governs the mention ("the war in Ukraine
  /// continued"), nor a phrase's that opens with a preposition.
  private func isModifier(_ participant: Participant, of hit: Range<Int>) -> Bool {
    // An adverb in -ly may come between ("a move Roscosmos warmly welcomed").
    var end = participant.tokens.upperBound
    if end + 1 == hit.lowerBound, tokenKinds[end] == .word,
      endings.has(end, KeyEndings.ly), endings.has(hit.lowerBound, KeyEndings.ed)
    {
      end += 1
    }
    guard end == hit.lowerBound, participant.ref.isMention,
      !endings.has(hit.lowerBound, KeyEndings.ly), !endings.has(hit.lowerBound, KeyEndings.ing),
      !markers.word(hit.lowerBound, is: .relational),
      // A phrase that opens with a preposition modifies no name before it ("put exchanges with
      // Roscosmos on hold").
      !markers.has(hit.lowerBound, .preposition)
    else { return false }
    // "his NASA colleagues": the phrase is the possessive pronoun's.
    let first = participant.tokens.lowerBound
    if first > 0, let word = rules.reference(of: first - 1, in: doc), word.isPossessive {
      return false
    }
    guard endings.has(hit.lowerBound, KeyEndings.ed) else { return true }
    var before = first - 1
    if before >= 0, markers.referenceKind(of: before) == .determiner { before -= 1 }
    return before < 0 || !markers.has(before, .preposition)
  }

  /// The participant a verb of joining (`joining`) names right before `in` and the gerund that
  /// opens `hit` ("followed ESA in suspending", "did not join the European Union in
  /// sanctioning"), the verb, and whether a negator stands in the three words before it.
  private func joinedCompany(of hit: Range<Int>, in s: SentenceStructure)
    -> (partner: Int, verb: Int, negated: Bool)?
  {
    let preposition = hit.lowerBound - 1
    guard endings.has(hit.lowerBound, KeyEndings.ing), preposition > s.range.lowerBound,
      doc.tokens[preposition].keyIs("in"),
      let partner = s.participants.lastIndex(where: { $0.tokens.upperBound == preposition }),
      s.participants[partner].ref.isMention
    else { return nil }
    var verb = s.participants[partner].tokens.lowerBound - 1
    if verb > s.range.lowerBound, markers.referenceKind(of: verb) == .determiner { verb -= 1 }
    guard verb >= s.range.lowerBound, markers.word(verb, is: .joining) else { return nil }
    let negated = (max(s.range.lowerBound, verb - 3)..<verb).contains {
      modifiers.word(of: $0, in: doc)?.kind == .negator
    }
    return (partner, verb, negated)
  }

  /// The person participant `p`, an organisation's name, stands before with one or two words
  /// of title between, one of them a title of office (`office`: "NASA Administrator Bill
  /// Nelson", "ESA Director General Josef Aschbacher"): the person acts for it (rule `title`).
  func titledPerson(after p: Int, in participants: [Participant]) -> Int? {
    let participant = participants[p]
    guard participant.ref.isMention, p + 1 < participants.count,
      participant.entity < types.count,
      participant.typeClasses.isDisjoint(with: [.person, .gpe])
    else { return nil }
    let next = participants[p + 1]
    // A possessive's `'s` ("ISRO's chairman S. Somanath") is no word of the title.
    var first = participant.tokens.upperBound
    if participant.isPossessive, first < doc.tokens.count, doc.tokens[first].keyIs("'s") {
      first += 1
    }
    // A courtesy title before the name, its period glued to it, is no word of the title of
    // office ("NASA Administrator Mr. Bill Nelson").
    var end = next.tokens.lowerBound
    if end - 2 >= first, doc.tokens[end - 1].keyIs("."), markers.word(end - 2, is: .honorific) {
      end -= 2
    } else if end - 1 >= first, markers.word(end - 1, is: .honorific) {
      end -= 1
    }
    guard first <= end else { return nil }
    let words = first..<end
    guard next.typeClasses.contains(.person), next.ref.isMention, (1...2).contains(words.count),
      words.allSatisfy({ tokenKinds[$0] == .word && !isVerbCue($0) }),
      words.contains(where: { markers.word($0, is: .office) })
    else { return nil }
    return p + 1
  }

  /// The person an apposition names whose title of office governs organisation `p` ("Yuri
  /// Borisov, the head of Roscosmos, said…", "the head of Roscosmos, Yuri Borisov, said…"): an
  /// `office` word (and one more word) before `p`'s `of` (and a determiner), and the person's
  /// name right before the comma that opens the apposition or right after the comma after `p`.
  func appositivePerson(of p: Int, in participants: [Participant]) -> Int? {
    let participant = participants[p]
    guard participant.ref.isMention, !participant.isPossessive, participant.entity < types.count,
      participant.typeClasses.isDisjoint(with: [.person, .gpe])
    else { return nil }
    var u = participant.tokens.lowerBound - 1
    if u >= 0, markers.referenceKind(of: u) == .determiner { u -= 1 }
    guard u >= 1, markers.word(u, is: .genitive) else { return nil }
    u -= 1
    if !markers.word(u, is: .office) { u -= 1 }
    guard u >= 1, markers.word(u, is: .office) else { return nil }
    // Back over the apposition's opening words ("the", "its", "then") to its comma.
    var opening = u - 1
    while opening >= 0, opening >= u - 3, tokenKinds[opening] == .word, isLowercase(opening),
      !inMention[opening]
    {
      opening -= 1
    }
    if opening >= 0, doc.tokens[opening].keyIs(","),
      let before = participants[..<p].lastIndex(where: { $0.tokens.upperBound == opening }),
      participants[before].typeClasses.contains(.person), participants[before].ref.isMention
    {
      return before
    }
    let end = participant.tokens.upperBound
    if p + 1 < participants.count, end < doc.tokens.count, doc.tokens[end].keyIs(","),
      participants[p + 1].tokens.lowerBound == end + 1,
      participants[p + 1].typeClasses.contains(.person), participants[p + 1].ref.isMention
    {
      return p + 1
    }
    return nil
  }

  /// Whether participant `p` only describes someone else, who is the subject instead:
  /// - a possessive name or role noun with at most three words before another name ("Japan's
  ///   JAXA", "Russia's space agency Roscosmos", "the agency's space operations chief Kathy
  ///   Lueders"), a person's role noun or a noun of relation ("its Russian counterpart");
  /// - an organisation's name in a person's title: before the person's name with one or two
  ///   title words between ("Roscosmos chief Dmitry Rogozin", "NASA Administrator Bill
  ///   Nelson"), before a person's role noun with at most one word between ("The Kremlin
  ///   spokesman said", "Roscosmos chief threatens…"), or after one and `of` ("The head of the
  ///   Russian space agency, Yuri Borisov, called…"). A country before its leader acts through
  ///   him: "US President Joe Biden" is both's.
  /// No verb or marker between.
  func describesNext(_ p: Int, in participants: [Participant]) -> Bool {
    let participant = participants[p]
    func plain(_ range: Range<Int>) -> Bool {
      range.allSatisfy {
        tokenKinds[$0] == .word && !isVerbCue($0) && markers.kinds(of: $0) == 0
      }
    }
    var t = participant.tokens.upperBound
    // A possessive name or role noun ("the agency's space operations chief Kathy Lueders").
    if participant.isPossessive {
      t = possessedNoun(after: participant)
      // Or a person's role noun no list names ("Russia's foreign minister said…", "NASA's space
      // operations chief said…").
      let sentence = doc.sentences[doc.sentenceOfToken[participant.tokens.lowerBound]].tokens
      // Closures, not the methods themselves, here and below: a method passed as a function
      // value copies the analyzer (every table's reference retained) at each call.
      // So is a noun of relation ("its Russian counterpart threatened…": the counterpart's).
      if let role = (t..<min(t + 3, sentence.upperBound)).first(where: {
        isPersonRole($0) || markers.word($0, is: .relational)
      }),
        plain(t..<role),
        !(p + 1 < participants.count
          && participants[p + 1].tokens.lowerBound <= role)
      {
        // A title of office that names no one ("JAXA's president said…"): the organisation
        // speaks through it, as after an indefinite article.
        let named =
          p + 1 < participants.count && participants[p + 1].ref.isMention
          && participants[p + 1].tokens.lowerBound <= role + 2
        return named || !markers.word(role, is: .office)
      }
      guard p + 1 < participants.count, participants[p + 1].ref.isMention else { return false }
      let next = participants[p + 1].tokens.lowerBound
      // Or in apposition, after a comma: "His successor, Yuri Borisov, …".
      var end = next
      if end - 1 > t, doc.tokens[end - 1].keyIs(",") { end -= 1 }
      return next >= t && end - t <= 3 && plain(t..<end)
    }
    guard participant.ref.isMention else { return false }
    guard participant.entity < types.count,
      participant.typeClasses.isDisjoint(with: [.person, .gpe])
    else { return false }
    if p + 1 < participants.count {
      let next = participants[p + 1]
      if next.typeClasses.contains(.person),
        next.tokens.lowerBound > t, next.tokens.lowerBound - t <= 2,
        plain(t..<next.tokens.lowerBound)
      {
        return true
      }
    }
    let sentence = doc.sentences[doc.sentenceOfToken[participant.tokens.lowerBound]].tokens
    for u in t..<min(t + 2, sentence.upperBound) {
      // A person's role noun: the organisation describes the person, except after an
      // indefinite article, where no one is named and the organisation speaks through the role
      // ("a Roscosmos spokesman said…"), and after a determiner when the role noun stands for
      // no one named ("The Roscosmos chief warned…" with no chief named before).
      if isPersonRole(u) {
        let first = participant.tokens.lowerBound
        let anonymous =
          first > sentence.lowerBound
          && (markers.word(first - 1, is: .article)
            || (markers.referenceKind(of: first - 1) == .determiner
              && !participants.contains(where: {
                $0.entity != participant.entity && $0.tokens.contains(u)
              })))
        return !anonymous && plain(t..<u)
      }
    }
    var u = participant.tokens.lowerBound - 1
    if u >= sentence.lowerBound, markers.referenceKind(of: u) == .determiner { u -= 1 }
    // "the head of X", "the director general of X" (one word may follow the role noun); not a
    // title of office whose person no apposition names ("the head of the European agency
    // wrote…", "was dismissed as head of Roscosmos": the organisation acts through it).
    guard u - 1 >= sentence.lowerBound, markers.word(u, is: .genitive) else { return false }
    let role =
      isPersonRole(u - 1)
      ? u - 1
      : (u - 2 >= sentence.lowerBound && isPersonRole(u - 2) && plain((u - 1)..<u)) ? u - 2 : nil
    guard let role else { return false }
    return !markers.word(role, is: .office) || appositivePerson(of: p, in: participants) != nil
  }

  /// Whether token `t` is a role noun for a person (`chief`, `spokesman`: `references.tsv`).
  private func isPersonRole(_ t: Int) -> Bool {
    guard markers.referenceKind(of: t) == .role, let word = rules.reference(of: t, in: doc)
    else { return false }
    return word.types.contains(where: rules.personTypes.contains)
  }

  /// Whether a `causative` word comes right before the participant (a determiner may come
  /// between) and an infinitive's `to` right after it, before the hit: "led Roscosmos to
  /// suspend", "prompted the agency to praise", "drove Canada to impose sanctions".
  private func isCaused(
    _ participant: Participant, toward hit: Range<Int>, in s: SentenceStructure
  ) -> Bool {
    let after = participant.tokens.upperBound
    // `to` and a verb: "forced Roscosmos to the table" names no deed.
    guard after + 1 < hit.upperBound, markers.word(after, is: .infinitive),
      tokenKinds[after + 1] == .word, isLowercase(after + 1)
    else {
      return false
    }
    let first = s.range.lowerBound
    var before = participant.tokens.lowerBound - 1
    if before > first, markers.referenceKind(of: before) == .determiner { before -= 1 }
    return before >= first && markers.word(before, is: .causative)
  }

  /// Whether the hit is in the predicate of a form of *be* after the subject (`passive`
  /// markers, after at most auxiliaries and adverbs in -ly) that names the subject a partner:
  /// a noun of relation (`relational`) at or after the hit, at most three words on, with only
  /// articles, determiners, possessive pronouns (first-person ones too), `one of` and plain
  /// words or hits between
  /// ("NASA has been a reliable partner", "India is one of our most reliable partners").
  private func isDescribed(_ subject: Participant, by hit: Range<Int>) -> Bool {
    var t = subject.tokens.upperBound
    var copula = false
    while t < hit.lowerBound {
      let kinds = markers.kinds(of: t)
      if kinds & AttributionRules.MarkerKind.passive.bit != 0 {
        copula = true
      } else if copula {
        break
      } else if kinds & AttributionRules.MarkerKind.verb.bit == 0
        && !endings.has(t, KeyEndings.ly)
      {
        return false
      }
      t += 1
    }
    guard copula else { return false }
    // The predicate's words up to the hit, then up to the noun of relation.
    let plain = { (u: Int) -> Bool in
      tokenKinds[u] == .word && !self.inMention[u]
        && (self.markers.kinds(of: u) == 0 || self.markers.has(u, .firstPerson)
          || self.markers.word(u, is: .genitive) || self.markers.referenceKind(of: u) != nil)
    }
    // A hit later in a predicate that names the subject a partner describes it too ("had been
    // an exemplary partner over two decades of joint flights"): no verb or clause marker
    // between.
    if let relational = (t..<hit.lowerBound).first(where: { markers.word($0, is: .relational) }),
      (t..<relational).allSatisfy({ plain($0) || hitStart[$0] }),
      !(relational + 1..<hit.lowerBound).contains(where: {
        markers.kinds(of: $0) & (Self.finiteVerbBits | Self.opensClause) != 0
      })
    {
      return true
    }
    guard (t..<hit.lowerBound).allSatisfy({ plain($0) }) else { return false }
    let end = min(doc.tokens.count, hit.upperBound + 3)
    var u = hit.lowerBound
    while u < end {
      if markers.word(u, is: .relational) { return true }
      if u >= hit.upperBound && !plain(u) && !hitStart[u] { return false }
      u += 1
    }
    return false
  }

  /// Whether `participant`, or the first name of a list it is in, is named right after the
  /// `from` (a `sourced` preposition; an article or determiner may come between) that follows a
  /// hit ending with a `sourced` noun ("criticism from Rogozin", "help from the agency").
  private func isNamedSource(_ p: Int, of hit: Range<Int>, in s: SentenceStructure) -> Bool {
    // Every name of a list the first of which is named so ("help from NASA, CNES and ESA").
    let participant = s.participants[listHead(p, in: s)]
    var w = participant.tokens.lowerBound - 1
    if w > hit.upperBound, isArticleOrDeterminer(w) { w -= 1 }
    return w == hit.upperBound && markers.has(w, .preposition)
      && markers.word(w, is: .sourced) && markers.word(w - 1, is: .sourced)
  }

  /// Whether participant `p`, after the hit in its clause, is named by a `reciprocal`
  /// preposition (`with`, `between`; an article or determiner may come between, and a name
  /// joined by `and` to one so named is too) after a `reciprocal` act at or before the hit
  /// ("signed a new seat-swap agreement with NASA"), with no verb, clause marker or
  /// punctuation between; and the clause has a subject, who does it with them.
  private func isPartner(_ p: Int, of hit: Range<Int>, in s: SentenceStructure) -> Bool {
    let c = s.clause(of: hit.lowerBound)
    guard !s.clauses[c].subject.isEmpty || !s.clauses[c].sharedSubject.isEmpty else {
      return false
    }
    var q = p
    while true {
      var w = s.participants[q].tokens.lowerBound - 1
      if w > hit.upperBound, isArticleOrDeterminer(w) { w -= 1 }
      guard w >= hit.upperBound else { return false }
      if markers.has(w, .coordinator), q > 0,
        s.participants[q - 1].tokens.upperBound == w
      {
        // "…between ISRO and NASA": the second of two names.
        q -= 1
        continue
      }
      guard markers.has(w, .preposition), markers.word(w, is: .reciprocal) else {
        return false
      }
      // The act: the nearest `reciprocal` word before the preposition, at or before the hit,
      // with no punctuation, verb or clause marker after it ("signed a new seat-swap
      // agreement with": `signed`, for the hits `signed`, `seat-swap` and `agreement`).
      let ends = Self.finiteVerbBits | Self.opensClause
      var act = w - 1
      while act >= s.clauses[c].first {
        if markers.word(act, is: .reciprocal) && !markers.has(act, .preposition) {
          return act <= hit.lowerBound
        }
        if tokenKinds[act] == .punctuation || markers.kinds(of: act) & ends != 0 {
          return false
        }
        act -= 1
      }
      return false
    }
  }

  /// "Washington's decision to lift sanctions": a possessive mention before a noun of content
  /// (one describing word may come between) owns what the noun introduces.
  private func ownsContent(_ participant: Participant, of hit: Range<Int>) -> Bool {
    guard participant.isPossessive, participant.tokens.upperBound < hit.lowerBound else {
      return false
    }
    var t = possessedNoun(after: participant)
    if t + 1 < hit.lowerBound, !markers.word(t, is: .content), markers.word(t + 1, is: .content),
      tokenKinds[t] == .word, isLowercase(t), !hitStart[t]
    {
      t += 1
    }
    return ownedContent(after: t, to: hit)
  }

  /// Whether token `noun` is a noun of content whose `complement` word follows it, right after
  /// it or after a `by` phrase's name, and the hit is in what it introduces: within
  /// `complementizerReach` words, no punctuation or clause marker between ("decision to lift
  /// sanctions", "the decision by Roscosmos to keep its crews").
  private func ownedContent(after noun: Int, to hit: Range<Int>) -> Bool {
    guard noun >= 0, noun < hit.lowerBound, markers.word(noun, is: .content) else { return false }
    var t = noun + 1
    // Past a `by` phrase's determiner and name.
    if t < hit.lowerBound, markers.has(t, .agentMarker) {
      t += 1
      if t < hit.lowerBound, markers.referenceKind(of: t) == .determiner { t += 1 }
      while t < hit.lowerBound && inMention[t] { t += 1 }
    }
    guard t < hit.lowerBound, markers.word(t, is: .complement),
      hit.lowerBound - t <= Self.complementizerReach
    else { return false }
    return !(t + 1..<hit.lowerBound).contains {
      tokenKinds[$0] == .punctuation || markers.kinds(of: $0) & Self.opensClause != 0
    }
  }

  /// Whether a person's name follows the possessive participant `p` (and its `'s`): "NASA's
  /// Mark Vande Hei".
  private func possessesPerson(_ p: Int, in s: SentenceStructure) -> Bool {
    let t = possessedNoun(after: s.participants[p])
    return s.participants.contains {
      $0.tokens.lowerBound == t && $0.typeClasses.contains(.person)
    }
  }

  /// Whether the word right after the possessive `participant` (and its `'s`) is a title of
  /// office (`office` in `clauses.tsv`): "NASA's administrator".
  private func ownsOffice(_ participant: Participant) -> Bool {
    let t = possessedNoun(after: participant)
    return t < doc.tokens.count && markers.word(t, is: .office)
  }

  /// The token after a participant and its `'s` (if any): a possessive's noun.
  private func possessedNoun(after participant: Participant) -> Int {
    let t = participant.tokens.upperBound
    return t < doc.tokens.count && doc.tokens[t].keyIs("'s") ? t + 1 : t
  }

  /// "Rogozin's threat", "its withdrawal": a possessive mention at most `possessorReach`
  /// words before the hit, no verb between.
  private func isPossessor(_ participant: Participant, of hit: Range<Int>) -> Bool {
    guard participant.isPossessive, participant.tokens.upperBound <= hit.lowerBound,
      !markers.word(hit.lowerBound, is: .relational)
    else {
      return false
    }
    var t = possessedNoun(after: participant)
    guard hit.lowerBound - t <= Self.possessorReach else { return false }
    // The word right after a possessive is its noun, even one that can be a verb ("Russia's
    // plans to leave"); an article or determiner after it opens another noun phrase ("called
    // Europe's decision a betrayal").
    let noun = t
    while t < hit.lowerBound {
      if (t != noun && isVerbCue(t)) || tokenKinds[t] == .punctuation { return false }
      if t != noun, isArticleOrDeterminer(t) { return false }
      t += 1
    }
    return true
  }
}
