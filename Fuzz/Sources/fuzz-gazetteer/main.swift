import Foundation
import Entities
import FuzzSupport
import Tokenize

/// The gazetteer loaders (TSV lines with directives, spaCy JSONL patterns) on arbitrary bytes:
/// a file either loads (its warnings with a location) or throws an error with a location; a
/// loaded gazetteer finds sound mentions in a fixed text and in text made of its own bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGazetteer(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for path in ["fuzz/entities/g.tsv", "fuzz/entities/patterns.jsonl"] {
    let gazetteer: Gazetteer
    do {
      gazetteer = try Gazetteer(files: [(path: path, bytes: bytes)], tokenizer: defaultAnalyzer.tokenizer)
    } catch {
      if case .tokenize = error {} else {
        fuzzCheck(error.location?.file == path, "an error without the file's location: \(error)")
      }
      continue
    }
    for warning in gazetteer.warnings {
      fuzzCheck(warning.location?.file == path, "a warning without the file's location: \(warning)")
    }
    for text in [probeText, fuzzText(bytes)] {
      guard let doc = try? session.tokenize(text) else { continue }
      checkMentions(gazetteer.mentions(in: doc), in: doc)
    }
  }
  return 0
}

exit(runFuzzer(fuzzGazetteer))
