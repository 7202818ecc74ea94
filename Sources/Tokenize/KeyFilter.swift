/// A compact pre-check for "is this token key one of a known set?": a 65,536-bit table over a
/// cheap signature of the key (its first two bytes, last byte and length). A clear bit means
/// the key is certainly absent, so most tokens skip the dictionary look-up (and its string
/// hashing) entirely; a set bit means "maybe", and the caller asks the dictionary.
package struct KeyFilter: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  package init() {}

  package mutating func insert(_ key: String) {
    let s = Self.signature(key)
    bits[s >> 6] |= 1 << UInt64(s & 63)
  }

  /// False only when `key` was certainly never inserted.
  @inline(__always)
  package func mayContain(_ key: String) -> Bool {
    let s = Self.signature(key)
    return bits[s >> 6] & (1 << UInt64(s & 63)) != 0
  }

  @inline(__always)
  static func signature(_ key: String) -> Int {
    var first = 0
    var second = 0
    var last = 0
    var count = 0
    for byte in key.utf8 {
      switch count {
      case 0: first = Int(byte)
      case 1: second = Int(byte)
      default: break
      }
      last = Int(byte)
      count += 1
    }
    return (first &* 0x9E37 ^ second &* 0x85EB ^ last &* 0xC2B3 ^ count &* 0x27D5) & 0xFFFF
  }
}
