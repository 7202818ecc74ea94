import ArgumentParser
import Foundation
import JSON
import AnalystKit
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
      code points, the left context right-aligned, the match, the right context.
      """)

  @Argument(help: "A lexicon term, wildcard, alias or entity id.")
  var term: String

  @OptionGroup var input: InputOptions

  @Option(parsing: .unconditional, help: "Characters of context on each side.", transform: OptionValue.count)
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
    var lines: [ConcordanceLine] = []
    var documents = 0
    var matchedDocuments = 0
    try Coverage.scan(input, analyzer: analyzer) { document, doc in
      documents += 1
      let matches = query.matches(in: analyzer.analyze(tokenized: doc), analyzer: analyzer)
      guard !matches.isEmpty else { return }
      matchedDocuments += 1
      let scalars = Array(document.text.unicodeScalars)
      lines += matches.map { ConcordanceLine(id: document.id, match: $0, scalars: scalars, width: width) }
    }
    var out = JSONWriter()
    if json {
      for line in lines { line.write(to: &out) }
    } else {
      out.raw(ConcordanceLine.render(lines, width: width))
    }
    FileHandle.standardOutput.write(Data(out.bytes))
    Diagnostics.note(
      "kwic: \(query.describe(analyzer)); \(lines.count) match\(lines.count == 1 ? "" : "es") in \(matchedDocuments) of \(documents) documents")
  }
}
