import DefaultLexicons
import Entities
import FoundationEssentials
import Glibc
import Prebuilt
import Stance
import Tokenize

/// Which word-list files a run loads: the defaults (embedded at build time from the
/// repository's `lexicons/`, or read from `--lexicons-dir`) plus the files named by options.
///
/// - `--gazetteer` and `--lexicon` add files to the defaults; `--modifiers`, `--clauses`,
///   `--references` and `--abbreviations` replace the default file of their kind; `--no-default-lexicons` drops
///   every default, so that only the named files load.
public struct LexiconSources: Sendable {
  public typealias File = (path: String, bytes: [UInt8])

  public var gazetteer: [File] = []
  public var lexicon: [File] = []
  public var modifiers: [File] = []
  public var abbreviations: [File] = []
  /// Clause markers (`attribution/clauses.tsv`) and pronouns and role nouns
  /// (`attribution/references.tsv`): the words roles and coreference read.
  public var clauses: [File] = []
  public var references: [File] = []
  /// Per spaCy patterns file (by path), the `phraseAttribute` of the spaCy `cfg` beside it.
  public var phraseAttributes: [String: PhraseAttribute] = [:]
  /// A compiled gazetteer that stands for the default gazetteers and its sources
  /// (`useCompiled`): `gazetteer` then holds only the files loaded after it.
  public var compiledGazetteer: CompiledGazetteer?

  public init() {}

  /// The `phrase_matcher_attr` of the spaCy `cfg` file in the folder of each `.jsonl` file
  /// (`ruler.to_disk(DIR)` and `nlp.to_disk(DIR)` write one beside `patterns.jsonl`), by path.
  /// A `cfg` that is not spaCy's, or names an attribute other than ORTH, TEXT and LOWER, is an
  /// error naming it.
  public static func spacyPhraseAttributes(of paths: [String]) throws(PipelineError)
    -> [String: PhraseAttribute]
  {
    var result: [String: PhraseAttribute] = [:]
    for path in paths where path.hasSuffix(".jsonl") {
      let config = PathString.appending(PathString.deletingLastComponent(path), "cfg")
      guard FileManager.default.fileExists(atPath: config) else { continue }
      let file = try read(config)
      guard let attribute = PhraseAttribute(spacyConfig: file.bytes) else {
        throw .unreadable(
          path: config,
          reason:
            "expected a spaCy EntityRuler cfg with \"phrase_matcher_attr\" null, \"ORTH\", \"TEXT\" or \"LOWER\""
        )
      }
      result[path] = attribute
    }
    return result
  }

  /// The embedded defaults: the repository's `lexicons/` as it was at build time.
  public static func embedded() -> LexiconSources {
    var sources = LexiconSources()
    for file in DefaultLexicons.files { sources.assign(file, relativePath: file.path) }
    return sources
  }

  /// The files of a lexicons folder laid out like the repository's (`entities/`, `stance/`,
  /// `stance/modifiers.tsv`, `abbreviations.txt`). `option` names the folder in errors.
  public static func directory(_ path: String, option: String) throws(PipelineError)
    -> LexiconSources
  {
    var sources = LexiconSources()
    let files = try Self.files(under: path, option: option, extensions: ["tsv", "jsonl", "txt"])
    let root = URL(fileURLWithPath: path).standardizedFileURL.path
    for file in files {
      var relative = URL(fileURLWithPath: file.path).standardizedFileURL.path
      if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
      sources.assign(file, relativePath: "lexicons/" + relative)
    }
    return sources
  }

  /// The words of the abbreviations files (`Dr.`), one a content line, trimmed; lines that are
  /// not UTF-8 are skipped (`pipeline lint` reports them).
  public var abbreviationWords: [String] {
    abbreviations.flatMap { file in Self.abbreviationWords(file) { _ in } }
  }

