import Tokenize

/// Errors of the analyst tools. Cases carry the data; the location is kept apart (`location`)
/// from the wording (`message`, one switch per kind of problem). Every one of them stops the
/// command before it prints anything on standard output.
public enum AnalystError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A gold file line that cannot be read.
  case gold(SourceLocation, GoldProblem)
  /// A `diff` side that is neither a lexicons folder nor a list of stance files, named by the
  /// caller's option.
  case invalidSide(option: String, SideProblem)

  /// `FILE:LINE: message`, or `OPTION: message`.
  public var description: String {
    switch self {
    case .gold(let at, _): return "\(at): \(message)"
    case .invalidSide(let option, _): return "\(option): \(message)"
    }
  }

  /// The gold line the error is about, if any.
  public var location: SourceLocation? {
    if case .gold(let at, _) = self { return at }
    return nil
  }

  /// What went wrong, without the location.
  public var message: String {
    switch self {
    case .gold(_, let problem): return problem.description
    case .invalidSide(_, let problem): return problem.description
    }
  }
}

/// What is wrong with a line of a gold file.
public enum GoldProblem: Sendable, Equatable, CustomStringConvertible {
  /// An entity of the line's `entities`, for messages: `entities[2] 'nasa'`.
  public struct Place: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var entity: String
    public var description: String { "entities[\(index)] '\(entity)'" }
  }

  case invalidJSON(String)
  case notAnObject(found: String)
  case missingID
  case invalidID(found: String)
  case repeatedID(String, firstLine: Int)
  case missingEntities
  case entitiesNotAnArray(found: String)
  case entityNotAnObject(index: Int, found: String)
  case invalidEntityID(index: Int, found: String)
  case repeatedEntity(String)
  case invalidStance(Place, found: String)
  case mentionsNotAnArray(Place, found: String)
  case invalidSpan(Place, found: String)
  case emptySpan(Place, Span)
  case spanOutsideText(entity: String, id: String, length: Int, span: Span)

  public var description: String {
    switch self {
    case .invalidJSON(let reason):
      return "expected a JSON object, found invalid JSON: \(reason)"
    case .notAnObject(let found):
      return "expected a JSON object, found \(found)"
    case .missingID:
      return "expected a field 'id', found none"
    case .invalidID(let found):
      return "expected 'id' to be a string or a number, found \(found)"
    case .repeatedID(let id, let first):
      return "expected each id once, found '\(id)' again (first on line \(first))"
    case .missingEntities:
      return "expected a field 'entities' (an array), found none"
    case .entitiesNotAnArray(let found):
      return "expected 'entities' to be an array, found \(found)"
    case .entityNotAnObject(let index, let found):
      return "entities[\(index)]: expected an object, found \(found)"
    case .invalidEntityID(let index, let found):
      return
        "entities[\(index)]: expected a non-empty string 'entity' (a gazetteer id), found \(found)"
    case .repeatedEntity(let entity):
      return "expected each entity once per document, found '\(entity)' again"
    case .invalidStance(let place, let found):
      return "\(place): expected stance 'favor', 'against' or 'neutral', found \(found)"
    case .mentionsNotAnArray(let place, let found):
      return "\(place): expected 'mentions' to be an array of [start, end] pairs, found \(found)"
    case .invalidSpan(let place, let found):
      return "\(place): expected a mention span [start, end] of two integers, found \(found)"
    case .emptySpan(let place, let span):
      return "\(place): expected a span with 0 ≤ start < end, found [\(span.start), \(span.end)]"
    case .spanOutsideText(let entity, let id, let length, let span):
      return
        "'\(entity)': expected a span within the text of '\(id)' (\(length) code points), found \(span)"
    }
  }
}

/// Why a `diff` side cannot be loaded.
public enum SideProblem: Sendable, Equatable, CustomStringConvertible {
  case noPaths
  case folderAmongPaths(folder: String, paths: Int)
  case noStanceFiles(folder: String)

  public var description: String {
    switch self {
    case .noPaths:
      return "expected a lexicons folder or stance lexicon files, found none"
    case .folderAmongPaths(let folder, let paths):
      return
        "expected one lexicons folder or a list of .tsv files, found the folder '\(folder)' among \(paths) paths"
    case .noStanceFiles(let folder):
      return
        "expected a lexicons folder laid out like lexicons/ (with stance/*.tsv), found no stance/*.tsv in '\(folder)'"
    }
  }
}
