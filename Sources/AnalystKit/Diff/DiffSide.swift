import Foundation
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
      throw AnalystError.invalidSide(option: option, reason: "expected a lexicons folder or stance lexicon files, found none")
    }
    let directories = paths.filter(isDirectory)
    if !directories.isEmpty {
      guard paths.count == 1 else {
        throw AnalystError.invalidSide(
          option: option,
          reason: "expected one lexicons folder or a list of .tsv files, found the folder '\(directories[0])' among \(paths.count) paths")
      }
      let sources = try LexiconSources.directory(paths[0])
      guard !sources.lexicon.isEmpty else {
        throw AnalystError.invalidSide(
          option: option,
          reason: "expected a lexicons folder laid out like lexicons/ (with stance/*.tsv), found no stance/*.tsv in '\(paths[0])'")
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

  static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
