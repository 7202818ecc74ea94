/// Which hits count for an entity: by the entity's role toward the hit, or by distance.
///
/// | policy | a hit counts for an entity that is … |
/// | --- | --- |
/// | `agent` | the agent of the hit: it does or says it (the entity's own stance) |
/// | `target` | the target of the hit: it is done to or said about the entity (the text's stance toward it) |
/// | `clause` | the agent or the target (any entity the hit's clause involves) |
/// | `sentence` | mentioned in the hit's sentence, whatever its role |
/// | `window:N` | mentioned within N tokens of the hit, whatever its role |
public enum AttributionPolicy: Sendable, Hashable, CustomStringConvertible {
  case agent
  case target
  case clause
  case sentence
  case window(Int)

  /// The policy names, for messages.
  public static let names = "agent, target, clause, sentence or window:N"

  /// Parses `agent`, `target`, `clause`, `sentence` or `window:N` (N ≥ 0).
  public init(parsing text: String) throws(StanceError) {
    switch text {
    case "agent": self = .agent
    case "target": self = .target
    case "clause": self = .clause
    case "sentence": self = .sentence
    default:
      guard text.hasPrefix("window:"), let n = Int(text.dropFirst("window:".count)), n >= 0,
        !text.dropFirst("window:".count).hasPrefix("+")
      else { throw .invalidPolicy(found: text) }
      self = .window(n)
    }
  }

  public var description: String {
    switch self {
    case .agent: return "agent"
    case .target: return "target"
    case .clause: return "clause"
    case .sentence: return "sentence"
    case .window(let n): return "window:\(n)"
    }
  }

  /// Whether the policy reads roles (`agent`, `target`, `clause`); `sentence` and `window:N`
  /// count mentions by where they stand.
  package var readsRoles: Bool {
    switch self {
    case .agent, .target, .clause: return true
    case .sentence, .window: return false
    }
  }

  /// The share of a hit that counts for an entity whose role toward it `rule` decided: 1 or 0,
  /// except under `target` (the text's stance toward the entity), where a hit done to or said
  /// about the entity counts in full and one it does, says or is only mentioned beside counts
  /// `modifiers`' `target_agent`, `target_speaker` and `target_mentioned` shares; one done to
  /// it or done by it with more than `target_reach` tokens between (`distance`) counts at most
  /// `target_mentioned`; a `positive` one done to it or only mentioned beside it, the
  /// `target_positive` factor of that; a place or time (`circumstance`) takes none. `sentence`
  /// and `window:N` do not look at roles (the caller checks distance for `window:N`).
  public func share(
    _ rule: RoleRule, positive: Bool, distance: Int, _ modifiers: Modifiers
  ) -> Double {
    switch self {
    case .agent: return rule.role == .agent ? 1 : 0
    case .clause: return rule.role == .mentioned ? 0 : 1
    case .sentence, .window: return 1
    case .target:
      switch rule {
      case .otherSentence, .circumstance: return 0
      case .speaker, .quoteSpeaker: return modifiers.targetSpeaker
      default:
        var share: Double
        switch rule.role {
        case .target: share = 1
        case .agent: share = modifiers.targetAgent
        case .mentioned: share = modifiers.targetMentioned
        }
        if rule.role != .mentioned && distance > modifiers.targetReach {
          share = min(share, modifiers.targetMentioned)
        }
        return positive && rule.role != .agent ? share * modifiers.targetPositive : share
      }
    }
  }
}

/// The attribution policy of every dimension: a command-line setting for one dimension wins,
/// then one for all dimensions, then the lexicon file's declaration (`@attribution` line),
/// then `fallback`.
public struct AttributionPolicies: Sendable, Hashable, CustomStringConvertible {
  /// `--attribution POLICY`: every dimension.
  public var all: AttributionPolicy?
  /// `--attribution DIM=POLICY`.
  public var byDimension: [String: AttributionPolicy] = [:]
  /// Declared by lexicon files.
  public var declared: [String: AttributionPolicy] = [:]
  /// Dimensions nobody set.
  public var fallback: AttributionPolicy = Self.defaultPolicy

  /// The policy of a dimension whose lexicon declares none and that no option sets: how the
  /// text treats the entity, the reading a general sentiment lexicon (VADER, AFINN) supports.
  public static let defaultPolicy = AttributionPolicy.target

  public init(all: AttributionPolicy? = nil, byDimension: [String: AttributionPolicy] = [:]) {
    self.all = all
    self.byDimension = byDimension
  }

  /// Command-line settings in order (a later one for the same dimensions wins).
  public init(settings: [AttributionSetting]) {
    for setting in settings {
      if let dimension = setting.dimension {
        byDimension[dimension] = setting.policy
      } else {
        all = setting.policy
      }
    }
  }

  /// Parses command-line settings: each `POLICY` (every dimension) or `DIM=POLICY`.
  public init(parsing settings: [String]) throws(StanceError) {
    var parsed: [AttributionSetting] = []
    for setting in settings { parsed.append(try AttributionSetting(parsing: setting)) }
    self.init(settings: parsed)
  }

