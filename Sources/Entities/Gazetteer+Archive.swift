import Tokenize

// A loaded gazetteer as compiled bytes (`ArchiveWriter`), read back as it was: what
// `pipeline compile` writes and a compiled gazetteer loads, without tokenizing an alias or
// inserting a phrase. Every entity and alias number read is checked against its table.

extension Gazetteer {
  /// Writes every table of the gazetteer, warnings included.
  package func archive(to writer: inout ArchiveWriter) {
    writer.write(entities.count)
    for entity in entities { entity.archive(to: &writer) }
    entityIndex.archive(to: &writer)
    writer.write(aliases.count)
    for alias in aliases { alias.archive(to: &writer) }
    writer.write(shadowedAliases.count)
    for (alias, owner) in shadowedAliases {
      alias.archive(to: &writer)
      writer.write(owner)
    }
    writer.write(collisions.count)
    for collision in collisions {
      collision.alias.archive(to: &writer)
      writer.write(collision.other)
      writer.write(collision.via)
      writer.write(collision.keys)
      writer.write(collision.winner)
    }
    Self.archive(matcher, to: &writer)
    writer.write(stemMatchers.count)
    for language in stemMatchers.keys.sorted() {
      writer.write(language)
      Self.archive(stemMatchers[language]!, to: &writer)
    }
    writer.write(stemSets.count)
    for language in stemSets.keys.sorted() {
      writer.write(language)
      stemSets[language]!.archive(to: &writer)
    }
    writer.write(hasTranslit)
    writer.write(hasExactTranslit)
    writer.write(tokenAliases)
    writer.write(warnings.count)
    for warning in warnings { warning.archiveWarning(to: &writer) }
  }

  /// Reads what `archive(to:)` wrote.
  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    let entityCount = try reader.readCount(field: "the number of entities")
    entities.reserveCapacity(entityCount)
    for _ in 0..<entityCount { entities.append(try Entity(from: &reader)) }
    let start = reader.offset
    entityIndex = try KeyTable(from: &reader)
    guard entityIndex.count == entities.count else {
      throw .archiveValueOutOfRange(
        offset: start, field: "the number of entity ids", found: entityIndex.count,
        limit: entities.count + 1)
    }
    let aliasCount = try reader.readCount(field: "the number of aliases")
    // Read through and left in the file when it is kept (a compiled gazetteer's mapping).
    if let compiled = try AliasList.Compiled.skim(aliasCount, from: &reader, entities: entityCount)
    {
      aliases = AliasList(compiled: compiled)
    } else {
      aliases.reserveCapacity(aliasCount)
      for _ in 0..<aliasCount { aliases.append(try Alias(from: &reader, entities: entityCount)) }
    }
    for _ in 0..<(try reader.readCount(field: "the number of shadowed aliases")) {
      let alias = try Alias(from: &reader, entities: entityCount)
      shadowedAliases.append((alias, try reader.readIndex(below: entityCount, field: "an entity")))
    }
    for _ in 0..<(try reader.readCount(field: "the number of collisions")) {
      let alias = try Alias(from: &reader, entities: entityCount)
      collisions.append(
        Collision(
          alias: alias, other: try reader.readIndex(below: aliasCount, field: "an alias"),
          via: try reader.readString(), keys: try reader.readStrings(),
          winner: try reader.readIndex(below: entityCount, field: "an entity")))
    }
    matcher = try Self.matcher(from: &reader, aliases: aliasCount)
    for _ in 0..<(try reader.readCount(field: "the number of stem languages")) {
      let language = try reader.readString()
      stemMatchers[language] = try Self.matcher(from: &reader, aliases: aliasCount)
    }
    for _ in 0..<(try reader.readCount(field: "the number of stem sets")) {
      let language = try reader.readString()
      stemSets[language] = try StemSet(from: &reader)
    }
    hasTranslit = try reader.readBool()
    hasExactTranslit = try reader.readBool()
    tokenAliases = try reader.readIndices(below: aliasCount, field: "an alias")
    for _ in 0..<(try reader.readCount(field: "the number of warnings")) {
      warnings.append(try EntitiesError(warningFrom: &reader))
    }
  }

  /// A matcher's values (each an alias and a form), then its phrase table.
  private static func archive(_ matcher: PhraseMatcher<AliasForm>, to writer: inout ArchiveWriter) {
    let values = matcher.archivedValues
    writer.write(values.count)
    for value in values {
      writer.write(value.alias)
      writer.write(byte: value.form.rawValue)
    }
    matcher.archive(to: &writer)
  }

  private static func matcher(
    from reader: inout ArchiveReader, aliases: Int
  ) throws(TokenizeError) -> PhraseMatcher<AliasForm> {
    let count = try reader.readCount(field: "the number of phrase values")
    var values: [AliasForm] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try aliasForm(from: &reader, aliases: aliases)) }
    return try PhraseMatcher(values: values, from: &reader)
  }

  private static func aliasForm(
    from reader: inout ArchiveReader, aliases: Int
  ) throws(TokenizeError) -> AliasForm {
    let alias = try reader.readIndex(below: aliases, field: "an alias")
    let start = reader.offset
    let raw = try reader.readByte()
    guard let form = AliasForm.Form(rawValue: raw) else {
      throw .archiveValueOutOfRange(
        offset: start, field: "an alias form", found: Int(raw), limit: 5)
    }
    return AliasForm(alias: alias, form: form)
  }
}

