import Tokenize

/// Subjects and speakers: who each clause is about and who says it.
extension ClauseAnalyzer {
  /// Each clause's subject: the participants before its first verb cue that no preposition
  /// governs (a comma ends a preposition's reach). A clause without one shares its parent's
  /// (a relative clause: its antecedent's). Then the speakers of reported speech and quotes.
  func findSubjects(_ s: inout SentenceStructure) {
    let tokens = doc.tokens
    // One list for every clause's subject, emptied at each: `store` copies it into `members`.
    var subject: [Int] = []
    for c in s.clauses.indices {
      let clause = s.clauses[c]
      subject.removeAll(keepingCapacity: true)
      var governed = false
      // Words since the governing preposition: a determiner after its object opens a new noun
      // phrase ("In March the German Aerospace Center halted…", no comma).
      var governedWords = 0
      var t = clause.first
      let end = clause.verb ?? s.range.upperBound
      var p =
        s.participants.firstIndex { $0.tokens.lowerBound >= clause.first } ?? s.participants.count
      // The closing comma of an apposition after a subject ("Medvedev, now deputy head of
      // Russia's Security Council, said…"): the names in it describe the subject.
      var appositionEnd: Int?
      while t < end {
        defer { t += 1 }
        guard s.clause(of: t) == c, t != clause.opener else { continue }
        if let close = appositionEnd {
          if t < close { continue }
          appositionEnd = nil
        } else if let last = subject.last, s.participants[last].tokens.upperBound == t,
          let close = appositionClose(after: t, before: end)
        {
          appositionEnd = close
          continue
        }
        // The names a comitative phrase joins are in the subject ("Roscosmos, along with the
        // Kremlin, praised…").
        if let phraseEnd = comitativeEnd(at: t, before: end) {
          governed = false
          t = phraseEnd - 1
          continue
        }
        // (A key is compared only for punctuation, as in splitting.)
        if tokenKinds[t] == .punctuation {
          if tokens[t].keyIs(",") { governed = false }
          // An unpaired dash before the verb ends a dateline ("MOSCOW (Reuters) - Roscosmos
          // said…"): what came before it is no subject.
          if tokens[t].keyIs("-") || tokens[t].keyIs("–") || tokens[t].keyIs("—") {
            subject.removeAll()
            governed = false
          }
        }
        // A determiner or subject pronoun after the object opens a new noun phrase; so does a
        // name right after a number, which ends the object ("In 2021 Roscosmos and CNSA
        // unveiled…").
        if governed && governedWords > 0
          && ((rules.reference(of: t, in: doc).map { $0.kind == .determiner || $0.isNominative }
            ?? false)
            || (tokenKinds[t - 1] == .number
              && s.participants.contains { $0.tokens.lowerBound == t }))
        {
          governed = false
        }
        governedWords += 1
        if markers.kinds(of: t)
          & (AttributionRules.MarkerKind.preposition.bit
            | AttributionRules.MarkerKind.agentMarker.bit)
          != 0
        {
          // "Officials at NASA said…": the organisation of a subject's `collective` noun.
          let speaksFor =
            subject.isEmpty && !governed && t > clause.first && markers.word(t - 1, is: .collective)
          governed = !speaksFor
          governedWords = 0
        }
        while p < s.participants.count && s.participants[p].tokens.lowerBound < t { p += 1 }
        while p < s.participants.count && s.participants[p].tokens.lowerBound == t {
          if !governed && !describesNext(p, in: s.participants) { subject.append(p) }
          p += 1
        }
      }
      s.clauses[c].subject = s.store(subject)
    }
    for c in s.clauses.indices where s.clauses[c].subject.isEmpty {
      let clause = s.clauses[c]
      switch clause.kind {
      case .relative:
        if let antecedent = clause.antecedent {
          s.clauses[c].sharedSubject = s.store(CollectionOfOne(antecedent))
        }
      case .contrast, .coordinate, .subordinate, .main:
        // A subordinate clause shares only when a verb opens it ("after leaving the ISS"), not
        // a noun phrase ("as a crude threat").
        // So does a participle opening the sentence ("Having rejected a NASA offer, …").
        let openingParticiple =
          clause.opener == s.range.lowerBound && isOpeningParticiple(s.range.lowerBound)
        if clause.kind == .subordinate && !startsWithVerb(clause, in: s) && !openingParticiple {
          break
        }
        // So does a contrast word that is also a preposition ("despite calls to cut ties").
        if isContrastPhrase(c, s) {
          break
        }
        // A clause that opens with a determiner has a subject of its own, no entity ("…,
        // Reuters reported; the delay does not affect…").
        // (A participle's object may open with one: "Praising the professionalism of…, he said".)
        if !openingParticiple && startsWithDeterminer(clause, in: s) { break }
        // So does one that opens with a possessive before a noun of relation.
        if !openingParticiple && startsWithRelation(clause, in: s) { break }
        // So does a contrast clause that opens with a name the gazetteers do not know ("…,
        // while McCormick accused Moscow…": McCormick's, not the subject's before it).
        if clause.kind == .contrast && startsWithUnknownName(clause, in: s) { break }
        // So does one whose subject is a `collective` noun ("…, while officials in Star City
        // signed off on a deal").
        if hasCollectiveSubject(c, in: s) { break }
        // Nor does the main clause after an opening participle or prepositional phrase share the
        // phrase's ("Seated beside a NASA deputy administrator, the agency's president
        // reaffirmed…": no one named is the subject).
        if clause.kind == .main, let parent = clause.parent,
          s.clauses[parent].kind == .subordinate, s.clauses[parent].first == s.range.lowerBound,
          isOpeningParticiple(s.range.lowerBound)
            || markers.has(s.range.lowerBound, .preposition)
        {
          break
        }
        if let parent = clause.parent, s.clauses[parent].kind != .quote {
          s.clauses[c].sharedSubject = effectiveSubject(s, parent)
        } else if clause.kind == .subordinate,
          let main = s.clauses.indices.first(where: {
            $0 > c && s.clauses[$0].parent == c && s.clauses[$0].kind == .main
              && s.clauses[$0].opener == nil
          }),
          // Its subject opens it (not "Funding for the mission was frozen…, and Russia…").
          let first = s.list(s.clauses[main].subject).first,
          s.participants[first].tokens.lowerBound == s.clauses[main].first
            || (s.participants[first].tokens.lowerBound == s.clauses[main].first + 1
              && markers.word(s.clauses[main].first, is: .article))
        {
          // A subordinate clause opening the sentence shares the subject of the clause after its
          // comma: "After leaving the partnership, Roscosmos said…", "Having rejected a NASA
          // offer, Roscosmos announced…".
          s.clauses[c].sharedSubject = s.clauses[main].subject
        }
      case .reported, .quote, .parenthetical:
        break
      }
    }
    for c in s.clauses.indices {
      guard let parent = s.clauses[c].parent else { continue }
      switch s.clauses[c].kind {
      case .reported:
        let teller = s.clauses[parent].speech.flatMap {
          passiveTeller(of: $0, participants: s.participants)
        }
        s.clauses[c].speakers =
          (quotedAsSaying(s, parent) ?? teller).map { s.store(CollectionOfOne($0)) }
          ?? effectiveSubject(s, parent)
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
            ? (quoteEnd + 2..<speech).first { doc.tokens[$0].keyIs(",") } ?? speech : speech
          if speech > quoteEnd,
            let before = s.participants.lastIndex(where: {
              $0.tokens.lowerBound > quoteEnd && $0.tokens.upperBound <= named
                && s.clause(of: $0.tokens.lowerBound) == parent
            })
          {
            // "…," he said; "…," the agency's chief Borisov said. After a description, the
            // person its comma names: "…," the head of the Russian space agency, Yuri Borisov,
            // told Izvestia.
            let first = s.participants[before].tokens.lowerBound
            let person = s.participants.firstIndex { q in
              q.tokens.lowerBound == named + 1 && q.tokens.upperBound <= speech
                && (q.tokens.upperBound == speech || doc.tokens[q.tokens.upperBound].keyIs(","))
                && q.typeClasses.contains(.person)
            }
            let described = named < speech && tokenKinds[first - 1] == .word
            // Not an organisation in the title of a definite unnamed person: "…," the former
            // Roscosmos chief said (that person speaks, no entity); but "…," a JAXA official
            // said, "…," OneWeb's chief executive said (the organisation speaks through them).
            func isDeterminer(_ u: Int) -> Bool {
              u >= s.range.lowerBound && markers.referenceKind(of: u) == .determiner
            }
            let definite =
              isDeterminer(first - 1)
              || (isDeterminer(first - 2) && tokenKinds[first - 1] == .word
                && isLowercase(first - 1))
            if described || !definite || !describesNext(before, in: s.participants) {
              s.clauses[c].speakers = s.store(
                CollectionOfOne(described ? person ?? before : before))
            }
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
            s.clauses[c].speakers = s.store(CollectionOfOne(after))
          }
        }
        // "Lavrov was blunt: “…”": a quotation right after a colon is said by the subject of
        // the clause before the colon, speech verb or not.
        let opening = s.clauses[c].first
        if s.clauses[c].speakers.isEmpty, opening - 2 >= s.range.lowerBound,
          doc.tokens[opening - 1].keyIs(":")
        {
          s.clauses[c].speakers = effectiveSubject(s, s.clause(of: opening - 2))
        }
        // "Borisov has called Beijing “our most reliable partner in space”": a quotation in a
        // clause without a speech verb is its subject's words.
        if s.clauses[c].speakers.isEmpty, enclosing.kind != .reported, enclosing.speech == nil {
          s.clauses[c].speakers = effectiveSubject(s, parent)
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
  /// `that`, colon or quotation (those open what is said: then the statement follows). Or one
  /// between two commas ("Russia, Borisov said, will leave", "The sanctions, Biden said on
  /// Friday, will stay", "…, Roscosmos said on Saturday, in retaliation for sanctions"): it
  /// says what comes before and after them.
  func trailingSpeaker(in s: SentenceStructure, startsOf: ParticipantStarts)
    -> SentenceStructure.Attribution?
  {
    func isComma(_ t: Int) -> Bool {
      tokenKinds[t] == .punctuation && doc.tokens[t].keyIs(",")
        && s.clauses[s.clause(of: t)].kind != .quote
    }
    // A closure, not `isComma` itself: a local function passed as a value copies what it
    // captures, the analyzer with every table's reference.
    guard let last = s.range.last(where: { isComma($0) }), last > s.range.lowerBound else {
      return nil
    }
    if let p = speaker(after: last, before: s.range.upperBound, in: s, startsOf: startsOf) {
      return .init(participant: p, comma: last)
    }
    let commas = s.range.filter { isComma($0) }
    // Or a name between commas after a description, and the speech verb after the last: "…, its
    // director general, Josef Aschbacher, said on Monday".
    if commas.count >= 3,
      case (let named, let description) = (commas[commas.count - 2], commas[commas.count - 3]),
      description > s.range.lowerBound, let p = startsOf[named + 1],
      s.participants[p].tokens.upperBound == last, last + 1 < s.range.upperBound,
      markers.has(last + 1, .speech),
      isCircumstance(after: last + 1, before: s.range.upperBound),
      named - description - 1 <= Self.speakerDescriptionReach,
      (description + 1..<named).allSatisfy({ u in
        !hitStart[u] && !isVerbCue(u)
          && (tokenKinds[u] == .word || doc.tokens[u].keyIs("'s"))
      })
    {
      return .init(participant: p, comma: description)
    }
    // Or between two commas: "Russia, Borisov said, will leave"; "ESA will not abandon its
    // astronauts, Aschbacher said, dismissing calls to cut ties" (what follows is the speaker's
    // too).
    for (c1, c2) in zip(commas, commas.dropFirst()) where c1 > s.range.lowerBound {
      if let p = speaker(after: c1, before: c2, in: s, startsOf: startsOf) {
        return .init(participant: p, comma: c1, resume: c2)
      }
    }
    return nil
  }

  /// The participant of an attribution between `comma` and `hi` (see `trailingSpeaker`).
  private func speaker(
    after comma: Int, before hi: Int, in s: SentenceStructure, startsOf: ParticipantStarts
  ) -> Int? {
    var t = comma + 1
    var verb: Int?
    if t < hi, markers.has(t, .speech) {
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
        guard tokenKinds[t] == .word || doc.tokens[t].keyIs("'s"), !isVerbCue(t),
          markers.kinds(of: t) == 0
        else { break }
        t += 1
      }
      described += 1
    }
    // Not a name in an unnamed person's title ("…, the head of Roscosmos said"): the person
    // speaks.
    guard t < hi, var p = startsOf[t] else { return nil }
    if describesNext(p, in: s.participants) {
      // The person a title names speaks ("…, Roscosmos chief Yuri Borisov told TASS"), if named
      // before the verb.
      let end = s.participants[p].tokens.upperBound
      guard p + 1 < s.participants.count, s.participants[p + 1].tokens.lowerBound < hi,
        s.participants[p + 1].tokens.lowerBound >= end,
        !(end..<s.participants[p + 1].tokens.lowerBound).contains(where: {
          isVerbCue($0) || markers.has($0, .speech)
        })
      else { return nil }
      p += 1
    }
    t = s.participants[p].tokens.upperBound
    if verb == nil {
      guard t < hi, markers.has(t, .speech) else { return nil }
      verb = t
    } else if t < hi, (t..<hi).contains(where: { isVerbCue($0) }) {
      // A verb after the name: it is the subject of what a participle reports ("…, saying the
      // country would build its own station"), no speaker named after the statement.
      return nil
    }
    return isCircumstance(after: verb!, before: hi) ? p : nil
  }

  /// Whether what follows a trailing speech verb up to `hi` is circumstance ("on Tuesday", "in an
  /// interview"), not a statement of its own: no stance word, nothing that opens what is said.
  private func isCircumstance(after verb: Int, before hi: Int) -> Bool {
    let opening =
      AttributionRules.MarkerKind.relative.bit | AttributionRules.MarkerKind.quote.bit
      | AttributionRules.MarkerKind.boundary.bit
    return !((verb + 1)..<hi).contains {
      hitStart[$0] || markers.kinds(of: $0) & opening != 0 || isQuote($0)
    }
  }

  /// Whether a `collective` noun (officials, sources) stands before clause `c`'s verb (the clause
  /// read in place, not copied).
  private func hasCollectiveSubject(_ c: Int, in s: SentenceStructure) -> Bool {
    let end = s.clauses[c].verb ?? s.range.upperBound
    var t = s.clauses[c].first
    while t < end {
      if s.clause(of: t) == c && !inMention[t] && markers.word(t, is: .collective) { return true }
      t += 1
    }
    return false
  }

  /// Whether the first word after the clause's opener is a determiner (`the`, `a`).
  private func startsWithDeterminer(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s) else { return false }
    return !inMention[t] && markers.referenceKind(of: t) == .determiner
  }

  /// Whether the first word after the clause's opener is a possessive pronoun before a noun of
  /// relation, at most two words between ("while its Russian counterpart threatened…"): the
  /// subject is the counterpart, no entity.
  func startsWithRelation(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s),
      rules.reference(of: t, in: doc)?.isPossessive == true
    else { return false }
    return (t + 1..<min(s.range.upperBound, t + 4)).contains {
      markers.word($0, is: .relational)
    }
  }

