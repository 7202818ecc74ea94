/// ICU's word segmentation as tokens with their kinds, with the stretches of ASCII text
/// segmented here: ICU's word rules restricted to ASCII are a few pair rules, which a loop
/// applies in a fraction of the instructions ICU's state machine takes per character. So are
/// the stretches whose other units are of a few common non-ASCII classes (`nonASCIIClass(_:)`:
/// Latin-1 and Latin Extended-A letters, Cyrillic letters, typographic quotes and apostrophes,
/// guillemets, en and em dashes); ICU segments every stretch that holds any other unit.
///
/// The text is cut where a space meets a unit that is not one, both ASCII or of those classes:
/// ICU's rules always break there (a space joins only a following space or a following
/// extending mark, and no rule reads a space as context), and ICU's forward iteration from a
/// boundary reads nothing before it, so segmenting each stretch between two cuts on its own
/// gives the segments and rule statuses of the whole text. `WordBreakerTests` checks this
/// against ICU on every string of up to 4 units over an alphabet of every ASCII word-break
/// class, every string of up to 3 units over that alphabet and the non-ASCII classes, and on
/// random mixed texts (and a one-off C harness did on every string of up to 5 units over 18
/// ASCII characters, every string of up to 3 ASCII characters, and 4 million random mixed
/// texts).
///
/// The rules, for ASCII (ICU 72's `word.txt`: '@' is a letter, ':' is not `MidLetter`): a letter
/// (`A-Z a-z @`), digit or '_' joins a following one; a letter joins "'" or '.' and a letter
/// after it; a digit joins ',' ';' "'" or '.' and a digit after it; CR joins a following LF;
/// spaces join spaces; anything else is a segment of one unit. The rule status of a segment of
/// two or more joined units is that of its last unit: 200 (a word) for a letter, 100 (a number)
/// for a digit, and for a final '_' 100 after a digit, 200 otherwise; one letter is 200, one
/// digit 100, the rest 0 (their kind is then decided by `kind(of:status:)`'s ASCII switch).
/// The non-ASCII letters here are letters to those rules (`ALetter`), `‘` and `’` are what '.'
/// is (`MidNumLet`), and the quotes and dashes are segments of one unit of status 0, whose
/// kind is punctuation.
final class WordBreaker {
  private let icu: BreakIterator

  init(locale: String) throws(ICUError) {
    icu = try BreakIterator(.word, locale: locale)
  }

  /// Calls `body` with every segment of `text` that is a token (UTF-16 offsets, in order), its
  /// kind, and whether it may hold an apostrophe (false only for an ASCII segment without
  /// "'"): ICU's word segments, less white space, controls and format characters, with
  /// `kind(of:status:)`'s kinds.
  ///
  /// - Complexity: O(n) in the length of the text.
  @inline(__always)
  func forEachToken(
    _ text: UnsafeBufferPointer<UInt16>,
    _ body: (_ range: Range<Int>, _ kind: TokenKind, _ mayHoldApostrophe: Bool) throws(ICUError) ->
      Void
  ) throws(ICUError) {
    let count = text.count
    // `start` is a cut (or the text's start). Up to the first non-ASCII unit after it, the
    // stretch is ASCII; its last cut before that unit ends what is segmented here, and ICU
    // segments from there to the first cut after the unit.
    var start = 0
    while start < count {
      let nonASCII = Self.firstNonASCII(text, from: start)
      guard nonASCII < count else {
        try Self.localTokens(text, start..<count, mixed: false, body)
        return
      }
      // The last junction of a space and another unit before the non-ASCII unit, both ASCII
      // (the one next to the unit is no cut): the run before the unit, back to its space.
      var region = nonASCII - 1
      while region > start && (text[region - 1] == 0x20) == (text[region] == 0x20) {
        region -= 1
      }
      region = max(region, start)
      if region > start { try Self.localTokens(text, start..<region, mixed: false, body) }
      // The first junction after it of a space and another unit, both ASCII or of the classes
      // segmented here; ICU segments up to there unless every unit is one of those.
      var end = nonASCII + 1
      var segmentsHere = Self.nonASCIIClass(text[nonASCII]) != Class.unknown
      while end < count {
        let before = text[end - 1]
        let unit = text[end]
        let known = unit < 0x80 || Self.nonASCIIClass(unit) != Class.unknown
        if known && (before == 0x20) != (unit == 0x20)
          && (before < 0x80 || Self.nonASCIIClass(before) != Class.unknown)
        {
          break
        }
        segmentsHere = segmentsHere && known
        end += 1
      }
      if segmentsHere {
        try Self.localTokens(text, region..<end, mixed: true, body)
      } else {
        try icuTokens(text, region..<end, body)
      }
      start = end
    }
  }

