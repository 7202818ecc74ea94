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
    "Runs of eight ASCII bytes and more, between and after other scalars",
    arguments: [
      "Roscosmos and NASA agreed.", "abcdefgh", "abcdefg\u{E9}", "abcdefghi😀jklmnopqrstuvw",
      "абвгдежзийклмн then sixteen bytes", "😀🚀 0123456789abcdef\u{301}\u{301}x",
    ])
  func asciiRuns(_ text: String) {
    var lowSurrogates: [Int] = []
    let units = Transcode.utf16(of: text, lowSurrogates: &lowSurrogates)
    #expect(units == Array(text.utf16))
  }

  @Test(
    "The low surrogates listed are those that end a pair", arguments: NaughtyStringsTests.cases)
  func lowSurrogates(_ naughty: NaughtyStringsTests.Case) {
    var listed: [Int] = []
    _ = Transcode.utf16(of: naughty.text + "😀 and 🚀", lowSurrogates: &listed)
    let units = Array((naughty.text + "😀 and 🚀").utf16)
    let pairs = units.indices.dropFirst().filter {
      units[$0] & 0xFC00 == 0xDC00 && units[$0 - 1] & 0xFC00 == 0xD800
    }
    #expect(listed == pairs)
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