  public func policy(for dimension: String) -> AttributionPolicy {
    byDimension[dimension] ?? all ?? declared[dimension] ?? fallback
  }

  /// `cooperation=agent` for each dimension named, or the policy of all.
  public func description(dimensions: [String]) -> String {
    dimensions.map { "\($0)=\(policy(for: $0))" }.joined(separator: ", ")
  }

  public var description: String {
    var parts: [String] = []
    if let all { parts.append(all.description) }
    for (dimension, policy) in byDimension.sorted(by: { $0.key < $1.key }) {
      parts.append("\(dimension)=\(policy)")
    }
    return parts.isEmpty ? "default" : parts.joined(separator: ", ")
  }
}

/// One `--attribution` value: a policy for every dimension, or `DIM=POLICY` for one.
public struct AttributionSetting: Sendable, Hashable, CustomStringConvertible {
  public var dimension: String?
  public var policy: AttributionPolicy

  public init(dimension: String? = nil, policy: AttributionPolicy) {
    self.dimension = dimension
    self.policy = policy
  }

  /// Parses `POLICY` or `DIM=POLICY`.
  public init(parsing text: String) throws(StanceError) {
    if let equals = text.firstIndex(of: "=") {
      let dimension = String(text[..<equals])
      guard Lexicon.isValidDimension(dimension) else { throw .invalidPolicy(found: text) }
      self.init(
        dimension: dimension,
        policy: try AttributionPolicy(parsing: String(text[text.index(after: equals)...])))
    } else {
      self.init(policy: try AttributionPolicy(parsing: text))
    }
  }

  public var description: String { dimension.map { "\($0)=\(policy)" } ?? policy.description }
}

/// What an entity is to a lexicon hit in its sentence.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
  /// The entity does or says it.
  case agent
  /// It is done to or said about the entity.
  case target
  /// In the sentence, but neither.
  case mentioned

  /// agent < target < mentioned: the order in which an entity's mentions are preferred.
  public static func < (a: Role, b: Role) -> Bool {
    order.firstIndex(of: a)! < order.firstIndex(of: b)!
  }

  /// `allCases`, made once: the property makes a new array at every call (two a comparison).
  private static let order = allCases
}

/// The rule that decided a role (documented in lexicons/README.md, "Roles").
public enum RoleRule: String, Sendable, Hashable, CaseIterable {
  /// agent: in the subject of the hit's clause, before the hit ("Rogozin threatened…",
  /// "Rogozin, the head of Roscosmos, threatened…", "Roscosmos chief Rogozin threatened…").
  case subject
  /// agent: the clause has no subject of its own and continues one that has ("…praised the
  /// partnership but warned…", "…, who took over…").
  case sharedSubject = "shared-subject"
  /// agent: the possessor right before the hit ("Rogozin's threat", "its withdrawal").
  case possessor
  /// agent: after `by` following a passive hit ("…was criticised by Rogozin").
  case passiveAgent = "passive-agent"
  /// agent: the speaker of reported speech ("Borisov said Russia would leave").
  case speaker
  /// agent: the speaker of a quotation ("'We will leave,' Borisov said").
  case quoteSpeaker = "quote-speaker"
  /// agent: named right after the `from` of a noun whose `from` names who does it (a `sourced`
  /// noun: "drew sharp criticism from Rogozin", "with help from Glavkosmos").
  case source
  /// agent: named after `with` or `between` (a `reciprocal` preposition) after a `reciprocal`
  /// word of the hit's phrase, when the hit is positive and its clause has a subject: both
  /// parties do it ("Roscosmos signed a seat-swap agreement with NASA"). A negative hit is done
  /// to it (`object`: "suspended its agreement with NASA").
  case partner
  /// agent: an organisation named right before a person with a title of office between (an
  /// `office` word: "NASA Administrator Bill Nelson", "Roscosmos chief Yuri Borisov") when the
  /// person is an agent of the hit: the person acts and speaks for it.
  case title
  /// agent: the subject of a negated verb of joining (a `joining` word) whose object does the
  /// act a gerund after `in` names ("Japan did not follow ESA in suspending work with
  /// Roscosmos"): the act counts for it reversed (×-1; the object is the act's `partner`).
  case declined
  /// target: the subject of a passive hit ("NASA was criticised").
  case passiveSubject = "passive-subject"
  /// target: the subject of a form of *be* whose predicate names it a partner ("NASA has been a
  /// reliable partner", "India is one of our most reliable partners"): described, not acting.
  case described
  /// target: after the hit in its clause ("blamed NASA", "sanctions against Roscosmos").
  case object
  /// target: after the clause's verb and before the hit ("accused the US of trying to wreck…").
  case predicate
  /// mentioned: the speaker or source of the statement is a news agency or outlet (a type of
  /// the `reporter` lines of `references.tsv`): "Reuters reported that…", "according to
  /// Interfax". Reporting is not taking a stance.
  case reporter
  /// mentioned: the source of `according to` where the statement names another entity as its
  /// subject ("According to Roscosmos, NASA has asked to extend the seat swap"): it relays what
  /// that one does.
  case relayed
  /// mentioned: the rules would make it an agent, but its type takes no stance (an `inanimate`
  /// type of `references.tsv`: stations, vehicles): "The ISS will keep flying until 2030".
  case inanimate
  /// mentioned: the subject of a wish or demand of someone else ("Medvedev demanded that
  /// Russia sever its ties", "he hoped NASA crews would keep flying"): the wisher is the agent.
  case wishedSubject = "wished-subject"
  /// mentioned: the subject of a condition ("if Russia stopped providing thrust", "unless
  /// Britain sold its stake"): what might happen is no one's stance.
  case hypothetical
  /// mentioned: where or when something happens: a name right after a `locative` preposition
  /// that the rules do not make an agent ("talks in Moscow", "the crew at Baikonur"), or one
  /// that begins or ends with a `time` word ("on Monday", "Monday's launch").
  case circumstance
  /// mentioned: before the hit in its clause, but not its subject ("In Washington, …").
  case nonSubject = "non-subject"
  /// mentioned: in another clause of the sentence.
  case otherClause = "other-clause"
  /// mentioned: outside the hit's sentence (only `window:N` counts these).
  case otherSentence = "other-sentence"

