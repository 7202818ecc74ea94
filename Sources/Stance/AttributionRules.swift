import Tokenize

/// The word tables that clause splitting, roles and coreference read: clause markers
/// (`lexicons/attribution/clauses.tsv`) and references (`lexicons/attribution/references.tsv`).
/// Both are analyst-edited; none of their words live in code.
///
/// Immutable after loading; `Sendable`.
public struct AttributionRules: Sendable {
  /// What a clause-marker word does. A word may have several kinds (`was`: passive, verb).
  public enum MarkerKind: String, Sendable, Hashable, CaseIterable {
    /// Ends a clause (`;`, `:`); `(`/`)` and dashes enclose a parenthetical.
    case boundary
    /// Opens or closes a quotation (`"`, `“`, `”`, `«`, `»`).
    case quote
    /// Opens a contrasting clause (but, while, whereas, although, though, yet).
    case contrast
    /// Opens a subordinate clause (because, after, before, as, since, when, if).
    case subordinator
    /// Opens a relative clause (who, which, that); `that` after a speech verb opens reported speech.
    case relative
    /// `and`/`or`: opens a clause when a new subject and its verb follow.
    case coordinator
    /// A verb of saying (said, told, warned): what follows is reported speech.
    case speech
    /// A form of *be*/*get* that makes a following participle passive.
    case passive
    /// The word before a passive's agent (`by`).
    case agentMarker = "agent_marker"
    /// A preposition: an entity right after one (before the verb) is not the subject.
    case preposition
    /// Ends the subject: auxiliaries, modals and common verbs without a regular suffix.
    case verb
    /// A lowercase word with this ending (`ed`) ends the subject.
    case verbSuffix = "verb_suffix"
    /// A word with this ending (`ed`, `en`) after a passive auxiliary is a passive participle.
    case participleSuffix = "participle_suffix"
    /// First-person words (we, our, I): inside a quotation they are its speaker.
    case firstPerson = "first_person"
    /// Names a source (`according` in "according to Borisov"): an entity within three words
    /// after it is the speaker of its clause.
    case source
    /// A verb of wanting or asking (hoped, wanted, demanded, urged): what follows is the wish
    /// of its subject, which is its agent, and not yet the deed of the one it names ("Medvedev
    /// demanded that Russia sever its ties": Russia takes no stance by it).
    case desire
    /// Opens a condition (`if`, `unless`; also a `subordinator`): what it says is hypothetical,
    /// no one's stance: its subject is only mentioned (rule `hypothetical`) and its words count
    /// for no speaker of the sentence.
    case conditional
    /// A noun of relation (partner, ally, counterpart): its possessor has it, it is no stance of
    /// the possessor's ("its other partners", "Russia's most reliable partner"). Kept apart
    /// from the other kinds (`isRelational(_:in:)`): such a word marks no clause structure.
    case relational
    /// A preposition after which a stance noun is done to the clause's subject (`under`: "Rogozin
    /// is under US sanctions"), as after a passive verb.
    case patientMarker = "patient_marker"
    /// An irregular participle (`put`, `hit`, `held`): after a passive auxiliary it is passive,
    /// as a word with a `participle_suffix` is ("talks that had been put on hold").
    case participle
    /// A noun of content (talk, reports, claims): a shifter before it ("dismissed talk of",
    /// "rejected claims that") reverses what its `of`, `that` or `about` introduces, not the
    /// noun. Kept apart like `relational`.
    case content
    /// A noun for people who speak for an organisation (officials, spokesperson): opening a
    /// subject, before a preposition, it leaves the organisation the preposition names in the
    /// subject ("Officials at NASA said…", "A spokesperson for Northrop Grumman said…"). Kept
    /// apart like `relational`.
    case collective
    /// `to` before a verb: an infinitive ("refused to cooperate", "to keep the outpost staffed").
    /// Kept apart like `relational`, as are the word classes below.
    case infinitive
    /// The words by which a noun of content introduces what it holds (`of`, `that`, `about`,
    /// `to`: "claims that the Kremlin…", "talk of a split", "plans to leave").
    case complement
    /// The preposition that gives a reason (`for`: "was praised by Artemyev for her help").
    case reason
    /// `of` after a noun: what the noun belongs to or acts on ("the head of Roscosmos", "the
    /// cancellation by Roscosmos of its contract").
    case genitive
    /// An indefinite article (`a`, `an`): a word after one is a noun ("a claim NASA rejected").
    case article
    /// A verb that makes someone do something (`led`, `prompted`, `forced`): the one named
    /// after it, before `to`, does what follows ("The sanctions led Roscosmos to suspend its
    /// launches").
    case causative
    /// The word between who is quoted and a speech word (`as`: "TASS quoted Medvedev as saying
    /// that…").
    case quotative
    /// The word that opens reported speech after a speech verb (`that`: "said on Telegram that
    /// it…").
    case complementizer
    /// The middle of a phrase that joins a name to the subject: a word between a preposition
    /// or subordinator and the one after it (`along`, `together`: "along with", "together
    /// with"; `well`: "as well as"). The phrase opens no clause, and the names it joins
    /// share the subject's verb ("Roscosmos, along with the Kremlin, praised NASA").
    case comitative
    /// Words of an act two parties do together (`agreement`, `deal`, `signed`, `partnered`)
    /// and the prepositions that name the other party (`with`, `between`): who is named after
    /// such a preposition, after such a word, does a positive act with the clause's subject
    /// (rule `partner`: "Roscosmos signed a seat-swap agreement with NASA").
    case reciprocal
    /// Modals of obligation (`must`, `should`): the subject of a clause whose verb is one is
    /// told what to do, by the speaker or the text (rule `wished-subject`: "'Russia must stop
    /// these tests,' he added").
    case obligation
    /// Nouns of an act whose `from` names who does it (`criticism`, `support`, `help`,
    /// `pressure`), and `from` itself: the name right after such a noun's `from` does it (rule
    /// `source`: "drew sharp criticism from Rogozin"), not a place left ("withdrawal from the
    /// ISS" is no such noun).
    case sourced
    /// Particles of phrasal verbs (`out`, `off`, `down`, `back`): a two-word lexicon term or
    /// modifier phrase that ends with one also matches with up to `splitGap` words between its
    /// verb and the particle ("pulled its technicians out", "turned the offer down"), as its
    /// verb.
    case particle
    /// A preposition of place (`in`, `at`): a name right after one is where something happens
    /// (rule `circumstance`: "talks in Moscow"), not who does it or what it is about.
    case locative
    /// A word of time (`monday`, `today`): a name that begins or ends with one is when
    /// something happens ("Monday's talks"), no one's stance and nothing a stance is about
    /// (rule `circumstance`).
    case time
    /// A participle of the subject's own attitude (`committed`, `opposed`, `determined`): after
    /// a form of *be* it says how the subject stands, it is no passive ("NASA is committed to
    /// the partnership": NASA's; "NASA was barred from…" stays done to NASA).
    case stative
    /// A verb of refusing (`rejected`, `declined`, `turned` of "turned down"): a shifter whose
    /// first word is one reverses a noun for the one who refuses, not for the noun's owner
    /// ("rejected Roscosmos's offer": Roscosmos's offer stays favor; rules `possessor` and
    /// `source`).
    case refusal
    /// A title of office (`chief`, `administrator`, `spokesman`): a person named right after an
    /// organisation's name and such a title acts and speaks for it (rule `title`: "NASA
    /// Administrator Bill Nelson praised…" is NASA's stance too; not "NASA astronaut Frank
    /// Rubio", whose words are his own).
    case office
    /// A verb of joining another in an act (`join`, `follow`): the one it names right before `in`
    /// and a gerund does that act; its subject, when the verb is negated, does the reverse (rule
    /// `declined`: "Japan did not follow ESA in suspending work with Roscosmos").
    case joining
    /// An adverb without the -ly ending (`also`, `later`, `already`): it may stand between a
    /// passive auxiliary and its participle, as one in -ly may ("Roscosmos was also cut off
    /// by the European Union": done to Roscosmos).
    case adverb
    /// A word that makes a person's role noun the one who took the office (`new`, `incoming`):
    /// "Yuri Borisov took over Roscosmos from Dmitry Rogozin. The new chief…" is Borisov, the
    /// previous sentence's subject, not the nearest person.
    case successor
    /// A verb whose infinitive after a form of *be* is done to the subject (`blame`): "Roscosmos
    /// was to blame for the delay" is blamed, as "was blamed" is (rule `passive-subject`), where
    /// "Russia is to leave the station" stays Russia's own act.
    case passiveInfinitive = "passive_infinitive"
    /// A courtesy title before a name (`mr`, `dr`): no word of a title of office, so "NASA
    /// Administrator Mr. Bill Nelson" is titled as "NASA Administrator Bill Nelson" is.
    case honorific

