/// The content lines of a lexicon-style text file: UTF-8, `#` comment lines and blank lines
/// skipped, a leading BOM and trailing CR removed. Shared by every loader of the word lists.
public struct LexiconLine: Sendable {
  /// 1-based line number.
  public var number: Int
  /// The line's text, or nil when its bytes are not valid UTF-8.
  public var text: String?

  /// Tab-separated fields, each trimmed of surrounding spaces.
  public var fields: [String] {
    guard let text else { return [""] }
    // Byte-wise: tabs, spaces and CR are ASCII, so every cut falls on a character boundary.
    let utf8 = text.utf8
    var result: [String] = []
    var start = utf8.startIndex
    while true {
      let end = utf8[start...].firstIndex(of: 0x09) ?? utf8.endIndex
      var lower = start
      var upper = end
      while lower < upper, utf8[lower] == 0x20 || utf8[lower] == 0x0D { lower = utf8.index(after: lower) }
      while lower < upper, case let last = utf8.index(before: upper), utf8[last] == 0x20 || utf8[last] == 0x0D {
        upper = last
      }
      result.append(String(text[lower..<upper]))
      guard end < utf8.endIndex else { return result }
      start = utf8.index(after: end)
    }
  }

  /// Splits a file's bytes into its content lines.
  public static func lines(of bytes: [UInt8]) -> [LexiconLine] {
    var result: [LexiconLine] = []
    var number = 0
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count {
      number += 1
      var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let next = end + 1
      if end > start && bytes[end - 1] == 0x0D { end -= 1 }
      let raw = bytes[start..<end]
      start = next
      guard let text = String(validating: raw, as: UTF8.self) else {
        result.append(LexiconLine(number: number, text: nil))
        continue
      }
      let trimmed = text.trimmingSpaces()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      result.append(LexiconLine(number: number, text: text))
    }
    return result
  }

  /// The directive lines of a file: comment lines that start with `#!`, with the text after
  /// `#!` (trimmed) as `text`. Loaders that know no directives never see them (they are
  /// comments to `lines(of:)`).
  public static func directives(of bytes: [UInt8]) -> [LexiconLine] {
    var result: [LexiconLine] = []
    var number = 0
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count {
      number += 1
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let raw = bytes[start..<end]
      start = end + 1
      guard raw.starts(with: [0x23, 0x21]), let text = String(validating: raw.dropFirst(2), as: UTF8.self)
      else { continue }
      result.append(LexiconLine(number: number, text: String(text.trimmingSpaces())))
    }
    return result
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and CRs (as `LexiconLine.fields`).
  public func trimmingSpaces() -> SubSequence {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
    let last = lastIndex(where: { !isSpace($0) })!
    return self[first...last]
  }
}
