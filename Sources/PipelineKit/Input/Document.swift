import JSON

/// A warning attached to a document that was processed anyway.
public struct Warning: Sendable, Hashable {
  public var code: String
  public var message: String
}

/// An input record that could not become a document: it becomes an error record in its place.
public struct RecordError: Error, Sendable, Equatable {
  public enum Code: String, Sendable, CaseIterable {
    case invalidJSON = "invalid_json"
    case notAnObject = "not_an_object"
    case missingText = "missing_text"
    case textNotString = "text_not_string"
    case invalidID = "invalid_id"
    case unreadableFile = "unreadable_file"
    case unreadableDirectory = "unreadable_directory"
    case brokenSymlink = "broken_symlink"
    case symlinkLoop = "symlink_loop"
    /// A FIFO, socket or device found by a directory walk: skipped, written as a warning record.
    case notRegularFile = "not_regular_file"
    case tokenizeFailed = "tokenize_failed"
    case documentTooLarge = "document_too_large"

    /// Whether the record is a warning record (`"warning"` instead of `"error"`): an input
    /// skipped on purpose, not a bad record (`--on-error` does not apply to it).
    public var isWarning: Bool { self == .notRegularFile }

    /// Whether an input could not be read or was skipped (what `--strict` turns into status 2).
    public var isInputProblem: Bool {
      switch self {
      case .unreadableFile, .unreadableDirectory, .brokenSymlink, .symlinkLoop, .notRegularFile:
        return true
      case .invalidJSON, .notAnObject, .missingText, .textNotString, .invalidID, .tokenizeFailed,
        .documentTooLarge:
        return false
      }
    }
  }

  public var id: JSONValue?
  public var source: String
  public var line: Int?
  public var code: Code
  public var message: String

  package init(id: JSONValue?, source: String, line: Int?, code: Code, message: String) {
    self.id = id
    self.source = source
    self.line = line
    self.code = code
    self.message = message
  }
}

/// One unit of input as read, before decoding (decoding happens on the worker threads).
public enum RawRecord: Sendable {
  /// One line of a JSON Lines input (1-based line number).
  case jsonLine(bytes: [UInt8], source: String, line: Int)
  /// A whole `.txt` file: one document, id = its path as given.
  case textFile(bytes: [UInt8], source: String)
  /// Input that could not be read at all.
  case failure(RecordError)

  /// Input bytes (for throughput figures).
  public var byteCount: Int {
    switch self {
    case .jsonLine(let bytes, _, _), .textFile(let bytes, _): return bytes.count
    case .failure: return 0
    }
  }
}

/// A document ready for analysis.
public struct Document: Sendable {
  public var id: JSONValue
  public var text: String
  /// Other fields of a JSON Lines record, carried through in input order.
  public var meta: [JSONMember]
  public var warnings: [Warning]
  public var source: String
  public var line: Int?
  /// The document's language (ISO 639, from `--lang-field` or `--lang`) for words whose script
  /// does not decide it; nil when unknown.
  public var language: String?

  public init(
    id: JSONValue, text: String, meta: [JSONMember] = [], warnings: [Warning] = [],
    source: String, line: Int? = nil, language: String? = nil
  ) {
    self.language = language
    self.id = id
    self.text = text
    self.meta = meta
    self.warnings = warnings
    self.source = source
    self.line = line
  }

  /// Which fields of a JSON Lines record hold the id and the text.
  public struct Fields: Sendable {
    public var id: String
    public var text: String
    /// How a record without an id (or an error record) is keyed.
    public var keys: RecordKeys
    /// The field holding a record's language (`"ru"`, `"de-AT"`: the part before `-` counts).
    public var language: String?
    /// The language of documents that do not say (nil: unknown).
    public var defaultLanguage: String?
    public init(
      id: String = "id", text: String = "text", keys: RecordKeys = .line, language: String? = nil,
      defaultLanguage: String? = nil
    ) {
      self.id = id
      self.text = text
      self.keys = keys
      self.language = language
      self.defaultLanguage = defaultLanguage
    }

