import TestSupport
import Testing

@testable import Tokenize

/// `SentenceBreaker`: ICU's sentence boundaries (`en@ss=standard`), found over a text with the
/// middles of long ASCII runs left out and ICU's suppressions done in Swift. Each case compares
/// it with ICU's own iterator over the whole text.
@Suite("SentenceBreaker")
struct SentenceBreakerTests {
  /// Pieces that generated texts are made of: long and short runs of letters, digits and spaces;
  /// every ASCII sentence-break class (terminators, closing punctuation, `SContinue`, tabs, CR,
  /// LF); ICU's English exceptions, with and without their inner periods; and non-ASCII units
  /// (typographic quotes, an ideographic full stop, a dash, Cyrillic, an accent, a combining
  /// mark, a no-break space, an emoji, a paragraph and a line separator).
  static let pieces: [String] = [
    "the agency said", "Roscosmos", "NASA", "a", "I", "x", "sanctions were imposed on Energia",
    "whose engines the United States bought for decades", "2024", "3", "3.5", "1,000", " ", "  ",
    "         ", ".", ". ", "? ", "! ", "...", "?!", ".\"", ".) ", "'", "(", "[", "}", ",", "-",
    ":", ";", "\t", "\n", "\r\n", "\r", "\n\n", "Mr.", "Mrs. ", "Prof. ", "Hon.B.A. ", "Lt.Cdr.",
    "U.S. ", "U.S.A.", "Ph.D. ", "a.m. ", "etc. ", "Etc. ", "No. 5", "e.g. ", "vs. ", "Inc. ",
    "“", "”", "’", "。", "—", "Рогозин", "café", "e\u{301}", "\u{A0}", "😀", "\u{2029}", "\u{2028}",
    "%", "$", "#", "&", "_", "@",
  ]

  static func boundaries(of units: [UInt16], _ breaker: SentenceBreaker) throws -> [Int] {
    try units.withUnsafeBufferPointer { (text) throws(ICUError) -> [Int] in
      var result: [Int] = []
      try breaker.forEachBoundary(text) { result.append($0) }
      return result
    }
  }

  static func icuBoundaries(of units: [UInt16], _ iterator: BreakIterator) throws -> [Int] {
    try units.withUnsafeBufferPointer { (text) throws(ICUError) -> [Int] in
      var result: [Int] = []
      try iterator.forEachBoundary(text) { boundary, _ in result.append(boundary) }
      return result
    }
  }

  static let exceptions: [String] =
    (SentenceBreaker.Suppressions.exceptions(of: "en") ?? []).map {
      String(decoding: $0, as: UTF16.self)
    }

  @Test("The suppressions are done in Swift, from ICU's list")
  func suppressionsInSwift() throws {
    let breaker = try SentenceBreaker(locale: Tokenizer.sentenceLocale)
    #expect(breaker.suppressions != nil)
    #expect(Self.exceptions.count > 100)
    #expect(Self.exceptions.contains("Hon.B.A."))
  }

  @Test("Every exception in every context breaks as ICU breaks it")
  func everyException() throws {
    let breaker = try SentenceBreaker(locale: Tokenizer.sentenceLocale)
    let iterator = try BreakIterator(.sentence, locale: Tokenizer.sentenceLocale)
    let run = "the agency said its cosmonauts would keep flying"
    var mismatches: [String] = []
    for e in Self.exceptions {
      let dropped = String(e.dropLast())
      let first = e.split(separator: ".").first.map(String.init) ?? e
      for text in [
        e, "\(e) Smith", "\(e) smith", "\(e)  Smith", "\(e)\nSmith", "\(e)) Smith", "(\(e) Smith",
        "x\(e) Smith", "1\(e) Smith", "\(run) \(e) Smith said \(run).", "\(e)\(e) Smith",
        "\(e)S. Smith", "\(dropped) Smith", "\(dropped). Smith", "\(first). Smith",
        "\(first).\(first). Smith", "\(e)A Smith", "\(e) \(run)", "\(run)\(e) \(run)",
        "\(e)\"  Smith", "\(e)? Smith", "\(e) 5 Smith", "\(e)\u{201D} Smith", "\(e)\u{00A0}Smith",
      ] {
        let units = Array(text.utf16)
        if try Self.boundaries(of: units, breaker) != Self.icuBoundaries(of: units, iterator) {
          mismatches.append(text)
        }
      }
    }
    #expect(mismatches.prefix(10).map { $0 } == [])
  }

  @Test("Generated texts break as ICU breaks them")
  func generated() throws {
    let breaker = try SentenceBreaker(locale: Tokenizer.sentenceLocale)
    let iterator = try BreakIterator(.sentence, locale: Tokenizer.sentenceLocale)
    var generator = SplitMix64(seed: 29)
    var mismatches: [String] = []
    var shortened = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<(1 + Int(generator.next() % 40)) {
        text +=
          generator.next() % 4 == 0
          ? Self.exceptions[Int(generator.next() % UInt64(Self.exceptions.count))]
          : Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
        if generator.next() % 2 == 0 { text += " " }
      }
      let units = Array(text.utf16)
      if units.withUnsafeBufferPointer({ breaker.shorten($0) }) { shortened += 1 }
      if try Self.boundaries(of: units, breaker) != Self.icuBoundaries(of: units, iterator) {
        mismatches.append(text)
      }
    }
    #expect(mismatches.prefix(5).map { $0 } == [])
    // Most texts have a run long enough to shorten, so the comparison tests the shortening.
    #expect(shortened > 5_000)
  }

  @Test("The naughty strings break as ICU breaks them", arguments: NaughtyStringsTests.cases)
  func naughty(_ naughty: NaughtyStringsTests.Case) throws {
    let breaker = try SentenceBreaker(locale: Tokenizer.sentenceLocale)
    let iterator = try BreakIterator(.sentence, locale: Tokenizer.sentenceLocale)
    // Long enough runs around each string that some are shortened.
    let run = " the agency said its cosmonauts would keep flying on Soyuz rockets "
    for text in [naughty.text, run + naughty.text + run, "Mr." + run + naughty.text + ". " + run] {
      let units = Array(text.utf16)
      #expect(try Self.boundaries(of: units, breaker) == Self.icuBoundaries(of: units, iterator))
    }
  }
}
