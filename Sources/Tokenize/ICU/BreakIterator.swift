import CICU

/// An ICU break iterator (word or sentence), owned by one thread at a time.
///
/// Wraps the opaque `cicu_breaker` handle and closes it on `deinit`. Opening an iterator costs
/// far more than segmenting a short text, so a `TokenizeSession` keeps its iterators for reuse.
final class BreakIterator {
  enum Kind {
    case word, sentence
    var code: Int32 { self == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE) }
  }

  private let handle: OpaquePointer

  init(_ kind: Kind, locale: String) throws(ICUError) {
    var handle: OpaquePointer?
    try ICUError.check(cicu_breaker_open(kind.code, locale, &handle), "ubrk_open")
    self.handle = handle!
  }

  deinit { cicu_breaker_close(handle) }

  /// Boundaries are handed out in chunks of this many, so memory does not grow with the text.
  static let chunk = 4096
  private var boundaries = [Int32](repeating: 0, count: BreakIterator.chunk)
  private var statuses = [Int32](repeating: 0, count: BreakIterator.chunk)

  /// Calls `body` with every boundary of `text` after offset 0 (UTF-16 offsets, increasing,
  /// the last equal to `text.count`) and the rule status of the segment that ends there.
  func forEachBoundary(
    _ text: UnsafeBufferPointer<UInt16>,
    _ body: (_ boundary: Int, _ status: Int32) throws(ICUError) -> Void
  ) throws(ICUError) {
    guard !text.isEmpty else { return }
    try ICUError.check(
      cicu_breaker_set_text(handle, text.baseAddress, Int32(text.count)), "ubrk_setText")
    defer { cicu_breaker_clear_text(handle) }
    var count: Int32 = Int32(Self.chunk)
    while count == Int32(Self.chunk) {
      boundaries.withUnsafeMutableBufferPointer { b in
        statuses.withUnsafeMutableBufferPointer { s in
          cicu_breaker_next(handle, b.baseAddress, s.baseAddress, Int32(Self.chunk), &count)
        }
      }
      for i in 0..<Int(count) { try body(Int(boundaries[i]), statuses[i]) }
    }
  }
}

extension BreakIterator {
  /// Every boundary ICU finds in `text` after offset 0, as Unicode scalar offsets. Used to check
  /// the segmentation layer against Unicode's conformance files.
  static func scalarBoundaries(
    of text: String, _ kind: Kind, locale: String
  ) throws(ICUError) -> [Int] {
    let iterator = try BreakIterator(kind, locale: locale)
    let utf16 = Array(text.utf16)
    return try utf16.withUnsafeBufferPointer { (units) throws(ICUError) -> [Int] in
      var offsets = ScalarOffsets(units)
      var result: [Int] = []
      try iterator.forEachBoundary(units) { boundary, _ in
        result.append(offsets.advance(to: boundary))
      }
      return result
    }
  }
}