  /// The words of the abbreviations files; a line that is not UTF-8 stops the run.
  public func checkedAbbreviationWords() throws(PipelineError) -> [String] {
    var words: [String] = []
    for file in abbreviations {
      words += try Self.abbreviationWords(file) { (number) throws(PipelineError) in
        throw .unreadable(
          path: "\(file.path):\(number)", reason: "expected UTF-8 text, found invalid bytes")
      }
    }
    return words
  }

  /// The words of one abbreviations file (`LexiconLine.abbreviationWords(of:invalid:)`).
  private static func abbreviationWords<E: Error>(
    _ file: File, invalid: (Int) throws(E) -> Void
  ) throws(E) -> [String] {
    try LexiconLine.abbreviationWords(of: file.bytes, invalid: invalid)
  }

  /// Sorts a default file into its kind by its place in the `lexicons/` layout.
  private mutating func assign(_ file: File, relativePath path: String) {
    switch LexiconLayout.kind(of: path) {
    case .gazetteer: gazetteer.append(file)
    case .modifiers: modifiers.append(file)
    case .lexicon: lexicon.append(file)
    case .abbreviations: abbreviations.append(file)
    case .clauses: clauses.append(file)
    case .references: references.append(file)
    case nil: break
    }
  }

  /// Stance lexicon files for `--lexicon`: a file as given (any name), or every lexicon file
  /// below a directory: `*.tsv` except `modifiers.tsv`, and files whose name selects an import
  /// format (`vader_lexicon.txt`, `AFINN-165.txt`, `*.vader.tsv` …, see `LexiconFormat`).
  public static func lexiconFiles(under path: String, option: String) throws(PipelineError)
    -> [File]
  {
    try files(under: path, option: option, accepting: LexiconFormat.isLexiconFileName)
  }

  /// A file as given, or every file with one of `extensions` below a directory, sorted by path.
  public static func files(
    under path: String, option: String, extensions: Set<String>,
    excluding excluded: Set<String> = []
  ) throws(PipelineError) -> [File] {
    try files(under: path, option: option) { name in
      extensions.contains(PathString.pathExtension(name)) && !excluded.contains(name)
    }
  }

  /// A file as given, or every file below a directory whose name `accept`s, sorted by path.
  public static func files(
    under path: String, option: String, accepting accept: (String) -> Bool
  ) throws(PipelineError) -> [File] {
    var result: [File] = []
    for p in try paths(under: path, option: option, accepting: accept) {
      result.append(try read(p))
    }
    return result
  }

  /// The paths `files(under:option:accepting:)` reads, without reading them.
  static func paths(
    under path: String, option: String, accepting accept: (String) -> Bool
  ) throws(PipelineError) -> [String] {
    guard let isDirectory = isDirectory(path) else {
      throw .unreadable(path: path, reason: "no such file or directory")
    }
    guard isDirectory else { return [path] }
    var paths: [String] = []
    walk(path, accepting: accept, into: &paths)
    guard !paths.isEmpty else { throw .noLexiconFiles(option: option, path: path) }
    return paths.sorted()
  }

  /// Whether `path` (followed if a link) is a directory; nil when nothing is there.
  public static func isDirectory(_ path: String) -> Bool? {
    var info = stat()
    guard path.withCString({ stat($0, &info) }) == 0 else { return nil }
    return info.st_mode & S_IFMT == S_IFDIR
  }

  /// The files below `folder` whose names `accept` takes, into `paths`: every level, not into
  /// linked folders (a link to a file counts).
  private static func walk(
    _ folder: String, accepting accept: (String) -> Bool, into paths: inout [String]
  ) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names {
      let full = PathString.appending(folder, name)
      var info = stat()
      if full.withCString({ lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFDIR {
        walk(full, accepting: accept, into: &paths)
      } else if accept(name), isDirectory(full) == false {
        paths.append(full)
      }
    }
  }

  static func read(_ path: String) throws(PipelineError) -> File {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return (path, [UInt8](data))
  }
}
