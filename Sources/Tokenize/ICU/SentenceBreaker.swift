import CICU

/// ICU's sentence segmentation of a text, run over a shorter copy of it: the middle of each long
/// run of ASCII letters, digits and spaces is left out, and the boundaries are mapped back. ICU's
/// sentence rules take about 60 instructions a UTF-16 unit, and most of a text is such runs.
///
/// Why the boundaries are the same. Unicode's sentence rules (UAX #29, which ICU's `sent.txt`
/// implements) break only after a terminator (`.` `!` `?`), the closing punctuation and spaces
/// after it, or after a paragraph separator; none of those is in a run. Inside a run no rule is
/// pending once its first letter is read: the look-ahead after a period (rule SB8, over anything
/// but letters to a lowercase letter) ends there, and what a run's end decides reads one
/// character back (SB7: a letter before a period). So a run keeps its start up to two units past
/// its first letter, and its last two units.
///
/// The `@ss=standard` suppressions (ICU's `SimpleFilteredSentenceBreakIterator`) then read the
/// text around a boundary right after a period, or after a period and one space: back from the
/// period through at most the longest exception ("Hon.B.A.", 8 units in ICU 72's English list),
/// and forward from where a partial match ("Ph." of "Ph.D.") starts, at most as far. Every
/// exception is ASCII letters and periods ending with a period, so the backward read enters a run
/// only through a period right after it, and the forward read starts after a period right before
/// one: such runs keep `reach` units (the longest exception plus two) at that end, after their
/// opening spaces. The exceptions are read from ICU's data when the breaker opens; without them,
/// or with one of another shape, no run is shortened. `SentenceBreakerTests` compares the
/// boundaries with ICU's over the whole text on generated texts and the naughty strings.
final class SentenceBreaker {
  private let icu: BreakIterator
  /// Units a run keeps at an end next to a period (after its opening spaces at its start): 0
  /// when no run is shortened.
  let reach: Int
  /// The shortened text, reused from text to text.
  private var shortened: [UInt16] = []
  /// Where the shortened text leaves units out: at offset `at` of it, `removed` units of the
  /// original in all so far (increasing).
  private var cuts: [(at: Int, removed: Int)] = []

  init(locale: String) throws(ICUError) {
    icu = try BreakIterator(.sentence, locale: locale)
    let language = String(locale.prefix { $0 != "@" && $0 != "_" })
    var longest: Int32 = 0
    let status = cicu_sentence_exceptions_longest(language, &longest)
    reach = status > 0 ? 0 : Int(longest) + 2
  }

  /// Calls `body` with every boundary of `text` after offset 0 (UTF-16 offsets, increasing, the
  /// last equal to `text.count`), as `BreakIterator.forEachBoundary` gives them.
  ///
  /// - Complexity: O(n) in the length of the text.
  func forEachBoundary(
    _ text: UnsafeBufferPointer<UInt16>, _ body: (_ boundary: Int) throws(ICUError) -> Void
  ) throws(ICUError) {
    guard reach > 0, shorten(text) else {
      try icu.forEachBoundary(text) { (boundary, _) throws(ICUError) in try body(boundary) }
      return
    }
    var next = 0  // the first cut after the boundaries so far
    var removed = 0
    let cuts = self.cuts
    try shortened.withUnsafeBufferPointer { (short) throws(ICUError) in
      try icu.forEachBoundary(short) { (boundary, _) throws(ICUError) in
        while next < cuts.count && cuts[next].at <= boundary {
          removed = cuts[next].removed
          next += 1
        }
        // (No boundary falls where units were left out: they are inside a run.)
        try body(boundary + removed)
      }
    }
  }

  /// By ASCII unit: `s` a space, `d` a digit, `l` a letter, `.` no unit of a run.
  private static let classes: StaticString =
    "................................s...............dddddddddd.......llllllllllllllllllllllllll......llllllllllllllllllllllllll....."

  /// Writes the shortened text of `text` into `shortened` and its cuts into `cuts`; false when
  /// no run is long enough to shorten (`shortened` is then to be ignored).
  func shorten(_ text: UnsafeBufferPointer<UInt16>) -> Bool {
    // The arrays move out of `self` for the loop (a class's stored arrays are checked for
    // exclusive access at every use).
    var shortened = self.shortened
    var cuts = self.cuts
    self.shortened = []
    self.cuts = []
    defer {
      self.shortened = shortened
      self.cuts = cuts
    }
    return Self.shorten(text, reach: reach, into: &shortened, cuts: &cuts)
  }

  private static func shorten(
    _ text: UnsafeBufferPointer<UInt16>, reach: Int, into shortened: inout [UInt16],
    cuts: inout [(at: Int, removed: Int)]
  ) -> Bool {
    shortened.removeAll(keepingCapacity: true)
    cuts.removeAll(keepingCapacity: true)
    let classes = Self.classes.utf8Start
    @inline(__always) func unitClass(_ unit: UInt16) -> UInt8 {
      unit < 0x80 ? classes[Int(unit)] : UInt8(ascii: ".")
    }
    var removed = 0
    var copied = 0  // units of `text` before this offset are in `shortened` (or left out)
    var i = 0
    let count = text.count
    while i < count {
      guard unitClass(text[i]) != UInt8(ascii: ".") else {
        i += 1
        continue
      }
      // A run: its opening spaces, then digits and spaces up to its first letter (a run without
      // one keeps everything: the look-ahead after a period goes on), then the rest.
      let afterPeriod = i > 0 && text[i - 1] == 0x2E
      while i < count && text[i] == 0x20 { i += 1 }
      let firstNonSpace = i
      while i < count, case let c = unitClass(text[i]),
        c == UInt8(ascii: "d") || c == UInt8(ascii: "s")
      {
        i += 1
      }
      guard i < count, unitClass(text[i]) == UInt8(ascii: "l") else { continue }
      let firstLetter = i
      while i < count && unitClass(text[i]) != UInt8(ascii: ".") { i += 1 }
      let keepFrom = afterPeriod ? max(firstLetter + 2, firstNonSpace + reach) : firstLetter + 2
      let keepAgain = i - (i < count && text[i] == 0x2E ? reach : 2)
      guard keepAgain > keepFrom else { continue }
      shortened.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<keepFrom]))
      removed += keepAgain - keepFrom
      cuts.append((at: shortened.count, removed: removed))
      copied = keepAgain
    }
    guard removed > 0 else { return false }
    shortened.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<count]))
    return true
  }
}
