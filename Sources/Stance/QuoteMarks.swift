import Tokenize

/// Quotation marks the `quote` markers of `clauses.tsv` do not settle alone:
///
/// - single quotes (`'`, `‘`, `’`), whose key is the apostrophe's, told from apostrophes by
///   where they stand: one that opens is glued to the word after it and not to the one before
///   ("'We will stay,' he said"), one that closes is glued to what comes before it and not to
///   a word after it; an opening mark counts only with its closing mark in the same sentence,
///   or when it opens the sentence (or follows a colon) and the quotation runs on ("'Absolutely.
///   The ISS is a partnership,' she said"), so "partners' concerns" and "'90s" stay apostrophes;
/// - sentences that begin inside a quotation opened in the sentence before (single or double).
///
/// It reads every token's clause-marker kinds to find the `quote` markers, and keeps them
/// (`markers`) for the rules that read them after it: coreference and the clause analyzer.
struct QuoteMarks {
  /// Each token's clause-marker kinds, word classes and reference kind.
  let markers: TokenMarkers
  /// Single-quote tokens that are quotation marks → whether each opens a quotation.
  private(set) var single: [Int: Bool] = [:]
  /// Indices of the sentences that begin inside a quotation.
  private(set) var opensInside: Set<Int> = []

  /// `carriedIn`: whether the text's first sentence begins inside a quotation (the text is a
  /// window of a longer one).
  init(doc: TokenizedText, rules: AttributionRules, carriedIn: Bool = false) {
    let tokens = doc.tokens
    let markers = TokenMarkers(doc: doc, rules: rules)
    self.markers = markers
    // Whether the previous sentence opened a quotation it did not close. A quotation runs on
    // into one sentence at most: a missing mark never turns the rest of a text into quotes.
    var carried = carriedIn
    for (index, sentence) in doc.sentences.enumerated() {
      if carried { opensInside.insert(index) }
      let lo = sentence.tokens.lowerBound
      let hi = sentence.tokens.upperBound
      var inDouble = carried
      var inSingle = carried
      // The quotation mark that opened what is open at the sentence's end, if it is this
      // sentence's.
      var doubleOpener: Int?
      var singleOpener: Int?
      for t in lo..<hi where tokens[t].kind == .punctuation {
        if markers.has(t, .quote) {
          let opens: Bool
          switch doc.onlyUnit(of: t) {
          case 0x201C, 0xAB, 0x201E: opens = true  // “ « „
          case 0x201D, 0xBB: opens = false  // ” »
          default: opens = !inDouble
          }
          inDouble = opens
          doubleOpener = opens ? t : nil
          continue
        }
        // The key's bytes read directly: most punctuation keys are not ASCII ("—", "“"), and
        // the runtime's comparison of those with `"'"` took its slow path (about 100
        // instructions).
        let key = tokens[t].key.utf8
        guard key.count == 1 && key.first == UInt8(ascii: "'") else { continue }
        let unit = doc.onlyUnit(of: t)
        let gluedBefore = t > lo && tokens[t - 1].end == tokens[t].start
        let wordAfter =
          t + 1 < hi && tokens[t + 1].start == tokens[t].end && tokens[t + 1].kind == .word
          && (doc.surface(of: tokens[t + 1]).unicodeScalars.first?.properties.isAlphabetic
            ?? false)
        if !inSingle && !gluedBefore && wordAfter && unit != 0x2019 {  // ’
          single[t] = true
          singleOpener = t
          inSingle = true
        } else if inSingle && gluedBefore && !wordAfter && unit != 0x2018 {  // ‘
          single[t] = false
          singleOpener = nil
          inSingle = false
        }
      }
      // A single quote left open runs on only where it opened its sentence (or followed a
      // colon); elsewhere it was an apostrophe after all.
      if let o = singleOpener, !(o == lo || tokens[o - 1].keyIs(":")) {
        single[o] = nil
        singleOpener = nil
      }
      carried = doubleOpener != nil || singleOpener != nil
    }
  }

  /// Whether sentence `sentence` begins inside a quotation opened in the sentence before.
  func runsOn(into sentence: Int) -> Bool { opensInside.contains(sentence) }

  /// Whether sentence `index` of `doc` opens with a quotation mark (a single one that opens,
  /// too).
  func opensSentence(_ index: Int, of doc: TokenizedText) -> Bool {
    let first = doc.sentences[index].tokens.lowerBound
    return markers.has(first, .quote) || singleMark(first) == true
  }

  /// Whether token `t` is a single quotation mark, and whether it opens one.
  @inline(__always)
  func singleMark(_ t: Int) -> Bool? { single.isEmpty ? nil : single[t] }
}
