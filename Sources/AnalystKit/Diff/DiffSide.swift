import PipelineKit

/// One side of `pipeline diff`: which lexicon files it loads.
///
/// - One directory: a lexicons folder laid out like the repository's `lexicons/` (its
///   gazetteers, stance lexicons, modifiers and abbreviations), read with
///   `LexiconSources.directory`.
/// - One or more files: the defaults, with these files as the whole stance lexicon (they
///   replace the default stance files; gazetteers, modifiers and abbreviations stay).
///
/// Mixing a directory with other paths is an error.
public enum DiffSide {
  public static func sources(
    _ paths: [String], option: String, defaults: () throws(PipelineError) -> LexiconSources
  ) throws -> LexiconSources {
    guard !paths.isEmpty else {
      throw AnalystError.invalidSide(option: option, .noPaths)
    }
    let directories = paths.filter { LexiconSources.isDirectory($0) == true }
    if !directories.isEmpty {
      guard paths.count == 1 else {
        throw AnalystError.invalidSide(
          option: option, .folderAmongPaths(folder: directories[0], paths: paths.count))
      }
      let sources = try LexiconSources.directory(paths[0], option: option)
      guard !sources.lexicon.isEmpty else {
        throw AnalystError.invalidSide(option: option, .noStanceFiles(folder: paths[0]))
      }
      return sources
    }
    var sources = try defaults()
    sources.lexicon = []
    for path in paths {
      sources.lexicon += try LexiconSources.files(under: path, option: option, extensions: ["tsv"])
    }
    return sources
  }
}
