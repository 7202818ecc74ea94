/// Errors of the Tokenize module.
public enum TokenizeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An ICU call failed.
  case icu(ICUError)
  /// The text is longer than ICU can take in one piece (2^31 - 1 UTF-16 units).
  case textTooLong(utf16Length: Int)
  /// No Snowball stemmer for a language code.
  case unknownStemLanguage(String, available: [String])

  public var description: String {
    switch self {
    case .icu(let error):
      return error.description
    case .textTooLong(let length):
      return "text too long: expected at most \(Int32.max) UTF-16 code units, found \(length)"
    case .unknownStemLanguage(let language, let available):
      return
        "expected a language with a Snowball stemmer (an ISO 639 code such as 'ru', 'de', 'en', or one of \(available.map { "'\($0)'" }.joined(separator: ", "))), found '\(language)'"
    }
  }
}
