import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import JSON
import PipelineKit
import Tokenize

/// `pipeline coverage CORPUS...`: which entries and aliases match, and candidate words.
struct Coverage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract:
      "Count hits per lexicon entry and alias over a corpus; list what never matched and candidate words.",
    discussion: """
      Runs the same analysis as 'pipeline run'. For every lexicon entry and alias: hits and \
      documents (those that never matched are listed apart). Candidate words are the most \
      frequent words in sentences that mention an entity that are in no lexicon entry, alias \
      or modifiers list, and are not stop words. Records that are not documents are skipped \
      with a note on stderr; an input that cannot be read stops the command (status 1, \
      nothing on stdout).
      """)

  @OptionGroup var input: InputOptions

  @Option(
    parsing: .unconditional, help: "How many candidate words to list.", transform: OptionValue.count
  )
  var top = 30

  @Flag(help: "One JSON object instead of the tables.")
  var json = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    var coverage = AnalystKit.Coverage(analyzer: analyzer)
    try Self.scan(input, analyzer: analyzer) { _, doc in
      coverage.add(analyzer.analyze(tokenized: doc))
    }
    let report = coverage.report(top: top)
    if json {
      var out = JSONWriter()
      report.write(to: &out)
      writeAll(out.bytes, to: STDOUT_FILENO)
    } else {
      writeAll(report.render().utf8, to: STDOUT_FILENO)
    }
  }

  /// Reads the corpus of `input`, calling `body` for each document. Records that are not
  /// documents are noted on stderr and skipped; an input that cannot be read is an error
  /// (status 1) raised before anything is written.
  static func scan(
    _ input: InputOptions, analyzer: Analyzer, _ body: (Document, TokenizedText) throws -> Void
  ) throws {
    let errors = try CorpusScan(analyzer: analyzer, fields: input.fields).forEach(
      input.reader(), body)
    let unreadable = errors.filter { $0.code.isInputProblem && !$0.code.isWarning }
    for error in errors where !unreadable.contains(error) {
      Diagnostics.note("skipped \(error.located)")
    }
    guard unreadable.isEmpty else { throw CommandFailure.unreadable(unreadable) }
  }
}
