import Tokenize

/// Errors of the Stance module. Wording lives in `description`; cases carry the data.
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
  case unknownModifierKind(SourceLocation, found: String)
  case unknownParameter(SourceLocation, found: String, valid: [String])
  case modifierNotOneToken(SourceLocation, term: String, tokens: Int)
  case invalidUTF8(SourceLocation)
  case invalidPolicy(found: String)
  case unknownKind(SourceLocation, found: String, valid: [String])
  case invalidSuffix(SourceLocation, found: String)
  case invalidTypes(SourceLocation, found: String)
  case expectedPossessive(SourceLocation, found: String)
  /// An `@attribution` line of a lexicon whose policy is not one of the policies.
  case invalidDeclaration(SourceLocation, found: String)
  case tokenize(TokenizeError)

  /// Which field an `invalidTypes` / `expectedPossessive` error is about (for lint columns).
  public var isTypes: Bool { if case .invalidTypes = self { return true } else { return false } }
  public var isPossessive: Bool { if case .expectedPossessive = self { return true } else { return false } }

  public var description: String {
    switch self {
    case .fieldCount(let at, let expected, let found):
      return "\(at): expected \(expected), found \(found) field\(found == 1 ? "" : "s")"
    case .emptyField(let at, let field):
      return "\(at): expected a non-empty \(field), found an empty field"
    case .invalidWeight(let at, let found):
      return "\(at): expected a number, found '\(found)'"
    case .weightOutOfRange(let at, let found, let range):
      return "\(at): expected a weight from \(range.lowerBound) to \(range.upperBound), found \(found)"
    case .invalidInteger(let at, let found):
      return "\(at): expected an integer, found '\(found)'"
    case .parameterOutOfRange(let at, let parameter, let found):
      let whole = parameter.isWholeNumber ? "a whole number" : "a number"
      return "\(at): expected \(parameter.rawValue) to be \(whole) from \(Self.bounds(parameter.range)), found '\(found)'"
    case .modifierValueOutOfRange(let at, let kind, let found):
      return "\(at): expected a \(kind.rawValue) value from \(Self.bounds(Modifiers.valueRange(of: kind))), found '\(found)'"
    case .invalidDimension(let at, let found):
      return "\(at): expected a dimension name of letters, digits, '_' or '-', found '\(found)'"
    case .misplacedWildcard(let at, let term):
      return "\(at): expected '*' only at the end of the last word, found '\(term)'"
    case .termHasNoTokens(let at, let term):
      return "\(at): expected a term with at least one token, found '\(term)'"
    case .unknownModifierKind(let at, let found):
      return "\(at): expected kind negator, booster, dampener, contrast, shifter, shifter_positive, shifter_negative or param, found '\(found)'"
    case .unknownParameter(let at, let found, let valid):
      return "\(at): expected a parameter (\(valid.joined(separator: ", "))), found '\(found)'"
    case .modifierNotOneToken(let at, let term, let tokens):
      return "\(at): expected a modifier of one token, found '\(term)' (\(tokens) tokens)"
    case .invalidUTF8(let at):
      return "\(at): expected UTF-8 text, found invalid bytes"
    case .invalidPolicy(let found):
      return "expected an attribution policy (\(AttributionPolicy.names), or DIM=POLICY) with N ≥ 0, found '\(found)'"
    case .unknownKind(let at, let found, let valid):
      return "\(at): expected kind \(valid.joined(separator: ", ")), found '\(found)'"
    case .invalidSuffix(let at, let found):
      return "\(at): expected a suffix of letters, found '\(found)'"
    case .invalidTypes(let at, let found):
      return "\(at): expected entity types in capitals separated by commas (PERSON,ORG), found '\(found)'"
    case .expectedPossessive(let at, let found):
      return "\(at): expected 'possessive' or nothing in the fourth field, found '\(found)'"
    case .invalidDeclaration(let at, let found):
      return "\(at): expected '@attribution<TAB>POLICY[<TAB>dimension]' with POLICY one of \(AttributionPolicy.names), found '\(found)'"
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