extension Entity {
  func archive(to writer: inout ArchiveWriter) {
    writer.write(id)
    writer.write(type)
    writer.write(name)
    location.archive(to: &writer)
    writer.write(handles)
    writer.write(titles)
    writer.write(demonyms)
    writer.write(affiliations.count)
    for affiliation in affiliations {
      writer.write(affiliation.entity)
      affiliation.location.archive(to: &writer)
    }
  }

  init(from reader: inout ArchiveReader) throws(TokenizeError) {
    // Every field read first, then the entity made once (set field by field after an `init`,
    // it was copied and the copy destroyed: a third of reading it).
    let id = try reader.readString()
    let type = try reader.readString()
    let name = try reader.readString()
    let location = try SourceLocation(from: &reader)
    let handles = try reader.readBool()
    let titles = try reader.readStrings()
    let demonyms = try reader.readStrings()
    var affiliations: [Affiliation] = []
    for _ in 0..<(try reader.readCount(field: "affiliations")) {
      affiliations.append(
        Affiliation(entity: try reader.readString(), location: try SourceLocation(from: &reader)))
    }
    self.init(
      id: id, type: type, name: name, location: location, handles: handles, titles: titles,
      demonyms: demonyms, affiliations: affiliations)
  }
}

extension Alias {
  func archive(to writer: inout ArchiveWriter) {
    writer.write(entity)
    writer.write(text)
    writer.write(keys)
    writer.write(surfaces)
    location.archive(to: &writer)
    // `mode` is `options.mode`.
    options.archive(to: &writer)
    writer.write(tests.count)
    for test in tests { test.archive(to: &writer) }
  }

  init(from reader: inout ArchiveReader, entities: Int) throws(TokenizeError) {
    let entity = try reader.readIndex(below: entities, field: "an entity")
    let text = try reader.readString()
    let keys = try reader.readStrings()
    let surfaces = try reader.readStrings()
    let location = try SourceLocation(from: &reader)
    let options = try MatchOptions(from: &reader)
    var tests: [TokenTest] = []
    for _ in 0..<(try reader.readCount(field: "the number of token tests")) {
      tests.append(try TokenTest(from: &reader))
    }
    self.init(
      entity: entity, text: text, mode: options.mode, keys: keys, surfaces: surfaces,
      location: location, options: options, tests: tests)
  }
}

extension MatchOptions {
  /// The flags in one byte, then the strings that are set.
  private enum Bit {
    static let exact: UInt8 = 1
    static let translit: UInt8 = 2
    static let handle: UInt8 = 4
    static let handles: UInt8 = 8
    static let title: UInt8 = 16
    static let stem: UInt8 = 32
    static let language: UInt8 = 64
    static let stemLanguages: UInt8 = 128
  }

  func archive(to writer: inout ArchiveWriter) {
    var bits: UInt8 = mode == .exact ? Bit.exact : 0
    if translit { bits |= Bit.translit }
    if handle { bits |= Bit.handle }
    if handles { bits |= Bit.handles }
    if title { bits |= Bit.title }
    if stem != nil { bits |= Bit.stem }
    if language != nil { bits |= Bit.language }
    if !stemLanguages.isEmpty { bits |= Bit.stemLanguages }
    writer.write(byte: bits)
    if let stem { writer.write(stem) }
    if let language { writer.write(language) }
    if !stemLanguages.isEmpty { writer.write(stemLanguages.sorted()) }
  }

