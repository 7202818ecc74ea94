import Entities
import Tokenize

/// Small, explicit coreference: a pronoun (`he`, `its`) or a role noun after a determiner
/// ("the agency", "the Roscosmos chief") refers to the nearest earlier mention of a compatible
/// entity type in the same or the previous sentence. The words and their types come from
/// `references.tsv` (`AttributionRules`).
struct Coreference {
  /// An antecedent candidate: its tokens, entity, sentence and the gazetteer mention behind it.
  typealias Candidate = (start: Int, end: Int, entity: Int, sentence: Int, mention: Int)

  let rules: AttributionRules
  /// Entity index → type (`PERSON`, `ORG`, …).
  let types: [String]
  /// Entity index → token keys of its titles (the gazetteer's `title` lines); may be empty.
  var titles: [[String]] = []
  /// The entities each demonym names (the gazetteer's `demonym` lines: "russian").
  var demonyms = DemonymIndex()
  /// Entity index → the entities it belongs to (the gazetteer's `affiliation` lines); may be
  /// empty.
  var affiliations: [[Int]] = []

  /// The references of a text, in text order. `inMention` marks tokens of gazetteer mentions
  /// (never a reference).
  ///
  /// - Complexity: O(tokens + references × mentions of two sentences).
  /// The references of sentences before `carried.sentence` are `carried.references`, not
  /// resolved again.
  func references(
    in doc: TokenizedText, mentions: [EntityMention], inMention: [Bool], quotes: QuoteMarks,
    carried: Carried = Carried()
  )
    -> [Reference]
  {
    guard !mentions.isEmpty, !rules.references.isEmpty else { return [] }
    let tokens = doc.tokens
    var result: [Reference] = []
    // Antecedent candidates in text order: (first and end token, entity, sentence, mention index).
    var next = 0
    var candidates: [Candidate] = []
    // Room for every mention and carried reference at once (grown one append at a time, the
    // list was reallocated six or seven times a document).
    candidates.reserveCapacity(mentions.count + carried.references.count)
    /// Whether gazetteer mention `m` has a token with key `name` (a mention before the window,
    /// carried, is not known to). Takes the index, not the candidate: a nested function that
    /// read `candidates` would box the array and check every access to it at run time.
    func has(_ m: Int, _ name: String) -> Bool {
      m >= 0 && mentions[m].tokens.contains { tokens[$0].key == name }
    }
    var nextCarried = 0
    // The person's role-noun phrases resolved so far with words that qualify them ("the NASA
    // chief", "the Russian space chief"): their head's key, those words' keys, the entity.
    var qualifiedRoles: [(head: String, qualifiers: [String], entity: Int, sentence: Int)] = []
    for t in tokens.indices {
      // (A whole text carries nothing: one test, not a look-up, at each of its tokens.)
      if carried.sentence > 0 && doc.sentenceOfToken[t] < carried.sentence {
        Self.add(mentions, endingBy: t, from: &next, to: &candidates)
        // Where it was resolved: at its last token, after the mentions that end before it.
        while nextCarried < carried.references.count
          && carried.references[nextCarried].tokens.upperBound - 1 == t
        {
          let reference = carried.references[nextCarried]
          result.append(reference)
          candidates.append(
            (
              reference.tokens.lowerBound, reference.tokens.upperBound, reference.entity,
              reference.sentence, reference.antecedent
            ))
          nextCarried += 1
        }
        continue
      }
      // The word's kind first, one load of a trivial value: most tokens are no reference word,
      // most reference words are determiners, which refer to nothing alone, and a
      // `ReferenceWord` copied out of its table retains its types and its source location.
      guard let kind = quotes.markers.referenceKind(of: t), kind == .pronoun || kind == .role,
        !inMention[t], tokens[t].kind == .word,
        let word = rules.reference(of: t, in: doc)
      else {
        continue
      }
      Self.add(mentions, endingBy: t, from: &next, to: &candidates)
      var span = t..<(t + 1)
      // Capitalised words inside a role-noun phrase for an organisation or place ("the Russian
      // agency"): the antecedent's mention must have them too, so "the Russian agency" never
      // refers to NASA. A person's role noun keeps them as description ("Kikina became the
      // first Russian cosmonaut").
      var names: [String] = []
      // The organisations and places named inside a person's role-noun phrase ("the NASA
      // chief", "the agency's chief", "the Russian official"): the antecedent must belong to
      // one of them.
      var owners: [Int] = []
      var qualifiers: [String] = []
      switch word.kind {
      case .determiner, .reporter, .inanimate, .person:
        continue
      case .pronoun:
        break
      case .role:
        guard let start = determiner(before: t, in: doc, inMention: inMention) else {
          // "his agency": the organisation the person it names belongs to.
          if let reference = affiliated(
            t, word, after: result, in: candidates, mentions: mentions, doc: doc)
          {
            result.append(reference)
            candidates.append(
              (t, t + 1, reference.entity, reference.sentence, reference.antecedent))
          }
          continue
        }
        span = start..<(t + 1)
        // A role-noun phrase set before the name it describes ("The new chief, Borisov,
        // said…", "the agency chief Yuri Borisov") is that name's apposition, not a reference
        // to anyone before it.
        if isAppositive(t, word, mentions: mentions, doc: doc, inMention: inMention) { continue }
        // Loops, not `filter`: its closure held copies of the text and of `self` (their
        // tables retained and released at each role noun).
        if !word.types.contains(where: rules.personTypes.contains) {
          for u in start + 1..<t where !inMention[u] && isCapitalised(u, in: doc) {
            names.append(tokens[u].key)
          }
        } else {
          for u in start + 1..<t where inMention[u] || isCapitalised(u, in: doc) {
            qualifiers.append(tokens[u].key)
          }
          var c = candidates.count - 1
          while c >= 0 && candidates[c].start >= start {
            let entity = candidates[c].entity
            if candidates[c].end <= t, !rules.personTypes.contains(types[entity]),
              !owners.contains(entity)
            {
              owners.append(entity)
            }
            c -= 1
          }
          // A demonym names its entity as a mention does ("the Russian official": Russia).
          for u in start + 1..<t where !inMention[u] && isCapitalised(u, in: doc) {
            for entity in demonyms.entities(named: tokens[u].key) where !owners.contains(entity) {
              owners.append(entity)
            }
          }
        }
      }
      let sentence = doc.sentenceOfToken[t]
      // "thanked the flight controllers in Moscow for their help": a plural noun before a
      // plural pronoun in its sentence is its likelier antecedent than any entity.
      if word.isPlural && hasPluralNoun(before: t, in: doc, inMention: inMention) { continue }
      // Candidates are in sentence order, so the search stops at the first one before the
      // previous sentence (searching them all made one huge document quadratic).
      var found: Int?
      var c = candidates.count - 1
      // A previous sentence that is a quotation naming no one ("'We have honoured every
      // agreement.' He added…") leaves the one before it in reach: the quotation is its speaker's.
      var reach = sentence - 1
      if sentence >= 2, quotes.opensSentence(sentence - 1, of: doc),
        let before = candidates.last(where: { $0.sentence < sentence }),
        before.sentence == sentence - 2
      {
        reach = sentence - 2
      }
      while c >= 0 && candidates[c].sentence >= reach {
        if candidates[c].end <= span.lowerBound
          && word.types.contains(types[candidates[c].entity])
          && names.allSatisfy({ has(candidates[c].mention, $0) })
        {
          found = c
          break
        }
        c -= 1
      }
      guard var found else { continue }
      // A person's role noun qualified by an organisation ("the NASA chief") refers to the
      // nearest entity in reach that belongs to it; when there is none, not to one that is known
      // to belong elsewhere ("Nelson met Borisov. The Roscosmos chief said…": Borisov, and
      // never Nelson).
      var mustBelong = false
      if !owners.isEmpty {
        var c = found
        while c >= 0 && candidates[c].sentence >= reach {
          if candidates[c].end <= span.lowerBound,
            word.types.contains(types[candidates[c].entity]),
            belongs(candidates[c].entity, to: owners)
          {
            break
          }
          c -= 1
        }
        if c >= 0 && candidates[c].sentence >= reach {
          found = c
          mustBelong = true
        } else if !affiliations(of: candidates[found].entity).isEmpty {
          continue
        }
      }
      // Two person's role nouns with the same head and other qualifying words are two people
      // ("the NASA chief said…, while the Russian space chief warned…"): the second refers to
      // the nearest entity the first does not.
      let others =
        qualifiers.isEmpty
        ? []
        : qualifiedRoles.filter {
          $0.sentence >= reach && $0.head == tokens[t].key && $0.qualifiers != qualifiers
        }.map(\.entity)
      // A role noun for an organisation after a person of its sentence refers to what that
      // person belongs to, when it is in reach ("ESA suspended ExoMars with Roscosmos. Director
      // General Josef Aschbacher said the agency would…": ESA, not Roscosmos).
      if word.kind == .role, !word.types.contains(where: rules.personTypes.contains),
        // (The closure holds the two tables it reads: one that read `rules` held a copy of
        // `self`.)
        let person = candidates.lastIndex(where: { [personTypes = rules.personTypes, types] in
          $0.sentence == sentence && $0.end <= span.lowerBound
            && personTypes.contains(types[$0.entity])
        }),
        !affiliations(of: candidates[person].entity).contains(candidates[found].entity)
      {
        let owners = affiliations(of: candidates[person].entity)
        var c = found
        while c >= 0 && candidates[c].sentence >= reach {
          if candidates[c].end <= span.lowerBound, owners.contains(candidates[c].entity),
            word.types.contains(types[candidates[c].entity]),
            names.allSatisfy({ has(candidates[c].mention, $0) })
          {
            found = c
            break
          }
          c -= 1
        }
      }
      /// Whether entity `e` may stand for the phrase, as far as its affiliations and the
      /// phrases before it tell.
      func fits(_ e: Int) -> Bool {
        !others.contains(e)
          && (owners.isEmpty || belongs(e, to: owners)
            || (!mustBelong && affiliations(of: e).isEmpty))
      }
      if others.contains(candidates[found].entity) {
        var c = found - 1
        while c >= 0 && candidates[c].sentence >= reach {
          if candidates[c].end <= span.lowerBound,
            word.types.contains(types[candidates[c].entity]), fits(candidates[c].entity)
          {
            break
          }
          c -= 1
        }
        guard c >= 0 && candidates[c].sentence >= reach else { continue }
        found = c
      }
      // A role noun that is an entity's title ("the administrator": Nelson) refers to the
      // nearest such entity before the nearest other one, up to `titleReach` sentences back
      // ("…, NASA Administrator Jim Bridenstine said. A senator called it a mistake, noting
      // that Rogozin… The administrator said…": Bridenstine).
      if word.kind == .role {
        let key = tokens[t].key
        var c = found
        while c >= 0 && candidates[c].sentence >= sentence - Self.titleReach {
          let entity = candidates[c].entity
          if entity < titles.count, titles[entity].contains(key),
            candidates[c].end <= span.lowerBound, word.types.contains(types[entity]), fits(entity)
          {
            found = c
            break
          }
          c -= 1
        }
      }
      // "Yuri Borisov took over Roscosmos from Dmitry Rogozin. The new chief dropped…": a
      // person's role noun qualified by a `successor` word is the previous sentence's subject,
      // who took the office, not the nearest person.
      if word.kind == .role, word.types.contains(where: rules.personTypes.contains),
        (span.lowerBound + 1..<t).contains(where: { [markers = quotes.markers] in
          markers.word($0, is: .successor)
        }),
        var subject = openingSubject(
          before: sentence, in: candidates, upTo: found, doc: doc, inMention: inMention)
      {
        // "Dmitry Rogozin was replaced by Yuri Borisov. The new chief…": the passive's agent,
        // the last one ("was removed by Putin and replaced by Borisov").
        let opening = subject
        var c = subject + 1
        while c <= found && candidates[c].sentence == candidates[opening].sentence {
          let by = candidates[c].start - 1
          if by > candidates[opening].end, rules.has(by, in: doc, .agentMarker),
            (candidates[opening].end..<by).contains(where: { rules.has($0, in: doc, .passive) })
          {
            subject = c
          }
          c += 1
        }
        if word.types.contains(types[candidates[subject].entity]),
          fits(candidates[subject].entity)
        {
          found = subject
        }
      }
      // A pronoun opening its sentence, possessive or not, continues the previous sentence's
      // subject rather than its nearest name ("ESA suspended its work with Roscosmos. It
      // said…", "… Its council voted…": ESA); so does a pronoun or role noun that may be a
      // subject there after a short opening phrase ("Afterwards he said…", "In Paris on
      // Thursday, it announced…"), and a role noun for an organisation or place ("The agency
      // said…"; a person's role noun describes: "The cosmonaut" is the nearest cosmonaut).
      if !word.isPlural,
        word.kind != .role || !word.types.contains(where: rules.personTypes.contains),
        let subject = openingSubject(
          before: reach + 1, in: candidates, upTo: found, doc: doc, inMention: inMention),
        word.types.contains(types[candidates[subject].entity]),
        isSentenceOpening(span.lowerBound, in: doc)
          || (mayBeSubject(word)
            && afterOpeningPhrase(span.lowerBound, in: doc, inMention: inMention))
      {
        found = subject
      } else if word.kind == .pronoun, mayBeSubject(word), !word.isPlural,
        opensJoinedClause(span.lowerBound, in: doc, inMention: inMention),
        let subject = openingSubject(
          before: sentence + 1, in: candidates, upTo: found, doc: doc, inMention: inMention),
        word.types.contains(types[candidates[subject].entity])
      {
        // A pronoun opening a clause joined to the one before (after `;` or `, and`), which
        // is its subject (`it` too), continues that clause's subject, not its object ("Rogozin
        // went after Musk; he accused him of…": Rogozin; "JAXA worked alongside NASA, and this
        // week it signed…": JAXA).
        found = subject
      } else if !word.isPossessive, isTrailingSpeaker(span, in: doc),
        let subject = openingSubject(
          before: sentence + 1, in: candidates, upTo: found, doc: doc, inMention: inMention)
          ?? (quotes.opensSentence(sentence, of: doc)
            ? openingSubject(
              before: sentence, in: candidates, upTo: found, doc: doc, inMention: inMention) : nil),
        word.types.contains(types[candidates[subject].entity]),
        names.allSatisfy({ has(candidates[subject].mention, $0) }),
        fits(candidates[subject].entity)
      {
        // A speaker named after the statement is its subject rather than the nearest name
        // ("Energia will stop supplying engines to Boeing, the company said": Energia); after a
        // quotation, the subject of the sentence before ("NASA said it would keep working with
        // Roscosmos. 'Cooperation goes on,' the agency said": NASA).
        found = subject
      } else if word.kind == .pronoun, !word.isPlural,
        let verb = reportingVerb(before: t, in: doc, inMention: inMention),
        let speaker = speaker(
          of: verb, in: candidates, upTo: found, sentence: sentence, doc: doc, inMention: inMention),
        word.types.contains(types[candidates[speaker].entity])
      {
        // The subject of what a speaker reports (or its possessor: "told Putin that his agency
        // would quit": Borisov's) is the speaker, rather than the nearest name
        // ("The agency, which launched the freighter from Baikonur, said on Telegram that it
        // remained a reliable partner": the agency).
        found = speaker
      }
      // A plural pronoun after a lone name stands for the nearest two joined by `and` in reach,
      // when there are such ("NASA and Roscosmos met in Houston. They agreed…": not Houston).
      if word.kind == .pronoun, word.isPlural,
        coordinated(with: found, in: candidates, doc: doc) == nil
      {
        var c = found - 1
        while c > 0 && candidates[c].sentence >= reach {
          if candidates[c].end <= span.lowerBound,
            word.types.contains(types[candidates[c].entity]),
            coordinated(with: c, in: candidates, doc: doc) != nil
          {
            found = c
            break
          }
          c -= 1
        }
      }
      // A plural pronoun stands for both of two names joined by `and` ("JAXA and ESA … They
      // agreed"), and for a person only so; a plural role noun only so ("NASA and Roscosmos …
      // The two agencies agreed").
      // The antecedents are candidate `joined` (the name joined to it, if any), then `found`:
      // kept without an array (one was made and freed for each reference, 1.6 instructions a
      // byte on the benchmark slice).
      var joined: Int?
      if word.isPlural {
        if let other = coordinated(with: found, in: candidates, doc: doc) {
          joined = other
        } else if rules.personTypes.contains(types[candidates[found].entity])
          || word.kind == .role
        {
          continue
        }
      }
      if !qualifiers.isEmpty {
        qualifiedRoles.append((tokens[t].key, qualifiers, candidates[found].entity, sentence))
      }
      let possessive = word.isPossessive || (t + 1 < tokens.count && tokens[t + 1].keyIs("'s"))
      for k in (joined == nil ? 1 : 0)..<2 {
        // 0: the joined name; 1: the one found.
        let antecedent = candidates[k == 0 ? joined! : found]
        let reference = Reference(
          entity: antecedent.entity, tokens: span, start: tokens[span.lowerBound].start,
          end: tokens[span.upperBound - 1].end, sentence: sentence,
          via: word.kind == .pronoun ? .pronoun : .roleNoun, antecedent: antecedent.mention,
          isPossessive: possessive)
        result.append(reference)
        // A reference is itself a candidate for later ones ("he … his").
        candidates.append(
          (span.lowerBound, span.upperBound, antecedent.entity, sentence, antecedent.mention))
      }
    }
    return result
  }

