import JSON

/// The surfaces of spans of a document's text, by their Unicode scalar offsets, as the text's
/// own UTF-8 bytes: what a record writes for every mention, hit and modifier.
///
/// In ASCII text a scalar offset is a byte offset. Otherwise the byte offset of every 64th
/// scalar is kept (an eighth of a word per 64 scalars), and a span's ends are found from there.
/// Spans need no tokens, so a document analysed in windows, whose tokens are gone, writes the
/// same bytes.
struct Surfaces {
  let utf8: UnsafeBufferPointer<UInt8>
  /// `checkpoints[i]`: the byte offset of scalar `i * stride` (empty for ASCII text).
  private let checkpoints: [Int]
  private static let stride = 64

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
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(utf8.count / Self.stride + 2)
    var scalars = 0
    for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
      if scalars % Self.stride == 0 { checkpoints.append(i) }
      scalars += 1
    }
    if scalars % Self.stride == 0 { checkpoints.append(utf8.count) }
    self.checkpoints = checkpoints
  }

  /// The byte offset of scalar offset `scalar` (at most the text's scalar count).
  @inline(__always)
  func byteOffset(_ scalar: Int) -> Int {
    guard !checkpoints.isEmpty else { return scalar }
    var offset = checkpoints[scalar / Self.stride]
    for _ in 0..<(scalar % Self.stride) {
      let lead = utf8[offset]
      offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
    return offset
  }

  /// The bytes of the span `scalars` (Unicode scalar offsets, half-open).
  func bytes(_ scalars: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    let start = byteOffset(scalars.lowerBound)
    let end = checkpoints.isEmpty ? scalars.upperBound : byteOffset(scalars.upperBound)
    return UnsafeBufferPointer(rebasing: utf8[start..<end])
  }

  /// Writes the surface of `scalars` as a JSON string.
  func write(_ scalars: Range<Int>, into w: inout JSONWriter) {
    w.string(utf8: bytes(scalars))
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
