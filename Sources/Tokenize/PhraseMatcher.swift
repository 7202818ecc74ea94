/// Finds phrases (sequences of token keys) in tokenized text: whole tokens only, the longest
/// phrase at each start, no overlaps. The last word of a phrase may be a prefix (`cooperat*`).
///
/// Backed by one hash table of (node, key) edges rather than an object per node, so it stays
/// compact and fast with millions of phrases (spaCy's `PhraseMatcher` is the model). The walk
/// runs in the non-generic `PhraseTrie`; values are looked up once a phrase has matched.
///
/// ```swift
/// var matcher = PhraseMatcher<String>()
/// matcher.insert(["dmitry", "rogozin"], value: "rogozin")
/// matcher.insert(["rogozin"], value: "rogozin")
/// ```
///
/// - Complexity: matching is O(tokens × longest phrase) hash look-ups, and a phrase has at most
///   `maxPhraseTokens` tokens, so matching is linear in the tokens whatever the phrases: the walk
///   from each token stops after `maxPhraseTokens` steps even over a long shared prefix.
public struct PhraseMatcher<Value: Sendable>: Sendable {
  /// The most tokens a phrase may have. Loaders refuse longer aliases and terms with
  /// `FILE:LINE`; without the bound, a 10,000-word alias against 40 KB of its word took seconds
  /// (the walk restarts at every token and runs the length of the shared prefix).
  public static var maxPhraseTokens: Int { PhraseTrie.maxDepth }

  @usableFromInline var trie = PhraseTrie()
  @usableFromInline var values: [Value] = []

  public init() {}

  /// Number of distinct phrases inserted (prefix phrases included).
  public var count: Int { trie.count }

  /// The most tokens of a phrase inserted: a match from token `i` lies within `i..<i + longest`.
  public var longestPhrase: Int { trie.longest }

  /// Adds a phrase of 1…`maxPhraseTokens` keys. With `lastIsPrefix`, the last key matches any
  /// token key starting with it. Values of the same phrase accumulate in insertion order.
  public mutating func insert(_ keys: [String], lastIsPrefix: Bool = false, value: Value) {
    trie.insert(keys, lastIsPrefix: lastIsPrefix, value: values.count)
    values.append(value)
  }

  /// The keys of the phrases' words (prefix words excluded), in the order phrases brought them:
  /// what a `Vocabulary` for this matcher must hold.
  public var keys: [String] { trie.keys }

  /// The prefix words of the prefix phrases (`cooperat` of `cooperat*`; one may be listed more
  /// than once): what a
  /// `Vocabulary` for this matcher should number as `prefixes`, so that a wildcard is resolved
  /// once per key (`Token.prefixID`) instead of probed at every token.
  public var prefixes: [String] { trie.prefixes }

  /// Lets the matcher read token ids (`Token.id`) of texts tokenized with `vocabulary` instead
  /// of hashing their keys. Texts of any other vocabulary are still matched by key.
  public mutating func bind(to vocabulary: Vocabulary) { trie.bind(to: vocabulary) }

  /// The values inserted for exactly this phrase (not as a prefix), in insertion order.
  public func values(ofPhrase keys: [String]) -> [Value] {
    trie.terminal(keys).map { values[$0] }
  }

  /// One match: the token range and the values of the phrase(s) that matched it. For a prefix
  /// match, `prefix` holds the prefix that matched the last token.
  public struct Match {
    public var tokens: Range<Int>
    public var values: [Value]
    public var prefix: String?

    @usableFromInline
    init(tokens: Range<Int>, values: [Value], prefix: String?) {
      self.tokens = tokens
      self.values = values
      self.prefix = prefix
    }

    /// A match found by other means than the matcher's walk (no wildcard prefix).
    public init(tokens: Range<Int>, values: [Value]) {
      self.init(tokens: tokens, values: values, prefix: nil)
    }
  }

  /// Which keys may start a phrase: `longestMatch` from a token whose key it does not contain
  /// finds nothing. A cheap test (a bit table, no hashing) before a walk that seldom matches.
  public var starts: PhraseStarts { trie.starts }

