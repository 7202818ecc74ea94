import DefaultLexicons
import Entities
import FoundationEssentials
import Glibc
import Tokenize

extension LexiconSources {
  /// Puts a compiled gazetteer in place of the default gazetteers (the first `defaults` files
  /// of `gazetteer`) and the sources it was compiled from, when it still stands for them
  /// (`CompiledGazetteer.staleness`); otherwise loads those sources in its place and returns
  /// the warning to show. With `sources`, always loads the sources (what `lint` checks).
  ///
  /// `phraseAttribute` is `--phrase-attr` (nil: each patterns file's `cfg`, else ORTH);
  /// `abbreviations` and `cyrillicLanguage` must already be this run's.
  ///
  /// - Complexity: maps and hashes every source of the compiled gazetteer that still exists (to
  ///   compare its fingerprint); reads one only to load it.
  public mutating func useCompiled(
    _ compiled: CompiledGazetteer, after defaults: Int, phraseAttribute: PhraseAttribute?,
    cyrillicLanguage: String, sources: Bool = false
  ) throws(PipelineError) -> PipelineError? {
    let settings = CompiledGazetteer.Settings(
      cyrillicLanguage: cyrillicLanguage, abbreviations: try checkedAbbreviationWords(),
      transliterations: DefaultLexicons.transliterations)
    func attribute(_ path: String, _ attributes: [String: PhraseAttribute]) -> PhraseAttribute {
      attributes[path] ?? phraseAttribute ?? .orth
    }
    let defaultSources = gazetteer[..<defaults].map {
      CompiledGazetteer.Source(
        path: $0.path, bytes: $0.bytes, attribute: attribute($0.path, phraseAttributes))
    }
    // The paths of each compiled source as it is now (the walk `files(under:)` makes), or nil
    // where it is gone; each file is mapped and hashed, not read (it is read only to be loaded).
    var paths: [[String]?] = []
    var attributes: [String: PhraseAttribute] = [:]
    for argument in compiled.header.arguments {
      guard FileManager.default.fileExists(atPath: argument.path) else {
        paths.append(nil)
        continue
      }
      let found = try Self.paths(under: argument.path, option: "--gazetteer") {
        ["tsv", "jsonl"].contains(PathString.pathExtension($0))
      }
      if phraseAttribute == nil {
        attributes.merge(try Self.spacyPhraseAttributes(of: found)) { $1 }
      }
      paths.append(found)
    }
    var now: [[CompiledGazetteer.Source]?] = []
    for list in paths {
      guard let list else {
        now.append(nil)
        continue
      }
      var sources: [CompiledGazetteer.Source] = []
      for path in list {
        let file = try MappedFile(path: path)
        sources.append(
          CompiledGazetteer.Source(
            SourceFile(path: path, size: file.count, hash: file.withBytes(Fingerprint.hash)),
            attribute: attribute(path, attributes)))
      }
      now.append(sources)
    }
    let reason = compiled.staleness(settings: settings, defaults: defaultSources, arguments: now)
    if reason == nil && !sources {
      compiledGazetteer = compiled
      gazetteer.removeFirst(defaults)
      return nil
    }
    let missing = zip(compiled.header.arguments, paths).filter { $1 == nil }.map(\.0.path)
    guard missing.isEmpty else {
      throw .compiledGazetteerSourcesMissing(path: compiled.path, reason: reason, missing: missing)
    }
    var files: [File] = []
    for path in paths.flatMap({ $0 ?? [] }) { files.append(try Self.read(path)) }
    gazetteer.insert(contentsOf: files, at: defaults)
    phraseAttributes.merge(attributes) { $1 }
    return reason.map { .staleCompiledGazetteer(path: compiled.path, $0) }
  }
}

extension CompiledGazetteer {
  /// The bytes `pipeline compile` writes: `gazetteer`, loaded from `sources` (the default
  /// gazetteers, then the files of each of `arguments`, the `--gazetteer` paths as given), with
  /// the header that records them. `phraseAttribute` and `cyrillicLanguage` as for
  /// `LexiconSources.useCompiled`.
  public static func compile(
    _ gazetteer: Gazetteer, sources: LexiconSources, arguments: [String],
    phraseAttribute: PhraseAttribute?, cyrillicLanguage: String
  ) throws(PipelineError) -> [UInt8] {
    func source(_ file: LexiconSources.File) -> Source {
      Source(
        path: file.path, bytes: file.bytes,
        attribute: sources.phraseAttributes[file.path] ?? phraseAttribute ?? .orth)
    }
    // Each argument's files, by the same walk that gave `sources` its files.
    var compiled: [Argument] = []
    for path in arguments {
      let files = try LexiconSources.files(
        under: path, option: "--gazetteer", extensions: ["tsv", "jsonl"])
      compiled.append(Argument(path: path, files: files.map(source)))
    }
    let named = compiled.reduce(0) { $0 + $1.files.count }
    let header = Header(
      settings: Settings(
        cyrillicLanguage: cyrillicLanguage, abbreviations: try sources.checkedAbbreviationWords(),
        transliterations: DefaultLexicons.transliterations),
      defaults: sources.gazetteer[..<(sources.gazetteer.count - named)].map(source),
      arguments: compiled)
    return bytes(of: gazetteer, header: header)
  }
}
