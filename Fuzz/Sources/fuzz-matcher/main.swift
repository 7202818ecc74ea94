import Foundation
import FuzzSupport
import Tokenize

/// The phrase matcher against a brute-force reference: the input's first line is the text,
/// each further line a phrase (a trailing `*` makes its last word a prefix). The matches must
/// be exactly the leftmost-longest ones the reference finds, whatever the phrases.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatcher(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let lines = fuzzText(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  guard let first = lines.first, let doc = try? session.tokenize(first) else { return 0 }
  checkTokenization(doc)
  var matcher = PhraseMatcher<Int>()
  var phrases: [(keys: [String], prefix: Bool)] = []
  for line in lines.dropFirst() {
    var body = Substring(line)
    let prefix = body.hasSuffix("*")
    if prefix { body.removeLast() }
    guard let keys = (try? session.tokenize(String(body)))?.tokens.map(\.key), !keys.isEmpty,
      keys.count <= PhraseMatcher<Int>.maxPhraseTokens, !(prefix && keys[keys.count - 1].isEmpty)
    else { continue }
    matcher.insert(keys, lastIsPrefix: prefix, value: phrases.count)
    phrases.append((keys, prefix))
  }
  let tokens = doc.tokens
  // Reference: at each position the longest phrase that matches; jump past it, else step.
  func longest(at start: Int) -> Int {
    var best = 0
    for phrase in phrases where start + phrase.keys.count <= tokens.count {
      let n = phrase.keys.count
      let body = (0..<(n - 1)).allSatisfy { tokens[start + $0].key == phrase.keys[$0] }
      let last = tokens[start + n - 1].key
      let matches = body && (phrase.prefix ? last.utf8.starts(with: phrase.keys[n - 1].utf8) : last == phrase.keys[n - 1])
      if matches { best = max(best, n) }
    }
    return best
  }
  var expected: [Range<Int>] = []
  var position = 0
  while position < tokens.count {
    let n = longest(at: position)
    if n > 0 {
      expected.append(position..<(position + n))
      position += n
    } else {
      position += 1
    }
  }
  let found = matcher.matches(in: tokens, range: 0..<tokens.count).map(\.tokens)
  fuzzCheck(found == expected, "matches \(found), reference \(expected)")
  // The same phrases bound to a vocabulary, over the text tokenized with it: matching by token
  // ids must find exactly what matching by keys finds. On one input in eight (it opens a new
  // tokenizer session, which costs more than the rest of the check).
  guard size % 8 == 0 else { return 0 }
  let vocabulary = Vocabulary(matcher.keys)
  var bound = matcher
  bound.bind(to: vocabulary)
  if let withIDs = try? session.tokenizer.with(vocabulary: vocabulary).tokenize(first) {
    for (token, id) in zip(withIDs.tokens, withIDs.tokens.map(\.id)) {
      fuzzCheck(id == vocabulary.id(of: token.key), "id \(id) of '\(token.key)'")
    }
    let byID = bound.matches(
      in: withIDs.tokens, range: 0..<withIDs.tokens.count, stamp: withIDs.vocabularyStamp
    ).map(\.tokens)
    fuzzCheck(byID == expected, "matches by id \(byID), reference \(expected)")
  }
  return 0
}

exit(runFuzzer(fuzzMatcher))