    /// `1 << (the case's index in allCases)`, spelt out: it is read for every token of every
    /// sentence with a mention (the index search took 3 % of a run's instructions).
    var bit: UInt64 {
      switch self {
      case .boundary: 1 << 0
      case .quote: 1 << 1
      case .contrast: 1 << 2
      case .subordinator: 1 << 3
      case .relative: 1 << 4
      case .coordinator: 1 << 5
      case .speech: 1 << 6
      case .passive: 1 << 7
      case .agentMarker: 1 << 8
      case .preposition: 1 << 9
      case .verb: 1 << 10
      case .verbSuffix: 1 << 11
      case .participleSuffix: 1 << 12
      case .firstPerson: 1 << 13
      case .source: 1 << 14
      case .desire: 1 << 15
      case .conditional: 1 << 16
      case .relational: 1 << 17
      case .patientMarker: 1 << 18
      case .participle: 1 << 19
      case .content: 1 << 20
      case .collective: 1 << 21
      case .infinitive: 1 << 22
      case .complement: 1 << 23
      case .reason: 1 << 24
      case .genitive: 1 << 25
      case .article: 1 << 26
      case .causative: 1 << 27
      case .quotative: 1 << 28
      case .complementizer: 1 << 29
      case .comitative: 1 << 30
      case .reciprocal: 1 << 31
      case .obligation: 1 << 32
      case .sourced: 1 << 33
      case .particle: 1 << 34
      case .locative: 1 << 35
      case .time: 1 << 36
      case .stative: 1 << 37
      case .refusal: 1 << 38
      case .office: 1 << 39
      case .joining: 1 << 40
      case .adverb: 1 << 41
      case .successor: 1 << 42
      case .passiveInfinitive: 1 << 43
      case .honorific: 1 << 44
      }
    }

