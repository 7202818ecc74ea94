import AnalystKit
import ArgumentParser
import Foundation
import PipelineKit

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report: entity charts and highlighted documents.",
    discussion: """
      Reads the same inputs as 'run' and analyzes them the same way, then writes one HTML file \
      (inline CSS, SVG and script; it loads nothing from the network) with a chart per entity \
      of favor / neutral / against documents and the mean score per dimension, and every \
      document with its mentions and lexicon hits highlighted; hover over a hit for its \
      lexicon entry (FILE:LINE), weights and modifiers. Error records are listed too. \
      FILE is written atomically ('-' for stdout); the same input gives the same bytes.
      """)

  @OptionGroup var input: InputOptions

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the report to FILE (atomically), or '-' for stdout.", valueName: "FILE"),
    completion: .file())
  var output: String

  @Option(help: "The report's title.")
  var title = "Stance report"

  @Flag(help: "Print nothing on stderr but errors.")
  var quiet = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    var report = HTMLReport(
      analyzer: analyzer,
      options: HTMLReport.Options(title: title, inputs: input.inputs.isEmpty ? ["-"] : input.inputs)
    )
    do { try report.add(contentsOf: input.reader(), fields: input.fields) } catch {
      throw CommandFailure.output(error)
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
          + "\(report.entitySummaries.count) entities; report written to \(output == "-" ? "stdout" : output)"
      )
    }
  }
}
