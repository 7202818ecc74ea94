import CICU

extension SentenceBreaker {
  /// The `@ss=standard` suppressions of a language: no sentence break after one of ICU's
  /// exceptions ("Mr.", "U.S.", "Hon.B.A."), decided as ICU's
  /// `SimpleFilteredSentenceBreakIterator` decides it (`filteredbrk.cpp`, ICU 72), from the list
  /// in ICU's data.
  ///
  /// ICU's tries, as ICU builds them: an exception with a period before its last unit ("Ph.D.")
  /// puts the part up to its first period ("Ph.") in the backward trie as a partial match, and
  /// itself, with every exception that starts with that part ("U." beside "U.S."), in the forward
  /// trie; every other exception goes in the backward trie, reversed, as a match. At a boundary:
  /// back over one space, then back through the backward trie, keeping the longest value; a match
  /// suppresses the boundary, a partial match suppresses it when the forward trie, read from
  /// where the partial match starts, ends on a key or a key's prefix (ICU's
  /// `USTRINGTRIE_MATCHES`) rather than on a unit no key has there.
  ///
  /// Each key (at most eight ASCII letters and periods) is packed into a `UInt64`, first unit in
  /// the low byte; a trie is an `EdgeTable` (the phrase matcher's) from its keys and the keys'
  /// proper prefixes to their flags.
  struct Suppressions: Sendable {
    /// Flags of a packed string in a trie.
    static let isKey: UInt8 = 1
    static let isPrefix: UInt8 = 2
    /// For a reversed key of `backward`: a match, not a partial match.
    static let isMatch: UInt8 = 4

    private let backward: EdgeTable
    private let forward: EdgeTable

    /// The suppressions of `language` (a locale's base name, "en"); nil when ICU's data has no
    /// list for it, or an exception that is not one to eight ASCII letters and periods.
    init?(_ language: String) {
      guard let exceptions = Self.exceptions(of: language) else { return nil }
      guard !exceptions.isEmpty,
        exceptions.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(Self.isKeyUnit) })
      else { return nil }
      // The part up to the first period of each exception with a period before its last unit.
      func prefix(_ e: [UInt16]) -> [UInt16]? {
        guard let period = e.firstIndex(of: 0x2E), period + 1 < e.count else { return nil }
        return Array(e[...period])
      }
      let partials = Set(exceptions.compactMap(prefix))
      var backward: [UInt64: UInt8] = [:]
      var forward: [UInt64: UInt8] = [:]
      for e in exceptions {
        let group = partials.first { e.count >= $0.count && Array(e[..<$0.count]) == $0 }
        if group != nil {
          Self.insert(e, Self.isKey, into: &forward)
        } else {
          Self.insert(e.reversed(), Self.isKey | Self.isMatch, into: &backward)
        }
      }
      for p in partials { Self.insert(p.reversed(), Self.isKey, into: &backward) }
      self.backward = Self.table(backward)
      self.forward = Self.table(forward)
    }

    private static func table(_ entries: [UInt64: UInt8]) -> EdgeTable {
      var table = EdgeTable()
      for (key, flags) in entries { table.insert(key, UInt32(flags)) }
      return table
    }

    /// The flags of packed string `key` in `table` (0: no key or prefix).
    @inline(__always)
    private static func flags(of key: UInt64, in table: EdgeTable) -> UInt8 {
      table[key].map { UInt8(truncatingIfNeeded: $0) } ?? 0
    }

    /// Adds `flags` to the packed `units`, and `isPrefix` to each of their proper prefixes.
    private static func insert(
      _ units: some Sequence<UInt16>, _ flags: UInt8, into table: inout [UInt64: UInt8]
    ) {
      var key: UInt64 = 0
      for (i, unit) in units.enumerated() {
        if i > 0 { table[key, default: 0] |= isPrefix }
        key |= UInt64(unit) << (8 * UInt64(i))
      }
      table[key, default: 0] |= flags
    }

    /// ICU's exceptions for `language`, as UTF-16 units; nil when its data has no list.
    static func exceptions(of language: String) -> [[UInt16]]? {
      var length: Int32 = 0
      _ = cicu_sentence_exceptions(language, nil, 0, &length)
      guard length > 0 else { return nil }
      var units = [UInt16](repeating: 0, count: Int(length))
      let status = units.withUnsafeMutableBufferPointer {
        cicu_sentence_exceptions(language, $0.baseAddress, length, &length)
      }
      guard status <= 0 else { return nil }
      return units.split(separator: 0, omittingEmptySubsequences: false).dropLast()
        .map(Array.init)
    }

    private static func isKeyUnit(_ unit: UInt16) -> Bool {
      unit == 0x2E || (unit | 0x20 >= 0x61 && unit | 0x20 <= 0x7A)
    }

    /// Whether ICU suppresses its sentence boundary at `boundary` (not the text's end) of `text`.
    func suppresses(at boundary: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
      var position = boundary
      if position > 0 && text[position - 1] == 0x20 { position -= 1 }
      // Backward: the longest key read, and where it starts. A unit no key has (any but ASCII
      // letters and periods) is no match, and the walk stops.
      var key: UInt64 = 0
      var length = 0
      var best = -1
      var bestIsMatch = false
      while position > 0, length < 8, Self.isKeyUnit(text[position - 1]) {
        position -= 1
        key |= UInt64(text[position]) << (8 * UInt64(length))
        length += 1
        let flags = Self.flags(of: key, in: backward)
        if flags & Self.isKey != 0 {
          best = position
          bestIsMatch = flags & Self.isMatch != 0
        }
        guard flags & Self.isPrefix != 0 else { break }
      }
      guard best >= 0 else { return false }
      if bestIsMatch { return true }
      // Forward from the partial match's start: suppressed unless a unit leaves every key.
      key = 0
      length = 0
      position = best
      while position < text.count {
        guard length < 8, Self.isKeyUnit(text[position]) else { return false }
        key |= UInt64(text[position]) << (8 * UInt64(length))
        length += 1
        position += 1
        let flags = Self.flags(of: key, in: forward)
        if flags & Self.isPrefix == 0 { return flags & Self.isKey != 0 }
      }
      return true
    }
  }
}
