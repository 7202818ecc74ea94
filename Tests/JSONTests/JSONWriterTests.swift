import JSON
import TestSupport
import Testing

/// A string value and the exact JSON text the writer must produce for it.
struct EscapeCase: CustomTestStringConvertible, Sendable {
  let name: String
  let value: String
  let json: String
  var testDescription: String { name }
}

/// A double and the text `JSONWriter.format` must give it.
struct FormatCase: CustomTestStringConvertible, Sendable {
  let name: String
  let value: Double
  let text: String
  var testDescription: String { name }
}

/// A value that must survive `parse(write(value))` unchanged.
struct RoundTripCase: CustomTestStringConvertible, Sendable {
  let name: String
  let value: JSONValue
  var testDescription: String { name }
}

private func written(_ body: (inout JSONWriter) -> Void) -> String {
  var writer = JSONWriter()
  body(&writer)
  return String(decoding: writer.bytes, as: UTF8.self)
}

@Suite("JSONWriter")
struct JSONWriterTests {
  static let escapeCases: [EscapeCase] = [
    EscapeCase(name: "plain", value: "Roscosmos", json: #""Roscosmos""#),
    EscapeCase(name: "double quote", value: "say \"hi\"", json: #""say \"hi\"""#),
    EscapeCase(name: "backslash", value: #"a\b"#, json: #""a\\b""#),
    EscapeCase(name: "newline, CR and tab", value: "a\nb\rc\td", json: #""a\nb\rc\td""#),
    EscapeCase(name: "control character U+0001", value: "a\u{01}b", json: #""a\u0001b""#),
    EscapeCase(name: "control character U+001F", value: "\u{1F}", json: #""\u001f""#),
    EscapeCase(name: "NUL", value: "\u{0}", json: #""\u0000""#),
    EscapeCase(name: "slash is not escaped", value: "a/b", json: #""a/b""#),
    EscapeCase(name: "DEL passes through", value: "\u{7F}", json: "\"\u{7F}\""),
    EscapeCase(
      name: "non-ASCII passes through", value: "Рогозин’s 🚀 café", json: "\"Рогозин’s 🚀 café\""),
    EscapeCase(name: "empty", value: "", json: #""""#),
  ]

  @Test(arguments: escapeCases)
  func escapesStrings(_ c: EscapeCase) throws {
    #expect(written { $0.string(c.value) } == c.json)
    #expect(try JSONParser.parse(Array(c.json.utf8)).value == .string(c.value))
  }

  /// A spilling writer hands out pieces of at least its limit whose concatenation is what a
  /// plain writer holds; `spilled` counts what went out; `removeAll` starts the count again.
  @Test(arguments: [1, 7, 64, 10_000])
  func spillingWritesTheSameBytesInPieces(limit: Int) {
    final class Pieces { var all: [[UInt8]] = [] }
    let pieces = Pieces()
    var spilling = JSONWriter(spillingAt: limit) { pieces.all.append($0) }
    var plain = JSONWriter()
    for _ in 0..<2 {
      func write(_ w: inout JSONWriter) {
        w.beginArray()
        for i in 0..<50 {
          w.beginObject()
          w.field("n")
          w.int(i)
          w.field("s")
          w.string("Рогозин \(i)")
          w.endObject()
          w.spillIfFull()
        }
        w.endArray()
      }
      write(&spilling)
      write(&plain)
    }
    #expect(pieces.all.allSatisfy { $0.count >= limit })
    #expect(Array(pieces.all.joined()) + spilling.bytes == plain.bytes)
    #expect(spilling.spilled == pieces.all.map(\.count).reduce(0, +))
    #expect(limit < 10_000 ? !pieces.all.isEmpty : pieces.all.isEmpty)
    spilling.removeAll()
    #expect(spilling.spilled == 0 && spilling.bytes.isEmpty)
  }

  /// Every integer up to 10,000 and each power of ten and its neighbours (the digits are
  /// written two at a time), as Swift prints them.
  @Test func writesEveryDigitPair() {
    var values = Array(-10...10_000)
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power]
    }
    let mismatches = values.filter { value in written { $0.int(value) } != String(value) }
    #expect(mismatches == [])
  }

  /// Integers of every length, both signs and the extremes, as Swift prints them.
  @Test(arguments: [
    0, 7, -7, 10, 99, 100, 1_234_567, -1_000_000_000, 9_999_999_999, 12_345_678_901,
    Int.max, Int.min, Int.min + 1,
  ])
  func writesIntegers(_ value: Int) {
    #expect(written { $0.int(value) } == String(value))
    #expect(
      written {
        $0.int(value)
        $0.int(value)
      } == "\(value),\(value)")
  }

  @Test func keysAreEscapedLikeStrings() {
    #expect(
      written { w in
        w.beginObject()
        w.key("a\"b\n")
        w.int(1)
        w.endObject()
      } == #"{"a\"b\n":1}"#)
  }

  @Test func insertsCommasBetweenValuesAndMembers() {
    let json = written { w in
      w.beginObject()
      w.key("id")
      w.string("x")
      w.key("n")
      w.int(-3)
      w.key("list")
      w.beginArray()
      w.bool(true)
      w.null()
      w.beginObject()
      w.endObject()
      w.beginArray()
      w.endArray()
      w.double(0.5)
      w.endArray()
      w.key("ok")
      w.bool(false)
      w.endObject()
    }
    #expect(json == #"{"id":"x","n":-3,"list":[true,null,{},[],0.5],"ok":false}"#)
  }

  @Test func newlineEndsARecordWithoutAComma() {
    let json = written { w in
      w.beginObject()
      w.endObject()
      w.newline()
      w.beginArray()
      w.endArray()
      w.newline()
    }
    #expect(json == "{}\n[]\n")
  }

  @Test func removeAllStartsAfresh() {
    var writer = JSONWriter()
    writer.int(1)
    writer.removeAll()
    writer.int(2)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "2")
  }

  @Test func valueWritesNumbersWithTheirOriginalText() {
    let value = JSONValue.array([.number("1.50e+3"), .number("-0"), .number("10")])
    #expect(written { $0.value(value) } == "[1.50e+3,-0,10]")
  }

  // MARK: - Doubles

  static let formatCases: [FormatCase] = [
    FormatCase(name: "integer", value: 2, text: "2"),
    FormatCase(name: "negative integer", value: -3, text: "-3"),
    FormatCase(name: "zero", value: 0, text: "0"),
    FormatCase(name: "negative zero", value: -0.0, text: "0"),
    FormatCase(name: "tiny negative rounds to 0, not -0", value: -0.00001, text: "0"),
    FormatCase(name: "half rounds away from zero", value: 0.12345, text: "0.1235"),
    FormatCase(name: "negative half rounds away from zero", value: -0.12345, text: "-0.1235"),
    FormatCase(name: "rounds down below half", value: 0.12344, text: "0.1234"),
    FormatCase(name: "shortest form", value: 0.1 + 0.2, text: "0.3"),
    FormatCase(name: "one half", value: 0.5, text: "0.5"),
    FormatCase(name: "smallest nonzero", value: 0.00005, text: "0.0001"),
    FormatCase(name: "rounds up to an integer", value: 1.99999, text: "2"),
    FormatCase(name: "a score", value: 2 / 19.0.squareRoot(), text: "0.4588"),
    FormatCase(name: "NaN", value: .nan, text: "null"),
    FormatCase(name: "infinity", value: .infinity, text: "null"),
    FormatCase(name: "negative infinity", value: -.infinity, text: "null"),
  ]

  @Test(arguments: formatCases)
  func formatsDoubles(_ c: FormatCase) {
    #expect(JSONWriter.format(c.value) == c.text)
    #expect(written { $0.double(c.value) } == c.text)
  }

  @Test func formatsHugeFiniteDoublesAsJSON() throws {
    let text = JSONWriter.format(1e305)
    #expect(text == "1e+305")
    #expect(try JSONParser.parse(Array(text.utf8)).value == .number(text))
  }

  /// The formatter before the fixed-point writer (rounding, then `Double.description`): the
  /// fixed-point text must be the same for every value.
  private static func descriptionFormat(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if abs(value) >= 1e15 { return "\(value)" }
    var rounded = (value * 10_000).rounded() / 10_000
    if rounded == 0 { rounded = 0 }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return "\(rounded)"
  }

  @Test(arguments: [1e-6, 1e-3, 1, 10, 1e3, 1e6, 1e9, 1e12, 1e16])
  func fixedPointMatchesDescription(_ magnitude: Double) {
    var generator = SplitMix64(seed: UInt64(magnitude.exponent + 2000))
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      let unit = Double(generator.next() >> 11) / Double(1 << 53)  // [0, 1)
      var value = (unit * 2 - 1) * magnitude
      // Exact 4-digit values.
      if generator.next() % 4 == 0 { value = (value * 10_000).rounded() / 10_000 }
      if generator.next() % 8 == 0 { value = (value * 2).rounded() / 2 + 0.00005 }  // ties
      let fixed = JSONWriter.format(value)
      if fixed != Self.descriptionFormat(value) {
        mismatches.append("\(value): \(fixed) vs \(Self.descriptionFormat(value))")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  // MARK: - Room reserved in advance

  /// `withRoom` writes the bytes of the checked writes: commas, numbers of every size and
  /// sign, doubles on both paths, strings with and without escapes.
  @Test(arguments: escapeCases)
  func roomWritesWhatTheCheckedWritesDo(_ c: EscapeCase) {
    let numbers = [0, -1, 9, 10, 99, 100, 12_345, Int.max, Int.min]
    let doubles = [0, -0.0, 0.5, -0.12345, 1.99999, 1e9, 1e305, -1e17, .nan, -.infinity]
    let checked = written { w in
      w.beginArray()
      for n in numbers { w.int(n) }
      w.beginObject()
      w.field("s")
      w.string(c.value)
      for d in doubles {
        w.field("d")
        w.double(d)
      }
      w.endObject()
      w.endArray()
    }
    let roomed = written { w in
      w.beginArray()
      for n in numbers { w.withRoom(JSONWriter.Room.intBound) { $0.int(n) } }
      var value = c.value
      value.withUTF8 { utf8 in
        w.withRoom(
          8 + JSONWriter.Room.stringBound(utf8.count) + doubles.count
            * (4 + JSONWriter.Room.doubleBound)
        ) { room in
          room.raw(#"{"s":"#)
          room.string(utf8: utf8)
          for d in doubles {
            room.raw(#","d":"#)
            room.double(d)
          }
          room.raw("}")
        }
      }
      w.endArray()
    }
    #expect(roomed == checked)
  }

  // MARK: - Round trip

  static let roundTripCases: [RoundTripCase] = [
    RoundTripCase(name: "null", value: .null),
    RoundTripCase(name: "number text", value: .number("-12.5E+03")),
    RoundTripCase(
      name: "string with every escape", value: .string("\"\\/\u{08}\u{0C}\n\r\t\u{01}\u{1F}")),
    RoundTripCase(name: "non-ASCII string", value: .string("Роскосмос 🚀 ＮＡＳＡ é")),
    RoundTripCase(name: "empty containers", value: .array([.array([]), .object([])])),
    RoundTripCase(
      name: "nested object with duplicate keys in order",
      value: .object([
        JSONMember(key: "z", value: .bool(true)),
        JSONMember(key: "a", value: .array([.null, .number("0"), .string("x")])),
        JSONMember(key: "z", value: .object([JSONMember(key: "", value: .bool(false))])),
      ])),
  ]

  @Test(arguments: roundTripCases)
  func roundTrips(_ c: RoundTripCase) throws {
    var writer = JSONWriter()
    writer.value(c.value)
    let (parsed, repairs) = try JSONParser.parse(writer.bytes)
    #expect(parsed == c.value)
    #expect(repairs.isEmpty)
  }
}

@Suite("JSONFragment")
struct JSONFragmentTests {
  /// The writer starts with a 4 KiB buffer; a fragment keeps only its bytes (a fragment per
  /// entity of a million-alias gazetteer once held 4 GiB).
  @Test("A fragment holds its bytes, not the writer's buffer", arguments: [0, 1, 10, 5_000])
  func fragmentsAreCompact(_ length: Int) {
    let text = String(repeating: "x", count: length)
    let fragment = JSONFragment { $0.string(text) }
    #expect(fragment.bytes == Array("\"\(text)\"".utf8))
    #expect(fragment.bytes.capacity < fragment.bytes.count + 64)
    #expect(JSONFragment(key: "id").bytes == Array("\"id\":".utf8))
  }
}

@Suite("JSONFragmentList")
struct JSONFragmentListTests {
  @Test("Each fragment of a list writes the bytes of a fragment made alone")
  func listMatchesSingleFragments() {
    let names = ["NASA", "", "Рогозин \"Dmitry\"", String(repeating: "x", count: 5_000)]
    func members(_ w: inout JSONWriter, _ name: String) {
      w.field("name")
      w.string(name)
      w.field("n")
      w.int(name.count)
    }
    let list = JSONFragmentList(names, members)
    #expect(list.count == names.count)
    for (index, name) in names.enumerated() {
      let alone = JSONFragment { members(&$0, name) }
      #expect(Array(list[index]) == alone.bytes)
      var a = JSONWriter()
      a.beginObject()
      a.field("id")
      a.int(index)
      a.fragment(list, at: index)
      a.endObject()
      var b = JSONWriter()
      b.beginObject()
      b.field("id")
      b.int(index)
      b.fragment(alone)
      b.endObject()
      #expect(a.bytes == b.bytes)
    }
  }
}
