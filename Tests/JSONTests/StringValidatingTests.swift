import Testing

@testable import JSON

/// `String(validatingMostlyASCII:)` against the standard library's `String(validating:as:)`:
/// the same verdict and the same bytes, for texts of long ASCII stretches (around the stretch
/// length and the sixteen-byte blocks) with valid and invalid UTF-8 between and at every edge.
@Suite("String(validatingMostlyASCII:)")
struct StringValidatingTests {
  /// Pieces a text is made of: ASCII runs of lengths around the block and the stretch, valid
  /// multi-byte scalars, and invalid sequences (a lone continuation byte, a truncated sequence,
  /// an overlong encoding, a surrogate, bytes that never occur).
  static let pieces: [[UInt8]] = {
    let stretch = String.asciiStretch
    let ascii = [
      0, 1, 7, 15, 16, 17, 31, stretch - 17, stretch - 1, stretch, stretch + 1, 2 * stretch + 5,
    ]
    .map { n in (0..<n).map { UInt8(0x61 + $0 % 26) } }
    let valid = ["é", "—", "“", "😀", "Роскосмос", "e\u{301}"].map { Array($0.utf8) }
    let invalid: [[UInt8]] = [
      [0x80], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xC3],
    ]
    return ascii + valid + invalid
  }()

  @Test("Same verdict and bytes as String(validating:as:) on generated texts")
  func matchesTheStandardLibrary() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for _ in 0..<3_000 {
      var bytes: [UInt8] = []
      for _ in 0..<next(8) + 1 { bytes += Self.pieces[next(Self.pieces.count)] }
      let expected = String(validating: bytes, as: UTF8.self)
      let found = bytes.withUnsafeBufferPointer { String(validatingMostlyASCII: $0) }
      #expect(found == expected, "\(bytes)")
      #expect(found.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(bytes)")
    }
  }
}
