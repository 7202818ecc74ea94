import Stance

/// Where each kind of word-list file sits in a lexicons folder laid out like the repository's
/// `lexicons/`: the one place that knows it, for `LexiconSources` and for the build-time
/// tables (`PrebuiltTables`).
public enum LexiconLayout {
  public enum Kind: Sendable, Equatable {
    case gazetteer, lexicon, modifiers, abbreviations, clauses, references
  }

  /// The kind of the file at `path`, relative to the folder's parent
  /// (`lexicons/stance/cooperation.tsv`), or nil for a file no run loads.
  public static func kind(of path: String) -> Kind? {
    if path.hasPrefix("lexicons/entities/") && (path.hasSuffix(".tsv") || path.hasSuffix(".jsonl"))
    {
      return .gazetteer
    } else if path == "lexicons/stance/modifiers.tsv" {
      return .modifiers
    } else if path.hasPrefix("lexicons/stance/"), LexiconFormat.isLexiconFileName(name(path)) {
      return .lexicon
    } else if path == "lexicons/abbreviations.txt" {
      return .abbreviations
    } else if path == "lexicons/attribution/clauses.tsv" {
      return .clauses
    } else if path == "lexicons/attribution/references.tsv" {
      return .references
    }
    return nil
  }

  /// The part of a file's path after its last `/`.
  private static func name(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
