// The phrase tables as compiled bytes (`ArchiveWriter`), read back as they were built: a
// compiled gazetteer loads its matchers without inserting a phrase.

extension PhraseMatcher {
  /// The values, in the order they were inserted: the caller archives them (so that they are
  /// read in its module, specialised; read here, each cost generic metadata look-ups).
  package var archivedValues: [Value] { values }

  /// Writes the phrase table (not the values: `archivedValues`).
  package func archive(to writer: inout ArchiveWriter) {
    trie.archive(to: &writer)
  }

  /// Reads what `archive(to:)` wrote, for these values. Every node, key and value number the
  /// tables hold is checked against its table, so a walk never indexes out of range.
  package init(values: [Value], from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    self.values = values
    trie = try PhraseTrie(from: &reader, values: values.count)
  }
}

extension PhraseTrie {
  func archive(to writer: inout ArchiveWriter) {
    vocabulary.archive(to: &writer)
    writer.write(raw: known.bits)
    writer.write(Int(nodeCount))
    edges.archive(to: &writer)
    writer.write(sparse: terminalOf)
    writer.write(terminalLists.count)
    for list in terminalLists { writer.write(list) }
    writer.write(sparse: prefixOf)
    writer.write(prefixTables.count)
    for table in prefixTables { table.archive(to: &writer) }
    rootPrefixes.archive(to: &writer)
    writer.write(count)
    writer.write(longest)
  }

  /// `values`: how many values the matcher has (every value index is below it).
  init(from reader: inout ArchiveReader, values: Int) throws(TokenizeError) {
    self.init()
    vocabulary = try KeyTable(from: &reader)
    known.bits = try Self.readBits(&reader, count: known.bits.count, field: "a key filter")
    // Every node but the root takes an edge's bytes: no more nodes than bytes.
    nodeCount = UInt32(try reader.readCount(field: "the node count"))
    guard nodeCount > 0 else {
      throw .archiveValueOutOfRange(
        offset: reader.offset, field: "the node count (at least 1)", found: 0,
        limit: Int(UInt32.max))
    }
    edges = try EdgeTable(from: &reader, valuesBelow: Int(nodeCount), field: "a phrase node")
    terminalOf = try Self.readTable(&reader, count: Int(nodeCount), field: "the nodes' terminals")
    let lists = try reader.readCount(field: "the number of terminal lists")
    terminalLists.reserveCapacity(lists)
    for _ in 0..<lists {
      terminalLists.append(try reader.readIndices(below: values, field: "a phrase value number"))
    }
    try Self.check(terminalOf, below: lists + 1, field: "a node's terminal list", reader.offset)
    prefixOf = try Self.readTable(&reader, count: Int(nodeCount), field: "the nodes' prefixes")
    let tables = try reader.readCount(field: "the number of prefix tables")
    for _ in 0..<tables { prefixTables.append(try PrefixTable(from: &reader, values: values)) }
    try Self.check(prefixOf, below: tables + 1, field: "a node's prefix table", reader.offset)
    rootPrefixes = try PrefixTable(from: &reader, values: values)
    hasRootPrefixes = !rootPrefixes.isEmpty
    count = try reader.readInt()
    longest = try reader.readIndex(below: Self.maxDepth + 1, field: "the longest phrase")
  }

  /// A sparse table of `count` words.
  static func readTable(
    _ reader: inout ArchiveReader, count: Int, field: String
  ) throws(TokenizeError) -> [UInt32] {
    let start = reader.offset
    let table = try reader.readSparse(maxLength: count, field: field)
    guard table.count == count else {
      throw .archiveValueOutOfRange(
        offset: start, field: "the length of \(field)", found: table.count, limit: count + 1)
    }
    return table
  }

  static func readBits(
    _ reader: inout ArchiveReader, count: Int, field: String
  ) throws(TokenizeError) -> [UInt64] {
    let start = reader.offset
    let bits = try reader.readUInt64s()
    guard bits.count == count else {
      throw .archiveValueOutOfRange(
        offset: start, field: "the length of \(field)", found: bits.count, limit: count + 1)
    }
    return bits
  }

  static func check(
    _ table: [UInt32], below limit: Int, field: String, _ offset: Int
  ) throws(TokenizeError) {
    if let bad = table.first(where: { Int($0) >= limit }) {
      throw .archiveValueOutOfRange(offset: offset, field: field, found: Int(bad), limit: limit)
    }
  }
}