  /// The longest phrase starting at token `start` and ending before `limit`, or nil.
  ///
  /// `accept` filters the values of a candidate (for example case-sensitive aliases); a
  /// candidate none of whose values is accepted does not match. At equal length an exact phrase
  /// wins over a prefix phrase, and a longer prefix over a shorter one.
  ///
  /// `keys`, when given, holds a key per token that replaces the token's own where it has one (a
  /// stem or transliteration view of the text), so the view needs no copy of the tokens.
  /// `stamp` is the text's `vocabularyStamp`: when the matcher is bound to that vocabulary, a
  /// token without a view key is looked up by its id.
  ///
  /// `@inlinable` (with `matches`), so each module runs it specialised for its `Value`: called
  /// unspecialised, building `Match` took generic metadata look-ups at every match.
  @inlinable
  public func longestMatch(
    in tokens: [Token], keys: KeyColumn? = nil, from start: Int, limit: Int, stamp: UInt64 = 0,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true }
  ) -> Match? {
    // The closure captures the values alone: capturing `self`, it made a copy of the whole
    // matcher (a dozen retains and releases) wherever the matcher was read from memory rather
    // than borrowed (a gazetteer's stem views, from an array).
    let values = values
    let found = trie.walk(tokens, keys: keys, from: start, limit: limit, stamp: stamp) {
      accept(values[$0], $1)
    }
    guard let found else { return nil }
    // One value is the usual case; the generic `map` costs about 1,600 instructions a match.
    let matched =
      found.indices.count == 1 ? [values[found.indices[0]]] : found.indices.map { values[$0] }
    return Match(tokens: start..<found.end, values: matched, prefix: found.prefix)
  }

  /// `longestMatch`'s tokens and one of its values, without making the match's array of
  /// values (an allocation per match): the first accepted value for which `preferred` holds,
  /// else the first accepted one.
  @inlinable
  public func longestMatchValue(
    in tokens: [Token], keys: KeyColumn? = nil, from start: Int, limit: Int, stamp: UInt64 = 0,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true }, preferred: (Value) -> Bool
  ) -> (tokens: Range<Int>, value: Value)? {
    let values = values
    let found = trie.walk(tokens, keys: keys, from: start, limit: limit, stamp: stamp) {
      accept(values[$0], $1)
    }
    guard let found else { return nil }
    let chosen = found.indices.first { preferred(values[$0]) } ?? found.indices[0]
    return (start..<found.end, values[chosen])
  }

  /// `matches(in:range:stamp:accept:)`'s tokens and the first value of each, appended to
  /// `result`, without making each match's array of values (an allocation per match, and a
  /// release per match when the list goes). Appending lets a caller reuse one array.
  @inlinable
  public func firstValues(
    in tokens: [Token], range: Range<Int>, stamp: UInt64 = 0,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true },
    into result: inout [(tokens: Range<Int>, value: Value)]
  ) {
    leftmostLongest(tokens, range, stamp: stamp, into: &result) { start in
      longestMatchValue(
        in: tokens, from: start, limit: range.upperBound, stamp: stamp, accept: accept,
        preferred: { _ in true }
      ).map { ($0, $0.tokens.upperBound) }
    }
  }

  /// All non-overlapping matches in `tokens[range]`, leftmost-longest. `stamp` as for
  /// `longestMatch`.
  @inlinable
  public func matches(
    in tokens: [Token], range: Range<Int>, stamp: UInt64 = 0,
    accept: (Value, Range<Int>) -> Bool = { _, _ in true }
  ) -> [Match] {
    var result: [Match] = []
    leftmostLongest(tokens, range, stamp: stamp, into: &result) { start in
      longestMatch(in: tokens, from: start, limit: range.upperBound, stamp: stamp, accept: accept)
        .map { ($0, $0.tokens.upperBound) }
    }
    return result
  }

  /// The scan of `matches` and `firstValues`: `longest` (what it finds from a token, and
  /// where that ends) at each token a phrase may start at, going on after what it finds,
  /// appended to `result`. Always inlined: called, it cost `firstValues` all it saves.
  @inlinable @inline(__always)
  func leftmostLongest<Found>(
    _ tokens: [Token], _ range: Range<Int>, stamp: UInt64, into result: inout [Found],
    _ longest: (_ start: Int) -> (found: Found, end: Int)?
  ) {
    var position = range.lowerBound
    let starts = trie.starts
    while position < range.upperBound {
      if !starts.contains(tokens, position, stamp: stamp) {
        position += 1
      } else if let (found, end) = longest(position) {
        result.append(found)
        position = end
      } else {
        position += 1
      }
    }
  }
}

