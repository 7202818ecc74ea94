import JSON
import Tokenize

extension Gazetteer {
  /// Loads gazetteer files in order: `.jsonl` files as spaCy EntityRuler phrase patterns, any
  /// other file as TSV (`entity<TAB>type<TAB>alias[<TAB>match]`).
  ///
  /// Throws on the first malformed line, naming `FILE:LINE`.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(EntitiesError) {
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
  mutating func loadTSV(_ bytes: [UInt8], path: String, session: TokenizeSession)
    throws(EntitiesError)
  {
    let defaults = try GazetteerDefaults(bytes: bytes, path: path)
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard line.text != nil else { throw .invalidUTF8(at) }
      try add(
        Self.entry(fields: line.fields, at: at, defaults: defaults), at: at, tokenizer: session)
    }
  }

  /// One TSV line's fields, checked: the one place that knows the line format (the loader and
  /// `pipeline lint` both call it).
  package static func entry(
    fields: [String], at: SourceLocation, defaults: GazetteerDefaults = GazetteerDefaults()
  ) throws(EntitiesError) -> GazetteerEntry {
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
    if fields.count == 4 {
      options = try MatchOptions(parsing: fields[3], at: at)
    } else {
      options.stemLanguages = defaults.stemLanguages
    }
    if defaults.handles { options.handles = true }
    options.language = defaults.language
    return GazetteerEntry(entity: id, type: fields[1], alias: fields[2], options: options)
  }

  static func isIDByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
  }

  /// spaCy EntityRuler lines (see `entry(pattern:at:)`).
  mutating func loadEntityRuler(
    _ bytes: [UInt8], path: String, session: TokenizeSession
  ) throws(EntitiesError) {
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard let text = line.text else { throw .invalidUTF8(at) }
      try add(Self.entry(pattern: text, at: at), at: at, tokenizer: session)
    }
  }

  /// Adds one parsed line (`pipeline lint` calls it line by line).
  package mutating func add(
    _ entry: GazetteerEntry, at: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    try add(
      entity: entry.entity, type: entry.type, alias: entry.alias, options: entry.options,
      location: at, tokenizer: session)
  }

  /// The one reader of a spaCy EntityRuler line, called by the loader and by `pipeline lint`:
  /// `{"label": "ORG", "pattern": "Roscosmos", "id": "roscosmos"}`.
  ///
  /// A string pattern matches case-insensitively (`fold`). A token pattern (a list of
  /// single-key objects) matches `exact` when every token uses `ORTH` or `TEXT`, and `fold`
  /// when they use `LOWER`; other token attributes are refused. Without `id`, the entity id
  /// is the pattern's key with spaces as `_`.
  package static func entry(pattern text: String, at: SourceLocation) throws(EntitiesError)
    -> GazetteerEntry
  {
    let value: JSONValue
    do { value = try JSONParser.parse(Array(text.utf8)).value } catch {
      throw .invalidPattern(at, .invalidJSON("\(error)"))
    }
    guard case .object = value else {
      throw .invalidPattern(at, .notAnObject(found: value.kindDescription))
    }
    guard case .string(let label)? = value["label"], !label.isEmpty else {
      throw .invalidPattern(at, .missingLabel)
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
          throw .invalidPattern(at, .notATokenPattern(found: token.kindDescription))
        }
        switch members[0].key {
        case "LOWER": modes.insert(.fold)
        case "ORTH", "TEXT": modes.insert(.exact)
        default: throw .invalidPattern(at, .unknownTokenAttribute(found: members[0].key))
        }
        words.append(word)
      }
      guard !words.isEmpty, modes.count == 1 else {
        throw .invalidPattern(at, .mixedTokenPattern)
      }
      alias = words.joined(separator: " ")
      mode = modes.first!
    default:
      throw .invalidPattern(at, .invalidPatternField)
    }
    let id: String
    switch value["id"] {
    case .string(let given)?: id = given
    case nil: id = Tokenizer.matchingKey(alias).replacingOccurrences(" ", "_")
    case let other?:
      throw .invalidPattern(at, .invalidID(found: other.kindDescription))
    }
    guard !id.isEmpty else { throw .invalidPattern(at, .emptyID) }
    return GazetteerEntry(entity: id, type: label, alias: alias, options: MatchOptions(mode: mode))
  }
}

/// One gazetteer line, parsed: an alias of an entity.
package struct GazetteerEntry: Sendable, Equatable {
  package var entity: String
  package var type: String
  package var alias: String
  package var options: MatchOptions
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
