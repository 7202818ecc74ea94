import Tokenize

/// Errors of the Entities module. Cases carry the data; the location is kept apart
/// (`location`) from the wording (`message`, one switch).
public enum EntitiesError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A gazetteer line without 3 or 4 tab-separated fields.
  case fieldCount(SourceLocation, found: Int)
  case invalidEntityID(SourceLocation, found: String)
  case emptyField(SourceLocation, field: String)
  case unknownMatchMode(SourceLocation, found: String)
  /// A `#!` line that is not one of the gazetteer directives.
  case invalidDirective(SourceLocation, found: String)
  /// `stem:LANG` (or `#! stem:`/`#! lang:`) naming a language without a Snowball stemmer.
  case unknownStemLanguage(SourceLocation, found: String, available: [String])
  /// A `handle` alias that is not one handle (`@name`) or hashtag (`#name`).
  case notAHandle(SourceLocation, alias: String)
  /// An entity declared again with another type (`earlierAt`: where it got the first).
  case typeConflict(
    SourceLocation, entity: String, type: String, earlier: String, earlierAt: SourceLocation)
  /// An alias with the keys of another entity's alias (at `ownerAt`): loaded, never matched.
  /// A warning unless loading is strict.
  case aliasShadowed(
    SourceLocation, alias: String, entity: String, owner: String, ownerAt: SourceLocation)
  /// An alias made only of characters that are not tokens (white space, controls).
  case aliasHasNoTokens(SourceLocation, alias: String)
  /// An alias of more tokens than `PhraseMatcher.maxPhraseTokens`.
  case aliasTooLong(SourceLocation, alias: String, tokens: Int)
  /// A `title` or `demonym` line (`option`) that is not one word.
  case titleNotOneWord(SourceLocation, option: String, title: String)
  /// A `title` or `demonym` line (`option`) before any alias line of its entity (the first
  /// alias is its name).
  case titleBeforeName(SourceLocation, option: String, title: String, entity: String)
  /// An `affiliation` line whose third field is not an entity id (or that is a `title` too).
  case affiliationNotAnID(SourceLocation, found: String)
  /// An `affiliation` line before any alias line of its entity.
  case affiliationBeforeName(SourceLocation, affiliation: String, entity: String)
  case invalidUTF8(SourceLocation)
  /// A spaCy pattern line that is not valid JSON or lacks what the loader needs.
  case invalidPattern(SourceLocation, PatternProblem)
  case unreadable(file: String, reason: String)
  case tokenize(TokenizeError)

  /// `FILE:LINE: message`, or the message alone for errors without a line.
  public var description: String {
    location.map { "\($0): \(message)" } ?? message
  }

  /// Whether the error is one that loading reports as a warning and goes on (unless strict):
  /// a spaCy pattern line using a construct the loader does not support (the line is not
  /// loaded), or a shadowed alias.
  public var isWarning: Bool {
    switch self {
    case .invalidPattern(_, .unsupported), .aliasShadowed: return true
    default: return false
    }
  }

  /// The line the error is about, if any.
  public var location: SourceLocation? {
    switch self {
    case .fieldCount(let at, _),
      .invalidEntityID(let at, _),
      .emptyField(let at, _),
      .unknownMatchMode(let at, _),
      .invalidDirective(let at, _),
      .notAHandle(let at, _),
      .unknownStemLanguage(let at, _, _),
      .typeConflict(let at, _, _, _, _),
      .aliasShadowed(let at, _, _, _, _),
      .aliasHasNoTokens(let at, _),
      .aliasTooLong(let at, _, _),
      .titleNotOneWord(let at, _, _),
      .titleBeforeName(let at, _, _, _),
      .affiliationNotAnID(let at, _),
      .affiliationBeforeName(let at, _, _),
      .invalidUTF8(let at),
      .invalidPattern(let at, _):
      return at
    case .unreadable, .tokenize:
      return nil
    }
  }

  /// What went wrong, without the location.
  public var message: String {
    switch self {
    case .fieldCount(_, let found):
      return "expected 3 or 4 tab-separated fields (entity, type, alias, match), found \(found)"
    case .invalidEntityID(_, let found):
      return "expected an entity id of lowercase letters, digits and '_', found '\(found)'"
    case .emptyField(_, let field):
      return "expected a non-empty \(field), found an empty field"
    case .unknownMatchMode(_, let found):
      let names = MatchOptions.names.map { "'\($0)'" }.joined(separator: ", ")
      return "expected match options (comma-separated: \(names)), found '\(found)'"
    case .invalidDirective(_, let found):
      return
        "expected a directive '#! match: OPTIONS', '#! handles', '#! stem: LANG ...' or '#! lang: LANG', found '#! \(found)'"
    case .unknownStemLanguage(_, let found, let available):
      return
        "expected a stem language with a Snowball stemmer (an ISO 639 code such as 'ru', 'de', 'en', or one of \(available.map { "'\($0)'" }.joined(separator: ", "))), found '\(found)'"
    case .notAHandle(_, let alias):
      return "expected a handle alias to be one '@name' or '#name', found '\(alias)'"
    case .typeConflict(_, let entity, let type, let earlier, let earlierAt):
      return "entity '\(entity)' has type '\(earlier)' at \(earlierAt), found '\(type)'"
    case .aliasShadowed(_, let alias, let entity, let owner, let ownerAt):
      return
        "alias '\(alias)' of entity '\(entity)' is already an alias of entity '\(owner)' at \(ownerAt); it never matches"

    case .aliasHasNoTokens(_, let alias):
      return "expected an alias with at least one token, found '\(alias)'"
    case .aliasTooLong(_, let alias, let tokens):
      return
        "expected an alias of at most \(PhraseMatcher<Int>.maxPhraseTokens) tokens, found \(tokens) tokens ('\(abbreviated(alias))')"
    case .titleNotOneWord(_, let option, let title):
      return "expected a \(option) of one word, found '\(title)'"
    case .titleBeforeName(_, let option, let title, let entity):
      return
        "expected an alias line of entity '\(entity)' before its \(option) '\(title)' (the first alias is its name)"
    case .affiliationNotAnID(_, let found):
      return
        "expected the id of the entity it belongs to (lowercase letters, digits, '_'; no title), found '\(found)'"
    case .affiliationBeforeName(_, let affiliation, let entity):
      return
        "expected an alias line of entity '\(entity)' before its affiliation '\(affiliation)' (the first alias is its name)"
    case .invalidUTF8:
      return "expected UTF-8 text, found invalid bytes"
    case .invalidPattern(_, let problem):
      return problem.description
    case .unreadable(let file, let reason):
      return "\(file): cannot read: \(reason)"
    case .tokenize(let error):
      return error.description
    }
  }
}

/// What is wrong with a spaCy EntityRuler pattern line.
public enum PatternProblem: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidJSON(String)
  case notAnObject(found: String)
  case missingLabel
  case notATokenPattern(found: String)
  case emptyTokenPattern
  /// A construct the loader does not support, in token `token` (1-based) or the whole line.
  case unsupported(UnsupportedConstruct, token: Int?)
  case invalidPatternField
  case invalidID(found: String)
  case emptyID

  public var description: String {
    switch self {
    case .invalidJSON(let reason): return "invalid JSON: \(reason)"
    case .notAnObject(let found): return "expected a JSON object, found \(found)"
    case .missingLabel: return "expected a non-empty string \"label\""
    case .notATokenPattern(let found):
      return "expected token patterns like {\"LOWER\": \"word\"}, found \(found)"
    case .emptyTokenPattern: return "expected a non-empty token pattern, found []"
    case .unsupported(let construct, let token):
      return "unsupported spaCy pattern: \(token.map { "token \($0): " } ?? "")\(construct)"
    case .invalidPatternField: return "expected \"pattern\" to be a string or a list of tokens"
    case .invalidID(let found): return "expected \"id\" to be a string, found \(found)"
    case .emptyID: return "expected a non-empty \"id\""
    }
  }
}
