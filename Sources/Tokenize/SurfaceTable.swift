/// The key, vocabulary id and prefix id of each distinct token surface a session has seen, and whether it
/// holds '.' or '@' (only such a word may start a link other than a URL with a scheme,
/// `TokenRules`), so that a surface is folded, made into a `String`, looked up in the
/// vocabulary and scanned once, not at each of its occurrences: most tokens of a text repeat an
/// earlier one ("the", ",", "Roscosmos").
/// Surfaces are compared as written, so "The" and "the" are two entries with one key.
///
/// Open addressing over a hash of the surface's UTF-16 units, which are kept one after another
/// in one buffer. Bounded: the table empties itself when it holds `entryLimit` surfaces or
/// `unitLimit` units, so a huge text of distinct words costs no more memory than a short one.
/// A surface longer than `longest` units is never stored (its caller folds it each time).
///
/// ```swift
/// var table = SurfaceTable()
/// table.value(of: units)                  // nil
/// table.add(units, ("the", 7, 0, 0))      // ("the", 7, 0, 0, marks: 0)
/// table.value(of: units)                  // found
/// ```
///
/// Looking up and adding are two calls, so that the look-up (at every token) is inlined alone:
/// with the adding (once per distinct surface) inlined beside it, the tokenizer's loop kept
/// more values on the stack at every token.
struct SurfaceTable {
  static let entryLimit = 1 << 14
  static let unitLimit = 1 << 18
  static let longest = 64

  /// What the table keeps of a surface.
  struct Value {
    var key: String
    var id: UInt32
    var prefixID: UInt16
    /// `Token.variantHint` of the key.
    var variantHint: UInt8
    /// What a `TokenRules` rule may make of a token of the surface: `dotOrAt`, `hyphen` and
    /// `colon` bits (one byte: the value stays 24 bytes).
    var marks: UInt8

    /// The surface has a '.' or an '@' (a link may start there).
    static let dotOrAt: UInt8 = 1
    /// The surface is one hyphen unit (`TokenRules.isHyphen(_:)`).
    static let hyphen: UInt8 = 2
    /// The key is ":" (a scheme's link may start at the token before).
    static let colon: UInt8 = 4

    /// Whether the surface has a '.' or an '@'.
    var holdsDotOrAt: Bool { marks & Self.dotOrAt != 0 }
  }

  /// Where a surface is in `units`, and its hash: what a probe reads. Kept apart from the
  /// values (no reference in it), so a probe copies no string.
  private struct Entry {
    var hash: UInt32
    var start: Int32
    var count: Int32
  }

  private var entries: [Entry] = []
  /// By entry: the value.
  private var values: [Value] = []
  private var units: [UInt16] = []
  /// Slot → entry index + 1 (0: empty). Twice `entryLimit`, so at most half full; allocated
  /// at the first entry, so that an empty table costs nothing to make.
  private var slots: [Int32] = []

  init() {}

  /// The stored value of `surface`, or nil (then `add` it).
  ///
  /// - Complexity: O(n) in the surface's length, expected.
  @inline(__always)
  func value(of surface: UnsafeBufferPointer<UInt16>) -> Value? {
    guard surface.count <= Self.longest, !slots.isEmpty else { return nil }
    let hash = Self.hash(surface)
    let mask = slots.count &- 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = Int(slots[slot])
      if found == 0 { return nil }
      if entries[found &- 1].hash == hash, matches(found &- 1, surface) {
        return values[found &- 1]
      }
      slot = (slot &+ 1) & mask
    }
  }

  /// Stores `made`, the key and ids of `surface`, which `value(of:)` did not find, and returns
  /// the value stored (a surface longer than `longest` is not stored). Not inlined: it runs
  /// once per distinct surface.
  @inline(never)
  mutating func add(
    _ surface: UnsafeBufferPointer<UInt16>,
    _ made: (key: String, id: UInt32, prefixID: UInt16, variantHint: UInt8)
  ) -> Value {
    var marks: UInt8 = surface.contains { $0 == 0x2E || $0 == 0x40 } ? Value.dotOrAt : 0
    if surface.count == 1 && TokenRules.isHyphen(surface[0]) { marks |= Value.hyphen }
    if made.key == ":" { marks |= Value.colon }
    let value = Value(
      key: made.key, id: made.id, prefixID: made.prefixID, variantHint: made.variantHint,
      marks: marks)
    guard surface.count <= Self.longest else { return value }
    if slots.isEmpty { slots = [Int32](repeating: 0, count: 2 * Self.entryLimit) }
    if entries.count == Self.entryLimit || units.count + surface.count > Self.unitLimit {
      removeAll()
    }
    let hash = Self.hash(surface)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    entries.append(Entry(hash: hash, start: Int32(units.count), count: Int32(surface.count)))
    values.append(value)
    units.append(contentsOf: surface)
    slots[slot] = Int32(entries.count)
    return value
  }

  /// Whether entry `index` is the surface `surface`.
  @inline(__always)
  private func matches(_ index: Int, _ surface: UnsafeBufferPointer<UInt16>) -> Bool {
    guard Int(entries[index].count) == surface.count else { return false }
    guard let b = surface.baseAddress else { return true }
    let start = Int(entries[index].start)
    return units.withUnsafeBufferPointer { units in
      // Four units at a time, then two, then one.
      let a = units.baseAddress! + start
      let count = surface.count
      var i = 0
      while i &+ 4 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
          != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        {
          return false
        }
        i &+= 4
      }
      if i &+ 2 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt32.self)
          != UnsafeRawPointer(b + i).loadUnaligned(as: UInt32.self)
        {
          return false
        }
        i &+= 2
      }
      return i == count || a[i] == b[i]
    }
  }

  private mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    units.removeAll(keepingCapacity: true)
    slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  /// FNV-1a over the units, four at a time (then two, then one: a unit at a time, the rest of
  /// a word took a loop), then mixed so that the low bits (the slot) depend on every unit.
  @inline(__always)
  private static func hash(_ surface: UnsafeBufferPointer<UInt16>) -> UInt32 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    let count = surface.count
    if let base = surface.baseAddress {
      var i = 0
      while i &+ 4 <= count {
        let four = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        hash = (hash ^ four) &* 0x0000_0100_0000_01B3
        i &+= 4
      }
      if i &+ 2 <= count {
        let two = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
        hash = (hash ^ UInt64(two)) &* 0x0000_0100_0000_01B3
        i &+= 2
      }
      if i < count { hash = (hash ^ UInt64(base[i])) &* 0x0000_0100_0000_01B3 }
    }
    hash = (hash ^ hash >> 29) &* 0xBF58_476D_1CE4_E5B9
    return UInt32(truncatingIfNeeded: hash ^ hash >> 32)
  }
}
