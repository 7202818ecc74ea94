import Foundation
import TestSupport
import Testing
import Tokenize

@testable import Stance

/// The endings found once per document agree with the `String` tests they replace, for ASCII
/// keys, keys with accents, combining marks, emoji and carriage returns, and short keys.
@Suite("Key endings")
struct KeyEndingsTests {
  private static let tokenizer = Tokenizer()

  private static func rules() throws -> AttributionRules {
    let path = Repository.path("lexicons/attribution/clauses.tsv")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    return try AttributionRules(clauses: [(path, bytes)], references: [], tokenizer: tokenizer)
  }

  /// What each bit stood for before: `String.hasSuffix`, and for the rules' suffix lists more
  /// than two characters before the suffix.
  private static func expected(_ key: String, _ rules: AttributionRules) -> UInt8 {
    func long(_ suffixes: [String]) -> Bool {
      suffixes.contains { key.hasSuffix($0) && key.count > $0.count + 2 }
    }
    var bits: UInt8 = 0
    if key.hasSuffix("ing") { bits |= KeyEndings.ing }
    if key.hasSuffix("thing") { bits |= KeyEndings.thing }
    if key.hasSuffix("ly") { bits |= KeyEndings.ly }
    if key.hasSuffix("ed") { bits |= KeyEndings.ed }
    if long(rules.verbSuffixes) { bits |= KeyEndings.verbSuffix }
    if long(rules.participleSuffixes) { bits |= KeyEndings.participleSuffix }
    return bits
  }

  /// The bits `endings` has for token `t`.
  private static func found(_ endings: KeyEndings, _ t: Int) -> UInt8 {
    [
      KeyEndings.ing, KeyEndings.thing, KeyEndings.ly, KeyEndings.ed, KeyEndings.verbSuffix,
      KeyEndings.participleSuffix,
    ].reduce(0) { $0 | (endings.has(t, $1) ? $1 : 0) }
  }

  @Test(arguments: [
    "Roscosmos warned, praising nothing; the talks ended abruptly and were broken off.",
    "Something happened: a red sled, a bed, a wedding, an ending, sing, king, fly, holy.",
    "Köln praised Fröbel’s weddéd plan; naïve “cooperating” ended — café-ing, déjà vu'd.",
    "Cyrillic: Рогозин сказал, Роскосмос… emoji 🚀ed 👩‍🚀ing, e\u{301}d thinge\u{301}d.",
    "Line one ended\r\nline two ending\r\n\r\ned ing ly",
    "ed. en. ing. ly. ded. seen. been. sled. bled. Ted. Red. LED. SPEED. BOTHERED.",
  ])
  func agreesWithStringTests(text: String) throws {
    let rules = try Self.rules()
    let doc = try Self.tokenizer.tokenize(text)
    let endings = KeyEndings(doc: doc, rules: rules)
    for (t, token) in doc.tokens.enumerated() {
      #expect(Self.found(endings, t) == Self.expected(token.key, rules), "\(token.key)")
    }
  }

  /// Random keys over a small alphabet of suffix letters, accents and a carriage return.
  @Test func agreesOnRandomKeys() throws {
    let rules = try Self.rules()
    let alphabet: [String] = [
      "e", "d", "n", "i", "g", "l", "y", "t", "h", "s", "é", "\u{301}", "\r", " ",
    ]
    var random = SplitMix64(seed: 11)
    for _ in 0..<300 {
      let text = (0..<40).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        .joined()
      let doc = try Self.tokenizer.tokenize(text)
      let endings = KeyEndings(doc: doc, rules: rules)
      for (t, token) in doc.tokens.enumerated() {
        #expect(
          Self.found(endings, t) == Self.expected(token.key, rules),
          "\(token.key.debugDescription)")
      }
    }
  }
}
