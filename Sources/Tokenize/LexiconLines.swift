/// The content lines of a lexicon-style text file: UTF-8, `#` comment lines and blank lines
/// skipped, a leading BOM and trailing CR removed. Shared by every loader of the word lists.
package struct LexiconLine: Sendable {
  /// 1-based line number.
  package var number: Int
  /// The line's text, or nil when its bytes are not valid UTF-8.
  package var text: String?

  /// Tab-separated fields, each trimmed of surrounding spaces.
  package var fields: [String] {
    guard var text else { return [""] }
    // Byte-wise: tabs, spaces and CR are ASCII, so every cut falls on a character boundary.
    return text.withUTF8 { utf8 in
      var result: [String] = []
      var start = 0
      while true {
        var end = start
        while end < utf8.count && utf8[end] != 0x09 { end += 1 }
        var lower = start
        var upper = end
        while lower < upper, utf8[lower] == 0x20 || utf8[lower] == 0x0D { lower += 1 }
        while lower < upper, utf8[upper - 1] == 0x20 || utf8[upper - 1] == 0x0D { upper -= 1 }
        result.append(String(decoding: utf8[lower..<upper], as: UTF8.self))
        guard end < utf8.count else { return result }
        start = end + 1
      }
    }
  }

  /// Splits a file's bytes into its content lines.
  package static func lines(of bytes: [UInt8]) -> [LexiconLine] {
    var result: [LexiconLine] = []
    for (number, raw) in ByteLines(bytes) {
      guard let text = String(validating: raw, as: UTF8.self) else {
        result.append(LexiconLine(number: number, text: nil))
        continue
      }
      if isBlankOrComment(raw, text) { continue }
      result.append(LexiconLine(number: number, text: text))
    }
    return result
  }

  /// Whether a line is blank or a comment: nothing but spaces, tabs and CRs, or `#` first
  /// after them. Byte-wise, but for a `#` followed by a non-ASCII byte (which might join it
  /// into another character): `text` decides that one by `Character`, as written.
  private static func isBlankOrComment(_ raw: ArraySlice<UInt8>, _ text: String) -> Bool {
    guard let first = raw.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else {
      return true
    }
    guard raw[first] == 0x23 else { return false }
    guard first + 1 < raw.endIndex, raw[first + 1] >= 0x80 else { return true }
    return text.trimmingSpaces().hasPrefix("#")
  }

  /// The one reader of the abbreviations format (`lexicons/abbreviations.txt`): one word a
  /// content line (`Dr.`), trimmed. `invalid` is called with the number of each line that is
  /// not UTF-8.
  package static func abbreviationWords<E: Error>(
    of bytes: [UInt8], invalid: (Int) throws(E) -> Void
  ) throws(E) -> [String] {
    var words: [String] = []
    for line in lines(of: bytes) {
      guard let text = line.text else {
        try invalid(line.number)
        continue
      }
      words.append(String(text.trimmingSpaces()))
    }
    return words
  }

  /// The directive lines of a file: comment lines that start with `#!`, with the text after
  /// `#!` (trimmed) as `text`. Loaders that know no directives never see them (they are
  /// comments to `lines(of:)`).
  package static func directives(of bytes: [UInt8]) -> [LexiconLine] {
    var result: [LexiconLine] = []
    for (number, raw) in ByteLines(bytes) {
      guard raw.starts(with: [0x23, 0x21]),
        let text = String(validating: raw.dropFirst(2), as: UTF8.self)
      else { continue }
      result.append(LexiconLine(number: number, text: String(text.trimmingSpaces())))
    }
    return result
  }
}

/// The lines of a file's bytes, the one line splitter of every line-based file (word lists,
/// gold files): split at LF, a CR before the LF dropped, a UTF-8 BOM at the start of the file
/// dropped; numbered from 1. A last line without LF counts; nothing follows a final LF.
package struct ByteLines: Sequence, IteratorProtocol {
  private let bytes: [UInt8]
  private var start: Int
  private var number = 0

  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
    start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  package mutating func next() -> (number: Int, bytes: ArraySlice<UInt8>)? {
    guard start < bytes.count else { return nil }
    number += 1
    var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    let next = end + 1
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    defer { start = next }
    return (number, bytes[start..<end])
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and CRs (as `LexiconLine.fields`).
  package func trimmingSpaces() -> SubSequence {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
    let last = lastIndex(where: { !isSpace($0) })!
    return self[first...last]
  }
}

/// The one number grammar of every word-list file (stance lexicons, VADER and AFINN imports,
/// modifiers): an optional sign, decimal digits with an optional fraction, and an optional
/// exponent — `2`, `-0.74`, `+1.5`, `.5`, `3.`, `1e-3`. No hexadecimal (`0x1p-2`), no
/// `inf`/`nan`, no spaces, underscores or thousands separators.
public enum LexiconNumber {
  /// The value of a decimal number written in the grammar, or nil (also when it overflows).
  ///
  /// ```swift
  /// LexiconNumber.decimal("-0.74")   // -0.74
  /// LexiconNumber.decimal("0x1p-2")  // nil
  /// LexiconNumber.decimal("1e309")   // nil (not finite)
  /// ```
  public static func decimal(_ text: some StringProtocol) -> Double? {
    let bytes = Array(text.utf8)
    var i = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    let integerDigits = digits(bytes, &i)
    var fractionDigits = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      fractionDigits = digits(bytes, &i)
    }
    guard integerDigits + fractionDigits > 0 else { return nil }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits(bytes, &i) > 0 else { return nil }
    }
    guard i == bytes.count, let value = Double(String(text)), value.isFinite else { return nil }
    return value
  }

  /// The value of an integer: an optional sign and decimal digits (`3`, `-5`, `+2`), or nil.
  public static func integer(_ text: some StringProtocol) -> Int? {
    let bytes = Array(text.utf8)
    var i = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard digits(bytes, &i) > 0, i == bytes.count else { return nil }
    return Int(String(text))
  }

  private static func digits(_ bytes: [UInt8], _ i: inout Int) -> Int {
    let start = i
    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
    return i - start
  }
}
