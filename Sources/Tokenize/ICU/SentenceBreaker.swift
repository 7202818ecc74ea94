import CICU

/// ICU's sentence segmentation of a text, run over a shorter copy of it: the middle of each long
/// run of ASCII letters, digits, commas and spaces is left out, and the boundaries are mapped
/// back. ICU's sentence rules take about 60 instructions a UTF-16 unit, and most of a text is
/// such runs.
///
/// Why the boundaries are the same. Unicode's sentence rules (UAX #29, which ICU's `sent.txt`
/// implements) break only after a terminator (`.` `!` `?`), the closing punctuation and spaces
/// after it, or after a paragraph separator; none of those is in a run. Inside a run no rule is
/// pending once its first letter is read: the look-ahead after a period (rule SB8, over anything
/// but letters to a lowercase letter) ends there; a comma (`SContinue`) after it matters only
/// after a terminator (SB8a), and there is none in a run; and what a run's end decides reads one
/// character back (SB7: a letter before a period). So a run keeps its start up to two units past
/// its first letter, and its last two units.
///
/// A locale's `@ss=standard` suppressions (no break after "Mr.", ICU's
/// `SimpleFilteredSentenceBreakIterator`) read the original text around each boundary, so they
/// are done here, over ICU's plain iterator: `Suppressions` does what ICU does, with ICU's list.
/// Without the list, or with an exception of another shape, ICU's own iterator for the locale
/// runs over the whole text. `SentenceBreakerTests` compares the boundaries with ICU's over the
/// whole text on generated texts, every exception in every context, and the naughty strings.
final class SentenceBreaker {
  /// ICU's plain iterator for the locale's language when `suppressions` is set, else the
  /// locale's own.
  private let icu: BreakIterator
  /// The `@ss=standard` suppressions, done here; nil: ICU's iterator does everything.
  let suppressions: Suppressions?
  /// The shortened text, reused from text to text.
  private var shortened: [UInt16] = []
  /// Where the shortened text leaves units out: at offset `at` of it, `removed` units of the
  /// original in all so far (increasing).
  private var cuts: [(at: Int, removed: Int)] = []

  init(locale: String) throws(ICUError) {
    let parts = locale.split(separator: "@", maxSplits: 1).map(String.init)
    if parts.count == 2, parts[1] == "ss=standard", let suppressions = Suppressions(parts[0]) {
      icu = try BreakIterator(.sentence, locale: parts[0])
      self.suppressions = suppressions
    } else {
      icu = try BreakIterator(.sentence, locale: locale)
      suppressions = nil
    }
  }

  /// Calls `body` with every boundary of `text` after offset 0 (UTF-16 offsets, increasing, the
  /// last equal to `text.count`), as `BreakIterator.forEachBoundary` gives them.
  ///
  /// - Complexity: O(n) in the length of the text.
  func forEachBoundary(
    _ text: UnsafeBufferPointer<UInt16>, _ body: (_ boundary: Int) throws(ICUError) -> Void
  ) throws(ICUError) {
    guard let suppressions else {
      try icu.forEachBoundary(text) { (boundary, _) throws(ICUError) in try body(boundary) }
      return
    }
    // ICU never suppresses the boundary at the text's end.
    func report(_ boundary: Int) throws(ICUError) {
      if boundary == text.count || !suppressions.suppresses(at: boundary, in: text) {
        try body(boundary)
      }
    }
    guard shorten(text) else {
      try icu.forEachBoundary(text) { (boundary, _) throws(ICUError) in try report(boundary) }
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
        try report(boundary + removed)
      }
    }
  }

  /// By ASCII unit: `s` a space, `d` a digit or a comma, `l` a letter, `.` no unit of a run.
  private static let classes: StaticString =
    "................................s...........d...dddddddddd.......llllllllllllllllllllllllll......llllllllllllllllllllllllll....."

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
    return Self.shorten(text, into: &shortened, cuts: &cuts)
  }

  private static func shorten(
    _ text: UnsafeBufferPointer<UInt16>, into shortened: inout [UInt16],
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
      // A run: digits and spaces up to its first letter (a run without one keeps everything:
      // the look-ahead after a period goes on), then the rest.
      while i < count, case let c = unitClass(text[i]),
        c == UInt8(ascii: "d") || c == UInt8(ascii: "s")
      {
        i += 1
      }
      guard i < count, unitClass(text[i]) == UInt8(ascii: "l") else { continue }
      let keepFrom = i + 2
      i = runEnd(text, from: i)
      while i < count && unitClass(text[i]) != UInt8(ascii: ".") { i += 1 }
      let keepAgain = i - 2
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

  /// The offset of the first block of eight units from `start` on that holds a unit of no run
  /// (not an ASCII letter, digit, comma or space), or of the units left after the whole blocks:
  /// the caller reads on from there one unit at a time to the run's end. Eight units are tested
  /// at once as vector lanes (one unit at a time, the scan took 8 instructions a unit, and most
  /// of a text is runs). Every operand is a vector: with a scalar operand, or with `all(_:)`,
  /// the comparisons were made lane by lane.
  @inline(__always)
  private static func runEnd(_ text: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
    guard let base = text.baseAddress else { return start }
    let count = text.count
    var i = start
    let space = SIMD8<UInt16>(repeating: 0x20)
    let comma = SIMD8<UInt16>(repeating: 0x2C)
    let letterBase = SIMD8<UInt16>(repeating: 0x61)
    let letters = SIMD8<UInt16>(repeating: 26)
    let digitBase = SIMD8<UInt16>(repeating: 0x30)
    let digits = SIMD8<UInt16>(repeating: 10)
    while i &+ 8 <= count {
      let units = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt16>.self)
      // A letter by its lowercase; each range test is one unsigned comparison of the offset
      // from the range's first unit (below it, the offset wraps to a large one).
      let letter = (units | space) &- letterBase .< letters
      let digit = units &- digitBase .< digits
      let inRun = letter .| digit .| (units .== space) .| (units .== comma)
      let lanes = unsafeBitCast(inRun, to: SIMD2<UInt64>.self)
      guard lanes.x & lanes.y == ~0 else { break }
      i &+= 8
    }
    return i
  }
}
