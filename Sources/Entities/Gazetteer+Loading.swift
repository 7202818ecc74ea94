import JSON
import Tokenize

extension Gazetteer {
  /// Loads gazetteer files in order: `.jsonl` files as spaCy EntityRuler patterns (string
  /// patterns compared by `phraseAttributes[path]`, else `phraseAttribute`; see
  /// `entries(pattern:at:phraseAttribute:)`), any other file as TSV
  /// (`entity<TAB>type<TAB>alias[<TAB>match]`).
  ///
  /// Throws on the first malformed line, naming `FILE:LINE`. A pattern line using a construct
  /// the loader does not support is left out, and an alias another entity already has never
  /// matches: both are kept in `warnings`, or thrown when `strict`.
  public init(
    files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer,
    phraseAttribute: PhraseAttribute = .orth, phraseAttributes: [String: PhraseAttribute] = [:],
    strict: Bool = false
  ) throws(EntitiesError) {
    self.init()
    try load(
      files: files, tokenizer: tokenizer, phraseAttribute: phraseAttribute,
      phraseAttributes: phraseAttributes, strict: strict)
  }

  /// Loads more gazetteer files after those already loaded (a compiled gazetteer's), as
  /// `init(files:tokenizer:phraseAttribute:phraseAttributes:strict:)` loads them.
  public mutating func load(
    files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer,
    phraseAttribute: PhraseAttribute = .orth, phraseAttributes: [String: PhraseAttribute] = [:],
    strict: Bool = false
  ) throws(EntitiesError) {
    guard !files.isEmpty else { return }
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files {
      if file.path.hasSuffix(".jsonl") {
        try loadEntityRuler(
          file.bytes, path: file.path,
          phraseAttribute: phraseAttributes[file.path] ?? phraseAttribute, strict: strict,
          session: session)
      } else {
        try loadTSV(file.bytes, path: file.path, strict: strict, session: session)
      }
    }
  }

  /// `entity<TAB>type<TAB>alias[<TAB>match]` lines, with the file's `#!` directives.
  mutating func loadTSV(
    _ bytes: [UInt8], path: String, strict: Bool, session: TokenizeSession
  ) throws(EntitiesError) {
    let defaults = try GazetteerDefaults(bytes: bytes, path: path)
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard line.text != nil else { throw .invalidUTF8(at) }
      try warn(strict) { (gazetteer) throws(EntitiesError) in
        try gazetteer.add(
          Self.entry(fields: line.fields, at: at, defaults: defaults), at: at, tokenizer: session)
      }
    }
  }

  /// Runs `body`, keeping the warnings it throws or adds in `warnings` (thrown when `strict`).
  private mutating func warn(
    _ strict: Bool, _ body: (inout Self) throws(EntitiesError) -> Void
  ) throws(EntitiesError) {
    let shadowed = shadowedAliases.count
    do { try body(&self) } catch  where error.isWarning && !strict {
      warnings.append(error)
    }
    for (alias, owner) in shadowedAliases[shadowed...] {
      let first = self.alias(keys: alias.keys, of: owner)
      let warning = EntitiesError.aliasShadowed(
        alias.location, alias: alias.text, entity: entities[alias.entity].id,
        owner: entities[owner].id, ownerAt: first?.location ?? entities[owner].location)
      if strict { throw warning }
      warnings.append(warning)
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
    _ bytes: [UInt8], path: String, phraseAttribute: PhraseAttribute, strict: Bool,
    session: TokenizeSession
  ) throws(EntitiesError) {
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard let text = line.text else { throw .invalidUTF8(at) }
      try warn(strict) { (gazetteer) throws(EntitiesError) in
        for entry in try Self.entries(pattern: text, at: at, phraseAttribute: phraseAttribute) {
          try gazetteer.add(entry, at: at, tokenizer: session)
        }
      }
    }
  }

  /// Adds one parsed line (`pipeline lint` calls it line by line).
  package mutating func add(
    _ entry: GazetteerEntry, at: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    try add(
      entity: entry.entity, type: entry.type, alias: entry.alias, options: entry.options,
      slots: entry.slots, location: at, tokenizer: session)
  }
}

/// One gazetteer line, parsed: an alias of an entity.
package struct GazetteerEntry: Sendable, Equatable {
  package var entity: String
  package var type: String
  package var alias: String
  package var options: MatchOptions
  /// A spaCy token pattern's tokens, when they ask more than the alias's keys (see
  /// `PatternSlot`); empty otherwise.
  package var slots: [PatternSlot] = []
}
