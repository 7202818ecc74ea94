/// Every token key some word list knows (gazetteer aliases, lexicon terms, modifier words,
/// clause markers), numbered 1…`count` in the order the lists give them. The tokenizer gives
/// each token the id of its key (0 for a key no list knows), once, so that the matchers and rule
/// tables read an array slot per token instead of hashing the key into each of their
/// dictionaries.
///
/// Ids are only meaningful together with the vocabulary that gave them: a `TokenizedText`
/// carries the `stamp` of its tokenizer's vocabulary, and a table bound to a vocabulary
/// (`PhraseMatcher.bind(to:)`, `IDTable`) uses the ids only when the stamps agree, and the keys
/// otherwise. So a result never depends on whether ids were used.
///
/// ```swift
/// let vocabulary = Vocabulary(["nasa", "roscosmos"])
/// vocabulary.id(of: "roscosmos")  // 2
/// vocabulary.id(of: "moon")       // 0
/// ```
public struct Vocabulary: Sendable {
  /// id - 1 → key.
  public let keys: [String]
  /// Open addressing over the keys' hashes: slot → id (0: empty). A power of two, at most half
  /// full.
  private let slots: [UInt32]
  /// A fingerprint of `keys` (never 0), so that ids of one vocabulary are never read with
  /// another's tables.
  public let stamp: UInt64

  /// The vocabulary of `keys`, numbered in the order given (a repeat keeps its first id).
  /// Give the keys in a deterministic order (not a `Dictionary`'s or a `Set`'s), so that ids
  /// and the stamp are the same in every run.
  public init(_ keys: some Sequence<String>) {
    let given = Array(keys)
    var capacity = 16
    while capacity < given.count * 2 { capacity *= 2 }
    var slots = [UInt32](repeating: 0, count: capacity)
    var unique: [String] = []
    unique.reserveCapacity(given.count)
    var stamp: UInt64 = 0xCBF2_9CE4_8422_2325
    // One pass that builds the table and drops repeats with it: sorting or a `Set` of a million
    // aliases' keys was most of a big gazetteer's load time.
    for key in given {
      let hash = Self.hash(key)
      var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
      var repeated = false
      while slots[slot] != 0 {
        if unique[Int(slots[slot]) - 1] == key {
          repeated = true
          break
        }
        slot = (slot + 1) & (capacity - 1)
      }
      guard !repeated else { continue }
      unique.append(key)
      slots[slot] = UInt32(unique.count)
      stamp = (stamp ^ hash) &* 0x0000_0100_0000_01B3
    }
    self.keys = unique
    self.slots = slots
    self.stamp = stamp | 1
  }

  public var count: Int { keys.count }

  /// The id of a key, 0 when the vocabulary does not have it.
  @inline(__always)
  public func id(of key: String) -> UInt32 {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
    while true {
      let id = slots[slot]
      if id == 0 || keys[Int(id) - 1] == key { return id }
      slot = (slot + 1) & mask
    }
  }

  /// FNV-1a over the key's UTF-8, then mixed: a few instructions a byte, no allocation.
  @inline(__always)
  static func hash(_ key: String) -> UInt64 {
    // Every key is a native string, whose UTF-8 is contiguous; the copy is only a fallback.
    key.utf8.withContiguousStorageIfAvailable(hash(bytes:))
      ?? Array(key.utf8).withUnsafeBufferPointer(hash(bytes:))
  }

  @inline(__always)
  static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return (hash ^ hash >> 29) &* 0xBF58_476D_1CE4_E5B9 ^ hash >> 32
  }
}

/// A value per vocabulary id, for a table keyed by token keys (modifier words, clause markers):
/// `value(for:in:)` reads the slot of the token's id when the text was tokenized with the bound
/// vocabulary, and asks `fallback` (the table's own key look-up) otherwise.
public struct IDTable<Value: Sendable>: Sendable {
  @usableFromInline var values: [Value?] = []
  @usableFromInline var stamp: UInt64 = 0

  public init() {}

  /// Binds the table of `keys` to `vocabulary`, which must hold every one of them: `lookUp`
  /// gives the value of a key.
  public init(
    vocabulary: Vocabulary, keys: some Sequence<String>, lookUp: (String) -> Value?
  ) {
    // By the table's own keys (a few hundred), not the vocabulary's (a million with a big
    // gazetteer): a key of the vocabulary that is not the table's has no value, and the slots
    // end at the table's last id (the analyzer numbers the gazetteer's keys last).
    let ids = keys.map { key in
      let id = vocabulary.id(of: key)
      precondition(id != 0, "a vocabulary without the table's key '\(key)'")
      return (key, Int(id))
    }
    var values = [Value?](repeating: nil, count: (ids.map(\.1).max() ?? 0) + 1)
    for (key, id) in ids { values[id] = lookUp(key) }
    self.values = values
    stamp = vocabulary.stamp
  }

  /// The value for token `token` of `doc`, through its id when `doc`'s vocabulary is the bound
  /// one, else through `fallback(key)`. Inlinable, so it runs specialised in the caller's module.
  @inlinable @inline(__always)
  public func value(
    for token: Int, in doc: TokenizedText, fallback: (String) -> Value?
  ) -> Value? {
    if stamp != 0 && doc.vocabularyStamp == stamp {
      let id = Int(doc.tokens[token].id)
      return id < values.count ? values[id] : nil
    }
    return fallback(doc.tokens[token].key)
  }
}
