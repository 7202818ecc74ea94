import ArgumentParser
import Foundation
import PipelineKit

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Extract entities and stance; write one JSON line per input document.",
    discussion: """
      INPUT is a .txt file (one document; id = its path as given), a .jsonl file (one document \
      a line), a directory (walked recursively in sorted order), or '-' for JSON Lines on stdin \
      (the default). Output lines follow input order. A summary goes to stderr.
      """)

  @OptionGroup var input: InputOptions

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
  var output: String?

  @Option(help: "Worker threads (default: every core). Output does not depend on it.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Print nothing on stderr but errors.")
  var quiet = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
  }

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    var options = RunOptions()
    options.jobs = jobs
    options.fields = input.fields
    let runner = Runner(analyzer: analyzer, options: options)
    let reader = input.reader()
    let sink: OutputFile
    do { sink = try OutputFile(path: output) } catch {
      Diagnostics.error(error.description)
      throw ExitCode(error.exitStatus)
    }
    let summary: RunSummary
    do {
      summary = try runner.run(reader, write: { try sink.write($0) })
      try sink.commit()
    } catch {
      sink.discard()
      Diagnostics.error("\(error)")
      throw ExitCode(1)
    }
    if !quiet {
      Diagnostics.note(
        "\(summary.documents) documents, \(summary.errors) errors, "
          + String(format: "%.2f s, %.2f MB/s", summary.seconds, summary.megabytesPerSecond))
    }
  }
}