  /// Whether this rule wins over `other` for an entity with several mentions in a sentence:
  /// the stronger role (agent, target, mentioned), then the rule listed first.
  public func isPreferred(to other: RoleRule) -> Bool {
    if role != other.role { return role < other.role }
    return Self.order.firstIndex(of: self)! < Self.order.firstIndex(of: other)!
  }

  /// `allCases`, made once: the property makes a new array at every call (two a comparison,
  /// 6,330 arrays made and freed on the benchmark slice).
  private static let order = allCases

  public var role: Role {
    switch self {
    case .subject, .sharedSubject, .possessor, .passiveAgent, .speaker, .quoteSpeaker, .source,
      .partner, .title, .declined:
      return .agent
    case .passiveSubject, .described, .object, .predicate: return .target
    case .reporter, .relayed, .inanimate, .wishedSubject, .hypothetical, .circumstance, .nonSubject,
      .otherClause, .otherSentence:
      return .mentioned
    }
  }
}

/// How a mention of an entity was found: by the gazetteer, or as a reference to an earlier
/// mention (coreference).
public enum MentionVia: String, Sendable, Hashable {
  /// A pronoun (`he`, `its`, …) of `lexicons/attribution/references.tsv`.
  case pronoun
  /// A role noun ("the agency", "the Roscosmos chief") of `references.tsv`.
  case roleNoun = "role-noun"
}

/// A reference to an entity found by coreference: the pronoun or role noun (its span slices
/// to it), the entity, and the mention it was resolved to.
public struct Reference: Sendable, Hashable {
  public var entity: Int
  public var tokens: Range<Int>
  public var start: Int
  public var end: Int
  public var sentence: Int
  public var via: MentionVia
  /// The mention it refers to: an index into the gazetteer mentions.
  public var antecedent: Int
  /// Whether it is possessive (`his`, `its`, `their`, "the agency's").
  public var isPossessive: Bool
}

/// Where an entity stands toward one hit: its role, the rule that decided it, and the mention
/// (or reference) it was decided through.
public struct Attribution: Sendable, Hashable {
  // Index and mention stored in 32 bits: 24 bytes instead of 40 (one per entity and hit of its
  // sentences, the most numerous record of an entity-dense document).
  private var hit32: Int32
  private var mention32: Int32
  private var isReference: Bool
  public var role: Role
  public var rule: RoleRule

  public init(hit: Int, role: Role, rule: RoleRule, mention: MentionRef, share: Double) {
    hit32 = Int32(hit)
    self.role = role
    self.rule = rule
    (mention32, isReference) = (0, false)
    self.share = share
    self.mention = mention
  }

  /// Index into `StanceAnalysis.hits`.
  public var hit: Int {
    get { Int(hit32) }
    set { hit32 = Int32(newValue) }
  }
  /// The mention: an index into the gazetteer mentions, or into `StanceAnalysis.references`.
  public var mention: MentionRef {
    get { isReference ? .reference(Int(mention32)) : .mention(Int(mention32)) }
    set {
      switch newValue {
      case .mention(let m): (mention32, isReference) = (Int32(m), false)
      case .reference(let r): (mention32, isReference) = (Int32(r), true)
      }
    }
  }
  /// The share of the hit's weight that counts for the entity under its dimension's policy:
  /// 1 in full, 0 not at all (a fraction only under `target`); for the owner of what another
  /// refuses, the multiple that gives back the hit's base weight ("rejected Roscosmos's offer":
  /// -1 for Roscosmos).
  public var share: Double
  /// Whether the hit counts for the entity at all.
  public var counted: Bool { share != 0 }
}

/// A mention of either kind.
public enum MentionRef: Sendable, Hashable {
  case mention(Int)
  case reference(Int)

  /// Whether it is a gazetteer mention (not a reference found by coreference).
  public var isMention: Bool {
    if case .mention = self { return true }
    return false
  }
}
