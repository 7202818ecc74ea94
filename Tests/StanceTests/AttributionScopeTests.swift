import Stance
import Testing

@Suite("AttributionScope")
struct AttributionScopeTests {
  @Test(arguments: [
    ("sentence", AttributionScope.sentence), ("window:3", .window(3)), ("window:0", .window(0)),
    ("window:25", .window(25)),
  ])
  func parses(text: String, scope: AttributionScope) throws {
    #expect(try AttributionScope(parsing: text) == scope)
    #expect(scope.description == text)
  }

  @Test(arguments: [
    "window:x", "window:", "window:-1", "window", "Sentence", "", "window:3 ", "tokens:3",
  ])
  func refuses(text: String) {
    let error = #expect(throws: StanceError.self) { try AttributionScope(parsing: text) }
    #expect(
      error?.description == "expected scope 'sentence' or 'window:N' with N ≥ 0, found '\(text)'")
  }
}
