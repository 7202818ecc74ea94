import ArgumentParser
import PipelineKit

/// Where documents come from: shared by every subcommand that reads a corpus.
struct InputOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("Input files (.txt, .jsonl), directories, or '-' for stdin (the default).", valueName: "INPUT"))
  var inputs: [String] = []

  @Option(name: .customLong("id-field"), help: "JSON Lines field holding the document id.")
  var idField = "id"

  @Option(name: .customLong("text-field"), help: "JSON Lines field holding the document text.")
  var textField = "text"

  var fields: Document.Fields { Document.Fields(id: idField, text: textField) }

  /// A reader over the inputs (stdin when none are given).
  func reader() -> InputReader { InputReader(inputs: inputs.isEmpty ? ["-"] : inputs) }
}
