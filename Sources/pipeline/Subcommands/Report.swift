import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit
import Stance

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report: entity charts and highlighted documents.",
    discussion: """
      Reads the same inputs as 'run' and analyzes them the same way, then writes one HTML file \
      (inline CSS, SVG and script; it loads nothing from the network) with a chart per entity \
      of favor / neutral / against documents and the mean score per dimension, a sortable \
      table of every entity, and the documents (the first --max-documents, paged, with a text \
      search) with their mentions and lexicon hits highlighted; hover over a hit for its \
      lexicon entry (FILE:LINE), weights and modifiers. Error records are listed too. \
      FILE is written atomically ('-' for stdout); the same input gives the same bytes.

      With --from-output RUN.jsonl it analyzes nothing: it shows the results 'pipeline run' \
      wrote (in Spark, say), with the texts joined by id from --texts CORPUS (read with the \
      same --id-field, --text-field and --record-key as the run). The charts and the table \
      count every document either way.
      """)

  @OptionGroup var input: InputOptions

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the report to FILE (atomically), or '-' for stdout.", valueName: "FILE"),
    completion: .file())
  var output: String

  @Option(
    name: .customLong("from-output"),
    help: ArgumentHelp(
      "Show the results 'pipeline run' wrote to FILE ('-' for stdin) instead of analyzing INPUTs.",
      valueName: "FILE"),
    completion: .file())
  var fromOutput: String?

  @Option(
    name: .customLong("texts"),
    help: ArgumentHelp(
      "With --from-output: the corpus the run read, for the texts (joined by id). Repeatable.",
      valueName: "PATH"),
    completion: .file())
  var texts: [String] = []

  @Option(
    name: .customLong("max-documents"),
    help: ArgumentHelp(
      "List at most N documents (the first, in input order); the charts count all of them.",
      valueName: "N"))
  var maxDocuments = HTMLReport.Options.defaultMaxDocuments

  @Option(help: "The report's title.")
  var title = "Stance report"

  @Flag(help: "Print nothing on stderr but errors.")
  var quiet = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    guard maxDocuments >= 0 else {
      throw ValidationError("--max-documents: expected 0 or more, found \(maxDocuments)")
    }
    if fromOutput != nil && !input.inputs.isEmpty {
      throw ValidationError(
        "expected either INPUTs or --from-output, found both (pass the corpus with --texts)")
    }
    if fromOutput == nil && !texts.isEmpty {
      throw ValidationError("--texts: expected --from-output too")
    }
  }

  func run() throws {
    var report: HTMLReport
    if let fromOutput {
      report = HTMLReport(
        outputOf: [fromOutput],
        thresholds: Thresholds(
          favor: lexiconOptions.scoring.favorThreshold,
          against: lexiconOptions.scoring.againstThreshold),
        options: HTMLReport.Options(
          title: title, inputs: [fromOutput] + texts, maxDocuments: maxDocuments))
      let output = InputReader(inputs: [fromOutput], stdinName: input.sourceName)
      while let record = output.next() {
        switch record {
        case .jsonLine(let bytes, let source, let line):
          report.add(outputLine: bytes, source: source, line: line)
        case .textFile(_, let source):
          throw ValidationError(
            "--from-output '\(source)': expected JSON Lines (.jsonl), found a text file")
        case .failure(let error):
          report.add(error)
        }
      }
      report.attachTexts(
        from: texts.isEmpty
          ? nil : InputReader(paths: InputOptions.paths(of: texts), stdinName: input.sourceName),
        fields: input.fields)
    } else {
      report = HTMLReport(
        analyzer: try lexiconOptions.analyzer(),
        options: HTMLReport.Options(
          title: title, inputs: input.inputs.isEmpty ? ["-"] : input.inputs,
          maxDocuments: maxDocuments))
      do { try report.add(contentsOf: input.reader(), fields: input.fields) } catch {
        throw CommandFailure.output(error)
      }
    }
    let html = report.render()
    // The file is created only now, so a failure before this point leaves FILE as it was.
    let sink = try OutputFile(path: output)
    do {
      try sink.write(Array(html.utf8))
      try sink.commit()
    } catch {
      sink.discard()
      throw error
    }
    if !quiet {
      Diagnostics.note(
        "\(report.documentCount) documents, \(report.errorCount) errors, "
          + "\(report.entitySummaries.count) entities; "
          + (report.listedCount < report.documentCount
            ? "the first \(report.listedCount) documents listed; " : "")
          + "report written to \(output == "-" ? "stdout" : output)"
      )
    }
  }
}
