extension Array {
  /// `count` copies of `value`: what `init(repeating:count:)` makes, without its call to the
  /// standard library's unspecialised buffer allocation, which looks up the generic metadata of
  /// the array's storage class at every call (about 550 instructions, more than filling the
  /// array of one sentence's tokens). `reserveCapacity`, specialised in the caller, caches it.
  ///
  ///     let clauseOf = [Int](filled: 0, count: 3)  // [0, 0, 0]
  ///
  /// - Complexity: O(`count`).
  @inlinable
  package init(filled value: Element, count: Int) {
    self.init()
    reserveCapacity(count)
    append(contentsOf: repeatElement(value, count: count))
  }
}
