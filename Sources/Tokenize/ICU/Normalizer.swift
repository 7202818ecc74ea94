import CICU

/// ICU's NFKC_Casefold normalization: case- and width-insensitive matching keys.
enum Normalizer {
  /// NFKC_Casefold of a UTF-16 slice.
  static func nfkcCasefold(_ source: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
    var capacity = max(16, source.count * 2)
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      var length: Int32 = 0
      let status = output.withUnsafeMutableBufferPointer { out in
        cicu_nfkc_casefold(
          source.baseAddress, Int32(source.count), out.baseAddress, Int32(capacity), &length)
      }
      try ICUError.check(status, "unorm2_normalize")
      if Int(length) <= capacity {
        output.removeSubrange(Int(length)...)
        return output
      }
      capacity = Int(length)
    }
  }
}