    /// The markers that open a clause of their own (`subordinator`, `conditional`, `relative`,
    /// `contrast`, `boundary`): the phrase a negated or shifted hit governs ends at one, and a
    /// coordinated clause's verb comes before one.
    static let clauseOpeners =
      subordinator.bit | conditional.bit | relative.bit | contrast.bit | boundary.bit

    /// The bits of the kinds that are clause markers (not `isKeptApart`): what
    /// `TokenMarkers.kinds(of:)` keeps of a token's bits. Spelt out (`TokenMarkers.init`
    /// asserts it against `isKeptApart`): read at every token of a sentence with a mention.
    static let markerBits: UInt64 = 0xD_FFFF

    /// A word class kept apart from the clause markers: read only by its own test
    /// (`word(_:in:is:)`), never by `kinds(of:in:)`, so listing a word in one changes no rule
    /// that reads markers.
    var isKeptApart: Bool {
      switch self {
      case .relational, .content, .collective, .infinitive, .complement, .reason, .genitive,
        .article, .causative, .quotative, .complementizer, .comitative, .reciprocal,
        .obligation, .sourced, .particle, .locative, .time, .stative, .refusal, .office, .joining,
        .adverb, .successor, .passiveInfinitive, .honorific:
        true
      default: false
      }
    }
  }

