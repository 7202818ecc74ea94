import Entities
import Foundation
import PipelineKit
import Tokenize

/// The fixed in-memory corpus: the documents of the repository's own `samples/news.jsonl`,
/// decoded the way `pipeline run` decodes them. One benchmark iteration is one pass over it.
struct Corpus: Sendable {
  let documents: [Document]
  /// UTF-8 bytes of the documents' `text` fields: the denominator of every bytes/s figure.
  let textBytes: Int

  /// The repository root, found from this source file (`Benchmarks/Benchmarks/StageBenchmarks/`).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // StageBenchmarks
    .deletingLastPathComponent()  // Benchmarks (sources)
    .deletingLastPathComponent()  // Benchmarks (package)
    .deletingLastPathComponent()  // repository root

  static func load() -> Corpus {
    let path = repositoryRoot.appendingPathComponent("samples/news.jsonl").path
    guard let data = FileManager.default.contents(atPath: path) else {
      fatalError("cannot read \(path)")
    }
    var documents: [Document] = []
    for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
      let raw = RawRecord.jsonLine(
        bytes: [UInt8](line), source: "samples/news.jsonl", line: index + 1)
      switch Document.decode(raw, fields: Document.Fields()) {
      case .success(let document): documents.append(document)
      case .failure(let error): fatalError("samples/news.jsonl:\(index + 1): \(error.message)")
      }
    }
    precondition(!documents.isEmpty, "samples/news.jsonl has no documents")
    return Corpus(documents: documents, textBytes: documents.reduce(0) { $0 + $1.text.utf8.count })
  }
}

/// A deterministic gazetteer file of generated aliases, for the gazetteer-scale benchmarks.
///
/// Alias `i` is built around a word that is unique to `i`: three consonant-vowel syllables
/// (20 consonants, some of them non-ASCII, × 5 vowels = 100 syllables, so 100³ = 1,000,000
/// distinct words) and a final `q` (`Tiradeq`, `Łošuřaq`), in eight shapes: one word, a word with an organisation suffix, a
/// three-token agency name, a title with an abbreviation (`Dr. Bavoki Sunela`), a phrase that
/// starts with `the` (so the common first token `the` has a huge fan-out in the matcher), a
/// hyphenated name, two generated words, and a word with `Ltd`. Two aliases per entity; one
/// alias in seven is `exact` (case-sensitive).
enum GeneratedGazetteer {
  static let consonants: [String] = [
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ł", "š",
    "ř",
  ]
  static let vowels: [String] = ["a", "e", "i", "o", "u"]

  /// The word unique to `i` (0 ..< 1,000,000), capitalized.
  static func word(_ i: Int) -> String {
    var n = i
    var word = ""
    for _ in 0..<3 {
      let syllable = n % 100
      n /= 100
      word += consonants[syllable / 5] + vowels[syllable % 5]
    }
    // A final "q" keeps the words out of English ("Tirade" is CVCVCV too): the generated
    // aliases must not match the corpus, or the comparison with the default gazetteer would
    // measure different work (the benchmark checks this).
    return word.prefix(1).uppercased() + word.dropFirst() + "q"
  }

  static func alias(_ i: Int) -> String {
    let w = word(i)
    let other = word((i &* 7919 &+ 17) % 1_000_000)
    switch i % 8 {
    case 0: return w
    case 1: return "\(w) Aerospace"
    case 2: return "\(w) Space Agency"
    case 3: return "Dr. \(other) \(w)"
    case 4: return "the \(w) Institute"
    case 5: return "\(w)-\(other)"
    case 6: return "\(other) \(w)"
    default: return "\(w) Ltd"
    }
  }

  static let types = ["ORG", "PERSON", "PLACE", "FACILITY"]

  /// `count` aliases as a TSV gazetteer file (`entity<TAB>type<TAB>alias[<TAB>match]`).
  static func tsv(count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 40)
    bytes.append(
      contentsOf: "# Generated: \(count) aliases for the gazetteer-scale benchmarks.\n".utf8)
    for i in 0..<count {
      let entity = i / 2
      var line = "gen_\(entity)\t\(types[entity % types.count])\t\(alias(i))"
      if i % 7 == 3 { line += "\texact" }
      line += "\n"
      bytes.append(contentsOf: line.utf8)
    }
    return bytes
  }
}
