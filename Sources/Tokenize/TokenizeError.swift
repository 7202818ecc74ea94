/// Errors of the Tokenize module.
public enum TokenizeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An ICU call failed.
  case icu(ICUError)
  /// The text is longer than ICU can take in one piece (2^31 - 1 UTF-16 units).
  case textTooLong(utf16Length: Int)

  public var description: String {
    switch self {
    case .icu(let error):
      return error.description
    case .textTooLong(let length):
      return "text too long: expected at most \(Int32.max) UTF-16 code units, found \(length)"
    }
  }
}
