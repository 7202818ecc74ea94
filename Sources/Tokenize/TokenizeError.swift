/// Errors of the Tokenize module.
public enum TokenizeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An ICU call failed.
  case icu(ICUError)
  /// The text is longer than ICU can take in one piece (2^31 - 1 UTF-16 units).
  case textTooLong(utf16Length: Int)
  /// No Snowball stemmer for a language code.
  case unknownStemLanguage(String, available: [String])
  /// Compiled tables (`ArchiveReader`) that end before the value at byte `offset`.
  case archiveTruncated(offset: Int)
  /// A value of compiled tables out of its range: `field` names what it is, `limit` the bound
  /// it must stay below.
  case archiveValueOutOfRange(offset: Int, field: String, found: Int, limit: Int)
  /// A string of compiled tables that is not UTF-8.
  case archiveInvalidText(offset: Int)

  public var description: String {
    switch self {
    case .icu(let error):
      return error.description
    case .textTooLong(let length):
      return "text too long: expected at most \(Int32.max) UTF-16 code units, found \(length)"
    case .unknownStemLanguage(let language, let available):
      return
        "expected a language with a Snowball stemmer (an ISO 639 code such as 'ru', 'de', 'en', or one of \(available.map { "'\($0)'" }.joined(separator: ", "))), found '\(language)'"
    case .archiveTruncated(let offset):
      return "compiled data ends early: expected more bytes at byte \(offset)"
    case .archiveValueOutOfRange(let offset, let field, let found, let limit):
      return
        "compiled data is corrupt at byte \(offset): expected \(field) below \(limit), found \(found)"
    case .archiveInvalidText(let offset):
      return "compiled data is corrupt at byte \(offset): expected UTF-8 text, found invalid bytes"
    }
  }
}
