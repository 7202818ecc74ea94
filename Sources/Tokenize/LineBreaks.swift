/// The sentence rule for hard-wrapped text (wire copy, text converted from PDF): ICU ends a
/// sentence at every line break; this keeps a sentence going across a **single** line break
/// when the line does not end in sentence-final punctuation and the next line does not start a
/// list item, a heading or a wire dateline, and the line is no headline before a longer lede
/// (`endsHeadline`). Two or more line breaks (a blank line, U+2029, a form feed) always
/// end the sentence. So "Dmitry⏎Rogozin said" is one sentence and "Dmitry Rogozin" one mention.
enum LineBreaks {
  /// Whether ICU's sentence boundary in the gap after token `last` is a single line break
  /// inside a paragraph (so the sentence goes on).
  static func continuesSentence(
    _ tokens: [Token], after last: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    let gap = tokens[last].utf16End..<tokens[last + 1].utf16Start
    guard lineBreaks(in: units[gap]) == 1 else { return false }
    return !endsSentence(tokens, at: last, units) && !startsBlock(tokens, at: last + 1, units)
      && !startsDateline(tokens, at: last + 1, units) && !endsHeadline(tokens, at: last, units)
  }

  /// Words a headline has at least (a hard-wrapped line of one or two words is a name broken
  /// over lines: "Dmitry⏎Rogozin said").
  static let headlineMinimumWords = 3

  /// The line ending at token `last` is a headline before its lede: it has at least
  /// `headlineMinimumWords` words, the next line starts with a capitalised word and is more than
  /// half as long again (hard wrapping fills a line to its width, so the line after a wrapped
  /// one is never much longer): "Roscosmos chief vows to keep flying⏎The head of Russia's space
  /// agency said on Monday…".
  static func endsHeadline(
    _ tokens: [Token], at last: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    let next = tokens[last + 1]
    guard next.kind == .word,
      let first = Unicode.Scalar(units[next.utf16Start]),
      first.properties.isUppercase
    else { return false }
    var lineStart = tokens[last].utf16Start
    while lineStart > 0, !isLineBreak(units[lineStart - 1]) { lineStart -= 1 }
    var lineEnd = next.utf16Start
    while lineEnd < units.count, !isLineBreak(units[lineEnd]) { lineEnd += 1 }
    let length = tokens[last].utf16End - lineStart
    guard (lineEnd - next.utf16Start) * 2 > length * 3 else { return false }
    var words = 0
    var i = last
    while i >= 0, tokens[i].utf16Start >= lineStart, words < headlineMinimumWords {
      if tokens[i].kind == .word { words += 1 }
      i -= 1
    }
    return words >= headlineMinimumWords
  }