  /// The offset of the first unit from `start` on that is not ASCII, or the text's count:
  /// sixteen units at a time as vector lanes, then four at a time, one test of their high bits.
  @inline(__always)
  private static func firstNonASCII(_ text: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
    guard let base = text.baseAddress else { return start }
    let count = text.count
    var i = start
    while i &+ 16 <= count {
      let sixteen = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt16>.self)
      let words = unsafeBitCast(sixteen, to: SIMD4<UInt64>.self)
      if (words[0] | words[1] | words[2] | words[3]) & 0xFF80_FF80_FF80_FF80 != 0 { break }
      i &+= 16
    }
    while i + 4 <= count {
      let four = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0xFF80_FF80_FF80_FF80
      if four != 0 { return i + four.trailingZeroBitCount / 16 }
      i += 4
    }
    while i < count && base[i] < 0x80 { i += 1 }
    return i
  }

  /// The tokens of ICU's segments of `text[range]`, segmented as a text of its own.
  @inline(never)
  private func icuTokens(
    _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
    _ body: (_ range: Range<Int>, _ kind: TokenKind, _ mayHoldApostrophe: Bool) throws(ICUError) ->
      Void
  ) throws(ICUError) {
    var start = range.lowerBound
    try icu.forEachBoundary(UnsafeBufferPointer(rebasing: text[range])) {
      (boundary, status) throws(ICUError) in
      let end = range.lowerBound + boundary
      defer { start = end }
      guard let kind = Self.kind(of: text[start..<end], status: status) else { return }
      try body(start..<end, kind, true)
    }
  }

  // MARK: - ASCII

  /// Word-break classes of ASCII by unit: `L` letter (and '@'), `D` digit, `_`, `.`, `q` the
  /// apostrophe, `,` (and ';'), `r` carriage return, ` ` space, `i` another control, `s` a
  /// symbol `kind(of:status:)` knows, `o` other punctuation.
  private static let classes: StaticString =
    "iiiiiiiiiiiiiriiiiiiiiiiiiiiiiii ooosooqooos,o.oDDDDDDDDDDo,sssoLLLLLLLLLLLLLLLLLLLLLLLLLLLooos_sLLLLLLLLLLLLLLLLLLLLLLLLLLososi"

  private enum Class {
    /// A unit segmented by ICU.
    static let unknown = UInt8(ascii: "?")
    static let other = UInt8(ascii: "o")
    static let letter = UInt8(ascii: "L")
    static let digit = UInt8(ascii: "D")
    static let connector = UInt8(ascii: "_")
    static let midNumLet = UInt8(ascii: ".")
    static let singleQuote = UInt8(ascii: "q")
    static let midNum = UInt8(ascii: ",")
    static let carriageReturn = UInt8(ascii: "r")
    static let control = UInt8(ascii: "i")
    static let space = UInt8(ascii: " ")
    static let symbol = UInt8(ascii: "s")
  }

  /// The word-break class of a non-ASCII unit segmented here, `Class.unknown` for the rest.
  @inline(__always)
  private static func nonASCIIClass(_ unit: UInt16) -> UInt8 {
    switch unit {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17F, 0x400...0x481, 0x48A...0x52F: Class.letter
    case 0x2018, 0x2019: Class.midNumLet
    case 0xAB, 0xBB, 0x2013, 0x2014, 0x201C, 0x201D: Class.other
    default: Class.unknown
    }
  }

  /// The tokens of `text[range]`, as ICU's word rules segment it (see the type's doc) and
  /// `kind(of:status:)` kinds them: a range of ASCII units, or with `mixed`, of ASCII units and
  /// units of the classes of `nonASCIIClass(_:)` (every token of which may hold an apostrophe).
  private static func localTokens(
    _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, mixed: Bool,
    _ body: (_ range: Range<Int>, _ kind: TokenKind, _ mayHoldApostrophe: Bool) throws(ICUError) ->
      Void
  ) throws(ICUError) {
    let classes = Self.classes.utf8Start
    if mixed {
      try segment(text, range, body, mayHoldApostrophe: true) {
        $0 < 0x80 ? classes[Int($0)] : nonASCIIClass($0)
      }
    } else {
      try segment(text, range, body, mayHoldApostrophe: false) { classes[Int($0)] }
    }
  }

  /// The segmenting loop of `localTokens`, with the word-break class of each
  /// unit from `classOf`; `mayHoldApostrophe` true says so of every token.
  @inline(__always)
  private static func segment(
    _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
    _ body: (_ range: Range<Int>, _ kind: TokenKind, _ mayHoldApostrophe: Bool) throws(ICUError) ->
      Void,
    mayHoldApostrophe: Bool, classOf classes: (UInt16) -> UInt8
  ) throws(ICUError) {
    @inline(__always) func wordlike(_ c: UInt8) -> Bool {
      c == Class.letter || c == Class.digit || c == Class.connector
    }
    let end = range.upperBound
    var start = range.lowerBound
    while start < end {
      let first = classes(text[start])
      var next = start + 1
      let kind: TokenKind
      var apostrophe = false
      if wordlike(first) {
        var last = first
        // The ASCII letters after a letter join it (and leave `last` a letter).
        if first == Class.letter { next = asciiLettersEnd(text, from: next, to: end) }
        while next < end {
          let c = classes(text[next])
          if wordlike(c) {
            last = c
            next += 1
          } else if next + 1 < end, last == Class.letter,
            c == Class.midNumLet || c == Class.singleQuote,
            classes(text[next + 1]) == Class.letter
          {
            apostrophe = apostrophe || c == Class.singleQuote
            next += 2
          } else if next + 1 < end, last == Class.digit,
            c == Class.midNum || c == Class.midNumLet || c == Class.singleQuote,
            classes(text[next + 1]) == Class.digit
          {
            apostrophe = apostrophe || c == Class.singleQuote
            next += 2
          } else {
            break
          }
        }
        if last == Class.connector {
          // A lone '_' has status 0: punctuation. A final '_' takes the status of the unit
          // before it.
          kind =
            next == start + 1
            ? .punctuation : classes(text[next - 2]) == Class.digit ? .number : .word
        } else {
          kind = last == Class.digit ? .number : .word
        }
      } else if first == Class.carriageReturn {
        if next < end && text[next] == 0x0A { next += 1 }
        start = next
        continue
      } else if first == Class.control || first == Class.space {
        start = next
        continue
      } else {
        kind = first == Class.symbol ? .symbol : .punctuation
        apostrophe = first == Class.singleQuote
      }
      try body(start..<next, kind, apostrophe || mayHoldApostrophe)
      start = next
    }
  }

  /// The offset of the first unit in `start..<end` that is not an ASCII letter (`A-Z a-z`), or
  /// of the units left after the whole blocks of eight (the caller reads on from there one unit
  /// at a time). Eight units are tested at once as vector lanes: one unit at a time, the
  /// segmenting loop took 11 instructions a letter. Every operand is a vector (with a scalar
  /// one, the comparison was made lane by lane).
  @inline(__always)
  private static func asciiLettersEnd(
    _ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int
  ) -> Int {
    guard let base = text.baseAddress else { return start }
    let lowercase = SIMD8<UInt16>(repeating: 0x20)
    let a = SIMD8<UInt16>(repeating: 0x61)
    let letters = SIMD8<UInt16>(repeating: 26)
    var i = start
    while i &+ 8 <= end {
      let units = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt16>.self)
      // A letter's lowercase less 'a' is below 26 (below 'a', it wraps to a large number).
      let letter = (units | lowercase) &- a .< letters
      // A lane of the mask is 16 bits, all set for a letter.
      let lanes = unsafeBitCast(letter, to: SIMD2<UInt64>.self)
      if lanes.x != ~0 { return i &+ (~lanes.x).trailingZeroBitCount / 16 }
      if lanes.y != ~0 { return i &+ 4 &+ (~lanes.y).trailingZeroBitCount / 16 }
      i &+= 8
    }
    return i
  }

  // MARK: - Kinds

  /// The kind of a word-break segment, or nil for a segment that is not a token (white space,
  /// controls and format characters only).
  static func kind(of units: Slice<UnsafeBufferPointer<UInt16>>, status: Int32) -> TokenKind? {
    switch status {
    case 100..<200: return .number
    case 200..<500: return .word
    default: break
    }
    // ASCII units here, the rest in `nonASCIIKind`: its Unicode property types cost two
    // metadata look-ups a call even for a segment that never reaches them. The Unicode path
    // gives every ASCII unit the kind this switch does, so an ASCII prefix may decide.
    var visible = false
    var symbol = false
    for unit in units {
      switch unit {
      case 0x00...0x20, 0x7F: continue
      case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E: symbol = true  // $ + < = > ^ ` | ~
      case 0x30...0x39: return .number
      case 0x41...0x5A, 0x61...0x7A: return .word
      case 0x80...: return nonASCIIKind(of: units)
      default: break
      }
      visible = true
    }
    guard visible else { return nil }
    return symbol ? .symbol : .punctuation
  }

  /// `kind(of:status:)` of a segment with a non-ASCII unit, by general category.
  @inline(never)
  private static func nonASCIIKind(of units: Slice<UnsafeBufferPointer<UInt16>>) -> TokenKind? {
    var symbol = false
    var visible = false
    var iterator = units.makeIterator()
    var decoder = UTF16()
    decoding: while true {
      let scalar: Unicode.Scalar
      switch decoder.decode(&iterator) {
      case .scalarValue(let value): scalar = value
      case .emptyInput: break decoding
      case .error: scalar = "\u{FFFD}"
      }
      let properties = scalar.properties
      switch properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
        return .word
      case .decimalNumber, .letterNumber, .otherNumber:
        return .number
      case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        symbol = true
        visible = true
      case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
        break
      default:
        if !properties.isWhitespace { visible = true }
      }
    }
    guard visible else { return nil }
    return symbol ? .symbol : .punctuation
  }
}
