import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import JSON
import PipelineKit

/// `pipeline kwic TERM CORPUS...`: keyword-in-context lines for a term, wildcard or alias.
struct Kwic: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kwic",
    abstract: "Show every match of a lexicon term, wildcard, alias or entity in context.",
    discussion: """
      TERM is looked up in this order: a lexicon entry written exactly so ('cooperat*', \
      'pull out'), an entity id ('nasa'), an alias ('Roscosmos'), else a phrase of its own \
      (a trailing '*' is a wildcard). Matches are the ones 'pipeline run' makes: same \
      tokenization, folding and longest-match rules. Each line: document id, [start, end) in \
      code points, the left context right-aligned, the match, the right context. Lines are \
      printed as each document is scanned.
      """)

  @Argument(help: "A lexicon term, wildcard, alias or entity id.")
  var term: String

  @OptionGroup var input: InputOptions

  @Option(
    parsing: .unconditional, help: "Characters of context on each side.",
    transform: OptionValue.count)
  var width = 40

  @Flag(help: "JSON Lines instead of aligned text.")
  var json = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    let query: KeywordQuery
    do { query = try KeywordQuery(term, analyzer: analyzer) } catch {
      throw CommandFailure.term(error)
    }
    // Each document's lines are written as soon as it is scanned (`kwic … | head -1` returns
    // at once).
    let stdout = try OutputFile(path: nil)
    var layout = ConcordanceLine.Layout(width: width)
    var matchCount = 0
    var documents = 0
    var matchedDocuments = 0
    try Coverage.scan(input, analyzer: analyzer) { document, doc in
      documents += 1
      let matches = query.matches(in: analyzer.analyze(tokenized: doc))
      guard !matches.isEmpty else { return }
      matchedDocuments += 1
      matchCount += matches.count
      let scalars = Array(document.text.unicodeScalars)
      var out = JSONWriter()
      for match in matches {
        let line = ConcordanceLine(id: document.id, match: match, scalars: scalars, width: width)
        if json { line.write(to: &out) } else { out.raw(layout.render(line)) }
      }
      do {
        try stdout.write(out.bytes)
        try stdout.flush()
      } catch {
        throw CommandFailure.output(error)
      }
    }
    Diagnostics.note(
      "kwic: \(query.describe(analyzer)); \(matchCount) match\(matchCount == 1 ? "" : "es") in \(matchedDocuments) of \(plural(documents, "document"))"
    )
  }
}
