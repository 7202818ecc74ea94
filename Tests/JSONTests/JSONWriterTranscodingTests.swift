import JSON
import Testing

/// The writer's three ways to write a string (from a `String`, from UTF-16 code units, from
/// UTF-8 bytes) give the same bytes, escapes included, for every naughty string.
@Suite("JSONWriter transcoding")
struct JSONWriterTranscodingTests {
  static let strings: [String] = [
    "", "plain ASCII", "quote \" backslash \\ slash /", "tab\tnewline\ncarriage\rreturn",
    "\u{0}\u{1}\u{1F}\u{7F}", "é (precomposed) e\u{301} (combining)", "Рогозин", "日本語",
    "🚀 👩‍👩‍👧 🇺🇦", "\u{FEFF}BOM", "\u{200D}\u{200E}\u{202E}bidi", "\u{2028}\u{2029}",
    String(repeating: "long run without escapes ", count: 40) + "\"",
  ]

  static func viaString(_ text: String) -> [UInt8] {
    var w = JSONWriter()
    w.string(text)
    return w.bytes
  }

  @Test(arguments: strings)
  func utf16AndUTF8PathsMatchTheStringPath(_ text: String) {
    var fromUTF16 = JSONWriter()
    fromUTF16.string(utf16: Array(text.utf16)[...])
    var fromUTF8 = JSONWriter()
    var bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { fromUTF8.string(utf8: $0) }
    bytes.removeAll()
    #expect(fromUTF16.bytes == Self.viaString(text))
    #expect(fromUTF8.bytes == Self.viaString(text))
  }

  @Test func unpairedSurrogatesBecomeReplacementCharacters() {
    var w = JSONWriter()
    w.string(utf16: [0x61, 0xD800, 0x62, 0xDC00][...])
    #expect(w.bytes == Self.viaString("a\u{FFFD}b\u{FFFD}"))
  }

  @Test func aSliceWritesOnlyItsUnits() {
    let units = Array("NASA and Roscosmos".utf16)
    var w = JSONWriter()
    w.string(utf16: units[9..<18])
    #expect(String(decoding: w.bytes, as: UTF8.self) == "\"Roscosmos\"")
  }
}