/// The keys a phrase of a `PhraseMatcher` may start with (`PhraseMatcher.starts`): false only
/// for a key no phrase starts with. Not generic, so the test costs no metadata look-ups.
public struct PhraseStarts: Sendable {
  @usableFromInline let known: KeyFilter
  /// Some phrase is a prefix phrase of one word (`cooperat*`): every key may start one.
  @usableFromInline let anyKey: Bool
  /// `PhraseTrie.boundStarts` and its stamp: vocabulary id → whether a phrase starts with the
  /// key (not only whether the trie has it: "the" of "Bank of the Russian Federation" starts
  /// no walk).
  @usableFromInline let ids: [Bool]
  @usableFromInline let stamp: UInt64
  /// Whether the trie's prefixes are read by `Token.prefixID` under `stamp`, and then, by prefix
  /// id, whether some root prefix phrase matches a key of that `prefixID`.
  @usableFromInline let prefixesByID: Bool
  @usableFromInline let rootPrefixes: [Bool]

  /// False when no phrase starts with a token of this key. Inlined into the caller's loop.
  @inlinable
  public func contains(_ key: String) -> Bool { anyKey || known.mayContain(key) }

  /// `contains(tokens[i].key)`, through the token's id when `stamp` (the text's
  /// `vocabularyStamp`) is the bound vocabulary's.
  @inlinable @inline(__always)
  public func contains(_ tokens: [Token], _ i: Int, stamp: UInt64) -> Bool {
    if stamp != 0 && stamp == self.stamp {
      let id = Int(tokens[i].id)
      if id < ids.count && ids[id] { return true }
      guard anyKey else { return false }
      guard prefixesByID else { return true }
      let prefix = Int(tokens[i].prefixID)
      return prefix < rootPrefixes.count && rootPrefixes[prefix]
    }
    return anyKey || known.mayContain(tokens[i].key)
  }

  /// Vocabulary id → whether a phrase starts with a token of that id (ids past the end start
  /// none): `contains(_:_:stamp:)` of such a token under `stamp`, read once per matcher rather
  /// than at every token. Nil when the id does not decide it: the matcher is bound to another
  /// vocabulary (or none), or a prefix phrase at the root may start with any key.
  package func startingIDs(stamp: UInt64) -> [Bool]? {
    stamp != 0 && stamp == self.stamp && !anyKey ? ids : nil
  }
}

/// The phrase table behind `PhraseMatcher`, over value indices. Not generic, so its per-token
/// loop runs without generic metadata look-ups when called from another module.
@usableFromInline
struct PhraseTrie: Sendable {
  /// The longest phrase, in keys (`PhraseMatcher.maxPhraseTokens`).
  static let maxDepth = 64
  // The stored properties are internal for `PhraseMatcher+Archive.swift` only.
  /// Token key → dense id, numbered in the order phrases brought the keys.
  var vocabulary = KeyTable()
  /// Keys of `vocabulary`, for a cheap "certainly not" before the look-up.
  var known = KeyFilter()
  /// (node << 32 | key id) → child node. Node 0 is the root.
  var edges = EdgeTable()
  var nodeCount: UInt32 = 1
  /// Per node: 0, or 1 + the index in `terminalLists` of the value indices of the phrases that
  /// end there. (Arrays by node: a walk step costs no hashing beyond the edge.)
  var terminalOf: [UInt32] = [0]
  var terminalLists: [[Int]] = []
  /// Per node but the root: 0, or 1 + the index in `prefixTables` of the prefix phrases whose
  /// last word follows the node.
  var prefixOf: [UInt32] = [0]
  var prefixTables: [PrefixTable] = []
  /// The root's prefix phrases (one prefix word, `cooperat*`), kept apart: every token is tried
  /// at the root.
  var rootPrefixes = PrefixTable()
  /// `!rootPrefixes.isEmpty`, tested at the first step of every walk: reading the table's
  /// `isEmpty` there copied its 88 bytes to the stack.
  var hasRootPrefixes = false
  var count = 0
  /// The most keys of a phrase inserted so far: no walk reads further than this from its start.
  var longest = 0
  /// `Vocabulary` id → this trie's key id + 1 (0: not a key here), for texts whose
  /// `vocabularyStamp` is `boundStamp`, up to the last id of the trie's keys (a later id is
  /// not a key here); empty until `bind(to:)`.
  private var boundIDs: [UInt32] = []
  private var boundStamp: UInt64 = 0
  /// Under `boundStamp`, vocabulary id → whether a phrase starts with the key (the root has an
  /// edge for it), up to the last id of the trie's keys.
  private var boundStarts: [Bool] = []
  /// Whether every prefix of the trie is one of the bound vocabulary's `prefixes`: then a
  /// token's prefix phrases are found from its `prefixID` (`PrefixTable.longestAccepted(prefixID:`)
  /// when the walk reads ids.
  private var prefixesByID = false
  /// The bound vocabulary's `prefixParents`.
  private var prefixParents: [UInt32] = []
  /// Vocabulary prefix id → whether a root prefix phrase matches a key of that `prefixID`.
  private var rootPrefixIDs: [Bool] = []

