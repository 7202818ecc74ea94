import JSON
import Testing

@Suite("JSONValue")
struct JSONValueTests {
  @Test func subscriptFindsTheFirstMemberWithTheKey() throws {
    let value = try JSONParser.parse(Array(#"{"id":"a","id":"b","n":1}"#.utf8)).value
    #expect(value["id"] == .string("a"))
    #expect(value["n"] == .number("1"))
    #expect(value["missing"] == nil)
  }

  @Test func subscriptOfANonObjectIsNil() {
    #expect(JSONValue.array([.string("id")])["id"] == nil)
    #expect(JSONValue.string("id")["id"] == nil)
  }

  @Test func kindDescriptions() {
    let values: [JSONValue] = [
      .null, .bool(true), .number("1"), .string(""), .array([]), .object([]),
    ]
    #expect(
      values.map(\.kindDescription) == [
        "null", "a boolean", "a number", "a string", "an array", "an object",
      ])
  }
}
