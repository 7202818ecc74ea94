import Tokenize

/// Errors of the analyst commands (`explain`, `eval`, `diff`). Cases carry the data; all
/// wording lives in `description`. Every one of them stops the command before it prints
/// anything on standard output (exit status 2).
public enum AnalystError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A gold file line that cannot be read: `FILE:LINE: expected …, found …`.
  case gold(SourceLocation, String)
  /// `explain --id ID` named a document the inputs do not hold.
  case documentNotFound(id: String, documents: Int)
  /// `explain` without `--id` over inputs holding other than one document.
  case notOneDocument(found: Int)
  /// A `diff` side that is neither a lexicons folder nor a list of stance files.
  case invalidSide(option: String, reason: String)

  public var description: String {
    switch self {
    case .gold(let at, let message):
      return "\(at): \(message)"
    case .documentNotFound(let id, let documents):
      return "--id '\(id)': expected a document with this id, found none among \(documents) document\(documents == 1 ? "" : "s")"
    case .notOneDocument(let found):
      return "expected one document (or --id ID to choose one), found \(found)"
    case .invalidSide(let option, let reason):
      return "\(option): \(reason)"
    }
  }
}