  /// Reads past what `archive(to:)` wrote, checking it as `init(from:)` does, for the two
  /// flags mention finding reads without the alias.
  static func skim(from reader: inout ArchiveReader) throws(TokenizeError) -> (
    exact: Bool, translit: Bool
  ) {
    let bits = try reader.readByte()
    if bits & Bit.stem != 0 { try reader.skipString() }
    if bits & Bit.language != 0 { try reader.skipString() }
    if bits & Bit.stemLanguages != 0 { try reader.skipStrings() }
    return (bits & Bit.exact != 0, bits & Bit.translit != 0)
  }

  init(from reader: inout ArchiveReader) throws(TokenizeError) {
    let bits = try reader.readByte()
    self.init(
      mode: bits & Bit.exact != 0 ? .exact : .fold,
      stem: bits & Bit.stem != 0 ? try reader.readString() : nil,
      translit: bits & Bit.translit != 0, handle: bits & Bit.handle != 0,
      handles: bits & Bit.handles != 0)
    title = bits & Bit.title != 0
    if bits & Bit.language != 0 { language = try reader.readString() }
    if bits & Bit.stemLanguages != 0 { stemLanguages = Set(try reader.readStrings()) }
  }
}

extension TokenTest {
  func archive(to writer: inout ArchiveWriter) {
    writer.write(surface)
    writer.write(byte: required)
    writer.write(byte: forbidden)
    writer.write(excludedSurfaces.sorted())
    writer.write(excludedKeys.sorted())
    writer.write(anyKey)
  }

  init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    surface = try reader.readOptionalString()
    required = try reader.readByte()
    forbidden = try reader.readByte()
    excludedSurfaces = Set(try reader.readStrings())
    excludedKeys = Set(try reader.readStrings())
    anyKey = try reader.readBool()
  }
}

extension EntitiesError {
  /// A warning (`isWarning`): the only errors a loaded gazetteer keeps.
  func archiveWarning(to writer: inout ArchiveWriter) {
    switch self {
    case .aliasShadowed(let at, let alias, let entity, let owner, let ownerAt):
      writer.write(byte: 0)
      at.archive(to: &writer)
      writer.write(alias)
      writer.write(entity)
      writer.write(owner)
      ownerAt.archive(to: &writer)
    case .invalidPattern(let at, .unsupported(let construct, let token)):
      writer.write(byte: 1)
      at.archive(to: &writer)
      writer.write(token != nil)
      if let token { writer.write(token) }
      switch construct {
      case .attribute(let name):
        writer.write(byte: 0)
        writer.write(name)
      case .predicate(let attribute, let predicate):
        writer.write(byte: 1)
        writer.write(attribute)
        writer.write(predicate)
      case .op(let op):
        writer.write(byte: 2)
        writer.write(op)
      case .negatedConditions(let count):
        writer.write(byte: 3)
        writer.write(count)
      case .tooManyPhrases:
        writer.write(byte: 4)
      case .matchesNothing:
        writer.write(byte: 5)
      }
    default:
      preconditionFailure("a gazetteer keeps warnings only, found '\(self)'")
    }
  }

  init(warningFrom reader: inout ArchiveReader) throws(TokenizeError) {
    let start = reader.offset
    switch try reader.readByte() {
    case 0:
      self = .aliasShadowed(
        try SourceLocation(from: &reader), alias: try reader.readString(),
        entity: try reader.readString(), owner: try reader.readString(),
        ownerAt: try SourceLocation(from: &reader))
    case 1:
      let at = try SourceLocation(from: &reader)
      let token = try reader.readBool() ? try reader.readInt() : nil
      let constructStart = reader.offset
      let construct: UnsupportedConstruct
      switch try reader.readByte() {
      case 0: construct = .attribute(try reader.readString())
      case 1: construct = .predicate(try reader.readString(), try reader.readString())
      case 2: construct = .op(try reader.readString())
      case 3: construct = .negatedConditions(try reader.readInt())
      case 4: construct = .tooManyPhrases
      case 5: construct = .matchesNothing
      case let other:
        throw .archiveValueOutOfRange(
          offset: constructStart, field: "a pattern construct", found: Int(other), limit: 6)
      }
      self = .invalidPattern(at, .unsupported(construct, token: token))
    case let other:
      throw .archiveValueOutOfRange(
        offset: start, field: "a warning kind", found: Int(other), limit: 2)
    }
  }
}
