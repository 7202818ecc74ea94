import Foundation
import JSON
import PipelineKit
import Testing

@testable import AnalystKit

@Suite struct HTMLTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a & b", "a &amp; b"),
    ("\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"),
    ("</style>", "&lt;/style&gt;"),
    ("&amp; stays text", "&amp;amp; stays text"),
    ("Роскосмос 👩‍🚀", "Роскосмос 👩‍🚀"),
    ("nul\u{0}", "nul\u{FFFD}"),
  ])
  func escape(_ input: String, _ expected: String) {
    #expect(HTML.escape(input) == expected)
  }

  @Test func scriptSafeJSONHidesMarkupAndParsesBack() throws {
    var w = JSONWriter()
    w.beginObject()
    w.key("text")
    w.string("</script><!-- & \u{2028}")
    w.endObject()
    let safe = HTML.scriptSafeJSON(String(decoding: w.bytes, as: UTF8.self))
    #expect(
      !safe.contains("<") && !safe.contains(">") && !safe.contains("&")
        && !safe.contains("\u{2028}"))
    #expect(safe.contains(#"\u003c/script\u003e"#))
    let parsed = try JSONParser.parse(Array(safe.utf8)).value
    #expect(parsed["text"] == .string("</script><!-- & \u{2028}"))
  }

  @Test(arguments: [
    ("", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
    ("abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
    (String(repeating: "a", count: 1000), "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM="),
  ])
  func sha256(_ input: String, _ base64: String) {
    #expect(SHA256.base64(SHA256.digest(Array(input.utf8))) == base64)
  }

  @Test func contentSecurityPolicyAllowsExactlyTheShippedStyleAndScript() {
    let policy = HTMLReport.contentSecurityPolicy
    #expect(policy.hasPrefix("default-src 'none';"))
    #expect(policy.contains("style-src \(SHA256.cspSource(HTMLReport.styleSheet));"))
    #expect(policy.contains("script-src \(SHA256.cspSource(HTMLReport.script));"))
    #expect(!policy.contains("unsafe"))
  }

  @Test(arguments: [
    (0.0, 2, true, "0.00"), (0.4249, 2, true, "+0.42"), (-0.795, 2, true, "−0.80"),
    (-0.004, 2, true, "0.00"), (1, 3, true, "+1.000"), (0.8955, 3, false, "0.896"),
    (1, 3, false, "1.000"), (0.05, 3, false, "0.050"), (-0.25, 1, false, "-0.3"),
    (.nan, 3, false, "–"), (7, 0, true, "+7"),
  ])
  func fixed(_ value: Double, _ digits: Int, _ signed: Bool, _ expected: String) {
    #expect(formatFixed(value, digits: digits, signed: signed) == expected)
  }
}
