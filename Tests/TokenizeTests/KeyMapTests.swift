import Testing

@testable import Tokenize

/// `KeyMap`: the tokenizer's stem and transliteration caches.
@Suite("KeyMap")
struct KeyMapTests {
  @Test("Values by key, a key set again keeping its place, emptied all at once")
  func valuesByKey() {
    var map = KeyMap()
    #expect(map.isEmpty && map["nasa"] == nil)
    map["роскосмоса"] = "роскосмос"
    map["nasa"] = ""
    map["роскосмоса"] = "роскосм"
    #expect(map.count == 2)
    #expect(map["роскосмоса"] == "роскосм" && map["nasa"] == "" && map["nas"] == nil)
    let many = (0..<1_000).map { "key\($0)" }
    for key in many { map[key] = key.uppercased() }
    #expect(many.allSatisfy { map[$0] == $0.uppercased() } && map.count == 1_002)
    map.removeAll()
    #expect(map.isEmpty && map["nasa"] == nil && map["key1"] == nil)
  }
}