  /// What a reference word is.
  public enum ReferenceKind: String, Sendable, Hashable, CaseIterable {
    /// `pronoun<TAB>word<TAB>TYPES[<TAB>FLAGS]` (FLAGS: `possessive`, `plural`, `nominative`,
    /// comma-separated).
    case pronoun
    /// `role<TAB>noun<TAB>TYPES`: a noun that, after a determiner, refers to an entity.
    case role
    /// `determiner<TAB>word`: words that open a role-noun phrase (`the`).
    case determiner
    /// `reporter<TAB>TYPES`: entities of these types report what is said (news agencies and
    /// outlets): as the speaker or source of a statement they take no stance.
    case reporter
    /// `inanimate<TAB>TYPES`: entities of these types take no stance (stations, vehicles): where
    /// the rules would make one an agent, it is only mentioned.
    case inanimate
    /// `person<TAB>TYPES`: entities of these types are people: what someone reports that one of
    /// them did or said ("Nelson said Rogozin had accused…") is that person's stance, not the
    /// reporter's.
    case person
  }

  /// A pronoun or role noun: the entity types it can refer to, whether it is possessive and
  /// whether plural.
  public struct ReferenceWord: Sendable, Hashable {
    public var kind: ReferenceKind
    public var types: [String]
    public var isPossessive: Bool
    /// `they`, `them`, `their`: a plural noun earlier in the sentence is their likelier
    /// antecedent, and a person counts only as one of two joined by `and`.
    public var isPlural: Bool = false
    /// `he`, `she`, `they`: the subject form, which no preposition governs ("In the message he
    /// mocked…").
    public var isNominative: Bool = false
    public var location: SourceLocation
  }

  /// Token key → marker kinds (bits of `MarkerKind.bit`).
  var markers: [String: UInt64] = [:]
  var known = KeyFilter()
  public internal(set) var verbSuffixes: [String] = []
  public internal(set) var participleSuffixes: [String] = []
  /// Token key → the word classes kept apart from the markers (bits of `MarkerKind.bit`).
  var classes: [String: UInt64] = [:]
  /// Token key → pronoun, role noun or determiner.
  public internal(set) var references: [String: ReferenceWord] = [:]
  /// Entity types whose speech is reporting (`reporter` lines).
  public internal(set) var reporterTypes: Set<String> = []
  /// Entity types that take no stance (`inanimate` lines).
  public internal(set) var inanimateTypes: Set<String> = []
  /// Entity types of people (`person` lines).
  public internal(set) var personTypes: Set<String> = []
  /// `markers` and `references` by vocabulary id, once bound (`bind(to:)`).
  private var kindsByID = IDTable<UInt64>()
  private var classesByID = IDTable<UInt64>()
  private var referencesByID = IDTable<ReferenceWord>()
  /// Each key's marker kinds, word classes and reference kind in one value (`packed(_:)`):
  /// what `TokenMarkers` reads once per token of a document.
  private var packedByID = IDTable<UInt64>()
  /// Each reference word's kind alone: `ReferenceKind` is a trivial value, a `ReferenceWord`
  /// retains its types and its source location at every copy out of its table.
  private var referenceKindsByID = IDTable<ReferenceKind>()
  /// Token key → where it was first defined, for lint's repeats.
  public internal(set) var markerLocations: [String: SourceLocation] = [:]

  /// The most tokens between a determiner and its role noun ("the Russian space agency").
  public static let roleNounGap = 3

  /// The most words between a phrasal verb and its particle ("pulled its launch teams out").
  public static let splitGap = 4

  /// Whether `key` is a word of class `kind` (one kept apart from the markers), by key.
  func isWord(_ key: String, _ kind: MarkerKind) -> Bool {
    (classes[key] ?? 0) & kind.bit != 0
  }

  /// The verb of a phrasal verb split by its object, for the particle at token `p`: the token
  /// `first` words before it, 2 ≤ `first` distance ≤ `splitGap` + 1, that `isVerb` accepts,
  /// with only words (or numbers) between, no clause marker or other particle among them, in
  /// `p`'s sentence ("pulled its technicians out", "turned NASA's offer down"). Inlined: a call
  /// specialised for the scorer's closure was handed a copy of the whole scorer and the
  /// document (every table's reference retained) at each particle. `isVerb` is given the
  /// document: a closure that captured it held a copy of it.
  @inline(__always)
  func splitVerb(
    endingAt p: Int, in doc: TokenizedText, isVerb: (Int, TokenizedText) -> Bool
  ) -> Int? {
    guard word(p, in: doc, is: .particle) else { return nil }
    let start = doc.sentences[doc.sentenceOfToken[p]].tokens.lowerBound
    var v = p - 1
    while v >= start && p - v <= Self.splitGap + 1 {
      let kind = doc.tokens[v].kind
      if p - v >= 2 && kind == .word && isVerb(v, doc) { return v }
      guard kind == .word || kind == .number,
        kinds(of: v, in: doc) & MarkerKind.clauseOpeners == 0, !word(v, in: doc, is: .particle)
      else { return nil }
      v -= 1
    }
    return nil
  }

