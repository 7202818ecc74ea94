/// Finds phrases (sequences of token keys) in tokenized text: whole tokens only, the longest
/// phrase at each start, no overlaps. The last word of a phrase may be a prefix (`cooperat*`).
///
/// Backed by one hash table of (node, key) edges rather than a node per object, so it stays
/// compact and fast with millions of phrases (spaCy's `PhraseMatcher` is the model).
///
/// ```swift
/// var matcher = PhraseMatcher<String>()
/// matcher.insert(["dmitry", "rogozin"], value: "rogozin")
/// matcher.insert(["rogozin"], value: "rogozin")
/// ```
///
/// - Complexity: matching is O(tokens × longest phrase) hash look-ups.
public struct PhraseMatcher<Value: Sendable>: Sendable {
  /// Token key → dense id.
  private var vocabulary: [String: UInt32] = [:]
  /// (node << 32 | key id) → child node. Node 0 is the root.
  private var edges: [UInt64: UInt32] = [:]
  private var nodeCount: UInt32 = 1
  /// Node → values of the phrases that end there.
  private var terminals: [UInt32: [Value]] = [:]
  /// Node → prefix phrases whose last word starts at this node: prefix → values.
  private var prefixes: [UInt32: PrefixTable] = [:]

  private struct PrefixTable: Sendable {
    var byPrefix: [String: [Value]] = [:]
    /// Distinct prefix lengths in UTF-8 bytes, longest first.
    var lengths: [Int] = []
  }

  public init() {}

  /// Number of distinct phrases inserted (prefix phrases included).
  public private(set) var count = 0

  /// Adds a phrase. With `lastIsPrefix`, the last key matches any token key starting with it.
  /// Values of the same phrase accumulate in insertion order.
  public mutating func insert(_ keys: [String], lastIsPrefix: Bool = false, value: Value) {
    precondition(!keys.isEmpty, "a phrase needs at least one key")
    let path = lastIsPrefix ? keys.dropLast() : keys[...]
    var node: UInt32 = 0
    for key in path {
      let id = vocabularyID(key)
      let edge = UInt64(node) << 32 | UInt64(id)
      if let child = edges[edge] {
        node = child
      } else {
        edges[edge] = nodeCount
        node = nodeCount
        nodeCount += 1
      }
    }
    if lastIsPrefix {
      let prefix = keys[keys.count - 1]
      var table = prefixes[node] ?? PrefixTable()
      if table.byPrefix[prefix] == nil { count += 1 }
      table.byPrefix[prefix, default: []].append(value)
      if !table.lengths.contains(prefix.utf8.count) {
        table.lengths.append(prefix.utf8.count)
        table.lengths.sort(by: >)
      }
      prefixes[node] = table
    } else {
      if terminals[node] == nil { count += 1 }
      terminals[node, default: []].append(value)
    }
  }

  private mutating func vocabularyID(_ key: String) -> UInt32 {
    if let id = vocabulary[key] { return id }
    let id = UInt32(vocabulary.count)
    vocabulary[key] = id
    return id
  }

  /// One match: the token range and the values of the phrase(s) that matched it. For a prefix
  /// match, `prefix` holds the prefix that matched the last token.
  public struct Match {
    public var tokens: Range<Int>
    public var values: [Value]
    public var prefix: String?
  }

  /// The longest phrase starting at token `start` and ending before `limit`, or nil.
  ///
  /// `accept` filters the values of a candidate (for example case-sensitive aliases); a
  /// candidate none of whose values is accepted does not match. At equal length an exact phrase
  /// wins over a prefix phrase, and a longer prefix over a shorter one.
  public func longestMatch(
    in tokens: [Token], from start: Int, limit: Int,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true }
  ) -> Match? {
    var best: Match?
    var node: UInt32 = 0
    var position = start
    while position < limit {
      let key = tokens[position].key
      // A prefix phrase whose last word is this token.
      if let table = prefixes[node] {
        let utf8 = key.utf8
        for length in table.lengths where length <= utf8.count {
          let candidate = String(decoding: utf8.prefix(length), as: UTF8.self)
          if let values = table.byPrefix[candidate] {
            let range = start..<(position + 1)
            let accepted = values.filter { accept($0, range) }
            if !accepted.isEmpty {
              best = Match(tokens: range, values: accepted, prefix: candidate)
              break
            }
          }
        }
      }
      guard let id = vocabulary[key], let child = edges[UInt64(node) << 32 | UInt64(id)] else {
        break
      }
      node = child
      position += 1
      if let values = terminals[node] {
        let range = start..<position
        let accepted = values.filter { accept($0, range) }
        if !accepted.isEmpty { best = Match(tokens: range, values: accepted, prefix: nil) }
      }
    }
    return best
  }

  /// All non-overlapping matches in `tokens[range]`, leftmost-longest.
  public func matches(
    in tokens: [Token], range: Range<Int>,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true }
  ) -> [Match] {
    var result: [Match] = []
    var position = range.lowerBound
    while position < range.upperBound {
      if let match = longestMatch(in: tokens, from: position, limit: range.upperBound, accept: accept) {
        result.append(match)
        position = match.tokens.upperBound
      } else {
        position += 1
      }
    }
    return result
  }
}
