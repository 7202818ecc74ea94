import JSON

/// One problem `pipeline lint` found in a word-list file, located like a compiler diagnostic:
/// `FILE:LINE:COLUMN: error|warning: message`.
///
/// `column` is 1-based and counts characters of the line (for invalid UTF-8, bytes: the first
/// bad byte). It points at the offending field, or one past the end of the line when a field is
/// missing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    case error, warning
  }

  /// What kind of problem: a stable name for `--json` consumers and tests.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    case invalidUTF8 = "invalid-utf8"
    case fieldCount = "field-count"
    case emptyField = "empty-field"
    case invalidWeight = "invalid-weight"
    case weightOutOfRange = "weight-out-of-range"
    case valueOutOfRange = "value-out-of-range"
    case invalidDimension = "invalid-dimension"
    case unknownDimension = "unknown-dimension"
    case misplacedWildcard = "misplaced-wildcard"
    case shortWildcard = "short-wildcard"
    case noTokens = "no-tokens"
    case tooLong = "too-long"
    case duplicateEntry = "duplicate-entry"
    case conflictingWeight = "conflicting-weight"
    case splitWord = "split-word"
    case neverMatches = "never-matches"
    case invalidEntityID = "invalid-entity-id"
    case unknownEntityType = "unknown-entity-type"
    case typeConflict = "type-conflict"
    case unknownMatchMode = "unknown-match-mode"
    case invalidPattern = "invalid-pattern"
    case unsupportedPattern = "unsupported-pattern"
    case duplicateAlias = "duplicate-alias"
    case aliasClaimedTwice = "alias-claimed-twice"
    case invalidDirective = "invalid-directive"
    case notAHandle = "not-a-handle"
    case invalidTitle = "invalid-title"
    case invalidAffiliation = "invalid-affiliation"
    case unknownAffiliation = "unknown-affiliation"
    case aliasCollision = "alias-collision"
    case unknownModifierKind = "unknown-modifier-kind"
    case unknownParameter = "unknown-parameter"
    case modifierTokens = "modifier-tokens"
    case duplicateModifier = "duplicate-modifier"
    case conflictingModifier = "conflicting-modifier"
    case invalidValue = "invalid-value"
    case invalidPolicy = "invalid-policy"
  }

  public var severity: Severity
  public var code: Code
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(
    _ severity: Severity, _ code: Code, file: String, line: Int, column: Int, message: String
  ) {
    precondition(line >= 1 && column >= 1, "diagnostic at \(file):\(line):\(column)")
    self.severity = severity
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }

  /// One JSON object: `{"file", "line", "column", "severity", "code", "message"}`.
  public func write(to w: inout JSONWriter) {
    w.beginObject()
    w.key("file")
    w.string(file)
    w.key("line")
    w.int(line)
    w.key("column")
    w.int(column)
    w.key("severity")
    w.string(severity.rawValue)
    w.key("code")
    w.string(code.rawValue)
    w.key("message")
    w.string(message)
    w.endObject()
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by file, then line, then column; diagnostics at the same place keep their order.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      (a.element.file, a.element.line, a.element.column, a.offset)
        < (b.element.file, b.element.line, b.element.column, b.offset)
    }.map(\.element)
  }

  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }
}
