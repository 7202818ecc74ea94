import Tokenize

/// Errors of the Stance module. Cases carry the data; the location is kept apart (`location`)
/// from the wording (`message`, one switch).
public enum StanceError: Error, Sendable, Equatable, CustomStringConvertible {
  case fieldCount(SourceLocation, expected: String, found: Int)
  case emptyField(SourceLocation, field: String)
  case invalidWeight(SourceLocation, found: String)
  case weightOutOfRange(SourceLocation, found: Double, range: ClosedRange<Double>)
  case invalidInteger(SourceLocation, found: String)
  case parameterOutOfRange(SourceLocation, parameter: Modifiers.Parameter, found: String)
  case modifierValueOutOfRange(SourceLocation, kind: Modifiers.Kind, found: String)
  case invalidDimension(SourceLocation, found: String)
  case misplacedWildcard(SourceLocation, term: String)
  case termHasNoTokens(SourceLocation, term: String)
  /// A term of more tokens than `PhraseMatcher.maxPhraseTokens`.
  case termTooLong(SourceLocation, term: String, tokens: Int)
  case unknownModifierKind(SourceLocation, found: String)
  case unknownParameter(SourceLocation, found: String, valid: [String])
  case modifierTokens(SourceLocation, term: String, tokens: Int, most: Int)
  case invalidUTF8(SourceLocation)
  case invalidPolicy(found: String)
  case unknownKind(SourceLocation, found: String, valid: [String])
  case invalidSuffix(SourceLocation, found: String)
  case invalidTypes(SourceLocation, found: String)
  case invalidFlags(SourceLocation, found: String, allowed: [String])
  /// An `@attribution` line of a lexicon whose policy is not one of the policies.
  case invalidDeclaration(SourceLocation, found: String)
  case tokenize(TokenizeError)

  /// Which field an `invalidTypes` / `invalidFlags` error is about (for lint columns).
  public var isTypes: Bool { if case .invalidTypes = self { return true } else { return false } }
  public var isFlags: Bool {
    if case .invalidFlags = self { return true } else { return false }
  }

  /// `FILE:LINE: message`, or the message alone for errors without a line.
  public var description: String {
    location.map { "\($0): \(message)" } ?? message
  }

  /// The line the error is about, if any.
  public var location: SourceLocation? {
    switch self {
    case .fieldCount(let at, _, _),
      .emptyField(let at, _),
      .invalidWeight(let at, _),
      .weightOutOfRange(let at, _, _),
      .invalidInteger(let at, _),
      .parameterOutOfRange(let at, _, _),
      .modifierValueOutOfRange(let at, _, _),
      .invalidDimension(let at, _),
      .misplacedWildcard(let at, _),
      .termHasNoTokens(let at, _),
      .termTooLong(let at, _, _),
      .unknownModifierKind(let at, _),
      .unknownParameter(let at, _, _),
      .modifierTokens(let at, _, _, _),
      .invalidUTF8(let at),
      .unknownKind(let at, _, _),
      .invalidSuffix(let at, _),
      .invalidTypes(let at, _),
      .invalidFlags(let at, _, _),
      .invalidDeclaration(let at, _):
      return at
    case .invalidPolicy, .tokenize:
      return nil
    }
  }

  /// What went wrong, without the location.
  public var message: String {
    switch self {
    case .fieldCount(_, let expected, let found):
      return "expected \(expected), found \(found) field\(found == 1 ? "" : "s")"
    case .emptyField(_, let field):
      return "expected a non-empty \(field), found an empty field"
    case .invalidWeight(_, let found):
      return "expected a number, found '\(found)'"
    case .weightOutOfRange(_, let found, let range):
      return "expected a weight from \(range.lowerBound) to \(range.upperBound), found \(found)"
    case .invalidInteger(_, let found):
      return "expected an integer, found '\(found)'"
    case .parameterOutOfRange(_, let parameter, let found):
      let whole = parameter.isWholeNumber ? "a whole number" : "a number"
      return
        "expected \(parameter.rawValue) to be \(whole) from \(Self.bounds(parameter.range)), found '\(found)'"
    case .modifierValueOutOfRange(_, let kind, let found):
      return
        "expected a \(kind.rawValue) value from \(Self.bounds(Modifiers.valueRange(of: kind))), found '\(found)'"
    case .invalidDimension(_, let found):
      return "expected a dimension name of letters, digits, '_' or '-', found '\(found)'"
    case .misplacedWildcard(_, let term):
      return "expected '*' only at the end of the last word, found '\(term)'"
    case .termHasNoTokens(_, let term):
      return "expected a term with at least one token, found '\(term)'"
    case .termTooLong(_, let term, let tokens):
      return
        "expected a term of at most \(PhraseMatcher<Int>.maxPhraseTokens) tokens, found \(tokens) tokens ('\(abbreviated(term))')"
    case .unknownModifierKind(_, let found):
      return
        "expected kind negator, booster, dampener, contrast, shifter, shifter_positive, shifter_negative, attitude, concession or param, found '\(found)'"
    case .unknownParameter(_, let found, let valid):
      return "expected a parameter (\(valid.joined(separator: ", "))), found '\(found)'"
    case .modifierTokens(_, let term, let tokens, let most):
      return most == 1
        ? "expected one token, found '\(term)' (\(tokens) tokens)"
        : "expected a modifier of 1 to \(most) tokens, found '\(term)' (\(tokens) tokens)"
    case .invalidUTF8:
      return "expected UTF-8 text, found invalid bytes"
    case .invalidPolicy(let found):
      return
        "expected an attribution policy (\(AttributionPolicy.names), or DIM=POLICY) with N ≥ 0, found '\(found)'"
    case .unknownKind(_, let found, let valid):
      return "expected kind \(valid.joined(separator: ", ")), found '\(found)'"
    case .invalidSuffix(_, let found):
      return "expected a suffix of letters, found '\(found)'"
    case .invalidTypes(_, let found):
      return "expected entity types in capitals separated by commas (PERSON,ORG), found '\(found)'"
    case .invalidFlags(_, let found, let allowed):
      let listed = allowed.map { "'\($0)'" }.joined(separator: ", ")
      return
        "expected \(listed)\(allowed.count > 1 ? " (comma-separated)" : "") or nothing in the fourth field, found '\(found)'"
    case .invalidDeclaration(_, let found):
      return
        "expected '@attribution<TAB>POLICY[<TAB>dimension]' with POLICY one of \(AttributionPolicy.names), found '\(found)'"
    case .tokenize(let error):
      return error.description
    }
  }

  /// `-10 to 10` (whole bounds without a fraction).
  private static func bounds(_ range: ClosedRange<Double>) -> String {
    func number(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
    return "\(number(range.lowerBound)) to \(number(range.upperBound))"
  }
}
