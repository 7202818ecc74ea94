/// Keys numbered 0, 1, … in the order they were first inserted, looked up through open
/// addressing over `Vocabulary.hash`: a phrase table's words and a gazetteer's entity ids.
///
/// The hash has no per-process seed (`Dictionary`'s has), so the slots are the same in every
/// run; it is cheaper than `Dictionary`'s SipHash for the short keys of a phrase table.
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
  package func number(of key: String) -> UInt32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Vocabulary.hash(key)) & mask
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
    if let number = number(of: key) { return number }
    if (keys.count + 1) * 2 > slots.count { grow() }
    keys.append(key)
    place(UInt32(keys.count), hash: Vocabulary.hash(key))
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
}