  /// Whether role noun `t` is followed by a mention of an entity it may stand for, right after it
  /// or after a comma with a comma or a `boundary` marker (`;`, a bracket, a dash) after the
  /// name ("the new chief, Borisov, said"; not "the agency, Rogozin said, would…").
  private func isAppositive(
    _ t: Int, _ word: AttributionRules.ReferenceWord, mentions: [EntityMention],
    doc: TokenizedText, inMention: [Bool]
  ) -> Bool {
    let tokens = doc.tokens
    var u = t + 1
    let comma = u < tokens.count && tokens[u].keyIs(",")
    if comma { u += 1 }
    guard u < tokens.count, inMention[u], doc.sentenceOfToken[u] == doc.sentenceOfToken[t] else {
      return false
    }
    // Mentions are in text order: the first that does not end before `u`.
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid].tokens.upperBound <= u { low = mid + 1 } else { high = mid }
    }
    guard low < mentions.count, mentions[low].tokens.lowerBound == u,
      word.types.contains(types[mentions[low].entity])
    else { return false }
    let after = mentions[low].tokens.upperBound
    return !comma || after == tokens.count
      || doc.sentenceOfToken[after] != doc.sentenceOfToken[t]
      || tokens[after].keyIs(",") || rules.has(after, in: doc, .boundary)
  }

  /// A role noun for an organisation (no place) right after a person's possessive (a pronoun resolved
  /// before it, or a name and `'s`; `own` may come between: "He said his agency wanted…",
  /// "Borisov's agency"): the one organisation of the role noun's types the person belongs to
  /// (`affiliation` lines), when a mention of it (or a reference to it) stands at most
  /// `titleReach` sentences back; nil otherwise.
  private func affiliated(
    _ t: Int, _ word: AttributionRules.ReferenceWord, after references: [Reference],
    in candidates: [Candidate], mentions: [EntityMention], doc: TokenizedText
  ) -> Reference? {
    guard !word.types.contains(where: rules.personTypes.contains), t > 0 else { return nil }
    let tokens = doc.tokens
    var p = t - 1
    if p > 0, tokens[p].keyIs("own") { p -= 1 }
    let person: Int
    if let last = references.last, last.tokens == p..<(p + 1), last.isPossessive {
      person = last.entity
    } else if tokens[p].keyIs("'s"), let m = mentions.last(where: { $0.tokens.upperBound == p }) {
      person = m.entity
    } else {
      return nil
    }
    guard rules.personTypes.contains(types[person]) else { return nil }
    // Not "his country": a person speaks for his agency, a country is more than its speaker.
    let owners = affiliations(of: person).filter {
      word.types.contains(types[$0]) && types[$0] != TypeClasses.placeType
    }
    guard owners.count == 1, let owner = owners.first else { return nil }
    let sentence = doc.sentenceOfToken[t]
    guard
      let antecedent = candidates.last(where: {
        $0.entity == owner && $0.sentence >= sentence - Self.titleReach && $0.end <= p
      })
    else { return nil }
    return Reference(
      entity: owner, tokens: t..<(t + 1), start: tokens[t].start, end: tokens[t].end,
      sentence: sentence, via: .roleNoun, antecedent: antecedent.mention,
      isPossessive: t + 1 < tokens.count && tokens[t + 1].keyIs("'s"))
  }

  /// Adds the mentions from `next` on that end at or before token `t` to `candidates`. Called
  /// only at the tokens where the candidates are read or grown (most tokens need nothing): the
  /// list is the same there as if it were called at every token. Static, with its state passed
  /// in: a nested function that changed `candidates` would box the array.
  @inline(__always)
  private static func add(
    _ mentions: [EntityMention], endingBy t: Int, from next: inout Int,
    to candidates: inout [Candidate]
  ) {
    while next < mentions.count && mentions[next].tokens.upperBound <= t {
      let m = mentions[next]
      candidates.append((m.tokens.lowerBound, m.tokens.upperBound, m.entity, m.sentence, next))
      next += 1
    }
  }

  /// The entities entity `e` belongs to (`affiliation` lines).
  private func affiliations(of e: Int) -> [Int] {
    e < affiliations.count ? affiliations[e] : []
  }

  /// Whether entity `e` belongs to one of `owners`.
  private func belongs(_ e: Int, to owners: [Int]) -> Bool {
    affiliations(of: e).contains(where: owners.contains)
  }

  /// The candidate whose mention opens sentence `sentence - 1` (after at most a determiner, or
  /// after an opening phrase and its comma): its subject. Searched among candidates `...upTo`.
  private func openingSubject(
    before sentence: Int, in candidates: [Candidate], upTo last: Int, doc: TokenizedText,
    inMention: [Bool]
  ) -> Int? {
    guard sentence > 0 else { return nil }
    // After a wire dateline ("PARIS, March 17 - The European Space Agency…").
    let opening = doc.sentences[sentence - 1].tokens.lowerBound
    let start = doc.datelineDash(at: opening).map { $0 + 1 } ?? opening
    var c = last
    var earliest: Int?
    while c >= 0 && candidates[c].sentence >= sentence - 1 {
      if candidates[c].sentence == sentence - 1 && candidates[c].start >= start { earliest = c }
      c -= 1
    }
    guard let earliest else { return nil }
    // A mention, or a reference opening it ("It … It also said").
    let first = candidates[earliest].start
    // Or after a phrase that opens the sentence and names no one ("Contrary to earlier
    // reports, Roscosmos did not…").
    let opens =
      first == start
      || (first == start + 1 && rules.referenceKind(of: start, in: doc) == .determiner)
      || (first > start && doc.tokens[first - 1].keyIs(",")
        && afterOpeningPhrase(first, in: doc, inMention: inMention))
    guard opens else { return nil }
    // A name set before a person's as its qualifier ("NASA astronaut Frank Rubio said…", "ESA
    // director general Josef Aschbacher…", "NASA's Kathy Lueders"): the subject is the person.
    var head = earliest
    while head + 1 <= last, candidates[head + 1].sentence == sentence - 1,
      case (let end, let next) = (candidates[head].end, candidates[head + 1].start),
      next > end && next - end <= 3,
      rules.personTypes.contains(types[candidates[head + 1].entity]),
      (end..<next).allSatisfy({
        doc.tokens[$0].kind == .word && rules.kinds(of: $0, in: doc) == 0
          && !isVerbLike($0, in: doc)
      })
    {
      head += 1
    }
    return head
  }

  /// Whether a reference stands between a comma (or a comma and a closing quotation mark) and
  /// a speech verb: "…, the company said", "…,” the agency said".
  private func isTrailingSpeaker(_ span: Range<Int>, in doc: TokenizedText) -> Bool {
    let start = doc.sentences[doc.sentenceOfToken[span.lowerBound]].tokens.lowerBound
    var before = span.lowerBound - 1
    if before > start, rules.has(before, in: doc, .quote) { before -= 1 }
    return before >= start && doc.tokens[before].keyIs(",")
      && span.upperBound < doc.tokens.count && rules.has(span.upperBound, in: doc, .speech)
  }

  /// The speech verb whose reported speech `t` opens: right before it ("said it would"), or
  /// before the name of who is told ("told NASA it would") or a preposition and a capitalised
  /// word ("said on Friday it would"), or
  /// before a `that` at most `ClauseAnalyzer.complementizerReach` words before it, no
  /// punctuation between ("said on Telegram that it…").
  /// Tokens an insertion between commas before a complementizer may hold.
  static let insertionReach = 10

  private func reportingVerb(before t: Int, in doc: TokenizedText, inMention: [Bool]) -> Int? {
    let start = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    guard t > start else { return nil }
    if rules.has(t - 1, in: doc, .speech) { return t - 1 }
    // After the name of who is told ("had told NASA it would keep its crews", "told the Duma
    // it would stop").
    var told = t - 1
    while told > start && inMention[told] { told -= 1 }
    if told < t - 1, told > start, rules.referenceKind(of: told, in: doc) == .determiner {
      told -= 1
    }
    if told < t - 1, rules.has(told, in: doc, .speech) { return told }
    // After when or where it was said: a preposition and one capitalised word ("said on Friday
    // it would").
    if t - 3 >= start, rules.has(t - 3, in: doc, .speech),
      rules.saysWhenOrWhere(t - 2, in: doc, inMention: inMention)
    {
      return t - 3
    }
    guard rules.word(t - 1, in: doc, is: .complementizer) else { return nil }
    var u = t - 2
    var reach = t - 1 - ClauseAnalyzer.complementizerReach
    // An insertion between commas right before `that` is skipped ("informed NASA, in a letter
    // handed over at Baikonur, that it would…").
    if u > start, doc.tokens[u].keyIs(","),
      let open = (max(start, u - Self.insertionReach)..<u).last(where: { doc.tokens[$0].keyIs(",") }
      )
    {
      reach -= u - open + 1
      u = open - 1
    }
    while u >= start && u >= reach {
      if doc.tokens[u].kind == .punctuation { return nil }
      if rules.has(u, in: doc, .speech) { return u }
      u -= 1
    }
    return nil
  }

  /// The speaker of the speech verb `verb`: the candidate right before it ("Energia said it…"),
  /// or, after a comma that closes a description ("The agency, which launched the freighter,
  /// said…") or a coordinated verb ("…, then announced it…", "… and said it…"), the one that
  /// opens the sentence.
  private func speaker(
    of verb: Int, in candidates: [Candidate], upTo last: Int, sentence: Int, doc: TokenizedText,
    inMention: [Bool]
  ) -> Int? {
    let start = doc.sentences[sentence].tokens.lowerBound
    guard verb > start else { return nil }
    // Candidates are in text order: the search stops at the sentence's start (searching them all
    // made one huge document quadratic).
    // The name right before the verb, or before its auxiliaries or an adverb in `-ly` ("the
    // Russian space agency had told NASA it would…", "Roscosmos reportedly informed NASA…").
    var subjectEnd = verb
    while subjectEnd > start + 1, verb - subjectEnd < 2,
      rules.has(subjectEnd - 1, in: doc, .verb) || isAdverbInLy(subjectEnd - 1, in: doc)
    {
      subjectEnd -= 1
    }
    var c = last
    while c >= 0 && candidates[c].sentence == sentence && candidates[c].end >= subjectEnd {
      if candidates[c].end == verb || candidates[c].end == subjectEnd { return c }
      c -= 1
    }
    // After a comma or `and`, with at most one plain word between ("…, then announced it was
    // suspending", "… and said it would"): a coordinated verb, whose subject opens the sentence.
    func joins(_ t: Int) -> Bool {
      doc.tokens[t].keyIs(",") || rules.has(t, in: doc, .coordinator)
    }
    var before = subjectEnd - 1
    if before > start, !joins(before), doc.tokens[before].kind == .word,
      !isCapitalised(before, in: doc), rules.kinds(of: before, in: doc) == 0
    {
      before -= 1
    }
    guard joins(before) else { return nil }
    return openingSubject(
      before: sentence + 1, in: candidates, upTo: last, doc: doc, inMention: inMention)
  }

  /// A lowercase word in `-ly` that no list names ("reportedly", "quietly").
  private func isAdverbInLy(_ t: Int, in doc: TokenizedText) -> Bool {
    doc.tokens[t].kind == .word && !isCapitalised(t, in: doc)
      && rules.kinds(of: t, in: doc) == 0 && doc.tokens[t].key.hasSuffix("ly")
  }

  /// Whether `t` is the first word of its sentence.
  private func isSentenceOpening(_ t: Int, in doc: TokenizedText) -> Bool {
    let opening = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    // After a wire dateline ("MOSCOW (Reuters) - It said…").
    let start = doc.datelineDash(at: opening).map { $0 + 1 } ?? opening
    return start <= t && (start..<t).allSatisfy { doc.tokens[$0].kind == .punctuation }
  }

  /// Whether a reference word may be a clause's subject where it stands: no possessive, and a
  /// person's pronoun only in its subject form (`he`, not `him`; `it` is both).
  private func mayBeSubject(_ word: AttributionRules.ReferenceWord) -> Bool {
    !word.isPossessive
      && (word.isNominative || word.kind == .role
        || !word.types.contains(where: rules.personTypes.contains))
  }

  /// Whether token `u` reads as a verb: a `verb`, `speech` or `passive` marker, or a lowercase
  /// word with one of the rules' `verb_suffix` endings (`-ed`) or in `-ing`, as
  /// `KeyEndings` reads them for the clause analyzer ("…, and praised it" opens no phrase of
  /// time before `it`). Asked only at a pronoun's opening phrase, not per token.
  private func isVerbLike(_ u: Int, in doc: TokenizedText) -> Bool {
    let verbs =
      AttributionRules.MarkerKind.verb.bit | AttributionRules.MarkerKind.speech.bit
      | AttributionRules.MarkerKind.passive.bit
    if rules.kinds(of: u, in: doc) & verbs != 0 { return true }
    guard !isCapitalised(u, in: doc) else { return false }
    let key = doc.tokens[u].key
    return key.hasSuffix("ing") || rules.verbSuffixes.contains { key.hasSuffix($0) }
  }

  /// Whether `t` opens a clause joined to the one before it: right after a semicolon (a
  /// `boundary` that is no colon, bracket or dash) or a `coordinator` after a comma (", and"),
  /// or after those and a short phrase of time or place that names no one: at most
  /// `joinedPhraseReach` words, numbers, determiners or prepositions, none of them a verb, a
  /// comma allowed at its end ("…, and this week it signed…", "; on Monday, he said…").
  private func opensJoinedClause(_ t: Int, in doc: TokenizedText, inMention: [Bool]) -> Bool {
    let start = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    let end = t - 1 > start && doc.tokens[t - 1].keyIs(",") ? t - 1 : t
    var u = end
    while u - 1 > start, end - u < Self.joinedPhraseReach, case let w = u - 1,
      doc.tokens[w].kind == .word || doc.tokens[w].kind == .number, !inMention[w],
      rules.referenceKind(of: w, in: doc).map({ $0 == .determiner }) ?? true,
      rules.kinds(of: w, in: doc) & ~AttributionRules.MarkerKind.preposition.bit == 0,
      !isVerbLike(w, in: doc)
    {
      u -= 1
    }
    // Without a phrase, `t` itself must follow the coordinator or the semicolon.
    if u == end { u = t }
    guard u - 1 > start else { return false }
    if rules.has(u - 1, in: doc, .boundary) && doc.tokens[u - 1].keyIs(";") { return true }
    return rules.has(u - 1, in: doc, .coordinator) && doc.tokens[u - 2].keyIs(",")
  }

  /// Whether `t` comes right after a short phrase that opens its sentence and names no one: at
  /// most `openingPhraseReach` words after the sentence's start (or its wire dateline), all but
  /// the first lowercase (numbers too) and no verb, a comma allowed at its end ("Afterwards he
  /// said…", "In the message, he mocked…"); a name or a capitalised word right after a
  /// preposition (or after another such word) is where or when, no one named ("In Paris on
  /// Thursday, it announced…").
  private func afterOpeningPhrase(_ t: Int, in doc: TokenizedText, inMention: [Bool]) -> Bool {
    // After a wire dateline ("MOSCOW (Reuters) - In a statement, it said…").
    let opening = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    let start = doc.datelineDash(at: opening).map { $0 + 1 } ?? opening
    var end = t
    if end > start, doc.tokens[end - 1].keyIs(",") { end -= 1 }
    guard end > start, end - start <= Self.openingPhraseReach, doc.tokens[start].kind == .word,
      rules.referenceKind(of: start, in: doc) == nil
    else { return false }
    var afterPreposition = false
    for u in start..<end {
      let kind = doc.tokens[u].kind
      let named = inMention[u] || (u > start && isCapitalised(u, in: doc))
      guard kind == .word || kind == .number, !named || afterPreposition,
        u == start || !isVerbLike(u, in: doc) || isNounAfterArticle(u, in: doc)
      else {
        return false
      }
      afterPreposition =
        rules.has(u, in: doc, .preposition) || (named && afterPreposition)
    }
    return true
  }

  /// An `-ing` word right after an article or determiner (`a`, `the`) is a noun: "In a meeting
  /// with Putin, he said…".
  private func isNounAfterArticle(_ u: Int, in doc: TokenizedText) -> Bool {
    u > 0 && doc.tokens[u].key.hasSuffix("ing") && rules.isArticleOrDeterminer(u - 1, in: doc)
  }

  /// How many sentences back a role noun finds an entity whose title it is.
  static let titleReach = 2

  /// Words a phrase of time or place may have between a joined clause's `, and` (or `;`) and
  /// its subject pronoun.
  static let joinedPhraseReach = 3

  /// Words a sentence's opening phrase may have before a subject pronoun.
  static let openingPhraseReach = 5

  /// The candidate joined to candidate `c` by `and` right before it ("Lueders and
  /// Montalbano"), another entity of the same type.
  private func coordinated(with c: Int, in candidates: [Candidate], doc: TokenizedText) -> Int? {
    guard c > 0 else { return nil }
    let first = candidates[c - 1]
    let second = candidates[c]
    // A plural reference that stood for both already ("Japan and Canada were asked where they
    // stood. They reaffirmed…").
    if first.start == second.start && first.end == second.end && first.entity != second.entity {
      return c - 1
    }
    // "JAXA and ESA", "JAXA and the European Space Agency".
    let joined =
      first.end + 1 == second.start
      || (first.end + 2 == second.start
        && rules.referenceKind(of: first.end + 1, in: doc) == .determiner)
    guard joined, rules.has(first.end, in: doc, .coordinator), first.entity != second.entity,
      types[first.entity] == types[second.entity]
    else { return nil }
    return c - 1
  }

  /// A plural common noun before `t` in its sentence: a lowercase word outside mentions, not a
  /// marker or reference word, of four letters or more ending in `s` (not `ss`, `us`, `is`).
  private func hasPluralNoun(before t: Int, in doc: TokenizedText, inMention: [Bool]) -> Bool {
    let start = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    for u in start..<t where !inMention[u] {
      guard doc.tokens[u].kind == .word else { continue }
      let key = doc.tokens[u].key
      guard key.utf8.count >= 4, key.hasSuffix("s"),
        !key.hasSuffix("ss"), !key.hasSuffix("us"), !key.hasSuffix("is"),
        doc.startsLowercase(u),
        rules.kinds(of: u, in: doc) == 0, rules.referenceKind(of: u, in: doc) == nil
      else { continue }
      return true
    }
    return false
  }

  /// Whether token `u` is a word whose first character is uppercase. Takes the index: a token
  /// passed as an argument was copied out of the array (its key retained and released). The
  /// first scalar is read from the text (`firstScalar(of:)`, as the surface's first scalar:
  /// a lone surrogate is U+FFFD), where a `String` of the whole surface was made for it, and
  /// an ASCII one is uppercase exactly from A to Z (the property's look-up cost about 300
  /// instructions).
  private func isCapitalised(_ u: Int, in doc: TokenizedText) -> Bool {
    guard doc.tokens[u].kind == .word, doc.tokens[u].utf16End > doc.tokens[u].utf16Start else {
      return false
    }
    let first = doc.firstScalar(of: doc.tokens[u])
    return first.isASCII ? first.value >= 0x41 && first.value <= 0x5A : first.properties.isUppercase
  }

  /// The determiner that opens a role-noun phrase ending at `t`: at most
  /// `AttributionRules.roleNounGap` words (or mention tokens) between, no punctuation.
  private func determiner(before t: Int, in doc: TokenizedText, inMention: [Bool]) -> Int? {
    var u = t - 1
    var gap = 0
    let sentenceStart = doc.sentences[doc.sentenceOfToken[t]].tokens.lowerBound
    while u >= sentenceStart && gap <= AttributionRules.roleNounGap {
      let kind = rules.referenceKind(of: u, in: doc)
      if kind == .determiner, !inMention[u] {
        return u
      }
      // A possessive pronoun opens the phrase itself ("warned that his agency would…"): no
      // determiner before it belongs to the role noun.
      let tokenKind = doc.tokens[u].kind
      guard kind != .pronoun,
        tokenKind == .word || tokenKind == .number || inMention[u] || doc.tokens[u].keyIs("'s")
      else {
        return nil
      }
      gap += 1
      u -= 1
    }
    return nil
  }
}
