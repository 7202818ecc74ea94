import Foundation
import Entities
import FuzzSupport
import Stance
import Tokenize

/// The lexicon loaders (native TSV, VADER, AFINN) and the modifiers loader on arbitrary
/// bytes: a file loads or throws with its location; whatever loads scores a fixed text with
/// finite weights and every score a number in [-1, 1].
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let tokenizer = defaultAnalyzer.tokenizer
  let scorer = defaultAnalyzer.scorer
  var lexicons: [Lexicon] = []
  for path in ["stance/l.tsv", "vader_lexicon.txt", "AFINN-fuzz.txt"] {
    do {
      lexicons.append(try Lexicon(files: [(path: path, bytes: bytes)], tokenizer: tokenizer))
    } catch {
      if case .tokenize = error {} else { fuzzCheck(error.location?.file == path, "no location: \(error)") }
    }
  }
  var modifiers = scorer.modifiers
  do {
    modifiers = try Modifiers(files: [(path: "modifiers.tsv", bytes: bytes)], tokenizer: tokenizer)
  } catch {
    if case .tokenize = error {} else { fuzzCheck(error.location?.file == "modifiers.tsv", "no location: \(error)") }
  }
  lexicons.append(scorer.lexicon)
  for text in [probeText, fuzzText(bytes)] {
    guard let doc = try? session.tokenize(text) else { continue }
    let mentions = defaultAnalyzer.gazetteer.mentions(in: doc)
    for lexicon in lexicons {
      for policy in [AttributionPolicy.agent, .target, .clause, .sentence, .window(50)] {
        let scorer = StanceScorer(
          lexicon: lexicon, modifiers: modifiers, rules: scorer.rules,
          policies: AttributionPolicies(all: policy))
        let analysis = scorer.score(doc, mentions: mentions)
        checkScores(analysis)
      }
    }
  }
  return 0
}

exit(runFuzzer(fuzzLexicon))
