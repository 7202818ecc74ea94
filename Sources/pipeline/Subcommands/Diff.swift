import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit
import Stance

/// `pipeline diff`: what a lexicon edit changes across a corpus.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract:
      "Compare two lexicon sets over a corpus: every label that changes, and the entries responsible.",
    discussion: """
      Each side (--base, --lexicon) is either ONE lexicons folder laid out like the repository's \
      lexicons/ (entities/, stance/, stance/modifiers.tsv, abbreviations.txt), or one or more \
      stance lexicon files (.tsv, or folders of them): the defaults with these files replacing \
      the default stance lexicon. --gazetteer, --modifiers and --abbreviations apply to both \
      sides; --lexicons-dir sets the defaults a side given as files starts from.

      Each document is tokenized once, with the base side's tokenizer, and analysed with both \
      sets. If the two sides' abbreviation lists differ, the base side's list decides sentence \
      boundaries for both (a note says so).

      Lists every (document, entity, dimension) whose label changes, from → to, with the score \
      delta and the entries responsible: entries added, removed or re-weighted (compared by term \
      and dimension) with hits counting for that entity on either side. A summary counts changes \
      by direction and by entity. Exit status 2 when a side cannot be loaded.
      """)

  @Option(
    name: .customLong("base"),
    help: ArgumentHelp(
      "The lexicon set before the edit: a lexicons folder, or stance .tsv files. Repeatable for files.",
      valueName: "PATH"))
  var base: [String] = []

  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "The lexicon set after the edit: a lexicons folder, or stance .tsv files. Repeatable for files.",
      valueName: "PATH"))
  var lexicon: [String] = []

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  @OptionGroup var input: InputOptions

  /// `pipeline run`'s lexicon options that mean the same on both sides.
  @OptionGroup var shared: ScoringOptions

  func validate() throws {
    if base.isEmpty {
      throw ValidationError("missing --base PATH (the lexicon set before the edit)")
    }
    if lexicon.isEmpty {
      throw ValidationError("missing --lexicon PATH (the lexicon set after the edit)")
    }
  }

  func run() throws {
    let baseAnalyzer = try analyzer(base, option: "--base")
    let newAnalyzer = try analyzer(lexicon, option: "--lexicon")
    var notes: [String] = []
    if baseAnalyzer.tokenizer.abbreviations != newAnalyzer.tokenizer.abbreviations {
      notes.append(
        "the two sides' abbreviation lists differ; sentences are split with the base side's list for both"
      )
    }
    var diff = LexiconDiff(base: baseAnalyzer, new: newAnalyzer)
    let scan = CorpusScan(analyzer: baseAnalyzer, fields: input.fields)
    let skipped = try scan.forEach(input.reader()) { document, doc in
      diff.add(
        id: document.idText, base: baseAnalyzer.analyze(tokenized: doc),
        new: newAnalyzer.analyze(tokenized: doc))
    }
    for error in skipped { Diagnostics.note("skipped \(error.located)") }
    let output = json ? diff.renderJSON(notes: notes) : Array(diff.renderText(notes: notes).utf8)
    writeAll(output, to: STDOUT_FILENO)
  }

  /// Loads one side with the shared options; a malformed file is named after the side's option.
  private func analyzer(_ paths: [String], option: String) throws -> Analyzer {
    do {
      return try shared.analyzer {
        var sources = try DiffSide.sources(paths, option: option) { () throws(PipelineError) in
          try shared.defaults()
        }
        try shared.apply(to: &sources)
        return sources
      }
    } catch let error as PipelineError {
      throw CommandFailure.side(option, error)
    }
  }
}