  public init() {}

  @inline(__always)
  func kinds(_ key: String) -> UInt64 {
    known.mayContain(key) ? markers[key] ?? 0 : 0
  }

  /// `kinds(doc.tokens[t].key)`, by the token's id when `doc` has the bound vocabulary.
  /// Inlined: called, it made its callers copy the rules and the document to the stack
  /// (224 bytes) at every call.
  @inline(__always)
  func kinds(of t: Int, in doc: TokenizedText) -> UInt64 {
    kindsByID.value(for: t, in: doc) { kinds($0) } ?? 0
  }

  /// Whether tokens `p` and `p + 1` say when or where something was said: a preposition, then
  /// one capitalised word that is no marker, reference word or name ("said on Friday Russia
  /// was…", "said in Moscow he would…").
  func saysWhenOrWhere(_ p: Int, in doc: TokenizedText, inMention: [Bool]) -> Bool {
    p + 1 < doc.tokens.count && has(p, in: doc, .preposition) && doc.tokens[p + 1].kind == .word
      && !doc.startsLowercase(p + 1) && !inMention[p + 1] && kinds(of: p + 1, in: doc) == 0
      && referenceKind(of: p + 1, in: doc) == nil
  }

  @inline(__always)
  func has(_ t: Int, in doc: TokenizedText, _ kind: MarkerKind) -> Bool {
    assert(!kind.isKeptApart, "\(kind) is a word class: read it with word(_:in:is:)")
    return kinds(of: t, in: doc) & kind.bit != 0
  }

  /// Whether token `t` is a word of class `kind` (one kept apart from the markers:
  /// `MarkerKind.isKeptApart`), by the token's id when `doc` has the bound vocabulary.
  @inline(__always)
  func word(_ t: Int, in doc: TokenizedText, is kind: MarkerKind) -> Bool {
    assert(kind.isKeptApart, "\(kind) is a clause marker: read it with has(_:in:_:)")
    return (classesByID.value(for: t, in: doc) { classes[$0] } ?? 0) & kind.bit != 0
  }

  /// Whether token `t` is a noun of relation (a `relational` line).
  func isRelational(_ t: Int, in doc: TokenizedText) -> Bool { word(t, in: doc, is: .relational) }

  /// Whether token `t` is a noun for people who speak for an organisation (a `collective` line).
  func isCollective(_ t: Int, in doc: TokenizedText) -> Bool { word(t, in: doc, is: .collective) }

  /// Whether token `t` is a noun of content (a `content` line).
  func isContent(_ t: Int, in doc: TokenizedText) -> Bool { word(t, in: doc, is: .content) }

  /// Whether token `t` is an article (`article` lines) or a determiner (`determiner` lines):
  /// the word that opens a noun phrase before a name or a noun.
  @inline(__always)
  func isArticleOrDeterminer(_ t: Int, in doc: TokenizedText) -> Bool {
    word(t, in: doc, is: .article) || referenceKind(of: t, in: doc) == .determiner
  }

  /// `reference(doc.tokens[t].key)`, by the token's id when `doc` has the bound vocabulary.
  @inline(__always)
  func reference(of t: Int, in doc: TokenizedText) -> ReferenceWord? {
    referencesByID.value(for: t, in: doc, fallback: reference)
  }

  /// `reference(of: t, in: doc)?.kind`, without copying the `ReferenceWord` out of its table.
  @inline(__always)
  func referenceKind(of t: Int, in doc: TokenizedText) -> ReferenceKind? {
    referenceKindsByID.value(for: t, in: doc) { reference($0)?.kind }
  }

