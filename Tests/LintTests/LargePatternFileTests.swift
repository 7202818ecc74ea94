import AnalystKit
import PipelineKit
import Testing
import Tokenize

/// `lint` parses each spaCy pattern line with the loader's entry point and adds it to one
/// gazetteer: its cost grows with the file, not with its square (it re-loaded every line as a
/// gazetteer of its own: 16,000 lines took 21 s). No time limit: a loaded CI machine is no
/// measure; the figures are in Documentation/lexicon-tools.md, measured, not asserted.
@Suite("Lint on a large pattern file")
struct LargePatternFileTests {
  /// `count` distinct made-up organisation names (no real ones), as spaCy pattern lines, plus
  /// one line repeating the first alias under another id.
  static func patternFile(_ count: Int) -> [UInt8] {
    let syllables = ["ka", "ro", "mi", "tel", "vor", "an", "zu", "pex", "lin", "dar"]
    var lines: [String] = []
    for i in 0..<count {
      var n = i
      var name = ""
      repeat {
        name += syllables[n % syllables.count]
        n /= syllables.count
      } while n > 0
      lines.append(#"{"label": "ORG", "pattern": "Q\#(name)x", "id": "org_\#(i)"}"#)
    }
    lines.append(#"{"label": "ORG", "pattern": "Qkax", "id": "org_again"}"#)
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  @Test
  func sixteenThousandPatternLines() throws {
    let file = LintFile(
      path: "entities/many.jsonl", bytes: Self.patternFile(16_000), kind: .gazetteer)
    let diagnostics = try Linter(tokenizer: Tokenizer()).lint([file])
    #expect(
      diagnostics.map(\.description) == [
        "entities/many.jsonl:16001:1: error: alias 'Qkax' of entity 'org_again' is already an alias of entity 'org_0' at entities/many.jsonl:1; this line is ignored"
      ])
  }
}
