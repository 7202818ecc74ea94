import Entities
import Foundation
import JSON
import PipelineKit
import Stance
import Tokenize

/// Shared state and invariant checks of the fuzz targets. A broken invariant is a crash
/// (`fuzzCheck` traps), which libFuzzer reports with the input that caused it.

/// Stops the process with `message` when `condition` is false (also in release builds).
@inline(__always)
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() {
    FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
    abort()
  }
}

/// The default lexicons, loaded once per process.
public let defaultAnalyzer: Analyzer = {
  do { return try Analyzer(sources: .embedded()) } catch { fatalError("default lexicons: \(error)") }
}()

/// One ICU session per process (the fuzzer runs inputs on one thread).
nonisolated(unsafe) public let session: TokenizeSession = {
  do { return try defaultAnalyzer.tokenizer.makeSession() } catch { fatalError("ICU: \(error)") }
}()

/// Text from fuzz bytes with more of what breaks tokenizers than random UTF-8 gives: every
/// byte pair with the high bit of the first set picks a scalar from a palette (combining marks,
/// bidi controls, joiners, emoji, CJK, Arabic, Devanagari, line separators, U+FFFD standing in
/// for a lone surrogate, which a Swift string cannot hold); other bytes are themselves.
public func fuzzText(_ bytes: [UInt8]) -> String {
  let palette: [ClosedRange<UInt32>] = [
    0x0300...0x036F, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x1F300...0x1F64F,
    0x4E00...0x4E80, 0x0600...0x06FF, 0x0900...0x097F, 0x2028...0x2029, 0xFFFD...0xFFFD,
    0x1F3FB...0x1F3FF, 0xFE00...0xFE0F, 0x00A0...0x00FF, 0x2018...0x201F, 0x0041...0x007A,
  ]
  var scalars = String.UnicodeScalarView()
  var i = 0
  while i < bytes.count {
    let byte = bytes[i]
    if byte & 0x80 != 0, i + 1 < bytes.count {
      let range = palette[Int(byte & 0x7F) % palette.count]
      let offset = UInt32(bytes[i + 1]) % (range.upperBound - range.lowerBound + 1)
      if let scalar = Unicode.Scalar(range.lowerBound + offset) { scalars.append(scalar) }
      i += 2
    } else {
      scalars.append(Unicode.Scalar(byte))
      i += 1
    }
  }
  return String(scalars)
}

/// Checks a tokenization: tokens in order, within the text, non-empty, each the slice of the
/// text its offsets name (scalars and UTF-16 agree); sentences in order and covering their tokens.
public func checkTokenization(_ doc: TokenizedText) {
  let scalars = Array(doc.text.unicodeScalars)
  let units = Array(doc.text.utf16)
  var previousEnd = 0
  for token in doc.tokens {
    fuzzCheck(token.start >= previousEnd && token.start < token.end && token.end <= scalars.count,
      "token \(token.start)..<\(token.end) after \(previousEnd) in \(scalars.count) scalars")
    fuzzCheck(token.utf16Start < token.utf16End && token.utf16End <= units.count, "UTF-16 range out of bounds")
    let bySlice = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
    fuzzCheck(bySlice == doc.surface(of: token), "token surface '\(doc.surface(of: token))' != slice '\(bySlice)'")
    previousEnd = token.end
  }
  var previousTokens = 0
  for sentence in doc.sentences {
    fuzzCheck(sentence.tokens.lowerBound == previousTokens, "sentences do not follow each other")
    fuzzCheck(sentence.start <= sentence.end && sentence.end <= scalars.count, "sentence out of bounds")
    for t in sentence.tokens {
      fuzzCheck(doc.tokens[t].start >= sentence.start && doc.tokens[t].end <= sentence.end, "token outside its sentence")
    }
    previousTokens = sentence.tokens.upperBound
  }
  fuzzCheck(previousTokens == doc.tokens.count, "sentences cover \(previousTokens) of \(doc.tokens.count) tokens")
}

/// Checks mentions: in order, not overlapping, within their sentence, sliceable.
public func checkMentions(_ mentions: [EntityMention], in doc: TokenizedText) {
  var previous = 0
  for mention in mentions {
    fuzzCheck(mention.tokens.lowerBound >= previous && !mention.tokens.isEmpty, "mentions overlap or are empty")
    fuzzCheck(mention.tokens.upperBound <= doc.tokens.count, "mention beyond the tokens")
    fuzzCheck(mention.start == doc.tokens[mention.tokens.lowerBound].start, "mention start")
    fuzzCheck(mention.end == doc.tokens[mention.tokens.upperBound - 1].end, "mention end")
    fuzzCheck(doc.sentences[mention.sentence].tokens.contains(mention.tokens.lowerBound), "mention sentence")
    fuzzCheck(doc.sentences[mention.sentence].tokens.contains(mention.tokens.upperBound - 1), "mention crosses a sentence")
    previous = mention.tokens.upperBound
  }
}

/// Checks that every score is a number in [-1, 1] and every raw sum and weight is finite.
public func checkScores(_ analysis: StanceAnalysis) {
  let scores = Array(analysis.document.values) + analysis.entityScores.values.flatMap(\.values)
  for score in scores {
    fuzzCheck(score.raw.isFinite && score.score.isFinite && (-1...1).contains(score.score), "score \(score)")
  }
  for hit in analysis.hits { fuzzCheck(hit.weight.isFinite && hit.start < hit.end, "hit \(hit)") }
}

/// A fixed text with entities, lexicon terms and modifiers, for the loader targets.
public let probeText = """
  NASA did not cancel the flights, but Roscosmos strongly criticized the sanctions. \
  Dmitry Rogozin’s agency didn't say. The ISS partnership will continue; cooperation ends?
  """

/// libFuzzer's entry point for programs with their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the command line over `body` (a target's `main` calls it).
public func runFuzzer(_ body: @escaping @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Int32 {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  return LLVMFuzzerRunDriver(&argc, &argv, body)
}

/// Checks that the text analysed in windows of `windowBytes` writes the same record as the
/// text analysed whole (`Analyzer.analyze(_:session:language:windowBytes:)`).
public func checkWindows(_ text: String, windowBytes: Int) {
  let writer = RecordWriter(analyzer: defaultAnalyzer)
  let document = Document(id: .string("fuzz"), text: text, source: "fuzz")
  var records: [[UInt8]] = []
  for window in [0, windowBytes] {
    guard case .success(let analysis) = defaultAnalyzer.analyze(
      document, session: session, windowBytes: window)
    else { return }
    var w = JSONWriter()
    writer.writeDocument(document, analysis, into: &w)
    records.append(w.bytes)
  }
  fuzzCheck(
    records[0] == records[1],
    "windows of \(windowBytes) bytes wrote another record:\n"
      + String(decoding: records[0], as: UTF8.self) + "\n" + String(decoding: records[1], as: UTF8.self))
}
