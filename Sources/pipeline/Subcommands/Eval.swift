import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit

/// `pipeline eval`: the corpus's output against hand annotations.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score entity detection and stance against gold annotations.",
    discussion: """
      GOLD is JSON Lines: {"id": ID, "entities": [{"entity": ID, "stance"?: "favor"|"against"|\
      "neutral", "mentions"?: [[start, end], ...]}]} with code point spans, half-open.

      Documents are matched by id; ids only in gold or only in the corpus are listed and not \
      scored. Entity detection: precision, recall and F1 per entity and micro-averaged, at \
      document level (is the entity found in the document) and, where gold gives spans, at \
      mention level (exact span match). Stance: over entities with a gold stance that the \
      pipeline found (gold stances of entities it missed are listed as not found and left \
      out): accuracy, per-label P/R/F1, the SemEval-2016 Task 6 score (mean of F1 favor and \
      F1 against), macro F1, the confusion matrix; for each error, the hits that pushed toward \
      the wrong label, and the entries most often behind errors. A ratio with a zero \
      denominator is 0.

      Metrics for --fail-under: \(EvaluationReport.metricNames.joined(separator: ", ")).

      A gold entity id that no gazetteer defines can never be found: a note on stderr names \
      it (GOLD:LINE), and it is scored as missed.

      Exit status: 0; 1 when a metric is below its --fail-under threshold; 2 when the gold \
      file or a lexicon is malformed (FILE:LINE: message, nothing on stdout); 64 for a usage \
      error or an invalid option value.
      """)

  @Option(help: ArgumentHelp("Gold annotations (JSON Lines).", valueName: "GOLD.jsonl"))
  var gold: String

  @Option(
    help: ArgumentHelp(
      "The stance dimension to score (default: the lexicon's first).", valueName: "NAME"))
  var dimension: String?

  @Option(
    name: .customLong("fail-under"),
    help: ArgumentHelp(
      "Exit 1 when METRIC is below VALUE (e.g. stance.f1_semeval=0.6). Repeatable.",
      valueName: "METRIC=VALUE"),
    transform: OptionValue.threshold)
  var failUnder: [MetricThreshold] = []

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  @OptionGroup var input: InputOptions

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    let dimension = try chooseDimension(analyzer)
    let goldDocuments = try loadGold()
    for (entity, first, documents) in GoldDocument.undefinedEntities(
      goldDocuments, in: analyzer.gazetteer)
    {
      Diagnostics.note(
        "\(first): gold entity '\(entity)' (in \(documents) document\(documents == 1 ? "" : "s")) is defined by no gazetteer; it is scored as missed"
      )
    }
    var predictions: [DocumentPrediction] = []
    let scan = CorpusScan(analyzer: analyzer, fields: input.fields)
    let skipped = try scan.forEach(input.reader()) { document, doc in
      predictions.append(
        DocumentPrediction(
          id: document.idText, analysis: analyzer.analyze(tokenized: doc),
          dimension: dimension))
    }
    for error in skipped { Diagnostics.note("skipped \(error.located)") }
    let report = try EvaluationReport(
      gold: goldDocuments, predictions: predictions, dimension: dimension)
    let failures = failUnder.compactMap { $0.failure(in: report) }
    if json {
      writeAll(report.renderJSON(goldPath: gold, failures: failures), to: STDOUT_FILENO)
    } else {
      var text = report.renderText(goldPath: gold)
      if !failUnder.isEmpty {
        text +=
          failures.isEmpty
          ? "\nAll --fail-under thresholds met.\n"
          : "\nBelow threshold:\n" + failures.map { "  \($0)\n" }.joined()
      }
      writeAll(text.utf8, to: STDOUT_FILENO)
    }
    for failure in failures { Diagnostics.error(failure) }
    if !failures.isEmpty { throw CommandFailure.findings }
  }

  private func chooseDimension(_ analyzer: Analyzer) throws -> String {
    let dimensions = analyzer.scorer.lexicon.dimensions
    guard let chosen = dimension ?? dimensions.first, dimensions.contains(chosen) else {
      throw CommandFailure.dimension(found: dimension, dimensions: dimensions)
    }
    return chosen
  }

  private func loadGold() throws -> [GoldDocument] {
    guard let data = FileManager.default.contents(atPath: gold) else {
      throw PipelineError.unreadable(
        path: gold,
        reason: FileManager.default.fileExists(atPath: gold)
          ? "permission denied or not a regular file" : "no such file or directory")
    }
    return try GoldDocument.load([UInt8](data), path: gold)
  }
}
