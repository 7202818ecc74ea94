import JSON
import Tokenize

extension Gazetteer {
  /// Loads gazetteer files in order: `.jsonl` files as spaCy EntityRuler phrase patterns, any
  /// other file as TSV (`entity<TAB>type<TAB>alias[<TAB>match]`).
  ///
  /// Throws on the first malformed line, naming `FILE:LINE`.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(EntitiesError)
  {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files {
      if file.path.hasSuffix(".jsonl") {
        try loadEntityRuler(file.bytes, path: file.path, session: session)
      } else {
        try loadTSV(file.bytes, path: file.path, session: session)
      }
    }
  }

  /// `entity<TAB>type<TAB>alias[<TAB>match]` lines, with the file's `#!` directives.
  mutating func loadTSV(_ bytes: [UInt8], path: String, session: TokenizeSession) throws(EntitiesError) {
    let defaults = try GazetteerDefaults(bytes: bytes, path: path)
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard line.text != nil else { throw .invalidUTF8(at) }
      let entry = try Self.entry(fields: line.fields, at: at, defaults: defaults)
      try add(
        entity: entry.entity, type: entry.type, alias: entry.alias, options: entry.options,
        location: at, tokenizer: session)
    }
  }

  /// One TSV line's fields, checked: the one place that knows the line format (the loader and
  /// `pipeline lint` both call it).
  public static func entry(
    fields: [String], at: SourceLocation, defaults: GazetteerDefaults = GazetteerDefaults()
  ) throws(EntitiesError) -> (entity: String, type: String, alias: String, options: MatchOptions) {
    guard fields.count == 3 || fields.count == 4 else {
      throw .fieldCount(at, found: fields.count)
    }
    let id = fields[0]
    guard !id.isEmpty, id.utf8.allSatisfy(Self.isIDByte) else {
      throw .invalidEntityID(at, found: id)
    }
    guard !fields[1].isEmpty else { throw .emptyField(at, field: "type") }
    guard !fields[2].isEmpty else { throw .emptyField(at, field: "alias") }
    var options = defaults.match ?? MatchOptions()
    if fields.count == 4 { options = try MatchOptions(parsing: fields[3], at: at) }
    if defaults.handles { options.handles = true }
    return (id, fields[1], fields[2], options)
  }

  static func isIDByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
  }

  /// spaCy EntityRuler lines: `{"label": "ORG", "pattern": "Roscosmos", "id": "roscosmos"}`.
  ///
  /// A string pattern matches case-insensitively (`fold`). A token pattern (a list of
  /// single-key objects) matches `exact` when every token uses `ORTH` or `TEXT`, and `fold`
  /// when they use `LOWER`; other token attributes are refused. Without `id`, the entity id
  /// is the pattern's key with spaces as `_`.
  mutating func loadEntityRuler(
    _ bytes: [UInt8], path: String, session: TokenizeSession
  ) throws(EntitiesError) {
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard let text = line.text else { throw .invalidUTF8(at) }
      let value: JSONValue
      do { value = try JSONParser.parse(Array(text.utf8)).value } catch {
        throw .invalidPattern(at, message: "invalid JSON: \(error)")
      }
      guard case .object = value else {
        throw .invalidPattern(at, message: "expected a JSON object, found \(value.kindDescription)")
      }
      guard case .string(let label)? = value["label"], !label.isEmpty else {
        throw .invalidPattern(at, message: "expected a non-empty string \"label\"")
      }
      let alias: String
      let mode: MatchMode
      switch value["pattern"] {
      case .string(let pattern)?:
        alias = pattern
        mode = .fold
      case .array(let tokens)?:
        var words: [String] = []
        var modes = Set<MatchMode>()
        for token in tokens {
          guard case .object(let members) = token, members.count == 1,
            case .string(let word) = members[0].value
          else {
            throw .invalidPattern(
              at, message: "expected token patterns like {\"LOWER\": \"word\"}, found \(token.kindDescription)")
          }
          switch members[0].key {
          case "LOWER": modes.insert(.fold)
          case "ORTH", "TEXT": modes.insert(.exact)
          default:
            throw .invalidPattern(
              at, message: "expected token attribute LOWER, ORTH or TEXT, found '\(members[0].key)'")
          }
          words.append(word)
        }
        guard !words.isEmpty, modes.count == 1 else {
          throw .invalidPattern(at, message: "expected a non-empty token pattern using one attribute")
        }
        alias = words.joined(separator: " ")
        mode = modes.first!
      default:
        throw .invalidPattern(at, message: "expected \"pattern\" to be a string or a list of tokens")
      }
      let id: String
      switch value["id"] {
      case .string(let given)?: id = given
      case nil: id = Tokenizer.matchingKey(alias).replacingOccurrences(" ", "_")
      case let other?:
        throw .invalidPattern(at, message: "expected \"id\" to be a string, found \(other.kindDescription)")
      }
      guard !id.isEmpty else { throw .invalidPattern(at, message: "expected a non-empty \"id\"") }
      try add(entity: id, type: label, alias: alias, mode: mode, location: at, tokenizer: session)
    }
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
