import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import JSON
import PipelineKit
import Tokenize

/// `pipeline lint [PATH ...]`: checks word-list files and reports like a compiler.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract:
      "Check lexicon, gazetteer and modifiers files; report FILE:LINE:COLUMN: error|warning: message.",
    discussion: """
      Without PATH, checks the files a run loads (the defaults plus --gazetteer, --lexicon, \
      --modifiers, --abbreviations). With PATH, checks those files, or every word-list file \
      below a folder (*.tsv, *.jsonl, abbreviations.txt, VADER and AFINN names); a file's kind \
      comes from its name and folder (modifiers.tsv, abbreviations.txt, *.jsonl, entities/, \
      stance/), else from its first line. Every line is checked; diagnostics are sorted by file \
      and line, then a summary line follows.

      Exit status: 0 when there is no error (warnings alone pass), 1 when there is at least one \
      error, 2 when a PATH cannot be read.
      """)

  @Argument(
    help: ArgumentHelp(
      "Files or folders to check (default: the files a run loads).", valueName: "PATH"))
  var paths: [String] = []

  @Flag(help: "JSON Lines diagnostics on stdout (the summary goes to stderr).")
  var json = false

  @Option(
    help: ArgumentHelp(
      "Comma-separated dimensions stance entries may use; any other is an error. Without it, a dimension used by one entry only, in a file using others, is a warning.",
      valueName: "LIST"))
  var dimensions: String?

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let files: [LintFile]
    let tokenizer: Tokenizer
    let sources = try lexiconOptions.sources(compiledSources: true)
    if paths.isEmpty {
      files = LintFile.files(of: sources)
    } else {
      var named: [LintFile] = []
      for path in paths { named += try LintFile.files(at: path) }
      files = named
    }
    // Sentence breaks inside aliases depend on the abbreviations: those linted, else the run's.
    var abbreviations = LexiconSources()
    abbreviations.abbreviations = files.filter { $0.kind == .abbreviations }.map {
      ($0.path, $0.bytes)
    }
    if abbreviations.abbreviations.isEmpty { abbreviations.abbreviations = sources.abbreviations }
    tokenizer = Tokenizer(abbreviations: abbreviations.abbreviationWords)
    let declared = dimensions.map {
      Set($0.split(separator: ",").map { String($0).trimmingSpaces() })
    }
    let phraseAttribute = lexiconOptions.scoring.phraseAttribute
    let diagnostics = try Linter(
      tokenizer: tokenizer, dimensions: declared, phraseAttribute: phraseAttribute ?? .orth,
      phraseAttributes: phraseAttribute != nil
        ? [:]
        : paths.isEmpty
          ? sources.phraseAttributes
          : try LexiconSources.spacyPhraseAttributes(of: files.map(\.path))
    ).lint(files)

    var out = JSONWriter()
    for diagnostic in diagnostics {
      if json {
        diagnostic.write(to: &out)
        out.newline()
      } else {
        out.raw(diagnostic.description + "\n")
      }
    }
    let lines = files.reduce(0) { $0 + LexiconLine.lines(of: $1.bytes).count }
    let summary =
      "\(plural(files.count, "file")), \(plural(lines, "line")): "
      + "\(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning"))"
    if json {
      writeAll(out.bytes, to: STDOUT_FILENO)
      Diagnostics.note("lint: " + summary)
    } else {
      out.raw("lint: " + summary + "\n")
      writeAll(out.bytes, to: STDOUT_FILENO)
    }
    if diagnostics.errorCount > 0 { throw CommandFailure.findings }
  }
}
