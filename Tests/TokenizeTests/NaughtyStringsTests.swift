import TestSupport
import Testing
import Tokenize

/// Hostile and unusual inputs through the tokenizer: it must never trap, and every result must
/// keep the invariants (spans in order and in bounds, tokens are slices of the text, no letters
/// or digits left between tokens, sentences cover the tokens).
@Suite("Naughty strings")
struct NaughtyStringsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "empty", text: ""),
    Case(name: "BOM then text", text: "\u{FEFF}NASA said so."),
    Case(name: "BOM in the middle", text: "NASA\u{FEFF}Roscosmos"),
    Case(name: "ZWJ family emoji", text: "Crew 👨‍👩‍👧‍👦 and 👩🏽‍🚀 flew."),
    Case(name: "flags and keycaps", text: "🇷🇺🇺🇸 1️⃣ #️⃣ done"),
    Case(name: "combining marks stacked", text: "Z̵̡̢͎͉̹͖ͭ͗a̴l̸g̷o̵ text"),
    Case(name: "lone combining mark after space", text: "a \u{0301} b"),
    Case(name: "RTL Arabic and Hebrew", text: "قالت وكالة ناسا. אמרה נאס\"א."),
    Case(name: "bidi controls", text: "\u{202E}ASAN\u{202C} and \u{2066}Roscosmos\u{2069}"),
    Case(name: "NUL and controls", text: "NASA\u{0000}Roscosmos\u{0007}\u{001B}[31m red"),
    Case(name: "CRLF lines", text: "First line.\r\nSecond line.\r\n\r\nThird."),
    Case(name: "lone CR", text: "One\rTwo\rThree"),
    Case(name: "replacement char (an escaped lone surrogate)", text: "bad \u{FFFD} surrogate"),
    Case(name: "CJK without spaces", text: "国际空间站是俄罗斯和美国合作的。日本も参加した。"),
    Case(name: "Thai without spaces", text: "สถานีอวกาศนานาชาติ"),
    Case(name: "only punctuation", text: "...!!!???---"),
    Case(
      name: "only white space of many kinds", text: " \t\n\u{00A0}\u{2003}\u{3000}\u{2028}\u{2029}"),
    Case(name: "apostrophes alone", text: "' ’ 's ’s n't"),
    Case(name: "clitic edge cases", text: "s's 's's n'tn't can't won’t O'Brien's"),
    Case(name: "very long word", text: String(repeating: "a", count: 10_000)),
    Case(name: "many emoji outside the BMP", text: String(repeating: "🚀𝕏", count: 500)),
    Case(name: "private use and noncharacters", text: "\u{E000}\u{FFFF}\u{10FFFF} x"),
    Case(name: "math alphanumerics fold", text: "𝐍𝐀𝐒𝐀 and 𝓡𝓸𝓼𝓬𝓸𝓼𝓶𝓸𝓼"),
    Case(name: "script injection", text: "<script>alert('NASA')</script>"),
    Case(name: "SQL-ish", text: "'; DROP TABLE entities; --"),
    Case(name: "abbreviation at the very end", text: "They met Dr."),
    Case(name: "numbers with separators", text: "1,000.50 −3 ½ ²³ ١٢٣"),
  ]

  @Test(arguments: cases)
  func invariantsHold(_ c: Case) throws {
    let tokenizer = Tokenizer(abbreviations: ["Dr."])
    let doc = try tokenizer.tokenize(c.text)
    let problems = invariantViolations(doc)
    #expect(problems.isEmpty, "\(problems)")
    #expect(doc.tokens.allSatisfy { !$0.key.isEmpty })
  }

  @Test func mathAlphanumericsFoldToASCIIKeys() throws {
    let doc = try Tokenizer().tokenize("𝐍𝐀𝐒𝐀")
    #expect(doc.tokens.map(\.key) == ["nasa"])
  }
}