    /// The language a record gives in the language field, else the default.
    func language(of record: JSONValue) -> String? {
      guard let field = language, case .string(let value)? = record[field] else {
        return defaultLanguage
      }
      let code = value.prefix { $0 != "-" && $0 != "_" }.lowercased()
      return code.isEmpty ? defaultLanguage : code
    }
  }

  /// Decodes a raw record, or describes why it cannot be a document.
  public static func decode(_ raw: RawRecord, fields: Fields) -> Result<Document, RecordError> {
    switch raw {
    case .failure(let error):
      return .failure(error)
    case .textFile(let bytes, let source):
      var warnings: [Warning] = []
      let text: String
      if let valid = String(validating: bytes, as: UTF8.self) {
        text = valid
      } else {
        text = String(decoding: bytes, as: UTF8.self)
        warnings.append(
          Warning(
            code: "invalid_utf8",
            message:
              "invalid UTF-8 in '\(source)' replaced with U+FFFD; offsets count the replacements"))
      }
      return .success(
        Document(
          id: .string(source), text: text, meta: [], warnings: warnings, source: source, line: nil,
          language: fields.defaultLanguage))
    case .jsonLine(let bytes, let source, let line):
      return decodeJSONLine(bytes, source: source, line: line, fields: fields)
    }
  }

  private static func decodeJSONLine(
    _ bytes: [UInt8], source: String, line: Int, fields: Fields
  ) -> Result<Document, RecordError> {
    let generated = JSONValue.string(fields.keys.key(source: source, line: line, bytes: bytes))
    // With content keys a record is located by its content: its line number is only where it
    // fell in this process's input (a Spark partition's), so error records do not carry it.
    let errorLine = fields.keys == .content ? nil : line
    func failure(_ id: JSONValue?, _ code: RecordError.Code, _ message: String) -> Result<
      Document, RecordError
    > {
      .failure(
        RecordError(
          id: id ?? generated, source: source, line: errorLine, code: code, message: message))
    }
    let parsed: (value: JSONValue, repairs: JSONRepairs)
    do { parsed = try JSONParser.parse(bytes) } catch {
      return failure(nil, .invalidJSON, "invalid JSON: \(error)")
    }
    guard case .object(let members) = parsed.value else {
      return failure(
        nil, .notAnObject, "expected a JSON object, found \(parsed.value.kindDescription)")
    }
    // The id is always written as a string: a number keeps its text as written.
    var id = generated
    switch parsed.value[fields.id] {
    case nil: break
    case .string(let value)?: id = .string(value)
    case .number(let value)?: id = .string(value)
    case let other?:
      return failure(
        nil, .invalidID,
        "expected field '\(fields.id)' to be a string or a number, found \(other.kindDescription)")
    }
    let text: String
    switch parsed.value[fields.text] {
    case .string(let value)?: text = value
    case nil:
      return failure(id, .missingText, "expected a string field '\(fields.text)', found none")
    case let other?:
      return failure(
        id, .textNotString,
        "expected field '\(fields.text)' to be a string, found \(other.kindDescription)")
    }
    var warnings: [Warning] = []
    if parsed.repairs.invalidUTF8 > 0 {
      warnings.append(
        Warning(
          code: "invalid_utf8",
          message: "invalid UTF-8 replaced with U+FFFD in \(parsed.repairs.invalidUTF8) string(s)"))
    }
    if parsed.repairs.loneSurrogates > 0 {
      warnings.append(
        Warning(
          code: "lone_surrogate",
          message:
            "\(parsed.repairs.loneSurrogates) unpaired surrogate escape(s) replaced with U+FFFD"))
    }
    let meta = members.filter { $0.key != fields.id && $0.key != fields.text }
    return .success(
      Document(
        id: id, text: text, meta: meta, warnings: warnings, source: source, line: line,
        language: fields.language(of: parsed.value)))
  }
}