  /// The token keys of the markers and reference words (for the analyzer's `Vocabulary`).
  /// (A key may be listed more than once.)
  public var vocabularyKeys: [String] {
    markers.keys.sorted() + classes.keys.sorted() + references.keys.sorted()
  }

  /// Lets the `of:in:` look-ups read token ids of texts tokenized with `vocabulary`.
  public mutating func bind(to vocabulary: Vocabulary) {
    kindsByID = IDTable(vocabulary: vocabulary, keys: markers.keys) { key in
      let kinds = self.kinds(key)
      return kinds == 0 ? nil : kinds
    }
    referencesByID = IDTable(
      vocabulary: vocabulary, keys: references.keys, lookUp: reference)
    referenceKindsByID = IDTable(vocabulary: vocabulary, keys: references.keys) {
      self.reference($0)?.kind
    }
    classesByID = IDTable(vocabulary: vocabulary, keys: classes.keys) { self.classes[$0] }
    packedByID = IDTable(
      vocabulary: vocabulary, keys: Set(markers.keys).union(classes.keys).union(references.keys)
    ) { key in
      let packed = self.packed(key)
      return packed == 0 ? nil : packed
    }
  }

  /// The marker kinds and word classes of `key` (bits of `MarkerKind.bit`), with its reference
  /// kind's `TokenMarkers.code` in the top byte: all the tables say of one key.
  func packed(_ key: String) -> UInt64 {
    kinds(key) | (classes[key] ?? 0)
      | (reference(key).map { TokenMarkers.code(of: $0.kind) } ?? 0) << TokenMarkers.kindShift
  }

  /// `packed(doc.tokens[t].key)`, by the token's id when `doc` has the bound vocabulary.
  @inline(__always)
  func packed(of t: Int, in doc: TokenizedText) -> UInt64 {
    packedByID.value(for: t, in: doc) { packed($0) } ?? 0
  }

  /// Whether the table knows any marker (a run without `clauses.tsv` splits nothing).
  public var isEmpty: Bool { markers.isEmpty && references.isEmpty }

  // MARK: - Loading

  /// Loads `clauses.tsv`-style files (`kind<TAB>term`) and `references.tsv`-style files
  /// (`pronoun|role|determiner<TAB>word[<TAB>TYPES[<TAB>FLAGS]]`, `reporter|inanimate|person<TAB>TYPES`).
  public init(
    clauses: [(path: String, bytes: [UInt8])], references: [(path: String, bytes: [UInt8])],
    tokenizer: Tokenizer
  ) throws(StanceError) {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for (files, isReferences) in [(clauses, false), (references, true)] {
      for file in files {
        for line in LexiconLine.lines(of: file.bytes) {
          let at = SourceLocation(file: file.path, line: line.number)
          guard line.text != nil else { throw .invalidUTF8(at) }
          if isReferences {
            try addReference(fields: line.fields, at: at, session: session)
          } else {
            try addMarker(fields: line.fields, at: at, session: session)
          }
        }
      }
    }
  }

  /// Adds one content line of a clause-markers file: `kind<TAB>term`. The one place that
  /// knows the format; the loader and `pipeline lint` both call it. Returns the key.
  @discardableResult
  public mutating func addMarker(
    fields: [String], at: SourceLocation, session: TokenizeSession
  ) throws(StanceError) -> String {
    guard fields.count == 2 else {
      throw .fieldCount(at, expected: "2 tab-separated fields (kind, term)", found: fields.count)
    }
    guard let kind = MarkerKind(rawValue: fields[0]) else {
      throw .unknownKind(at, found: fields[0], valid: MarkerKind.allCases.map(\.rawValue))
    }
    guard !fields[1].isEmpty else { throw .emptyField(at, field: "term") }
    switch kind {
    case .verbSuffix, .participleSuffix:
      let suffix = fields[1].lowercased()
      guard suffix.allSatisfy(\.isLetter) else { throw .invalidSuffix(at, found: fields[1]) }
      if kind == .verbSuffix {
        verbSuffixes.append(suffix)
      } else {
        participleSuffixes.append(suffix)
      }
      return suffix
    case _ where kind.isKeptApart:
      let key = try Self.oneTokenKey(fields[1], at: at, session: session)
      classes[key, default: 0] |= kind.bit
      if markerLocations[key] == nil { markerLocations[key] = at }
      return key
    default:
      let key = try Self.oneTokenKey(fields[1], at: at, session: session)
      markers[key, default: 0] |= kind.bit
      known.insert(key)
      if markerLocations[key] == nil { markerLocations[key] = at }
      return key
    }
  }

