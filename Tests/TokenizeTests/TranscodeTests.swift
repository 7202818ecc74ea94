import Testing

@testable import Tokenize

/// The hand-written UTF-8 ⇄ UTF-16 loops against the standard library's conversions, on the
/// naughty strings and on unit sequences a `String` cannot hold (lone and reversed surrogates).
@Suite("Transcode")
struct TranscodeTests {
  @Test("UTF-16 of a string equals Array(text.utf16)", arguments: NaughtyStringsTests.cases)
  func utf16(_ naughty: NaughtyStringsTests.Case) {
    #expect(Transcode.utf16(of: naughty.text) == Array(naughty.text.utf16))
  }

  @Test(
    "A string of UTF-16 units equals String(decoding:as:)", arguments: NaughtyStringsTests.cases)
  func string(_ naughty: NaughtyStringsTests.Case) {
    let units = Array(naughty.text.utf16)
    #expect(units.withUnsafeBufferPointer(Transcode.string) == naughty.text)
  }

  @Test(
    "Ill-formed UTF-16 decodes as the standard library decodes it",
    arguments: [
      [0xD800], [0xDC00], [0xDC00, 0xD800], [0x41, 0xD83D], [0xD83D, 0x41, 0xDE80],
      [0xD83D, 0xDE80, 0xDE80], [0xD83D, 0xD83D, 0xDE80], [0xFFFF, 0xD7FF, 0xE000],
    ] as [[UInt16]])
  func illFormed(_ units: [UInt16]) {
    #expect(
      units.withUnsafeBufferPointer(Transcode.string) == String(decoding: units, as: UTF16.self))
  }
}
