import Glibc

extension String {
  /// `String(validating: bytes, as: UTF8.self)`, its long ASCII stretches validated apart.
  ///
  /// The standard library tests a buffer eight bytes at a time only when all of it is ASCII;
  /// one non-ASCII byte anywhere (a typographic quote or dash in a news text) sends the whole
  /// buffer through its byte-at-a-time validation (about 9 instructions a byte). Here each
  /// stretch of at least `asciiStretch` ASCII bytes (found sixteen at a time) is made a string of
  /// its own, and so is each piece between them, and the pieces are appended.
  ///
  /// Exact: a piece ends or begins next to an ASCII byte, where every valid scalar also ends or
  /// begins (an ASCII byte is a whole scalar and never continues one), so the text is valid
  /// exactly when every piece is, and the string holds the same bytes. A piece is made by the
  /// repairing initializer and compared with its bytes (a repair changes them): the validating
  /// one is generic, and its unspecialised code looked up type metadata at every call.
  ///
  /// - Complexity: O(n).
  init?(validatingMostlyASCII bytes: UnsafeBufferPointer<UInt8>) {
    let highs: UInt64 = 0x8080_8080_8080_8080
    let raw = UnsafeRawBufferPointer(bytes)
    var result = ""
    // `bytes[..<appended]` are in `result`; `stretch` is where the current run of ASCII
    // sixteen-byte blocks starts.
    var appended = 0
    var stretch = 0
    var p = 0
    while p + 16 <= bytes.count {
      let word =
        raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
        | raw.loadUnaligned(fromByteOffset: p + 8, as: UInt64.self)
      if word & highs != 0 {
        if p - stretch >= Self.asciiStretch {
          if appended == 0 { result.reserveCapacity(bytes.count) }
          guard let before = Self(validPiece: bytes[appended..<stretch]) else { return nil }
          result += before
          result += Self(piece: bytes[stretch..<p])
          appended = p
        }
        stretch = p + 16
      }
      p += 16
    }
    // No long stretch: the whole buffer in one (all of it ASCII is the library's fast case).
    guard appended > 0 else {
      guard let whole = String(validating: bytes, as: UTF8.self) else { return nil }
      self = whole
      return
    }
    guard let rest = Self(validPiece: bytes[appended...]) else { return nil }
    result += rest
    self = result
  }

  /// The fewest ASCII bytes made a piece of their own: a piece costs about as much as
  /// validating this many bytes one at a time (a string made, appended and freed).
  static let asciiStretch = 256

  /// The string of `bytes`, U+FFFD in place of what is not UTF-8.
  private init(piece bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    self.init(
      unsafeUninitializedCapacity: bytes.count,
      initializingUTF8With: { buffer in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
        return bytes.count
      })
  }

  /// The string of `bytes`, nil when they are not UTF-8.
  private init?(validPiece bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    var piece = Self(piece: bytes)
    let same = piece.withUTF8 { utf8 in
      utf8.count == bytes.count
        && (bytes.isEmpty
          || memcmp(utf8.baseAddress!, bytes.base.baseAddress! + bytes.startIndex, bytes.count) == 0)
    }
    guard same else { return nil }
    self = piece
  }
}