  /// Adds one content line of a references file. The one place that knows the format.
  @discardableResult
  public mutating func addReference(
    fields: [String], at: SourceLocation, session: TokenizeSession
  ) throws(StanceError) -> String {
    guard let kind = ReferenceKind(rawValue: fields[0]) else {
      throw .unknownKind(at, found: fields[0], valid: ReferenceKind.allCases.map(\.rawValue))
    }
    let expected: ClosedRange<Int>
    switch kind {
    case .pronoun: expected = 3...4
    case .role: expected = 3...4
    case .determiner, .reporter, .inanimate, .person: expected = 2...2
    }
    guard expected.contains(fields.count) else {
      let description: String
      switch kind {
      case .pronoun: description = "3 or 4 tab-separated fields (pronoun, word, types, flags)"
      case .role: description = "3 or 4 tab-separated fields (role, noun, types, plural)"
      case .determiner: description = "2 tab-separated fields (determiner, word)"
      case .reporter: description = "2 tab-separated fields (reporter, types)"
      case .inanimate: description = "2 tab-separated fields (inanimate, types)"
      case .person: description = "2 tab-separated fields (person, types)"
      }
      throw .fieldCount(at, expected: description, found: fields.count)
    }
    if kind == .reporter || kind == .inanimate || kind == .person {
      let types = try Self.types(fields[1], at: at)
      switch kind {
      case .reporter: reporterTypes.formUnion(types)
      case .inanimate: inanimateTypes.formUnion(types)
      default: personTypes.formUnion(types)
      }
      return kind.rawValue + " " + types.joined(separator: ",")
    }
    guard !fields[1].isEmpty else { throw .emptyField(at, field: "word") }
    let key = try Self.oneTokenKey(fields[1], at: at, session: session)
    var types: [String] = []
    if fields.count >= 3 { types = try Self.types(fields[2], at: at) }
    var possessive = false
    var plural = false
    var nominative = false
    if fields.count == 4 {
      for flag in fields[3].split(separator: ",", omittingEmptySubsequences: false) {
        switch flag.trimmingSpaces() {
        // A role noun takes `plural` only: "the two agencies".
        case "plural": plural = true
        case "nominative" where kind == .pronoun: nominative = true
        case "possessive" where kind == .pronoun: possessive = true
        default:
          throw .invalidFlags(
            at, found: fields[3],
            allowed: kind == .pronoun ? ["possessive", "plural", "nominative"] : ["plural"])
        }
      }
    }
    if references[key] == nil {
      references[key] = ReferenceWord(
        kind: kind, types: types, isPossessive: possessive, isPlural: plural,
        isNominative: nominative, location: at)
      known.insert(key)
    }
    return key
  }

  /// A TYPES field: gazetteer types (capitals and `_`) separated by commas.
  static func types(_ field: String, at: SourceLocation) throws(StanceError) -> [String] {
    let types = field.split(separator: ",").map { String($0.trimmingSpaces()) }
    guard !types.isEmpty,
      types.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isUppercase || $0 == "_" } })
    else { throw .invalidTypes(at, found: field) }
    return types
  }

  /// The reference word with this key, if any.
  @inline(__always)
  func reference(_ key: String) -> ReferenceWord? {
    known.mayContain(key) ? references[key] : nil
  }

  static func oneTokenKey(_ term: String, at: SourceLocation, session: TokenizeSession)
    throws(StanceError) -> String
  {
    let keys: [String]
    do { keys = try session.keys(of: term) } catch { throw .tokenize(error) }
    guard keys.count == 1 else {
      throw .modifierTokens(at, term: term, tokens: keys.count, most: 1)
    }
    return keys[0]
  }
}