  /// A unit that breaks a line (as `lineBreaks(in:)` counts them).
  static func isLineBreak(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x0A, 0x0D, 0x0B, 0x85, 0x2028, 0x0C, 0x2029: true
    default: false
    }
  }

  /// Tokens after a dateline's comma or parenthesis within which its dash must come.
  static let datelineReach = 8

  /// The line starts a wire dateline, so the line before it (a headline) ended.
  static func startsDateline(
    _ tokens: [Token], at index: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    datelineDash(tokens, at: index, units) != nil
  }

  /// The dash that ends a wire dateline starting at token `index`: one to three words in
  /// capitals, a comma or an opening parenthesis, then a dash on the same line within
  /// `datelineReach` tokens ("MOSCOW, March 3 (Reuters) -", "CAPE CANAVERAL (AFP) —"), or the
  /// dash right after the words ("WASHINGTON — While…"); nil when no dateline starts there.
  static func datelineDash(
    _ tokens: [Token], at index: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Int? {
    var i = index
    while i < tokens.count, i - index < 3, tokens[i].kind == .word,
      isCapitals(units[tokens[i].utf16Start..<tokens[i].utf16End])
    {
      i += 1
    }
    guard i > index, i < tokens.count, tokens[i].kind == .punctuation else { return nil }
    if isDash(tokens[i], units) { return i + 1 < tokens.count ? i : nil }
    guard units[tokens[i].utf16Start] == 0x2C || units[tokens[i].utf16Start] == 0x28
    else { return nil }
    var j = i + 1
    while j < tokens.count, j <= i + datelineReach,
      lineBreaks(in: units[tokens[j - 1].utf16End..<tokens[j].utf16Start]) == 0
    {
      if tokens[j].kind == .punctuation, isDash(tokens[j], units) {
        return j
      }
      j += 1
    }
    return nil
  }

  /// A one-unit hyphen, en dash or em dash.
  private static func isDash(_ token: Token, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
    token.utf16End - token.utf16Start == 1
      && [0x2D, 0x2013, 0x2014].contains(units[token.utf16Start])
  }

  /// Two or more letters, all capitals (Latin or Cyrillic).
  static func isCapitals(_ word: Slice<UnsafeBufferPointer<UInt16>>) -> Bool {
    word.count >= 2
      && word.allSatisfy {
        (0x41...0x5A).contains($0) || (0x410...0x42F).contains($0) || $0 == 0x401
      }
  }

  /// Line breaks in a gap, CRLF counted once; a paragraph separator or form feed counts two.
  static func lineBreaks(in gap: Slice<UnsafeBufferPointer<UInt16>>) -> Int {
    var count = 0
    var previous: UInt16 = 0
    for unit in gap {
      switch unit {
      case 0x0A: if previous != 0x0D { count += 1 }
      case 0x0D, 0x0B, 0x85, 0x2028: count += 1
      case 0x0C, 0x2029: count += 2
      default: break
      }
      previous = unit
    }
    return count
  }

  /// The line ends in `.`, `!`, `?`, `…` (or the CJK forms), possibly followed by closing
  /// quotes, brackets and symbols (an emoji after the period).
  static func endsSentence(
    _ tokens: [Token], at index: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    var i = index
    while i >= 0, tokens[i].kind == .punctuation || tokens[i].kind == .symbol {
      if tokens[i].kind == .symbol {
        i -= 1
        continue
      }
      for unit in units[tokens[i].utf16Start..<tokens[i].utf16End].reversed() {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x3002, 0xFF01, 0xFF0E,
          0xFF1F:
          return true
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A:
          continue  // closing quotes and brackets
        default:
          return false
        }
      }
      i -= 1
    }
    return false
  }

  /// The line starts a list item (`-`, `*`, `•`, `–`, `—`, `+`, `>`, `1.`, `2)`, `a)`) or a
  /// Markdown heading (`#` then a space).
  static func startsBlock(
    _ tokens: [Token], at index: Int, _ units: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    let token = tokens[index]
    let glued = index + 1 < tokens.count && tokens[index + 1].utf16Start == token.utf16End
    switch token.kind {
    case .punctuation, .symbol:
      guard token.utf16End - token.utf16Start == 1 else { return false }
      switch units[token.utf16Start] {
      case 0x2D, 0x2A, 0x2022, 0x2013, 0x2014, 0x2B, 0x3E, 0xB7, 0x2023, 0x25E6, 0x25AA, 0x2043:
        return true
      case 0x23:
        return !glued  // "# Heading", not "#hashtag"
      default:
        return false
      }
    case .number, .word:
      // "1." / "2)" / "a)": a short number or a single letter, then a period or parenthesis.
      guard glued, token.kind == .number || token.utf16End - token.utf16Start == 1,
        token.utf16End - token.utf16Start <= 3
      else { return false }
      let next = tokens[index + 1]
      guard next.kind == .punctuation, next.utf16End - next.utf16Start == 1 else { return false }
      let mark = units[next.utf16Start]
      return mark == 0x29 || (mark == 0x2E && token.kind == .number)
    case .link:
      return false
    }
  }
}
