/// UTF-8 ⇄ UTF-16 in tight loops over buffers. The standard library's generic paths
/// (`Array(text.utf16)`, `String(decoding:as: UTF16.self)` on a slice) cost 40–70 instructions a
/// unit and build breadcrumbs; these cost a few.
enum Transcode {
  /// The UTF-16 code units of `text` (what `Array(text.utf16)` returns).
  static func utf16(of text: String) -> [UInt16] {
    var lowSurrogates: [Int] = []
    return utf16(of: text, lowSurrogates: &lowSurrogates)
  }

  /// `utf16(of:)`, appending to `lowSurrogates` the offset of each unit that ends a surrogate
  /// pair (`ScalarOffsets(lowSurrogates:)`): found as they are written, not in a second pass.
  static func utf16(of text: String, lowSurrogates: inout [Int]) -> [UInt16] {
    var text = text
    return text.withUTF8 { bytes in
      // A buffer of the UTF-8 length, the most units it can take: the part a non-ASCII text
      // leaves unwritten is never touched, so it costs address space, not memory.
      return [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
        count = utf16(bytes, into: units, lowSurrogates: &lowSurrogates)
      }
    }
  }

  /// Decodes valid UTF-8 (a Swift string's storage) into `units`, which holds at least
  /// `bytes.count` units; returns how many it wrote.
  private static func utf16(
    _ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutableBufferPointer<UInt16>,
    lowSurrogates: inout [Int]
  ) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var i = 0
    var n = 0
    let count = bytes.count
    while i < count {
      // Sixteen ASCII bytes at a time (most of a news text): one test of their high bits, and
      // widened to sixteen units as vector lanes (eight bytes in two registers took 2.5
      // instructions a byte; a unit at a time, four).
      if i &+ 16 <= count {
        let sixteen = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        let words = unsafeBitCast(sixteen, to: SIMD2<UInt64>.self)
        if (words.x | words.y) & 0x8080_8080_8080_8080 == 0 {
          UnsafeMutableRawPointer(units.baseAddress! + n).storeBytes(
            of: SIMD16<UInt16>(truncatingIfNeeded: sixteen), as: SIMD16<UInt16>.self)
          n &+= 16
          i &+= 16
          continue
        }
      }
      // Eight at a time, each half widened to four units in a register.
      if i + 8 <= count {
        let eight = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if eight & 0x8080_8080_8080_8080 == 0 {
          let out = UnsafeMutableRawPointer(units.baseAddress! + n)
          out.storeBytes(of: widened(eight & 0xFFFF_FFFF), as: UInt64.self)
          out.storeBytes(of: widened(eight >> 32), toByteOffset: 8, as: UInt64.self)
          n += 8
          i += 8
          continue
        }
      }
      let lead = UInt32(bytes[i])
      if lead < 0x80 {
        units[n] = UInt16(lead)
        n += 1
        i += 1
      } else if lead < 0xE0 {
        units[n] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
        n += 1
        i += 2
      } else if lead < 0xF0 {
        units[n] = UInt16(
          truncatingIfNeeded: (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
            | UInt32(bytes[i + 2] & 0x3F))
        n += 1
        i += 3
      } else {
        let scalar =
          (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
          | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        let v = scalar - 0x1_0000
        units[n] = UInt16(truncatingIfNeeded: 0xD800 | v >> 10)
        units[n + 1] = UInt16(truncatingIfNeeded: 0xDC00 | v & 0x3FF)
        lowSurrogates.append(n + 1)
        n += 2
        i += 4
      }
    }
    return n
  }

  /// The four bytes in the low half of `four` as four 16-bit lanes, the first byte lowest
  /// (little-endian, as the bytes were loaded and the units are stored).
  @inline(__always)
  private static func widened(_ four: UInt64) -> UInt64 {
    let pairs = (four | four << 16) & 0x0000_FFFF_0000_FFFF
    return (pairs | pairs << 8) & 0x00FF_00FF_00FF_00FF
  }

  /// The string of UTF-16 `units`; a lone surrogate becomes U+FFFD, as with
  /// `String(decoding:as: UTF16.self)`.
  static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
    if units.isEmpty { return "" }
    // A string made with more capacity than 15 bytes is stored on the heap even when its text
    // would fit inline: the exact UTF-8 length for up to 15 units (most keys and surfaces),
    // three bytes a unit (the most one takes) for longer ones, which never fit inline.
    var length = units.count > 15 ? units.count * 3 : 0
    var u = units.count > 15 ? units.count : 0
    while u < units.count {
      let unit = units[u]
      u += 1
      if unit < 0x80 {
        length += 1
      } else if unit < 0x800 {
        length += 2
      } else if unit & 0xFC00 == 0xD800, u < units.count, units[u] & 0xFC00 == 0xDC00 {
        length += 4
        u += 1
      } else {
        length += 3  // the rest of the BMP, and U+FFFD for a lone surrogate
      }
    }
    return String(unsafeUninitializedCapacity: length) { bytes in
      var n = 0
      var i = 0
      let count = units.count
      while i < count {
        var scalar = UInt32(units[i])
        i += 1
        if scalar & 0xF800 == 0xD800 {
          if scalar < 0xDC00, i < count, units[i] & 0xFC00 == 0xDC00 {
            scalar = 0x1_0000 + ((scalar - 0xD800) << 10 | (UInt32(units[i]) - 0xDC00))
            i += 1
          } else {
            scalar = 0xFFFD
          }
        }
        if scalar < 0x80 {
          bytes[n] = UInt8(scalar)
          n += 1
        } else if scalar < 0x800 {
          bytes[n] = UInt8(0xC0 | scalar >> 6)
          bytes[n + 1] = UInt8(0x80 | scalar & 0x3F)
          n += 2
        } else if scalar < 0x1_0000 {
          bytes[n] = UInt8(0xE0 | scalar >> 12)
          bytes[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
          bytes[n + 2] = UInt8(0x80 | scalar & 0x3F)
          n += 3
        } else {
          bytes[n] = UInt8(0xF0 | scalar >> 18)
          bytes[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
          bytes[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
          bytes[n + 3] = UInt8(0x80 | scalar & 0x3F)
          n += 4
        }
      }
      return n
    }
  }
}
