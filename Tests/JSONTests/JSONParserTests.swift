import JSON
import TestSupport
import Testing

/// One input the parser must accept, and the value it must produce.
struct ValidCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: [UInt8]
  let expected: JSONValue
  var testDescription: String { name }

  init(_ name: String, _ input: String, _ expected: JSONValue) {
    self.name = name
    self.input = Array(input.utf8)
    self.expected = expected
  }
}

/// One input the parser must refuse: the message (which names what was expected and found) and
/// the 1-based byte the description points at.
struct InvalidCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: [UInt8]
  let description: String
  var testDescription: String { name }

  init(_ name: String, _ input: String, _ description: String) {
    self.init(name, bytes: Array(input.utf8), description)
  }

  init(_ name: String, bytes: [UInt8], _ description: String) {
    self.name = name
    self.input = bytes
    self.description = description
  }
}

@Suite("JSONParser")
struct JSONParserTests {
  static let validCases: [ValidCase] = [
    ValidCase("null", "null", .null),
    ValidCase("booleans in an array", "[true,false]", .array([.bool(true), .bool(false)])),
    ValidCase("white space around the value", " \t\r\n 7 \n", .number("7")),
    ValidCase("empty object", "{}", .object([])),
    ValidCase("empty array with space inside", "[ ]", .array([])),
    ValidCase(
      "nested objects and arrays keep member order",
      #"{"b": [1, {"c": null}], "a": {"d": []}}"#,
      .object([
        JSONMember(
          key: "b", value: .array([.number("1"), .object([JSONMember(key: "c", value: .null)])])),
        JSONMember(key: "a", value: .object([JSONMember(key: "d", value: .array([]))])),
      ])),
    ValidCase(
      "duplicate keys are both kept", #"{"k":1,"k":2}"#,
      .object([
        JSONMember(key: "k", value: .number("1")), JSONMember(key: "k", value: .number("2")),
      ])),
    ValidCase(
      "simple escapes", #""\" \\ \/ \b \f \n \r \t""#, .string("\" \\ / \u{08} \u{0C} \n \r \t")),
    ValidCase("\\u escape of é", #""caf\u00e9""#, .string("café")),
    ValidCase("\\u escape with uppercase hex", #""\u00C9""#, .string("É")),
    ValidCase("surrogate pair", #""\ud83d\ude80 launch""#, .string("🚀 launch")),
    ValidCase("raw UTF-8 passes through", #""Роскосмос 🚀""#, .string("Роскосмос 🚀")),
    ValidCase("escaped NUL", #""a\u0000b""#, .string("a\u{0}b")),
    ValidCase("number keeps its text", "1.50e+3", .number("1.50e+3")),
    ValidCase("negative zero keeps its sign", "-0", .number("-0")),
    ValidCase("capital exponent", "[2E-7, -0.5]", .array([.number("2E-7"), .number("-0.5")])),
    ValidCase(
      "big integer is not rounded", "123456789012345678901234567890",
      .number("123456789012345678901234567890")),
  ]

  @Test(arguments: validCases)
  func parsesValid(_ c: ValidCase) throws {
    let (value, repairs) = try JSONParser.parse(c.input)
    #expect(value == c.expected)
    #expect(repairs.isEmpty)
  }

  static let invalidCases: [InvalidCase] = [
    InvalidCase("empty input", "", "expected a JSON value, found end of input at byte 1"),
    InvalidCase("only white space", "  ", "expected a JSON value, found end of input at byte 3"),
    InvalidCase(
      "trailing comma in array", "[1,2,]", "expected a JSON value, found ']' at byte 6"),
    InvalidCase(
      "trailing comma in object", #"{"a":1,}"#,
      "expected a string key in object, found '}' at byte 8"),
    InvalidCase(
      "unterminated array", "[1,2", "expected ',' or ']' in array, found end of input at byte 5"),
    InvalidCase(
      "unterminated object", #"{"a":1"#,
      "expected ',' or '}' in object, found end of input at byte 7"),
    InvalidCase(
      "unterminated string", #""abc"#,
      "expected '\"' to close the string, found end of input at byte 5"),
    InvalidCase(
      "unterminated string after an escape", #""a\nb"#,
      "expected '\"' to close the string, found end of input at byte 6"),
    InvalidCase(
      "raw control character in string", "\"a\u{01}b\"",
      "expected an escape for control character in string, found byte 0x1 at byte 3"),
    InvalidCase(
      "raw newline in string after an escape", "\"\\t\n\"",
      "expected an escape for control character in string, found byte 0xa at byte 4"),
    InvalidCase(
      "bad escape", #""a\x""#,
      #"expected one of \" \\ \/ \b \f \n \r \t \u after '\', found 'x' at byte 4"#),
    InvalidCase(
      "short \\u escape", #""\u12""#, #"expected 4 hex digits after \u, found '1' at byte 4"#),
    InvalidCase(
      "non-hex \\u escape", #""\u00g0""#, #"expected 4 hex digits after \u, found 'g' at byte 6"#),
    InvalidCase(
      "leading zero", "01", "expected end of input after the JSON value, found '1' at byte 2"),
    InvalidCase(
      "leading zero in an array", "[01]", "expected ',' or ']' in array, found '1' at byte 3"),
    InvalidCase(
      "minus without digits", "-", "expected a digit in number, found end of input at byte 2"),
    InvalidCase("plus sign", "+1", "expected a JSON value, found '+' at byte 1"),
    InvalidCase(
      "fraction without digits", "1.",
      "expected a digit after '.' in number, found end of input at byte 3"),
    InvalidCase(
      "exponent without digits", "1e+", "expected a digit in exponent, found end of input at byte 4"
    ),
    InvalidCase("misspelled literal", "nul", "expected 'null', found 'n' at byte 1"),
    InvalidCase("capitalized literal", "True", "expected a JSON value, found 'T' at byte 1"),
    InvalidCase("unquoted key", "{a:1}", "expected a string key in object, found 'a' at byte 2"),
    InvalidCase("missing colon", #"{"a" 1}"#, "expected ':' after object key, found '1' at byte 6"),
    InvalidCase(
      "two values", "1 2", "expected end of input after the JSON value, found '2' at byte 3"),
    InvalidCase(
      "single quotes", "'a'", "expected a JSON value, found ''' at byte 1"),
    InvalidCase(
      "byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("1".utf8),
      "expected a JSON value, found byte 0xef at byte 1"),
  ]

  @Test(arguments: invalidCases)
  func refusesInvalid(_ c: InvalidCase) {
    let error = #expect(throws: JSONError.self) { try JSONParser.parse(c.input) }
    #expect(error?.description == c.description)
  }

  @Test func errorOffsetIsZeroBased() {
    let error = #expect(throws: JSONError.self) { try JSONParser.parse(Array("[1,2,]".utf8)) }
    #expect(error?.offset == 5)
  }

  // MARK: - Nesting

  @Test func nestingAtTheLimitParses() throws {
    let depth = JSONParser.maximumDepth
    let input = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try JSONParser.parse(Array(input.utf8)).value
    var levels = 0
    while case .array(let elements) = value {
      levels += 1
      value = elements.first ?? .null
    }
    #expect(levels == depth)
  }

  @Test func nestingOneBeyondTheLimitFails() {
    let depth = JSONParser.maximumDepth + 1
    let input = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let error = #expect(throws: JSONError.self) { try JSONParser.parse(Array(input.utf8)) }
    #expect(error?.message == "expected at most 512 levels of nesting, found '['")
    #expect(error?.offset == JSONParser.maximumDepth)
  }

  @Test func veryDeepNestingFailsWithoutCrashing() {
    let input = Array(String(repeating: #"{"a":["#, count: 100_000).utf8)
    let error = #expect(throws: JSONError.self) { try JSONParser.parse(input) }
    #expect(error?.message.hasPrefix("expected at most \(JSONParser.maximumDepth) levels") == true)
  }

  // MARK: - Repairs

  @Test func loneHighSurrogateBecomesReplacementCharacter() throws {
    let (value, repairs) = try JSONParser.parse(Array(#""a\ud800b""#.utf8))
    #expect(value == .string("a\u{FFFD}b"))
    #expect(repairs.loneSurrogates == 1)
    #expect(repairs.invalidUTF8 == 0)
    #expect(!repairs.isEmpty)
  }

  @Test func loneLowSurrogateBecomesReplacementCharacter() throws {
    let (value, repairs) = try JSONParser.parse(Array(#""\udc00""#.utf8))
    #expect(value == .string("\u{FFFD}"))
    #expect(repairs.loneSurrogates == 1)
  }

  @Test func highSurrogateFollowedByAnotherEscapeKeepsThatEscape() throws {
    let (value, repairs) = try JSONParser.parse(Array(#""\ud83d\u0041""#.utf8))
    #expect(value == .string("\u{FFFD}A"))
    #expect(repairs.loneSurrogates == 1)
  }

  @Test func repairsAreCountedAcrossStrings() throws {
    let (value, repairs) = try JSONParser.parse(Array(#"{"\ud800":"\udfff"}"#.utf8))
    #expect(value == .object([JSONMember(key: "\u{FFFD}", value: .string("\u{FFFD}"))]))
    #expect(repairs.loneSurrogates == 2)
  }

  @Test func invalidUTF8InAStringBecomesReplacementCharacter() throws {
    let input: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]  // "a<FF>b"
    let (value, repairs) = try JSONParser.parse(input)
    #expect(value == .string("a\u{FFFD}b"))
    #expect(repairs.invalidUTF8 == 1)
    #expect(repairs.loneSurrogates == 0)
  }

  @Test func invalidUTF8AfterAnEscapeIsRepairedToo() throws {
    let input: [UInt8] = Array(#""\n"#.utf8) + [0xC3] + Array(#"""#.utf8)  // "\n<C3>"
    let (value, repairs) = try JSONParser.parse(input)
    #expect(value == .string("\n\u{FFFD}"))
    #expect(repairs.invalidUTF8 == 1)
  }

  @Test func parsesAnyCollectionOfBytes() throws {
    let bytes = Array(#"xx["ok"]yy"#.utf8)
    let (value, _) = try JSONParser.parse(bytes[2..<8])
    #expect(value == .array([.string("ok")]))
  }

  /// Strings with quotes, backslashes, control characters and non-ASCII at every position
  /// around the eight-byte scan: written, parsed back unchanged; a raw control character at any
  /// position is rejected at its offset.
  @Test func stringsSurviveTheWordAtATimeScan() throws {
    let pieces = ["a", "\"", "\\", "\n", "\u{01}", "é", "🚀", "/", "\u{7F}", "bcdefgh"]
    var generator = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      var value = ""
      for _ in 0..<Int(generator.next() % 24) {
        value += pieces[Int(generator.next() % UInt64(pieces.count))]
      }
      var writer = JSONWriter()
      writer.string(value)
      #expect(try JSONParser.parse(writer.bytes).value == .string(value))
    }
    for position in 0..<20 {
      let bytes = [0x22] + Array(repeating: UInt8(ascii: "x"), count: position) + [0x01, 0x22]
      #expect(throws: JSONError.self) { try JSONParser.parse(bytes) }
      do { _ = try JSONParser.parse(bytes) } catch { #expect(error.offset == position + 1) }
    }
  }
}
