import Foundation
import FuzzSupport
import Tokenize

/// The tokenizer and the whole analysis on random Unicode: offsets in bounds and sliceable,
/// sentences covering the tokens, mentions sound, every score finite and in [-1, 1], and the
/// same record from the text analysed in windows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for text in [fuzzText(bytes), String(decoding: bytes, as: UTF8.self)] {
    guard let doc = try? session.tokenize(text) else { continue }
    checkTokenization(doc)
    let analysis = defaultAnalyzer.analyze(tokenized: doc)
    checkMentions(analysis.mentions, in: doc)
    checkScores(analysis.stance)
    // In windows (the smallest possible, and a few sentences' worth) the same record.
    checkWindows(text, windowBytes: 1)
    checkWindows(text, windowBytes: 200)
  }
  return 0
}

exit(runFuzzer(fuzzTokenizer))
