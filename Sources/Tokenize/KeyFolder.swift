/// Computes matching keys: NFKC_Casefold, then typographic apostrophes and quotes to ASCII.
enum KeyFolder {
  /// The key of a UTF-16 slice. ASCII takes a fast path that never calls ICU.
  static func key(of units: Slice<UnsafeBufferPointer<UInt16>>) throws(ICUError) -> String {
    var ascii = true
    for unit in units where unit >= 0x80 {
      ascii = false
      break
    }
    if ascii { return asciiKey(of: units) }
    var folded = try Normalizer.nfkcCasefold(UnsafeBufferPointer(rebasing: units))
    for i in folded.indices { folded[i] = foldQuote(folded[i]) }
    return folded.withUnsafeBufferPointer(Transcode.string)
  }

  /// The key of an ASCII slice: its lowercase (NFKC_Casefold of ASCII), without ICU.
  @inline(__always)
  static func asciiKey(of units: Slice<UnsafeBufferPointer<UInt16>>) -> String {
    String(unsafeUninitializedCapacity: units.count) { buffer in
      var i = 0
      for unit in units {
        let byte = UInt8(truncatingIfNeeded: unit)
        buffer[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
        i += 1
      }
      return i
    }
  }

  /// Typographic single quotes and apostrophes to `'`, double quotes to `"`.
  @inline(__always)
  static func foldQuote(_ unit: UInt16) -> UInt16 {
    switch unit {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return 0x27
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return 0x22
    default: return unit
    }
  }

  /// Whether a UTF-16 unit is an apostrophe (ASCII or typographic) for clitic splitting.
  @inline(__always)
  static func isApostrophe(_ unit: UInt16) -> Bool {
    unit == 0x27 || unit == 0x2019 || unit == 0x2018 || unit == 0x02BC
  }
}