extension EdgeTable {
  /// The number of edges, the capacity, then each filled slot as the distance from the previous one, the
  /// edge and the value: a third of the raw table's bytes, and read back in slot order (no
  /// hashing, no probing).
  func archive(to writer: inout ArchiveWriter) {
    writer.write(count)
    writer.write(keys.count)
    var previous = -1
    for (slot, key) in keys.enumerated() where key != 0 {
      writer.write(slot - previous - 1)
      writer.write(Int(key >> 32))
      writer.write(Int(key & 0xFFFF_FFFF))
      writer.write(Int(values[slot]))
      previous = slot
    }
  }

  /// Reads what `archive(to:)` wrote; every value must be below `limit`.
  init(from reader: inout ArchiveReader, valuesBelow limit: Int, field: String)
    throws(TokenizeError)
  {
    let start = reader.offset
    let count = try reader.readCount(field: "the number of edges")
    // A power of two of at least 16 and at most four times the edges (twice after growing),
    // at most half full, so that a probe ends at an empty slot.
    let capacity = try reader.readIndex(below: 4 * count + 17, field: "an edge table's capacity")
    guard capacity >= 16, capacity & (capacity - 1) == 0, count * 2 <= capacity else {
      throw .archiveValueOutOfRange(
        offset: start, field: "an edge table's capacity (a power of two, twice its edges)",
        found: capacity, limit: 4 * count + 17)
    }
    var keys = [UInt64](repeating: 0, count: capacity)
    var values = [UInt32](repeating: 0, count: capacity)
    var slot = -1
    for _ in 0..<count {
      slot += 1 + (try reader.readIndex(below: capacity - slot - 1, field: "an edge's slot"))
      let high = try reader.readIndex(below: 1 << 32, field: "an edge's node")
      let low = try reader.readIndex(below: 1 << 32, field: "an edge's key")
      let key = UInt64(high) << 32 | UInt64(low)
      guard key != 0 else {
        throw .archiveValueOutOfRange(
          offset: reader.offset, field: "an edge (not 0)", found: 0, limit: Int.max)
      }
      keys[slot] = key
      values[slot] = UInt32(try reader.readIndex(below: limit, field: field))
    }
    self.keys = keys
    self.values = values
    self.count = count
    shift = 64 - capacity.trailingZeroBitCount
  }
}

extension PrefixTable {
  func archive(to writer: inout ArchiveWriter) {
    buckets.archive(to: &writer)
    writer.write(lists.count)
    for list in lists {
      writer.write(list.count)
      for entry in list {
        writer.write(entry.prefix)
        writer.write(entry.values)
      }
    }
    writer.write(raw: present)
  }

  init(from reader: inout ArchiveReader, values: Int) throws(TokenizeError) {
    self.init()
    let count = present.count
    buckets = try EdgeTable(from: &reader, valuesBelow: Int(UInt32.max), field: "a prefix bucket")
    let lists = try reader.readCount(field: "the number of prefix buckets")
    try PhraseTrie.check(buckets.values, below: lists + 1, field: "a prefix bucket", reader.offset)
    for _ in 0..<lists {
      var list: [Entry] = []
      for _ in 0..<(try reader.readCount(field: "the number of prefixes of a bucket")) {
        let prefix = try reader.readString()
        guard !prefix.isEmpty else {
          throw .archiveValueOutOfRange(
            offset: reader.offset, field: "a prefix's length (at least 1)", found: 0,
            limit: Int.max)
        }
        let numbers = try reader.readIndices(below: values, field: "a phrase value number")
        list.append(Entry(bytes: Array(prefix.utf8), prefix: prefix, values: numbers))
      }
      self.lists.append(list)
    }
    present = try PhraseTrie.readBits(&reader, count: count, field: "a prefix table's bits")
  }
}

extension StemSet {
  package func archive(to writer: inout ArchiveWriter) {
    // Sorted: the same gazetteer compiles to the same bytes in every run.
    writer.write(stems.sorted())
    writer.write(raw: prefixBits)
  }

  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    stems = Set(try reader.readStrings())
    prefixBits = try PhraseTrie.readBits(&reader, count: prefixBits.count, field: "a stem filter")
  }
}
