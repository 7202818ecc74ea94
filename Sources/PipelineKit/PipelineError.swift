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
  /// A file given as a compiled gazetteer that cannot be read as one.
  case compiledGazetteer(path: String, CompiledGazetteerProblem)
  /// A compiled gazetteer after another `--gazetteer` (it includes the defaults, which come
  /// first).
  case compiledGazetteerNotFirst(path: String, after: String)
  /// A warning: the compiled gazetteer no longer stands for its sources, which are loaded
  /// instead.
  case staleCompiledGazetteer(path: String, CompiledGazetteer.Staleness)
  /// The sources of a compiled gazetteer are needed (it is stale, or `lint` reads them) and
  /// these are gone.
  case compiledGazetteerSourcesMissing(
    path: String, reason: CompiledGazetteer.Staleness?, missing: [String])

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
    case .compiledGazetteer(let path, let problem):
      return "\(path): \(Self.describe(problem))"
    case .compiledGazetteerNotFirst(let path, let after):
      return
        "--gazetteer '\(path)': expected a compiled gazetteer as the first --gazetteer (it includes the defaults), found it after '\(after)'"
    case .staleCompiledGazetteer(let path, let reason):
      return
        "\(path): compiled gazetteer out of date (\(Self.describe(reason))); loading its sources instead (run 'pipeline compile' again)"
    case .compiledGazetteerSourcesMissing(let path, let reason, let missing):
      let gone = missing.map { "'\($0)'" }.joined(separator: ", ")
      guard let reason else {
        return "\(path): expected the sources of the compiled gazetteer, found \(gone) gone"
      }
      return
        "\(path): compiled gazetteer out of date (\(Self.describe(reason))), and its sources \(gone) are gone: compile it again"
    }
  }

  private static func describe(_ problem: CompiledGazetteerProblem) -> String {
    switch problem {
    case .notCompiled:
      return "expected a compiled gazetteer (written by 'pipeline compile'), found other bytes"
    case .compiledSource:
      return
        "expected gazetteer sources to compile, found a compiled gazetteer (compile its sources instead)"
    case .truncated(let size, let expected):
      return
        "expected a compiled gazetteer of at least \(expected) bytes, found \(size) (truncated): compile it again"
    case .formatVersion(let found, let supported):
      return
        "expected compiled gazetteer format \(supported), found format \(found): compile it again with this pipeline"
    case .checksum:
      return
        "expected the checksum the compiled gazetteer records, found another (the file is damaged): compile it again"
    case .corrupt(let error):
      return error.description
    }
  }

  private static func describe(_ reason: CompiledGazetteer.Staleness) -> String {
    switch reason {
    case .toolVersion(let compiled):
      return "compiled by pipeline \(compiled), this is \(PipelineVersion.number)"
    case .cyrillicLanguage(let compiled, let now):
      return "compiled with --cyrillic-lang '\(compiled)', now '\(now)'"
    case .abbreviations: return "the abbreviations changed"
    case .transliterations: return "the built-in transliterations changed"
    case .defaults(let path): return "the default gazetteer '\(path)' changed"
    case .source(let path): return "'\(path)' changed"
    case .attribute(let path, let compiled, let now):
      return "'\(path)' compared by \(compiled.rawValue), now by \(now.rawValue)"
    }
  }
}

/// What is wrong with a file given as a compiled gazetteer: the data of
/// `PipelineError.compiledGazetteer`, whose description words it.
public enum CompiledGazetteerProblem: Sendable, Equatable {
  /// It does not start with `CompiledGazetteer.magic`.
  case notCompiled
  /// Given to `pipeline compile` as a source.
  case compiledSource
  /// It ends before its header or tables do.
  case truncated(size: Int, expected: Int)
  case formatVersion(found: Int, supported: Int)
  /// Its contents do not give the checksum it records.
  case checksum
  /// Its header or tables hold a value out of range.
  case corrupt(TokenizeError)
}
