import Tokenize

/// Words that change the weight of nearby lexicon hits, and the constants of those changes.
///
/// The defaults follow VADER (Hutto & Gilbert 2014): a negator within 3 words before a hit
/// multiplies its weight by -0.74; a booster or dampener adds ±0.293 to the magnitude of the
/// next hit; after a contrast word (`but`) hits weigh ×1.5, before it ×0.5. A polarity shifter
/// ("ended", "suspended", "lifted") reverses a term it governs within `shifterWindow` words
/// after it (×`shifterScalar`): `shifter` any term, `shifter_positive` only positive terms
/// ("suspended the partnership"), `shifter_negative` only negative ones ("lifted the sanctions").
public struct Modifiers: Sendable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case negator, booster, dampener, contrast
    case shifter
    case positiveShifter = "shifter_positive"
    case negativeShifter = "shifter_negative"

    /// Whether a word of this kind reverses a term of this base weight.
    public func shifts(_ base: Double) -> Bool {
      switch self {
      case .shifter: return base != 0
      case .positiveShifter: return base > 0
      case .negativeShifter: return base < 0
      default: return false
      }
    }

    public var isShifter: Bool { self == .shifter || self == .positiveShifter || self == .negativeShifter }
  }

  /// One modifier word. `value` overrides the kind's constant for this word.
  public struct Word: Sendable, Hashable {
    public var kind: Kind
    public var value: Double?
    public var location: SourceLocation?
  }

  /// Token key → modifier word.
  public private(set) var words: [String: Word] = [:]
  /// Keys of `words`, for a cheap "certainly not" before the look-up.
  private var known = KeyFilter()
  public var negationScalar = -0.74
  /// Hits within this many words after a negator or booster are affected.
  public var negationWindow = 3
  public var contrastBefore = 0.5
  public var contrastAfter = 1.5
  /// A shifted term's weight is multiplied by this.
  public var shifterScalar = -1.0
  /// A shifter governs terms that start within this many words after it.
  public var shifterWindow = 3

  public static let boosterDelta = 0.293
  public static let parameterNames = [
    "negation_scalar", "negation_window", "contrast_before", "contrast_after", "shifter_scalar",
    "shifter_window",
  ]

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

  /// The modifier word with this token key, if any.
  @inline(__always)
  public func word(forKey key: String) -> Word? {
    known.mayContain(key) ? words[key] : nil
  }

  /// The value a modifier word applies: a factor for negators, a magnitude delta for boosters
  /// and dampeners (contrast factors depend on the side of the hit).
  public func value(of word: Word) -> Double {
    switch word.kind {
    case .negator: return word.value ?? negationScalar
    case .booster: return word.value ?? Self.boosterDelta
    case .dampener: return word.value ?? -Self.boosterDelta
    case .contrast: return word.value ?? 1
    case .shifter, .positiveShifter, .negativeShifter: return word.value ?? shifterScalar
    }
  }
}
