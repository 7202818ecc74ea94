/// Which extra keys the tokenizer computes for each token, for matchers that compare stems
/// (Snowball) or transliterations (ICU) besides the plain key. Empty by default: then the
/// tokenizer does no extra work. A gazetteer with `stem` or `translit` aliases says what it
/// needs (`Gazetteer.keyVariants`), and the analyzer configures its tokenizer with it.
public struct KeyVariants: Sendable, Hashable {
  /// Language → the stems some alias has. A token gets a stem key only when its stem is one of
  /// them, so a text without such words costs one bit test per word.
  public var stems: [String: StemSet]
  /// Whether tokens whose key is not ASCII get a transliteration key.
  public var transliterate: Bool

  public init(stems: [String: StemSet] = [:], transliterate: Bool = false) {
    self.stems = stems
    self.transliterate = transliterate
  }

  public var isEmpty: Bool { stems.isEmpty && !transliterate }
}

/// A set of stems, with a bit table over each stem's first three UTF-8 bytes so most words are
/// rejected before they are stemmed (a Snowball stem starts like its word).
public struct StemSet: Sendable, Hashable {
  public internal(set) var stems: Set<String> = []
  // Internal for `PhraseMatcher+Archive.swift` only.
  var prefixBits = [UInt64](repeating: 0, count: 1024)

  public init() {}

  public mutating func insert(_ stem: String) {
    stems.insert(stem)
    let s = Self.signature(stem)
    prefixBits[s >> 6] |= 1 << UInt64(s & 63)
  }

  /// False when no stem of the set can be the stem of `key`.
  /// (`signature(key)` given, so it is computed once for every language's set.)
  @inline(__always)
  func mayHold(signature s: Int) -> Bool { prefixBits[s >> 6] & (1 << UInt64(s & 63)) != 0 }

  @inline(__always)
  static func signature(_ key: String) -> Int { signatureAndASCII(key).signature }

  /// `signature(key)`, and whether the key is ASCII, in one look at its UTF-8.
  @inline(__always)
  static func signatureAndASCII(_ key: String) -> (signature: Int, isASCII: Bool) {
    // Native strings (every key) have contiguous UTF-8; the copy is only a fallback.
    key.utf8.withContiguousStorageIfAvailable(signatureAndASCII(bytes:))
      ?? Array(key.utf8).withUnsafeBufferPointer(signatureAndASCII(bytes:))
  }

  @inline(__always)
  static func signatureAndASCII(
    bytes: UnsafeBufferPointer<UInt8>
  ) -> (signature: Int, isASCII: Bool) {
    var hash = 0
    var high: UInt8 = 0
    for (i, byte) in bytes.enumerated() {
      if i < 3 { hash = hash &* 0x9E37 ^ Int(byte) }
      high |= byte
    }
    return ((hash &* 0x85EB) >> 3 & 0xFFFF, high < 0x80)
  }
}

/// The extra keys of one tokenized text (empty when the tokenizer computes none or no token has
/// one).
public struct TokenVariants: Sendable {
  /// Per stem language with at least one stem key in the text: the stem key of each token
  /// (`""` where it has none).
  public var stems: [(language: String, keys: KeyColumn)] = []
  /// The transliteration key of each token (`""` where it equals the key); empty when no token
  /// has one.
  public var transliterations = KeyColumn()

  public init() {}
}

/// Per token, an extra key or none (`""`), in 4 bytes a token: each distinct key is stored once
/// and tokens hold its number. A `[String]` column took 16 bytes a token per stem language and
/// for transliteration, as much as the tokens themselves on a huge document.
///
/// ```swift
/// let column: KeyColumn = ["glava", "roskosmosa", "", ""]
/// column[1]  // "roskosmosa"
/// ```
public struct KeyColumn: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, Equatable {
  /// 0: no key; k: `distinct[k - 1]`.
  @usableFromInline var slots: [UInt32] = []
  @usableFromInline var distinct: [String] = []
  /// The tokens that have a key, increasing: what `forEachKey(_:)` visits, without reading the
  /// slots of the (most) tokens without one.
  @usableFromInline var keyed: [Int32] = []

  public init() {}

  /// A column of `count` tokens without keys.
  init(count: Int) { slots = [UInt32](filled: 0, count: count) }

  public init(arrayLiteral keys: String...) {
    var builder = Builder(count: keys.count)
    for (i, key) in keys.enumerated() where !key.isEmpty { builder.set(key, at: i) }
    self = builder.column
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { slots.count }

  /// The key of token `i`, `""` when it has none.
  public subscript(i: Int) -> String { key(at: i) ?? "" }

  /// The key of token `i`, nil when it has none. Inlinable, like `hasKey(at:)`: matchers in
  /// other modules call it at every token.
  @inlinable @inline(__always)
  public func key(at i: Int) -> String? {
    let slot = slots[i]
    return slot == 0 ? nil : distinct[Int(slot) - 1]
  }

  /// Whether token `i` has a key.
  @inlinable @inline(__always)
  public func hasKey(at i: Int) -> Bool { slots[i] != 0 }

  public static func == (a: KeyColumn, b: KeyColumn) -> Bool { a.elementsEqual(b) }

  /// The tokens that have a key, increasing.
  package var keyedTokens: [Int32] { keyed }

  /// Calls `body` with each token that has a key, in order, and its key.
  ///
  /// - Complexity: O(k), the number of tokens with a key.
  @inlinable
  public func forEachKey(_ body: (_ token: Int, _ key: String) -> Void) {
    for i in keyed { body(Int(i), distinct[Int(slots[Int(i)]) - 1]) }
  }

  /// Fills a column, numbering each distinct key once (in a `KeyTable`: a `Dictionary` made
  /// for each text cost thousands of instructions a key, hashing and growing).
  struct Builder {
    private var slots: [UInt32]
    private var numbers = KeyTable()
    private var keyed: [Int32] = []

    init(count: Int) { slots = [UInt32](filled: 0, count: count) }

    /// Sets token `i`'s key; tokens are set in increasing order, each once.
    mutating func set(_ key: String, at i: Int) {
      precondition(keyed.last.map { $0 < i } ?? true, "token \(i) set out of order")
      slots[i] = numbers.insert(key) + 1
      keyed.append(Int32(i))
    }

    var column: KeyColumn {
      var column = KeyColumn()
      column.slots = slots
      column.distinct = numbers.keys
      column.keyed = keyed
      return column
    }
  }
}

/// Scripts that decide a token's language on their own.
enum Script {
  /// Whether a key is written in Cyrillic (its first letter is).
  static func isCyrillic(_ key: String) -> Bool {
    for scalar in key.unicodeScalars {
      if scalar.value < 0x80 { return false }
      if (0x0400...0x052F).contains(scalar.value) || (0x1C80...0x1C8F).contains(scalar.value)
        || (0x2DE0...0x2DFF).contains(scalar.value) || (0xA640...0xA69F).contains(scalar.value)
      {
        return true
      }
      if scalar.properties.isAlphabetic { return false }
    }
    return false
  }
}

extension TokenizedText {
  /// The tokens with each key replaced by `keys[i]` where that is not empty: the view a stem or
  /// transliteration matcher walks.
  public func tokens(withKeys keys: KeyColumn) -> [Token] {
    var view = tokens
    for i in view.indices { if let key = keys.key(at: i) { view[i].key = key } }
    return view
  }
}
