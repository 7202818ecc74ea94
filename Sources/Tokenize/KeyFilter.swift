/// A compact pre-check for "is this token key one of a known set?": a 65,536-bit table over a
/// cheap signature of the key (its first two bytes, last byte and length). A clear bit means
/// the key is certainly absent, so most tokens skip the dictionary look-up (and its string
/// hashing) entirely; a set bit means "maybe", and the caller asks the dictionary.
///
/// Its test is `@inlinable` so matchers in other modules run it without a call.
@usableFromInline
package struct KeyFilter: Sendable {
  @usableFromInline
  var bits = [UInt64](repeating: 0, count: 1024)

  package init() {}

  package mutating func insert(_ key: String) {
    let s = Self.signature(key)
    bits[s >> 6] |= 1 << UInt64(s & 63)
  }

  /// False only when `key` was certainly never inserted.
  @inlinable @inline(__always)
  package func mayContain(_ key: String) -> Bool {
    let s = Self.signature(key)
    return bits[s >> 6] & (1 << UInt64(s & 63)) != 0
  }

  /// O(1): the first two bytes, the last byte and the byte count of a key's UTF-8.
  @inlinable @inline(__always)
  static func signature(_ key: String) -> Int {
    // Native strings (every key) have contiguous UTF-8; the copy is only a fallback.
    key.utf8.withContiguousStorageIfAvailable(signature(bytes:))
      ?? Array(key.utf8).withUnsafeBufferPointer(signature(bytes:))
  }

  @inlinable @inline(__always)
  static func signature(bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let count = bytes.count
    guard count > 0 else { return 0 }
    let first = Int(bytes[0])
    let second = count > 1 ? Int(bytes[1]) : 0
    let last = Int(bytes[count - 1])
    return (first &* 0x9E37 ^ second &* 0x85EB ^ last &* 0xC2B3 ^ count &* 0x27D5) & 0xFFFF
  }
}
