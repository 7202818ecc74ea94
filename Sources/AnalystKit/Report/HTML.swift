/// HTML escaping: every string from the corpus, the lexicons or the command line goes through
/// one of these before it is written into the report.
public enum HTML {
  /// Escapes `& < > " '` so that the result is safe as element text and as a double- or
  /// single-quoted attribute value.
  ///
  /// ```swift
  /// HTML.escape("<b title=\"x\">Tom & Jerry's</b>")
  /// // "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
  /// ```
  ///
  /// - Complexity: O(n) in the UTF-8 length of `text`.
  public static func escape<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      // NUL is replaced by the HTML parser anyway; make it visible the same way everywhere.
      case "\u{0}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A JSON text made safe to embed in a `<script type="application/json">` element: `<`, `>`
  /// and `&` become `\u003c`, `\u003e`, `\u0026` (so `</script>` or `<!--` in a string cannot
  /// end or change the element), and U+2028/U+2029 are escaped. Outside strings JSON never
  /// holds these characters, so the result parses to the same value.
  public static func scriptSafeJSON(_ json: String) -> String {
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
