import Entities
import Stance
import Tokenize

/// Errors that stop a run before any output (exit status 2), or while writing it (status 1).
public enum PipelineError: Error, Sendable, CustomStringConvertible {
  case gazetteer(EntitiesError)
  case lexicon(StanceError)
  case tokenize(TokenizeError)
  case unreadable(path: String, reason: String)
  case noLexiconFiles(option: String, path: String)
  case output(path: String, reason: String)

  public var description: String {
    switch self {
    case .gazetteer(let error): return error.description
    case .lexicon(let error): return error.description
    case .tokenize(let error): return error.description
    case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
    case .noLexiconFiles(let option, let path):
      return
        "\(option) '\(path)': expected a file or a directory holding .tsv or .jsonl files, found none"
    case .output(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}
