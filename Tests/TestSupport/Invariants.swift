import Tokenize

/// Checks the invariants every tokenization must keep, returning the violations (empty if none):
/// spans increase and stay in bounds; each token is a slice of the text whose surface matches;
/// sentences cover their tokens in order; the gaps between tokens hold no letters or digits.
public func invariantViolations(_ doc: TokenizedText) -> [String] {
  var problems: [String] = []
  let scalars = Array(doc.text.unicodeScalars)
  var previousEnd = 0
  for (i, token) in doc.tokens.enumerated() {
    if token.start < previousEnd {
      problems.append("token \(i) starts at \(token.start) before \(previousEnd)")
    }
    if token.start >= token.end {
      problems.append("token \(i) is empty: \(token.start)..<\(token.end)")
    }
    if token.end > scalars.count {
      problems.append("token \(i) ends at \(token.end) past \(scalars.count)")
    }
    if token.start < token.end, token.end <= scalars.count {
      let sliced = slice(doc.text, token.start, token.end)
      if sliced != doc.surface(of: token) {
        problems.append("token \(i): slice '\(sliced)' != surface '\(doc.surface(of: token))'")
      }
      let gap = scalars[min(previousEnd, token.start)..<token.start]
      if gap.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
        problems.append(
          "letters or digits in the gap before token \(i): '\(String(String.UnicodeScalarView(gap)))'"
        )
      }
    }
    previousEnd = max(previousEnd, token.end)
  }
  if previousEnd <= scalars.count {
    let tail = scalars[previousEnd...]
    if tail.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
      problems.append("letters or digits after the last token")
    }
  }
  var nextToken = 0
  for (s, sentence) in doc.sentences.enumerated() {
    if sentence.tokens.lowerBound != nextToken { problems.append("sentence \(s) skips tokens") }
    if sentence.tokens.isEmpty { problems.append("sentence \(s) is empty") }
    nextToken = sentence.tokens.upperBound
    if let first = sentence.tokens.first, doc.tokens[first].start != sentence.start {
      problems.append("sentence \(s) does not start at its first token")
    }
    if let last = sentence.tokens.last, doc.tokens[last].end != sentence.end {
      problems.append("sentence \(s) does not end at its last token")
    }
  }
  if nextToken != doc.tokens.count {
    problems.append("sentences cover \(nextToken) of \(doc.tokens.count) tokens")
  }
  return problems
}
