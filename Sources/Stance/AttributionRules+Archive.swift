import Tokenize

// The clause markers and reference words as compiled bytes (`ArchiveWriter`), read back as
// they were: the default rules are pre-built this way at build time (`PrebuiltTables`).

extension AttributionRules {
  /// Writes every table, dictionaries and sets by sorted key.
  package func archive(to writer: inout ArchiveWriter) {
    for table in [markers, classes] {
      writer.write(table.count)
      for key in table.keys.sorted() {
        writer.write(key)
        writer.write(Int(table[key]!))
      }
    }
    writer.write(verbSuffixes)
    writer.write(participleSuffixes)
    writer.write(references.count)
    for key in references.keys.sorted() {
      let word = references[key]!
      writer.write(key)
      writer.write(word.kind.rawValue)
      writer.write(word.types)
      writer.write(word.isPossessive)
      writer.write(word.isPlural)
      writer.write(word.isNominative)
      word.location.archive(to: &writer)
    }
    for types in [reporterTypes, inanimateTypes, personTypes] { writer.write(types.sorted()) }
    writer.write(markerLocations.count)
    for key in markerLocations.keys.sorted() {
      writer.write(key)
      markerLocations[key]!.archive(to: &writer)
    }
  }

  /// Reads what `archive(to:)` wrote; marker bits of no kind are an error.
  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    let kinds = 1 << MarkerKind.allCases.count
    for isMarkers in [true, false] {
      var table: [String: UInt64] = [:]
      for _ in 0..<(try reader.readCount(field: "the number of marker words")) {
        let key = try reader.readString()
        table[key] = UInt64(try reader.readIndex(below: kinds, field: "a word's marker kinds"))
        if isMarkers { known.insert(key) }
      }
      if isMarkers { markers = table } else { classes = table }
    }
    verbSuffixes = try reader.readStrings()
    participleSuffixes = try reader.readStrings()
    for _ in 0..<(try reader.readCount(field: "the number of reference words")) {
      let key = try reader.readString()
      let start = reader.offset
      guard let kind = ReferenceKind(rawValue: try reader.readString()) else {
        throw .archiveValueOutOfRange(
          offset: start, field: "a reference kind", found: 0, limit: ReferenceKind.allCases.count)
      }
      references[key] = ReferenceWord(
        kind: kind, types: try reader.readStrings(), isPossessive: try reader.readBool(),
        isPlural: try reader.readBool(), isNominative: try reader.readBool(),
        location: try SourceLocation(from: &reader))
      known.insert(key)
    }
    reporterTypes = Set(try reader.readStrings())
    inanimateTypes = Set(try reader.readStrings())
    personTypes = Set(try reader.readStrings())
    for _ in 0..<(try reader.readCount(field: "the number of marker locations")) {
      markerLocations[try reader.readString()] = try SourceLocation(from: &reader)
    }
  }
}
