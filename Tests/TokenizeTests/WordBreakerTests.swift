import TestSupport
import Testing

@testable import Tokenize

/// `WordBreaker`: ICU's word segments and kinds, with ASCII stretches segmented without ICU.
/// Each case compares it with ICU's own iterator over the whole text.
@Suite("WordBreaker")
struct WordBreakerTests {
  /// Every ASCII word-break class (letters, '@', digits, '_', '.', "'", ',', ';', ':', '"',
  /// symbols, other punctuation, space, CR, LF, tab, NUL), and non-ASCII units that join or
  /// cut differently (an accented letter, typographic quotes, a combining mark, ZWJ, an emoji's
  /// surrogates, an ideographic space, no-break space, Cyrillic, a variation selector, regional
  /// indicators, a dash, a soft hyphen, Hebrew, Katakana, Han, Thai, a line separator, a
  /// fullwidth full stop, a one-dot leader, an Arabic-Indic digit).
  static let ascii: [UInt16] = Array("aZ1_.',;:@\"-($ \r\n\t\0".utf16)
  static let others: [UInt16] = [
    0xE9, 0x2019, 0x201C, 0x0301, 0x200D, 0xD83D, 0xDE00, 0x3000, 0xA0, 0x0436, 0xFE0F, 0xD83C,
    0xDDFA, 0xDDF8, 0x2014, 0x00AD, 0x05D0, 0x30A2, 0x4E00, 0x0E01, 0x2028, 0xFF0E, 0x2024, 0x0660,
  ]
  /// The units at both ends of each range of non-ASCII units `WordBreaker` segments without
  /// ICU (`nonASCIIClass`), the units just outside those ranges, and units only ICU segments
  /// (a combining mark, a combining Cyrillic mark, ZWJ, a surrogate, an ideographic space,
  /// no-break space).
  static let segmentedHere: [UInt16] = [
    0xC0, 0xD6, 0xD7, 0xD8, 0xF6, 0xF7, 0xF8, 0xFF, 0x100, 0x17F, 0x180, 0x3FF, 0x400, 0x436,
    0x481, 0x482, 0x483, 0x489, 0x48A, 0x52F, 0x530, 0x2018, 0x2019, 0xAB, 0xBB, 0x2013, 0x2014,
    0x201C, 0x201D, 0x201E, 0x0301, 0x200D, 0xD83D, 0x3000, 0xA0,
  ]

  /// The tokens ICU's iterator gives over the whole text, kinded as the tokenizer kinds them.
  static func icuTokens(_ units: [UInt16], _ iterator: BreakIterator) throws -> [String] {
    try units.withUnsafeBufferPointer { (text) throws(ICUError) -> [String] in
      var result: [String] = []
      var start = 0
      try iterator.forEachBoundary(text) { end, status in
        defer { start = end }
        if let kind = WordBreaker.kind(of: text[start..<end], status: status) {
          result.append("\(start)-\(end):\(kind)")
        }
      }
      return result
    }
  }

  static func breakerTokens(_ units: [UInt16], _ breaker: WordBreaker) throws -> [String] {
    try units.withUnsafeBufferPointer { (text) throws(ICUError) -> [String] in
      var result: [String] = []
      try breaker.forEachToken(text) { range, kind, mayHoldApostrophe in
        // Only a segment the breaker says has none may skip the clitic test.
        let apostrophe = text[range].contains { KeyFolder.isApostrophe($0) }
        let flag = apostrophe && !mayHoldApostrophe ? "!" : ""
        result.append("\(range.lowerBound)-\(range.upperBound):\(kind)\(flag)")
      }
      return result
    }
  }

  /// The strings of 1…`maxLength` units over `alphabet` whose tokens differ from ICU's.
  static func mismatches(over alphabet: [UInt16], maxLength: Int) throws -> [[UInt16]] {
    let breaker = try WordBreaker(locale: Tokenizer.wordLocale)
    let iterator = try BreakIterator(.word, locale: Tokenizer.wordLocale)
    var mismatches: [[UInt16]] = []
    for length in 1...maxLength {
      var digits = [Int](repeating: 0, count: length)
      while true {
        let units = digits.map { alphabet[$0] }
        if try breakerTokens(units, breaker) != icuTokens(units, iterator) {
          mismatches.append(units)
        }
        var position = 0
        while position < length {
          digits[position] += 1
          if digits[position] < alphabet.count { break }
          digits[position] = 0
          position += 1
        }
        if position == length { break }
      }
    }
    return mismatches
  }

  @Test("Every string of up to 4 ASCII units segments as ICU segments it")
  func exhaustiveASCII() throws {
    let mismatches = try Self.mismatches(over: Self.ascii, maxLength: 4)
    #expect(mismatches.prefix(5).map { String(decoding: $0, as: UTF16.self) } == [])
  }

  @Test("Every string of up to 3 units of ASCII and of the non-ASCII classes segments as ICU does")
  func exhaustiveMixed() throws {
    let mismatches = try Self.mismatches(over: Self.ascii + Self.segmentedHere, maxLength: 3)
    #expect(mismatches.prefix(5).map { $0.map { String($0, radix: 16) } } == [])
  }

  @Test("Random texts of ASCII and non-ASCII units segment as ICU segments them")
  func randomMixed() throws {
    let breaker = try WordBreaker(locale: Tokenizer.wordLocale)
    let iterator = try BreakIterator(.word, locale: Tokenizer.wordLocale)
    var generator = SplitMix64(seed: 11)
    var mismatches: [[UInt16]] = []
    for _ in 0..<20_000 {
      let length = 1 + Int(generator.next() % 24)
      let units = (0..<length).map { _ -> UInt16 in
        switch generator.next() % 6 {
        case 0, 1: Self.others[Int(generator.next() % UInt64(Self.others.count))]
        case 2: Self.segmentedHere[Int(generator.next() % UInt64(Self.segmentedHere.count))]
        default: Self.ascii[Int(generator.next() % UInt64(Self.ascii.count))]
        }
      }
      if try Self.breakerTokens(units, breaker) != Self.icuTokens(units, iterator) {
        mismatches.append(units)
      }
    }
    #expect(mismatches.prefix(5).map { $0.map { String($0, radix: 16) } } == [])
  }

  @Test(
    "Named cases",
    arguments: [
      "U.S.-based firm's 3.5% rise, 1,000 (or 2;3) e-mail user@example.com a_1 1_ __ x:y",
      "“Quoted” it’s naïve café’s 🇺🇸 flag 👩‍👩‍👧 family ５０ ﬁ",
      "«Роскосмос» сообщил — Рогозин’s 1’000 Łódź’s Ærø – ‘a’ é́ ж҃ ½",
      "line one\r\nline two\n\n\tindented\u{2028}sep  double  space \u{A0}nbsp",
      "", " ", "a", "_", "\r", "'", "a'", "'a", "1.", ".1", "a.b.c.", "1,2,3,",
    ])
  func named(_ text: String) throws {
    let breaker = try WordBreaker(locale: Tokenizer.wordLocale)
    let iterator = try BreakIterator(.word, locale: Tokenizer.wordLocale)
    let units = Array(text.utf16)
    #expect(try Self.breakerTokens(units, breaker) == Self.icuTokens(units, iterator))
  }
}