  var keys: [String] { vocabulary.keys }

  /// (A prefix of several phrases' last words may be listed more than once.)
  var prefixes: [String] { rootPrefixes.prefixes + prefixTables.flatMap(\.prefixes) }

  mutating func bind(to global: Vocabulary) {
    // A vocabulary lists the keys of a table in the table's order (repeats of earlier keys
    // left out), so the next key is most often the one after the last found: compared, not
    // hashed.
    var next = 0
    let found = vocabulary.keys.map { key in
      let id =
        next < global.count && global.keys[next] == key ? UInt32(next + 1) : global.id(of: key)
      precondition(id != 0, "a vocabulary without the matcher's key '\(key)'")
      next = Int(id)
      return id
    }
    // Up to the last id of the trie's keys (a token of a later id has no key here).
    var ids = [UInt32](repeating: 0, count: Int(found.max() ?? 0) + 1)
    var starts = [Bool](repeating: false, count: ids.count)
    for (local, id) in found.enumerated() {
      ids[Int(id)] = UInt32(local) + 1
      starts[Int(id)] = edges[UInt64(local)] != nil
    }
    boundIDs = ids
    boundStarts = starts
    boundStamp = global.stamp
    // Prefixes by id only when the vocabulary numbers every one of them.
    prefixesByID = prefixes.allSatisfy { global.prefixNumber(of: $0) != 0 }
    guard prefixesByID else { return }
    rootPrefixes.bind(to: global)
    for t in prefixTables.indices { prefixTables[t].bind(to: global) }
    prefixParents = global.prefixParents
    guard !rootPrefixes.isEmpty else { return }
    rootPrefixIDs =
      [false]
      + global.prefixes.indices.map { index in
        var id = UInt32(index + 1)
        while id != 0 && !rootPrefixes.has(prefixID: id) { id = global.prefixParents[Int(id) - 1] }
        return id != 0
      }
  }

  mutating func insert(_ keys: [String], lastIsPrefix: Bool, value: Int) {
    precondition(!keys.isEmpty, "a phrase needs at least one key")
    precondition(
      keys.count <= Self.maxDepth, "a phrase of \(keys.count) keys, more than \(Self.maxDepth)")
    precondition(!lastIsPrefix || !keys[keys.count - 1].isEmpty, "a prefix needs at least one byte")
    longest = max(longest, keys.count)
    let path = lastIsPrefix ? keys.dropLast() : keys[...]
    var node: UInt32 = 0
    for key in path {
      let id = vocabularyID(key)
      let edge = UInt64(node) << 32 | UInt64(id)
      if let child = edges[edge] {
        node = child
      } else {
        edges.insert(edge, nodeCount)
        node = nodeCount
        nodeCount += 1
        terminalOf.append(0)
        prefixOf.append(0)
      }
    }
    let n = Int(node)
    if lastIsPrefix && node == 0 {
      if rootPrefixes.insert(keys[keys.count - 1], value: value) { count += 1 }
      hasRootPrefixes = true
    } else if lastIsPrefix {
      if prefixOf[n] == 0 {
        prefixTables.append(PrefixTable())
        prefixOf[n] = UInt32(prefixTables.count)
      }
      if prefixTables[Int(prefixOf[n]) - 1].insert(keys[keys.count - 1], value: value) {
        count += 1
      }
    } else {
      if terminalOf[n] == 0 {
        terminalLists.append([])
        terminalOf[n] = UInt32(terminalLists.count)
        count += 1
      }
      terminalLists[Int(terminalOf[n]) - 1].append(value)
    }
  }

