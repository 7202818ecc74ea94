/// A spaCy lexical flag (`IS_DIGIT` …), computed from a token's surface as spaCy computes it
/// (Python's `str.isdigit`, `isalpha`, `istitle`, `isupper`, `islower`; `IS_PUNCT`: every
/// character in a Unicode punctuation category).
public enum TokenFlag: UInt8, Sendable, Hashable, CaseIterable {
  case digit, alpha, punct, title, upper, lower

  /// The spaCy attribute name (`IS_DIGIT`).
  public var attribute: String {
    switch self {
    case .digit: return "IS_DIGIT"
    case .alpha: return "IS_ALPHA"
    case .punct: return "IS_PUNCT"
    case .title: return "IS_TITLE"
    case .upper: return "IS_UPPER"
    case .lower: return "IS_LOWER"
    }
  }

  /// The flag of an attribute name (upper case), or nil.
  public init?(attribute: String) {
    guard let flag = Self.allCases.first(where: { $0.attribute == attribute }) else { return nil }
    self = flag
  }

  var bit: UInt8 { 1 << rawValue }

  /// Whether `surface` has the flag.
  public func holds(for surface: String) -> Bool {
    let scalars = surface.unicodeScalars
    guard !scalars.isEmpty else { return false }
    switch self {
    case .digit:
      return scalars.allSatisfy {
        $0.properties.numericType == .decimal || $0.properties.numericType == .digit
      }
    case .alpha:
      return scalars.allSatisfy { Self.letters.contains($0.properties.generalCategory) }
    case .punct:
      return scalars.allSatisfy { Self.punctuation.contains($0.properties.generalCategory) }
    case .upper:
      return scalars.contains { Self.isCased($0) } && !scalars.contains { Self.isLower($0) }
    case .lower:
      return scalars.contains { Self.isCased($0) } && !scalars.contains { Self.isUpper($0) }
    case .title:
      // Python's istitle: an upper- or titlecase letter only after an uncased character, a
      // lowercase letter only after a cased one, and at least one cased letter.
      var previousCased = false
      var sawCased = false
      for scalar in scalars {
        if Self.isUpper(scalar) {
          if previousCased { return false }
          previousCased = true
          sawCased = true
        } else if Self.isLower(scalar) {
          if !previousCased { return false }
          previousCased = true
          sawCased = true
        } else {
          previousCased = false
        }
      }
      return sawCased
    }
  }

  private static let letters: Set<Unicode.GeneralCategory> = [
    .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
  ]

  private static let punctuation: Set<Unicode.GeneralCategory> = [
    .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
    .initialPunctuation, .finalPunctuation, .otherPunctuation,
  ]

  private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
    let category = scalar.properties.generalCategory
    return category == .uppercaseLetter || category == .titlecaseLetter
  }

  private static func isLower(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .lowercaseLetter
  }

  private static func isCased(_ scalar: Unicode.Scalar) -> Bool {
    isUpper(scalar) || isLower(scalar)
  }
}

/// What one token of a spaCy token pattern asks of a text token beyond its key: the surface
/// as written (`ORTH`/`TEXT`), lexical flags, excluded values (`NOT_IN`, `OP: "!"`). A token
/// with `anyKey` has no key to look up (only flags or exclusions): such patterns are matched
/// token by token instead of through the phrase table.
public struct TokenTest: Sendable, Hashable {
  /// The surface the token must have (case-sensitive), or nil.
  public var surface: String?
  /// Flags that must hold (bit `TokenFlag.rawValue`).
  public var required: UInt8 = 0
  /// Flags that must not hold.
  public var forbidden: UInt8 = 0
  /// Surfaces the token must not have (`ORTH`/`TEXT` with `NOT_IN` or `OP: "!"`).
  public var excludedSurfaces: Set<String> = []
  /// Keys the token must not have (`LOWER` with `NOT_IN` or `OP: "!"`).
  public var excludedKeys: Set<String> = []
  /// The token is matched by the tests alone, whatever its key.
  public var anyKey = false

  public init() {}

  /// Whether a token with this key and surface passes.
  public func passes(key: String, surface written: String) -> Bool {
    if let surface, surface != written { return false }
    if !excludedKeys.isEmpty && excludedKeys.contains(key) { return false }
    if !excludedSurfaces.isEmpty && excludedSurfaces.contains(written) { return false }
    guard required | forbidden != 0 else { return true }
    for flag in TokenFlag.allCases where (required | forbidden) & flag.bit != 0 {
      if flag.holds(for: written) != (required & flag.bit != 0) { return false }
    }
    return true
  }

  /// Whether the test asks nothing beyond the key.
  public var isTrivial: Bool {
    surface == nil && required == 0 && forbidden == 0 && excludedSurfaces.isEmpty
      && excludedKeys.isEmpty && !anyKey
  }

  /// How an alias shows a token matched by tests alone: `{IS_DIGIT}`, `{!chief}`.
  var placeholder: String {
    var parts: [String] = []
    for flag in TokenFlag.allCases {
      if required & flag.bit != 0 { parts.append(flag.attribute) }
      if forbidden & flag.bit != 0 { parts.append("!" + flag.attribute) }
    }
    parts += (excludedSurfaces.sorted() + excludedKeys.sorted()).map { "!" + $0 }
    return "{" + (parts.isEmpty ? "*" : parts.joined(separator: ",")) + "}"
  }
}
