/// Keys numbered 0, 1, … in the order they were first inserted, looked up through open
/// addressing over `Vocabulary.hash`: a phrase table's words and a gazetteer's entity ids.
///
/// The hash has no per-process seed (`Dictionary`'s has), so the slots are the same in every
/// run, and a compiled table is read back as they are (`archive(to:)`, `init(from:)`) with no
/// key hashed again; it is also cheaper than `Dictionary`'s SipHash for short keys.
///
/// ```swift
/// var table = KeyTable()
/// table.insert("nasa")       // 0
/// table.insert("roscosmos")  // 1
/// table.number(of: "nasa")   // 0
/// ```
package struct KeyTable: Sendable {
  /// number → key.
  package private(set) var keys: [String] = []
  /// Slot → number + 1 (0: empty). A power of two, at most half full.
  private var slots = [UInt32](repeating: 0, count: 16)

  package init() {}

  package var count: Int { keys.count }

  /// The number of `key`, nil when it was never inserted.
  @inline(__always)
  package func number(of key: String) -> UInt32? { number(of: key, hash: Vocabulary.hash(key)) }

  /// `number(of:)` of a key whose `Vocabulary.hash` is `hash`.
  @inline(__always)
  private func number(of key: String, hash: UInt64) -> UInt32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = slots[slot]
      if found == 0 { return nil }
      if keys[Int(found) - 1] == key { return found - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// The number of `key`, inserting it when it is new.
  @discardableResult
  package mutating func insert(_ key: String) -> UInt32 {
    // Hashed once: a new key was hashed again to be placed.
    let hash = Vocabulary.hash(key)
    if let number = number(of: key, hash: hash) { return number }
    if (keys.count + 1) * 2 > slots.count { grow() }
    keys.append(key)
    place(UInt32(keys.count), hash: hash)
    return UInt32(keys.count - 1)
  }

  private mutating func place(_ entry: UInt32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = entry
  }

  private mutating func grow() {
    slots = [UInt32](repeating: 0, count: slots.count * 2)
    for (number, key) in keys.enumerated() { place(UInt32(number + 1), hash: Vocabulary.hash(key)) }
  }

  package func archive(to writer: inout ArchiveWriter) {
    writer.write(keys)
    writer.write(sparse: slots)
  }

  /// Reads what `archive(to:)` wrote; the slots must be a power of two with an empty one (so
  /// that a probe ends) and hold numbers of the keys.
  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    keys = try reader.readStrings()
    let start = reader.offset
    let limit = 4 * keys.count + 17
    slots = try reader.readSparse(maxLength: limit, field: "a key table")
    guard slots.count >= 16, slots.count & (slots.count - 1) == 0, keys.count * 2 <= slots.count
    else {
      throw .archiveValueOutOfRange(
        offset: start, field: "a key table's slot count (a power of two, twice the keys)",
        found: slots.count, limit: limit)
    }
    for slot in slots where Int(slot) > keys.count {
      throw .archiveValueOutOfRange(
        offset: start, field: "a key table's slot", found: Int(slot), limit: keys.count + 1)
    }
  }
}
