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

  /// Boundaries after offset 0 (UTF-16 offsets, increasing, the last equal to `text.count`)
  /// and the rule status of the segment that ends at each.
  func segment(_ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> (
    boundaries: [Int32], statuses: [Int32]
  ) {
    let length = text.count
    if length == 0 { return ([], []) }
    var boundaries = [Int32](repeating: 0, count: length)
    var statuses = [Int32](repeating: 0, count: length)
    var count: Int32 = 0
    let status = boundaries.withUnsafeMutableBufferPointer { b in
      statuses.withUnsafeMutableBufferPointer { s in
        cicu_breaker_segment(
          handle, text.baseAddress, Int32(length), b.baseAddress, s.baseAddress, &count)
      }
    }
    try ICUError.check(status, "ubrk_setText")
    boundaries.removeSubrange(Int(count)...)
    statuses.removeSubrange(Int(count)...)
    return (boundaries, statuses)
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
      let offsets = ScalarOffsets(units)
      return try iterator.segment(units).boundaries.map { offsets[Int($0)] }
    }
  }
}
