import Tokenize

/// Errors of the Entities module. Wording lives in `description`; cases carry the data.
public enum EntitiesError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A gazetteer line without 3 or 4 tab-separated fields.
  case fieldCount(SourceLocation, found: Int)
  case invalidEntityID(SourceLocation, found: String)
  case emptyField(SourceLocation, field: String)
  case unknownMatchMode(SourceLocation, found: String)
  /// A `#!` line that is not one of the gazetteer directives.
  case invalidDirective(SourceLocation, found: String)
  /// A `handle` alias that is not one handle (`@name`) or hashtag (`#name`).
  case notAHandle(SourceLocation, alias: String)
  /// An entity declared again with another type.
  case typeConflict(SourceLocation, entity: String, type: String, earlier: String)
  /// An alias made only of characters that are not tokens (white space, controls).
  case aliasHasNoTokens(SourceLocation, alias: String)
  case invalidUTF8(SourceLocation)
  /// A spaCy pattern line that is not valid JSON or lacks what the loader needs.
  case invalidPattern(SourceLocation, message: String)
  case unreadable(file: String, reason: String)
  case tokenize(TokenizeError)

  public var description: String {
    switch self {
    case .fieldCount(let at, let found):
      return "\(at): expected 3 or 4 tab-separated fields (entity, type, alias, match), found \(found)"
    case .invalidEntityID(let at, let found):
      return "\(at): expected an entity id of lowercase letters, digits and '_', found '\(found)'"
    case .emptyField(let at, let field):
      return "\(at): expected a non-empty \(field), found an empty field"
    case .unknownMatchMode(let at, let found):
      let names = MatchOptions.names.map { "'\($0)'" }.joined(separator: ", ")
      return "\(at): expected match options (comma-separated: \(names)), found '\(found)'"
    case .invalidDirective(let at, let found):
      return "\(at): expected a directive '#! match: OPTIONS', '#! handles', '#! stem: LANG ...' or '#! lang: LANG', found '#! \(found)'"
    case .notAHandle(let at, let alias):
      return "\(at): expected a handle alias to be one '@name' or '#name', found '\(alias)'"
    case .typeConflict(let at, let entity, let type, let earlier):
      return "\(at): entity '\(entity)' has type '\(earlier)' earlier, found '\(type)'"
    case .aliasHasNoTokens(let at, let alias):
      return "\(at): expected an alias with at least one token, found '\(alias)'"
    case .invalidUTF8(let at):
      return "\(at): expected UTF-8 text, found invalid bytes"
    case .invalidPattern(let at, let message):
      return "\(at): \(message)"
    case .unreadable(let file, let reason):
      return "\(file): cannot read: \(reason)"
    case .tokenize(let error):
      return error.description
    }
  }
}