  /// The value indices of the phrases that end at `node` (nil: none).
  @inline(__always)
  private func terminals(_ node: UInt32) -> [Int]? {
    let t = terminalOf[Int(node)]
    return t == 0 ? nil : terminalLists[Int(t) - 1]
  }

  private mutating func vocabularyID(_ key: String) -> UInt32 {
    let count = vocabulary.count
    let id = vocabulary.insert(key)
    if vocabulary.count > count { known.insert(key) }
    return id
  }

  /// Value indices of the phrase that ends exactly after `keys`.
  func terminal(_ keys: [String]) -> [Int] {
    var node: UInt32 = 0
    for key in keys {
      guard let id = vocabulary.number(of: key), let child = edges[UInt64(node) << 32 | UInt64(id)]
      else {
        return []
      }
      node = child
    }
    return terminals(node) ?? []
  }

  /// The first step of `walk` fails for a key this does not contain: there is no prefix
  /// phrase at the root, and the key is certainly not in the vocabulary.
  @usableFromInline
  var starts: PhraseStarts {
    PhraseStarts(
      known: known, anyKey: !rootPrefixes.isEmpty, ids: boundStarts, stamp: boundStamp,
      prefixesByID: prefixesByID, rootPrefixes: rootPrefixIDs)
  }

  @usableFromInline
  struct Found {
    @usableFromInline var end: Int
    @usableFromInline var indices: [Int]
    @usableFromInline var prefix: String?
  }

  /// The longest accepted phrase from `start`, as value indices.
  @usableFromInline
  func walk(
    _ tokens: [Token], keys overlay: KeyColumn?, from start: Int, limit: Int, stamp: UInt64,
    accept: (Int, Range<Int>) -> Bool
  ) -> Found? {
    var best: Found?
    var node: UInt32 = 0
    var position = start
    let byID = stamp != 0 && stamp == boundStamp
    let prefixByID = byID && prefixesByID
    // No phrase is longer than maxDepth, so no walk is: O(maxDepth) per start, whatever the text.
    let limit = min(limit, start + Self.maxDepth)
    while position < limit {
      let viewKey = overlay?.key(at: position)
      // A prefix phrase whose last word is this token.
      // The tables are read in place (binding one to a local copied it, retaining its arrays,
      // at every token of every lexicon walk), and the longest accepted prefix comes back as a
      // value (a callback that set `best` made it a captured variable with dynamic exclusivity
      // checks).
      let range = start..<(position + 1)
      // By the token's prefix id when the walk reads ids: resolved once per key, no probe.
      let prefixMatch: (indices: [Int], prefix: String)?
      if node == 0 {
        if !hasRootPrefixes {
          prefixMatch = nil
        } else if prefixByID && viewKey == nil {
          prefixMatch = rootPrefixes.longestAccepted(
            prefixID: tokens[position].prefixID, parents: prefixParents, range, accept)
        } else {
          prefixMatch = rootPrefixes.longestAccepted(
            for: viewKey ?? tokens[position].key, range, accept)
        }
      } else if case let prefix = prefixOf[Int(node)], prefix != 0 {
        if prefixByID && viewKey == nil {
          prefixMatch = prefixTables[Int(prefix) - 1].longestAccepted(
            prefixID: tokens[position].prefixID, parents: prefixParents, range, accept)
        } else {
          prefixMatch = prefixTables[Int(prefix) - 1].longestAccepted(
            for: viewKey ?? tokens[position].key, range, accept)
        }
      } else {
        prefixMatch = nil
      }
      if let prefixMatch {
        best = Found(
          end: range.upperBound, indices: prefixMatch.indices, prefix: prefixMatch.prefix)
      }
      let id: UInt32
      if byID && viewKey == nil {
        let token = Int(tokens[position].id)
        guard token < boundIDs.count, case let bound = boundIDs[token], bound != 0 else { break }
        id = bound - 1
      } else {
        let key = viewKey ?? tokens[position].key
        guard known.mayContain(key), let found = vocabulary.number(of: key) else { break }
        id = found
      }
      guard let child = edges[UInt64(node) << 32 | UInt64(id)] else { break }
      node = child
      position += 1
      if let indices = terminals(node) {
        let accepted = Self.filter(indices, start..<position, accept)
        if !accepted.isEmpty { best = Found(end: position, indices: accepted, prefix: nil) }
      }
    }
    return best
  }

