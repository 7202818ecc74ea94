import ArgumentParser
import Foundation
import AnalystKit
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

      Exit status: 0; 1 when a metric is below its --fail-under threshold; 2 when the gold \
      file or a lexicon is malformed (FILE:LINE: message, nothing on stdout).
      """)

  @Option(help: ArgumentHelp("Gold annotations (JSON Lines).", valueName: "GOLD.jsonl"))
  var gold: String

  @Option(help: ArgumentHelp("The stance dimension to score (default: the lexicon's first).", valueName: "NAME"))
  var dimension: String?

  @Option(
    name: .customLong("fail-under"),
    help: ArgumentHelp("Exit 1 when METRIC is below VALUE (e.g. stance.f1_semeval=0.6). Repeatable.", valueName: "METRIC=VALUE"))
  var failUnder: [String] = []

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  @OptionGroup var input: InputOptions

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    for item in failUnder where MetricThreshold(parsing: item) == nil {
      throw ValidationError(
        "--fail-under: expected METRIC=VALUE with METRIC one of \(EvaluationReport.metricNames.joined(separator: ", ")), found '\(item)'")
    }
  }

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    let dimension = try chooseDimension(analyzer)
    let goldDocuments = try loadGold()
    var predictions: [DocumentPrediction] = []
    let scan = CorpusScan(analyzer: analyzer, fields: input.fields)
    let skipped = try scan.forEach(input.reader()) { document, doc in
      predictions.append(
        DocumentPrediction(
          id: documentKey(document.id), analysis: analyzer.analyze(tokenized: doc), analyzer: analyzer,
          dimension: dimension))
    }
    for error in skipped { Diagnostics.note("skipped \(error.located)") }
    let report: EvaluationReport
    do { report = try EvaluationReport(gold: goldDocuments, predictions: predictions, dimension: dimension) } catch {
      Diagnostics.error(error.description)
      throw ExitCode(2)
    }
    let failures = failUnder.compactMap { MetricThreshold(parsing: $0)?.failure(in: report) }
    if json {
      FileHandle.standardOutput.write(Data(report.renderJSON(goldPath: gold, failures: failures)))
    } else {
      var text = report.renderText(goldPath: gold)
      if !failUnder.isEmpty {
        text += failures.isEmpty ? "\nAll --fail-under thresholds met.\n" : "\nBelow threshold:\n" + failures.map { "  \($0)\n" }.joined()
      }
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    for failure in failures { Diagnostics.error(failure) }
    if !failures.isEmpty { throw ExitCode(1) }
  }

  private func chooseDimension(_ analyzer: Analyzer) throws -> String {
    let dimensions = analyzer.scorer.lexicon.dimensions
    guard let chosen = dimension ?? dimensions.first, dimensions.contains(chosen) else {
      let found = dimension.map { "'\($0)'" } ?? "a lexicon without entries"
      Diagnostics.error(
        "--dimension: expected one of the lexicon's dimensions (\(dimensions.joined(separator: ", "))), found \(found)")
      throw ExitCode(2)
    }
    return chosen
  }

  private func loadGold() throws -> [GoldDocument] {
    do {
      guard let data = FileManager.default.contents(atPath: gold) else {
        throw PipelineError.unreadable(path: gold, reason: FileManager.default.fileExists(atPath: gold) ? "permission denied or not a regular file" : "no such file or directory")
      }
      return try GoldDocument.load([UInt8](data), path: gold)
    } catch let error as PipelineError {
      Diagnostics.error(error.description)
      throw ExitCode(2)
    } catch let error as AnalystError {
      Diagnostics.error(error.description)
      throw ExitCode(2)
    }
  }
}
