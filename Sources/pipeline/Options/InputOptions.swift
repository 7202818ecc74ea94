import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit

/// Where documents come from: shared by every subcommand that reads a corpus.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Input files (.txt, .jsonl), directories, or '-' for stdin (the default).", valueName: "INPUT"
    ),
    completion: .file())
  var inputs: [String] = []

  @Option(name: .customLong("id-field"), help: "JSON Lines field holding the document id.")
  var idField = "id"

  @Option(name: .customLong("text-field"), help: "JSON Lines field holding the document text.")
  var textField = "text"

  @Option(
    name: .customLong("source-name"),
    help: ArgumentHelp(
      "The name of stdin in error records and generated ids (default '-').", valueName: "NAME"))
  var sourceName = "-"

  @Option(
    name: .customLong("record-key"),
    help: ArgumentHelp(
      "How a record without an id is keyed: 'line' (SOURCE:LINE, the default) or 'content' (SOURCE#HASH of its bytes: the same in every Spark partition; the default with --pipe).",
      valueName: "KIND"),
    completion: .list(RecordKeys.allCases.map(\.rawValue)),
    transform: OptionValue.choice)
  var recordKeys: RecordKeys?

  @Option(
    name: .customLong("lang-field"),
    help: ArgumentHelp(
      "JSON Lines field holding a record's language ('ru', 'de-AT'), for stemming words whose script does not decide it.",
      valueName: "FIELD"))
  var languageField: String?

  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp(
      "The language of documents that do not say (ISO 639: 'en', 'de'); without it, Latin-script words are stemmed in every stem language of the gazetteer.",
      valueName: "CODE"))
  var language: String?

  var fields: Document.Fields {
    Document.Fields(
      id: idField, text: textField, keys: recordKeys ?? .line, language: languageField,
      defaultLanguage: language)
  }

  /// A reader over the inputs (stdin when none are given).
  func reader() -> InputReader {
    InputReader(
      paths: inputs.isEmpty ? [InputPath("-")] : Self.paths(of: inputs), stdinName: sourceName)
  }

  /// The inputs as the bytes the shell passed. `CommandLine.arguments` decodes each argument with
  /// U+FFFD for bytes that are not UTF-8, which would name a file that does not exist: such an
  /// argument is replaced by the bytes of the next command-line argument that decodes to it.
  static func paths(of inputs: [String]) -> [InputPath] {
    var next = 1
    return inputs.map { input in
      guard input.unicodeScalars.contains("\u{FFFD}") else { return InputPath(input) }
      while next < Int(CommandLine.argc) {
        defer { next += 1 }
        guard let argument = CommandLine.unsafeArgv[next] else { continue }
        let bytes = Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        if String(decoding: bytes, as: UTF8.self) == input { return InputPath(bytes: bytes) }
      }
      return InputPath(input)
    }
  }
}
