import Tokenize

// A loaded lexicon as compiled bytes (`ArchiveWriter`), read back as it was: the default
// lexicon is pre-built this way at build time (`PrebuiltTables`), so a run reads its entries
// and phrase tables instead of tokenizing every term. Every entry number read is checked
// against the entries.

extension Lexicon {
  /// Writes the entries, the dimensions with their phrase tables, and the declared policies.
  package func archive(to writer: inout ArchiveWriter) {
    writer.write(entries.count)
    for entry in entries {
      writer.write(entry.term)
      writer.write(double: entry.weight)
      writer.write(entry.dimension)
      writer.write(entry.keys)
      writer.write(entry.isPrefix)
      entry.location.archive(to: &writer)
    }
    writer.write(dimensions.count)
    for dimension in dimensions {
      writer.write(dimension)
      let matcher = matchers[dimension]!
      writer.write(matcher.archivedValues)
      matcher.archive(to: &writer)
    }
    writer.write(declaredPolicies.count)
    for dimension in declaredPolicies.keys.sorted() {
      writer.write(dimension)
      writer.write(declaredPolicies[dimension]!.description)
    }
  }

  /// Reads what `archive(to:)` wrote.
  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    let count = try reader.readCount(field: "the number of entries")
    var entries: [LexiconEntry] = []
    entries.reserveCapacity(count)
    for _ in 0..<count {
      entries.append(
        LexiconEntry(
          term: try reader.readString(), weight: try reader.readDouble(),
          dimension: try reader.readString(),
          keys: try reader.readStrings(), isPrefix: try reader.readBool(),
          location: try SourceLocation(from: &reader)))
    }
    self.entries = entries
    for _ in 0..<(try reader.readCount(field: "the number of dimensions")) {
      let dimension = try reader.readString()
      let values = try reader.readIndices(below: count, field: "an entry")
      matchers[dimension] = try PhraseMatcher(values: values, from: &reader)
      dimensions.append(dimension)
    }
    for _ in 0..<(try reader.readCount(field: "the number of declared policies")) {
      let dimension = try reader.readString()
      let start = reader.offset
      let name = try reader.readString()
      guard let policy = try? AttributionPolicy(parsing: name) else {
        throw .archiveValueOutOfRange(offset: start, field: "a policy", found: 0, limit: 0)
      }
      declaredPolicies[dimension] = policy
    }
  }
}
