/// The tokenizer's rules over ICU's word segments, applied once after segmentation. They decide
/// what a token is for matching; no matcher knows about hyphens or links.
///
/// - **Hyphens.** A hyphen (`-`, U+2010, U+2011) with a letter or digit touching it on both
///   sides is not a token when a word follows it: the words on either side are adjacent tokens,
///   so "seat-swap" matches the phrase "seat swap" (and "then-Roscosmos" mentions Roscosmos).
///   When a number follows it, the parts are one token with the hyphen in its key: "MS-23"
///   (`ms-23`), "Crew-6", "COVID-19" are designations, never cut in two.
/// - **Links.** A URL (`scheme://…`, `www.…`, or a lowercase domain such as `roscosmos.ru`,
///   with whatever path is glued to it) and an e-mail address (`press@nasa.gov`) are one token
///   of kind `link`, so no word inside one is ever a token of its own, and no alias matches it.
///
/// A handle (`@NASA`) stays one word token whose key keeps the `@`; a hashtag's `#` stays a
/// punctuation token of its own. Gazetteers decide whether they name an entity.
enum TokenRules {
  /// Applies the rules in place (no second array): `tokens[..<kept]` is the result so far, and
  /// the rules read only its last token and the tokens from `i` on, which are not yet moved.
  /// A token the rules make gets its key's id in `vocabulary`. `holdingDotOrAt` lists, in
  /// increasing order, the tokens whose surface holds '.' or '@' (the tokenizer finds them once
  /// per distinct surface): no other word needs its surface scanned for a link. `candidates`
  /// lists, in increasing order, every token where a rule may apply (each of
  /// `holdingDotOrAt`, each hyphen, each token before a ':'): the tokens between them are kept
  /// as they are, moved down in bulk.
  static func apply(
    _ tokens: inout [Token], _ units: UnsafeBufferPointer<UInt16>, vocabulary: Vocabulary?,
    holdingDotOrAt: [Int], candidates: [Int]
  ) {
    let count = tokens.count
    var kept = count
    tokens.withUnsafeMutableBufferPointer { tokens in
      kept = apply(to: tokens, units, vocabulary, holdingDotOrAt, candidates)
      // The rules leave `tokens[kept...]` uninitialized: placeholders, for the array to remove.
      (tokens.baseAddress! + kept).initialize(
        repeating: Token(
          tokenizing: 0, end: 0, kind: .punctuation, key: "", id: 0, prefixID: 0, variantHint: 0,
          utf16Start: 0, utf16End: 0),
        count: count - kept)
    }
    if kept < count { tokens.removeLast(count - kept) }
  }

  /// The rules over a buffer; returns how many tokens the result has (at its start), and
  /// leaves the rest of the buffer uninitialized.
  private static func apply(
    to tokens: UnsafeMutableBufferPointer<Token>, _ units: UnsafeBufferPointer<UInt16>,
    _ vocabulary: Vocabulary?, _ holdingDotOrAt: [Int], _ candidates: [Int]
  ) -> Int {
    guard let base = tokens.baseAddress else { return 0 }
    // `tokens[..<kept]` is the result, `tokens[kept..<i]` uninitialized (what the rules
    // consumed), `tokens[i...]` not yet read.
    var kept = 0
    var i = 0
    var marked = 0  // the first of `holdingDotOrAt` not below `i`
    var next = 0  // the first of `candidates` not below `i`
    /// Keeps tokens `i..<end` as they are.
    func keep(to end: Int) {
      if kept != i { (base + kept).moveInitialize(from: base + i, count: end - i) }
      kept += end - i
      i = end
    }
    while true {
      while next < candidates.count && candidates[next] < i { next += 1 }
      keep(to: next < candidates.count ? candidates[next] : tokens.count)
      guard i < tokens.count else { break }
      while marked < holdingDotOrAt.count && holdingDotOrAt[marked] < i { marked += 1 }
      let holdsDotOrAt = marked < holdingDotOrAt.count && holdingDotOrAt[marked] == i
      // A link starts at a word with '.' or '@', or at a scheme glued to its "://": a word
      // with neither that is not glued to the next token starts none.
      let mayStartLink =
        holdsDotOrAt || (i + 1 < tokens.count && tokens[i].utf16End == tokens[i + 1].utf16Start)
      if mayStartLink,
        let end = linkEnd(UnsafeBufferPointer(tokens), from: i, units, holdsDotOrAt: holdsDotOrAt)
      {
        let token = tokens[i]
        let last = tokens[end - 1]
        var key = ""
        for t in i..<end { key += tokens[t].key }
        let link = Token(
          start: token.start, end: last.end, kind: .link, key: key,
          id: vocabulary?.id(of: key) ?? 0,
          prefixID: UInt16(vocabulary?.prefixID(of: key) ?? 0), utf16Start: token.utf16Start,
          utf16End: last.utf16End)
        (base + i).deinitialize(count: end - i)
        (base + kept).initialize(to: link)
        kept += 1
        i = end
        continue
      }
      if isHyphen(at: i, tokens, units), kept > 0, case let previous = tokens[kept - 1],
        i + 1 < tokens.count, case let next = tokens[i + 1],
        previous.utf16End == tokens[i].utf16Start, tokens[i].utf16End == next.utf16Start,
        previous.kind == .word || previous.kind == .number,
        next.kind == .word || next.kind == .number
      {
        if next.kind == .number {
          let key = previous.key + "-" + next.key
          tokens[kept - 1] = Token(
            start: previous.start, end: next.end, kind: previous.kind, key: key,
            id: vocabulary?.id(of: key) ?? 0,
            prefixID: UInt16(vocabulary?.prefixID(of: key) ?? 0), utf16Start: previous.utf16Start,
            utf16End: next.utf16End)
          (base + i).deinitialize(count: 2)
          i += 2
        } else {
          (base + i).deinitialize(count: 1)
          i += 1  // the hyphen is not a token; the next word follows the previous one
        }
        continue
      }
      keep(to: i + 1)
    }
    return kept
  }

