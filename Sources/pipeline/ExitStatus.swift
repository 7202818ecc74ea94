import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit
import Stance
import Tokenize

/// The exit statuses of every subcommand (the README's table lists the same).
enum ExitStatus: Int32 {
  /// Every input was processed (bad records are error records in the output).
  case success = 0
  /// The output could not be written; or the command's findings fail it (`lint` errors,
  /// `eval --fail-under`); or an input of `coverage`, `kwic` or `report` could not be read.
  case failure = 1
  /// A word-list or gold file is malformed or unreadable, or the data does not fit the
  /// command (`explain --id` names no document, `eval --dimension` no dimension): nothing on
  /// standard output. Also `run --strict` when an input was skipped or unreadable (after
  /// every other record was written).
  case invalidData = 2
  /// `--on-error fail` stopped the run at a bad record.
  case stopped = 3
  /// The command line is wrong: an unknown option, a missing value, an invalid option value.
  /// argument-parser reports these itself.
  case usage = 64
}

/// A failure a subcommand hands to the choke point instead of exiting on its own.
enum CommandFailure: Error {
  /// Already reported on standard output (`lint`'s errors, `eval`'s thresholds).
  case findings
  /// `--on-error fail` met this record.
  case stopped(RecordError)
  /// Inputs that could not be read where a command needs them all (`coverage`, `kwic`).
  case unreadable([RecordError])
  /// `run --strict`: this many inputs were skipped or could not be read.
  case strict(inputs: Int)
  /// The output could not be written.
  case output(any Error)
  /// The text given with `--text` could not be tokenized.
  case tokenize(TokenizeError)
  /// A `kwic` TERM that is not a phrase.
  case term(StanceError)
  /// `explain --id ID` named a document the inputs do not hold.
  case documentNotFound(id: String, documents: Int)
  /// `explain` without `--id` over inputs holding other than one document.
  case notOneDocument(found: Int)
  /// `eval --dimension` names no dimension of the lexicons.
  case dimension(found: String?, dimensions: [String])
  /// An error of one side of `diff`, named by its option.
  case side(String, any Error)
}

extension Pipeline {
  /// Parses the command line, runs the subcommand, and maps whatever it throws to a message on
  /// standard error and an exit status, here and nowhere else.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      guard let (messages, status) = failure(error) else { exit(withError: error) }
      for message in messages { Diagnostics.error(message) }
      Glibc.exit(status.rawValue)
    }
  }

  /// The messages and status of an error of ours; nil for argument-parser's own (usage errors,
  /// `--help`, `ExitCode`).
  static func failure(_ error: any Error) -> (messages: [String], status: ExitStatus)? {
    switch error {
    case let error as PipelineError:
      if case .output = error { return ([error.description], .failure) }
      return ([error.description], .invalidData)
    case let error as AnalystError:
      return ([error.description], .invalidData)
    case let error as TokenizeError:
      return ([error.description], .invalidData)
    case let error as CommandFailure:
      switch error {
      case .findings:
        return ([], .failure)
      case .stopped(let record):
        let place = record.line.map { "\(record.source):\($0)" } ?? record.source
        return (
          ["\(place): \(record.code.rawValue): \(record.message) (stopped by --on-error fail)"],
          .stopped
        )
      case .unreadable(let records):
        return (records.map(\.message), .failure)
      case .strict(let inputs):
        return (["\(plural(inputs, "input")) skipped or unreadable (--strict)"], .invalidData)
      case .output(let error):
        return (["\(error)"], .failure)
      case .tokenize(let error):
        return ([error.description], .invalidData)
      case .term(let error):
        return (["TERM: " + error.message], .invalidData)
      case .dimension(let found, let dimensions):
        let value = found.map { "'\($0)'" } ?? "a lexicon without entries"
        return (
          [
            "--dimension: expected one of the lexicon's dimensions (\(dimensions.joined(separator: ", "))), found \(value)"
          ],
          .invalidData
        )
      case .documentNotFound(let id, let documents):
        return (
          [
            "--id '\(id)': expected a document with this id, found none among \(plural(documents, "document"))"
          ], .invalidData
        )
      case .notOneDocument(let found):
        return (["expected one document (or --id ID to choose one), found \(found)"], .invalidData)
      case .side(let option, let inner):
        guard let (messages, status) = failure(inner) else { return nil }
        return (messages.map { "\(option): \($0)" }, status)
      }
    default:
      return nil
    }
  }
}
