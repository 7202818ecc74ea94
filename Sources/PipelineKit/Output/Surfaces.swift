/// The surfaces of spans of a document's text, by their Unicode scalar offsets, as the text's
/// own UTF-8 bytes: what a record writes for every mention, hit and modifier.
///
/// In ASCII text a scalar offset is a byte offset. Otherwise the byte offset of every 16th
/// scalar is kept (4 bytes per 16 scalars), and a span's ends are found from there.
/// Spans need no tokens, so a document analysed in windows, whose tokens are gone, writes the
/// same bytes.
struct Surfaces {
  let utf8: UnsafeBufferPointer<UInt8>
  /// `checkpoints[i]`: the byte offset of scalar `i * stride` (empty for ASCII text).
  private let checkpoints: [UInt32]
  private static let stride = 16

  /// Calls `body` with the surfaces of `text` (its UTF-8 is valid for the call only).
  static func of<Result>(_ text: String, _ body: (Surfaces) -> Result) -> Result {
    var text = text
    return text.withUTF8 { body(Surfaces(utf8: $0)) }
  }

  private init(utf8: UnsafeBufferPointer<UInt8>) {
    self.utf8 = utf8
    guard !Self.isASCII(utf8) else {
      checkpoints = []
      return
    }
    // A text is at most `Int32.max` UTF-16 units (`TokenizeError.textTooLong`), so at most
    // 1.5 × that many bytes of UTF-8.
    var checkpoints: [UInt32] = []
    checkpoints.reserveCapacity(utf8.count / Self.stride + 2)
    var scalars = 0
    var i = 0
    let raw = UnsafeRawBufferPointer(utf8)
    while i < utf8.count {
      // Sixteen ASCII bytes (`stride`): as many scalars, so exactly one checkpoint among them.
      if i + 16 <= utf8.count,
        (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) & 0x8080_8080_8080_8080
          == 0
      {
        checkpoints.append(UInt32(i + (Self.stride - scalars % Self.stride) % Self.stride))
        scalars += 16
        i += 16
        continue
      }
      // Eight ASCII bytes at a time (most of a mostly-English text): eight scalars, a
      // checkpoint where a multiple of `stride` falls among them.
      if i + 8 <= utf8.count,
        raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        let toNext = (Self.stride - scalars % Self.stride) % Self.stride
        if toNext < 8 { checkpoints.append(UInt32(i + toNext)) }
        scalars += 8
        i += 8
        continue
      }
      if !UTF8Offsets.isContinuation(utf8[i]) {
        if scalars % Self.stride == 0 { checkpoints.append(UInt32(i)) }
        scalars += 1
      }
      i += 1
    }
    if scalars % Self.stride == 0 { checkpoints.append(UInt32(utf8.count)) }
    self.checkpoints = checkpoints
  }

  /// The byte offset of scalar offset `scalar` (at most the text's scalar count).
  @inline(__always)
  func byteOffset(_ scalar: Int) -> Int {
    guard !checkpoints.isEmpty else { return scalar }
    let block = scalar / Self.stride
    let offset = Int(checkpoints[block])
    let within = scalar % Self.stride
    // A block whose `stride` scalars take as many bytes is ASCII: no lead byte to read (most
    // blocks of a mostly-English text; reading them was about 130 instructions a span).
    if block + 1 < checkpoints.count, Int(checkpoints[block + 1]) &- offset == Self.stride {
      return offset + within
    }
    return UTF8Offsets.advance(offset, by: within, in: utf8)
  }

  /// The bytes of the span `scalars` (Unicode scalar offsets, half-open).
  func bytes(_ scalars: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    let start = byteOffset(scalars.lowerBound)
    let end = checkpoints.isEmpty ? scalars.upperBound : byteOffset(scalars.upperBound)
    return UnsafeBufferPointer(rebasing: utf8[start..<end])
  }

  /// The surface of `scalars`.
  func string(_ scalars: Range<Int>) -> String {
    String(decoding: bytes(scalars), as: UTF8.self)
  }

  /// Whether every byte is below 0x80, eight at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    var i = 0
    var any: UInt64 = 0
    while i + 8 <= raw.count {
      any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    while i < raw.count {
      any |= UInt64(raw[i])
      i += 1
    }
    return any & 0x8080_8080_8080_8080 == 0
  }
}

/// Scalar offsets in valid UTF-8 (a Swift string's), by its lead bytes.
enum UTF8Offsets {
  @inline(__always)
  static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// The byte offset `scalars` scalars after byte offset `offset` (a scalar's first byte).
  @inline(__always)
  static func advance(_ offset: Int, by scalars: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var offset = offset
    for _ in 0..<scalars {
      let lead = utf8[offset]
      offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
    return offset
  }

  /// The number of scalars in `utf8`.
  static func scalars(in utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in utf8 where !isContinuation(byte) { count += 1 }
    return count
  }
}