  /// Whether token `i` is a hyphen (read in place: passing the token copied it, and its key).
  @inline(__always)
  static func isHyphen(
    at i: Int, _ tokens: UnsafeMutableBufferPointer<Token>, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    guard tokens[i].kind == .punctuation, tokens[i].utf16End - tokens[i].utf16Start == 1 else {
      return false
    }
    return isHyphen(units[tokens[i].utf16Start])
  }

  /// Whether a unit is a hyphen of the hyphen rule: `-`, U+2010 or U+2011.
  @inline(__always)
  static func isHyphen(_ unit: UInt16) -> Bool {
    unit == 0x2D || unit == 0x2010 || unit == 0x2011
  }

  // MARK: - Links

  /// The end (exclusive token index) of a link starting at token `i`, or nil. `holdsDotOrAt`:
  /// whether the token's surface has a '.' or an '@' (else it is not scanned for them).
  static func linkEnd(
    _ tokens: UnsafeBufferPointer<Token>, from i: Int, _ units: UnsafeBufferPointer<UInt16>,
    holdsDotOrAt: Bool
  ) -> Int? {
    guard tokens[i].kind == .word else { return nil }
    let surface = units[tokens[i].utf16Start..<tokens[i].utf16End]
    // Cheap rejection: a link's first token holds '.', '@' or is a scheme followed by ':'.
    var hasDot = false
    var hasAt = false
    if holdsDotOrAt {
      for unit in surface {
        if unit == 0x2E { hasDot = true } else if unit == 0x40 { hasAt = true }
      }
    }
    let isScheme =
      !hasDot && !hasAt && i + 3 < tokens.count && glued(tokens, i, 3)
      && tokens[i + 1].key == ":" && tokens[i + 2].key == "/" && tokens[i + 3].key == "/"
      && surface.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    guard isScheme || (hasAt && isEmail(surface)) || (hasDot && isDomain(surface)) else {
      return nil
    }
    // Everything glued on, except trailing punctuation that ends the sentence or a clause.
    var end = i + 1
    while end < tokens.count && tokens[end].utf16Start == tokens[end - 1].utf16End
      && tokens[end].kind != .symbol
    {
      end += 1
    }
    while end > i + 1, tokens[end - 1].kind == .punctuation, tokens[end - 1].key != "/" {
      end -= 1
    }
    return end
  }

  private static func glued(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ count: Int) -> Bool {
    (i..<(i + count)).allSatisfy { tokens[$0].utf16End == tokens[$0 + 1].utf16Start }
  }

  /// `user@host.tld`: an '@' after the first unit, with a domain after it.
  static func isEmail(_ surface: Slice<UnsafeBufferPointer<UInt16>>) -> Bool {
    guard let at = surface.firstIndex(of: 0x40), at > surface.startIndex else { return false }
    return isDomain(surface[(at + 1)...])
  }

  /// `www.anything`, or labels separated by '.', the last 2 to 6 lowercase ASCII letters
  /// (`roscosmos.ru`, `nasa.gov`; not `U.S`, `e.g`, `St.Petersburg`).
  static func isDomain(_ surface: Slice<UnsafeBufferPointer<UInt16>>) -> Bool {
    let w: UInt16 = 0x77
    if surface.count > 4, surface.starts(with: [w, w, w, 0x2E]) { return true }
    guard let dot = surface.lastIndex(of: 0x2E), dot > surface.startIndex else { return false }
    let tld = surface[(dot + 1)...]
    guard (2...6).contains(tld.count), tld.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
      return false
    }
    // Every label at least two units long.
    var label = 0
    for unit in surface[..<dot] {
      if unit == 0x2E {
        if label < 2 { return false }
        label = 0
      } else {
        label += 1
      }
    }
    return label >= 2
  }
}