  /// Whether the first word after the clause's opener is capitalised and neither a mention nor
  /// a reference word: a name the gazetteers do not know ("while McCormick accused…").
  private func startsWithUnknownName(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s) else { return false }
    return t > s.range.lowerBound && tokenKinds[t] == .word && !inMention[t] && !isLowercase(t)
      && markers.referenceKind(of: t) == nil
  }

  /// Whether clause `c` is the noun phrase a contrast word that is also a preposition opens
  /// ("despite calls to cut ties", "regardless of the tensions"), not a clause with a verb
  /// ("despite being warned").
  func isContrastPhrase(_ c: Int, _ s: SentenceStructure) -> Bool {
    let clause = s.clauses[c]
    guard clause.kind == .contrast, let opener = clause.opener else { return false }
    // Only an `-ing` word makes it a clause ("despite being warned"); a stance noun or a
    // participle as adjective does not ("despite repeated threats from Moscow").
    guard markers.has(opener, .preposition) else { return false }
    guard let t = firstWord(of: clause, in: s) else { return true }
    return !(tokenKinds[t] == .word && endings.has(t, KeyEndings.ing))
  }

  /// Whether the first word after the clause's opener is a verb (a verb cue or an `-ing` word).
  private func startsWithVerb(_ clause: Clause, in s: SentenceStructure) -> Bool {
    guard let t = firstWord(of: clause, in: s) else { return false }
    return isVerbCue(t) || (tokenKinds[t] == .word && endings.has(t, KeyEndings.ing))
  }

  /// The clause's first token after its opener, if the sentence goes on.
  private func firstWord(of clause: Clause, in s: SentenceStructure) -> Int? {
    let t = clause.first == clause.opener ? clause.first + 1 : clause.first
    return t < s.range.upperBound ? t : nil
  }

  private func effectiveSubject(_ s: SentenceStructure, _ c: Int) -> Members {
    s.clauses[c].subject.isEmpty ? s.clauses[c].sharedSubject : s.clauses[c].subject
  }
  /// The one quoted as saying what is reported: "TASS quoted Medvedev as saying that…",
  /// "Interfax quoted a Roscosmos spokesperson as saying…". Clause `c` opens with a
  /// `quotative` word (`as`) right before its `speech` word, and a name ends right before the
  /// opener or at most two plain words of title before it. That one says what `c` reports,
  /// not the subject `c` shares.
  func quotedAsSaying(_ s: SentenceStructure, _ c: Int) -> Int? {
    guard let opener = s.clauses[c].opener, let speech = s.clauses[c].speech,
      speech == opener + 1, markers.word(opener, is: .quotative)
    else { return nil }
    return s.participants.lastIndex { p in
      let end = p.tokens.upperBound
      return end <= opener && opener - end <= 2
        && (end..<opener).allSatisfy {
          tokenKinds[$0] == .word && !inMention[$0] && markers.kinds(of: $0) == 0
        }
    }
  }
}