  @inline(__always)
  static func filter(
    _ indices: [Int], _ range: Range<Int>, _ accept: (Int, Range<Int>) -> Bool
  ) -> [Int] {
    if indices.count == 1 { return accept(indices[0], range) ? indices : [] }
    return indices.filter { accept($0, range) }
  }
}

/// A map from `UInt64` keys to `UInt32` values: a `PhraseTrie`'s (node, key id) edges and a
/// `PrefixTable`'s buckets. Open addressing with a multiplicative hash, so a walk step costs a
/// multiply and a probe or two instead of hashing the pair with SipHash.
struct EdgeTable: Sendable {
  // The stored properties are internal for `PhraseMatcher+Archive.swift` only.
  /// Edge + 1 (0: an empty slot); a power of two, at most half full.
  var keys = [UInt64](repeating: 0, count: 16)
  var values = [UInt32](repeating: 0, count: 16)
  var shift = 60  // 64 - log2(capacity)
  var count = 0

  @inline(__always)
  private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
  }

  subscript(edge: UInt64) -> UInt32? {
    let key = edge &+ 1
    let mask = keys.count - 1
    var i = slot(key)
    while true {
      let found = keys[i]
      if found == key { return values[i] }
      if found == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  /// Adds an edge that is not in the table.
  mutating func insert(_ edge: UInt64, _ child: UInt32) {
    if (count + 1) * 2 > keys.count { grow() }
    place(edge &+ 1, child)
    count += 1
  }

  private mutating func place(_ key: UInt64, _ value: UInt32) {
    let mask = keys.count - 1
    var i = slot(key)
    while keys[i] != 0 { i = (i + 1) & mask }
    keys[i] = key
    values[i] = value
  }

  private mutating func grow() {
    let old = (keys, values)
    keys = [UInt64](repeating: 0, count: old.0.count * 2)
    values = [UInt32](repeating: 0, count: old.0.count * 2)
    shift -= 1
    for (key, value) in zip(old.0, old.1) where key != 0 { place(key, value) }
  }
}

/// Prefixes indexed by their first one or two UTF-8 bytes, so a token costs one or two integer
/// look-ups and no allocation.
struct PrefixTable: Sendable {
  struct Entry: Sendable {
    var bytes: [UInt8]
    var prefix: String
    var values: [Int]
  }
  // The stored properties are internal for `PhraseMatcher+Archive.swift` only.
  /// Bucket key (see `bucket`) → 1 + index in `lists`.
  var buckets = EdgeTable()
  /// Per bucket, its entries, longest prefix first.
  var lists: [[Entry]] = []
  /// One bit per possible bucket key, set when the bucket exists (no look-up for a miss).
  var present = [UInt64](repeating: 0, count: (0x1_0100 + 63) / 64)
  /// Once bound (`bind(to:)`): the vocabulary's prefix id of an entry → 1 + its index in
  /// `boundEntries`.
  private var byPrefixID = EdgeTable()
  /// The bound entries' places in `lists`.
  private var boundEntries: [(list: Int32, index: Int32)] = []

  /// Whether no prefix was inserted.
  var isEmpty: Bool { lists.isEmpty }

  /// The prefixes, each once.
  var prefixes: [String] { lists.flatMap { $0.map(\.prefix) } }

  /// Numbers the entries by `vocabulary`'s prefix ids, which must include every prefix here.
  mutating func bind(to vocabulary: Vocabulary) {
    byPrefixID = EdgeTable()
    boundEntries = []
    for (l, list) in lists.enumerated() {
      for (i, entry) in list.enumerated() {
        let id = vocabulary.prefixNumber(of: entry.prefix)
        precondition(id != 0, "a vocabulary without the prefix '\(entry.prefix)'")
        boundEntries.append((Int32(l), Int32(i)))
        byPrefixID.insert(UInt64(id), UInt32(boundEntries.count))
      }
    }
  }

  /// Whether the prefix of this vocabulary prefix id is an entry (once bound).
  func has(prefixID id: UInt32) -> Bool { byPrefixID[UInt64(id)] != nil }

  /// `longestAccepted(for:_:_:)` of a key whose `Token.prefixID` is `prefixID` in the bound
  /// vocabulary (`parents`: its `prefixParents`): the key's prefixes are that one and its
  /// parents, longest first, so no byte of the key is read.
  @inline(__always)
  func longestAccepted(
    prefixID: UInt16, parents: [UInt32], _ range: Range<Int>, _ accept: (Int, Range<Int>) -> Bool
  ) -> (indices: [Int], prefix: String)? {
    var id = UInt32(prefixID)
    while id != 0 {
      if let found = byPrefixID[UInt64(id)] {
        let (l, i) = boundEntries[Int(found) - 1]
        let accepted = PhraseTrie.filter(lists[Int(l)][Int(i)].values, range, accept)
        if !accepted.isEmpty { return (accepted, lists[Int(l)][Int(i)].prefix) }
      }
      id = parents[Int(id) - 1]
    }
    return nil
  }

  @inline(__always)
  private func has(_ bucket: UInt32) -> Bool {
    present[Int(bucket >> 6)] & (1 << UInt64(bucket & 63)) != 0
  }

  private static func bucket(_ first: UInt8, _ second: UInt8?) -> UInt32 {
    second.map { UInt32(first) << 8 | UInt32($0) } ?? (0x1_0000 | UInt32(first))
  }

  /// Adds a value for a prefix; true when the prefix is new.
  mutating func insert(_ prefix: String, value: Int) -> Bool {
    let bytes = Array(prefix.utf8)
    let key = Self.bucket(bytes[0], bytes.count > 1 ? bytes[1] : nil)
    present[Int(key >> 6)] |= 1 << UInt64(key & 63)
    let list: Int
    if let found = buckets[UInt64(key)] {
      list = Int(found) - 1
    } else {
      lists.append([])
      list = lists.count - 1
      buckets.insert(UInt64(key), UInt32(lists.count))
    }
    if let i = lists[list].firstIndex(where: { $0.bytes == bytes }) {
      lists[list][i].values.append(value)
      return false
    }
    lists[list].append(Entry(bytes: bytes, prefix: prefix, values: [value]))
    lists[list].sort { $0.bytes.count > $1.bytes.count }
    return true
  }

  /// Calls `body` with each entry whose prefix starts `key`, longest first, until it returns true.
  /// Every lexicon wildcard is tried this way at every token, so the key's UTF-8 is read in
  /// place, once.
  func candidates(for key: String, _ body: (Entry) -> Bool) {
    // Native strings (every key) have contiguous UTF-8; the copy is only a fallback.
    let inPlace: Void? = key.utf8.withContiguousStorageIfAvailable { candidates($0, body) }
    if inPlace == nil { Array(key.utf8).withUnsafeBufferPointer { candidates($0, body) } }
  }

  /// The value indices of the longest prefix of `key` with an accepted value (`accept` of a
  /// value index and the phrase's token range), and that prefix; nil when none.
  func longestAccepted(
    for key: String, _ range: Range<Int>, _ accept: (Int, Range<Int>) -> Bool
  ) -> (indices: [Int], prefix: String)? {
    var result: (indices: [Int], prefix: String)?
    candidates(for: key) { entry in
      let accepted = PhraseTrie.filter(entry.values, range, accept)
      guard !accepted.isEmpty else { return false }
      result = (accepted, entry.prefix)
      return true
    }
    return result
  }

  private func candidates(_ key: UnsafeBufferPointer<UInt8>, _ body: (Entry) -> Bool) {
    guard let first = key.first else { return }
    if key.count > 1, case let two = Self.bucket(first, key[1]), has(two),
      let list = buckets[UInt64(two)]
    {
      for entry in lists[Int(list) - 1] where Self.starts(key, with: entry.bytes) {
        if body(entry) { return }
      }
    }
    if case let one = Self.bucket(first, nil), has(one), let list = buckets[UInt64(one)] {
      for entry in lists[Int(list) - 1] where body(entry) { return }
    }
  }

  @inline(__always)
  private static func starts(_ key: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
    prefix.count <= key.count
      && prefix.withUnsafeBufferPointer { p in p.indices.allSatisfy { p[$0] == key[$0] } }
  }
}
