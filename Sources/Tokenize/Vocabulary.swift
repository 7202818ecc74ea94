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
/// The wildcard words of the lists (`cooperat*`) are numbered too, as `prefixes`: each token
/// also gets the id of the longest of them its key starts with (`Token.prefixID`, 0 for none),
/// so that a matcher resolves a wildcard once per key rather than probing every token.
///
/// ```swift
/// let vocabulary = Vocabulary(["nasa", "roscosmos"], prefixes: ["cooperat"])
/// vocabulary.id(of: "roscosmos")                // 2
/// vocabulary.id(of: "moon")                     // 0
/// vocabulary.prefixID(of: "cooperation")        // 1
/// ```
public struct Vocabulary: Sendable {
  /// id - 1 → key.
  public let keys: [String]
  /// Open addressing over the keys' hashes: slot → id (0: empty). A power of two, at most half
  /// full.
  private let slots: [UInt32]
  /// Prefix id - 1 → prefix (a wildcard word without its `*`). Empty when more than
  /// `maxPrefixes` were given: tokens then carry no prefix ids, and tables probe their prefixes
  /// by key as they do for a text of another vocabulary.
  public let prefixes: [String]
  /// Prefix id - 1 → the id of the longest other prefix it starts with (0: none): the prefixes
  /// a key starts with are its `prefixID` and this chain from it, longest first.
  package let prefixParents: [UInt32]
  /// Open addressing over the prefixes' hashes, as `slots` (empty without prefixes).
  private let prefixSlots: [UInt32]
  /// The UTF-8 length of the longest prefix.
  private let longestPrefix: Int
  /// A fingerprint of `keys` and `prefixes` (never 0), so that ids of one vocabulary are never
  /// read with another's tables.
  public let stamp: UInt64

  /// The most prefixes a vocabulary numbers (`Token.prefixID` is 16 bits).
  public static let maxPrefixes = Int(UInt16.max)

  /// The vocabulary of `keys`, numbered in the order given (a repeat keeps its first id), and
  /// of `prefixes` likewise. Give them in a deterministic order (not a `Dictionary`'s or a
  /// `Set`'s), so that ids and the stamp are the same in every run.
  public init(_ keys: some Sequence<String>, prefixes: some Sequence<String> = [String]()) {
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
      let (slot, id) = Self.probe(key, hash: hash, slots: slots, keys: unique)
      guard id == 0 else { continue }
      unique.append(key)
      slots[slot] = UInt32(unique.count)
      stamp = (stamp ^ hash) &* 0x0000_0100_0000_01B3
    }
    self.keys = unique
    self.slots = slots
    let table = PrefixNumbering(prefixes)
    self.prefixes = table.prefixes
    self.prefixSlots = table.slots
    self.longestPrefix = table.longest
    self.prefixParents = table.prefixes.map {
      Self.longestPrefix(of: Array($0.utf8).dropLast()[...], in: table.prefixes, table.slots)
    }
    for prefix in table.prefixes { stamp = (stamp ^ ~Self.hash(prefix)) &* 0x0000_0100_0000_01B3 }
    self.stamp = stamp | 1
  }

  /// The prefixes numbered 1…n in the order given, a repeat or an empty one left out; none when
  /// there are more than `maxPrefixes`.
  private struct PrefixNumbering {
    var prefixes: [String] = []
    var slots: [UInt32] = []
    var longest = 0

    init(_ given: some Sequence<String>) {
      let given = Array(given).filter { !$0.isEmpty }
      guard !given.isEmpty else { return }
      var capacity = 16
      while capacity < given.count * 2 { capacity *= 2 }
      slots = [UInt32](repeating: 0, count: capacity)
      for prefix in given {
        let (slot, id) = Vocabulary.probe(
          prefix, hash: Vocabulary.hash(prefix), slots: slots, keys: prefixes)
        guard id == 0 else { continue }
        guard prefixes.count < Vocabulary.maxPrefixes else {
          self = PrefixNumbering([String]())
          return
        }
        prefixes.append(prefix)
        slots[slot] = UInt32(prefixes.count)
        longest = max(longest, prefix.utf8.count)
      }
    }
  }

  public var count: Int { keys.count }

  /// The id of a key, 0 when the vocabulary does not have it.
  @inline(__always)
  public func id(of key: String) -> UInt32 {
    Self.probe(key, hash: Self.hash(key), slots: slots, keys: keys).id
  }

  /// Where `key` stands in an open-addressing table: `slots` (a power of two of them, not
  /// full) hold 1-based indices into `keys`, 0 for an empty slot. Its id, or 0 and the empty
  /// slot where it would go.
  @inline(__always)
  static func probe(_ key: String, hash: UInt64, slots: [UInt32], keys: [String]) -> (
    slot: Int, id: UInt32
  ) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let id = slots[slot]
      if id == 0 || keys[Int(id) - 1] == key { return (slot, id) }
      slot = (slot + 1) & mask
    }
  }

  /// The id of the longest prefix `key` starts with (byte by byte), 0 when it starts with none.
  ///
  /// - Complexity: O(n) in the key's length up to the longest prefix's: one hash probe per
  ///   length, the hash carried from one length to the next.
  public func prefixID(of key: String) -> UInt32 {
    guard !prefixes.isEmpty else { return 0 }
    return key.utf8.withContiguousStorageIfAvailable {
      Self.longestPrefix(of: $0[...], in: prefixes, prefixSlots, upTo: longestPrefix)
    }
      ?? Self.longestPrefix(
        of: Array(key.utf8)[...], in: prefixes, prefixSlots, upTo: longestPrefix)
  }

  /// The id of `prefix` among `prefixes` (not of a prefix it starts with), 0 when it is none.
  public func prefixNumber(of prefix: String) -> UInt32 {
    let id = prefixID(of: prefix)
    return id != 0 && prefixes[Int(id) - 1].utf8.count == prefix.utf8.count ? id : 0
  }

  /// The longest of `prefixes` (through their table `slots`) that `bytes` start with.
  private static func longestPrefix<Bytes: Collection<UInt8>>(
    of bytes: Bytes, in prefixes: [String], _ slots: [UInt32], upTo longest: Int = .max
  ) -> UInt32 {
    guard !slots.isEmpty else { return 0 }
    let mask = slots.count - 1
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var length = 0
    var found: UInt32 = 0
    for byte in bytes {
      guard length < longest else { break }
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      length += 1
      var slot = Int(truncatingIfNeeded: mix(hash)) & mask
      while case let id = slots[slot], id != 0 {
        let prefix = prefixes[Int(id) - 1].utf8
        if prefix.count == length && prefix.elementsEqual(bytes.prefix(length)) {
          found = id
          break
        }
        slot = (slot + 1) & mask
      }
    }
    return found
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
    return mix(hash)
  }

  /// The last step of `hash(bytes:)`, so that the low bits depend on every byte.
  @inline(__always)
  static func mix(_ hash: UInt64) -> UInt64 {
    (hash ^ hash >> 29) &* 0xBF58_476D_1CE4_E5B9 ^ hash >> 32
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
  /// gives the value of a key. Inlinable, so that it runs specialised for each table's values
  /// (unspecialised, its metadata look-ups and iterator thunks were half of binding a table).
  @inlinable
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
