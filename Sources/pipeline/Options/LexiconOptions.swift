import ArgumentParser
import Entities
import FoundationEssentials
import Glibc
import PipelineKit
import Stance

/// The lexicon and scoring options that mean the same for every subcommand, including both
/// sides of `pipeline diff` (where `--lexicon` names the new side instead).
struct ScoringOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicons-dir"),
    help: ArgumentHelp(
      "Read the default word lists from this folder (laid out like the repository's lexicons/) instead of the copy built into the binary.",
      valueName: "DIR"),
    completion: .directory)
  var lexiconsDirectory: String?

  @Option(
    name: .customLong("gazetteer"),
    help: ArgumentHelp(
      "Add a gazetteer file (.tsv, or .jsonl spaCy patterns) or a folder of them. Repeatable. The first may be a compiled gazetteer ('pipeline compile'), which includes the defaults.",
      valueName: "PATH"),
    completion: .file())
  var gazetteers: [String] = []

  @Option(
    name: .customLong("phrase-attr"),
    help: ArgumentHelp(
      "How spaCy string patterns compare, as spaCy's phrase_matcher_attr: 'ORTH' (as written) or 'LOWER' (any case). Default: the 'cfg' file spaCy wrote beside the patterns file, else ORTH (spaCy's default).",
      valueName: "ATTR"),
    completion: .list(PhraseAttribute.allCases.map(\.rawValue)),
    transform: OptionValue.choice)
  var phraseAttribute: PhraseAttribute?

  @Option(
    help: ArgumentHelp("Use this modifiers file instead of the default one.", valueName: "FILE"),
    completion: .file())
  var modifiers: String?

  @Option(
    help: ArgumentHelp(
      "Use this abbreviations file instead of the default one.", valueName: "FILE"),
    completion: .file())
  var abbreviations: String?

  @Option(
    help: ArgumentHelp(
      "Which hits count for an entity: 'agent' (what it does or says), 'target' (what is done to or said about it), 'clause' (either), 'sentence' (every hit of its sentences) or 'window:N' (hits within N tokens). 'DIM=POLICY' sets one dimension. Repeatable. Default: what each lexicon file declares, else target.",
      valueName: "POLICY"),
    transform: OptionValue.attribution)
  var attribution: [AttributionSetting] = []

  @Option(
    help: ArgumentHelp(
      "Old name of --attribution POLICY (every dimension); --attribution wins.", valueName: "SCOPE"),
    transform: OptionValue.attribution)
  var scope: AttributionSetting?

  @Flag(
    name: .customLong("no-coreference"), help: "Do not resolve pronouns and role nouns to entities."
  )
  var noCoreference = false

  @Option(
    help: ArgumentHelp(
      "Use this clause-markers file instead of the default attribution/clauses.tsv.",
      valueName: "FILE"))
  var clauses: String?

  @Option(
    help: ArgumentHelp(
      "Use this pronouns and role nouns file instead of the default attribution/references.tsv.",
      valueName: "FILE"))
  var references: String?

  // `.unconditional`: the next word is the value even when it starts with '-' (`-0.05`).
  @Option(
    name: .customLong("favor-threshold"), parsing: .unconditional,
    help: "Scores at or above this are labelled favor.")
  var favorThreshold = 0.05

  @Option(
    name: .customLong("against-threshold"), parsing: .unconditional,
    help: "Scores at or below this are labelled against.")
  var againstThreshold = -0.05

  @Option(
    name: .customLong("cyrillic-lang"),
    help: ArgumentHelp("The stemming language of Cyrillic words (default 'ru').", valueName: "CODE")
  )
  var cyrillicLanguage = "ru"

  func validate() throws {
    guard favorThreshold > againstThreshold else {
      throw ValidationError(
        "--favor-threshold (\(favorThreshold)) must be greater than --against-threshold (\(againstThreshold))"
      )
    }
  }

  /// The default word lists: `--lexicons-dir` (or `PIPELINE_LEXICONS`), else the embedded copy.
  func defaults() throws(PipelineError) -> LexiconSources {
    if let directory = lexiconsDirectory ?? Environment.value("PIPELINE_LEXICONS") {
      return try LexiconSources.directory(directory, option: "--lexicons-dir")
    }
    return LexiconSources.embedded()
  }

  /// Adds the named gazetteers and replaces modifiers and abbreviations where given. A compiled
  /// gazetteer (the first `--gazetteer`) stands for the defaults and its sources when it is
  /// current (a warning says when it is not); with `compiledSources`, its sources are loaded
  /// instead (for `lint`).
  func apply(to sources: inout LexiconSources, compiledSources: Bool = false)
    throws(PipelineError)
  {
    let defaults = sources.gazetteer.count
    var compiled: CompiledGazetteer?
    for (index, path) in gazetteers.enumerated() {
      if CompiledGazetteer.isCompiled(path) {
        guard index == 0 else {
          throw .compiledGazetteerNotFirst(path: path, after: gazetteers[index - 1])
        }
        compiled = try CompiledGazetteer(contentsOf: path)
        continue
      }
      let files = try LexiconSources.files(
        under: path, option: "--gazetteer", extensions: ["tsv", "jsonl"])
      sources.gazetteer += files
      if phraseAttribute == nil {
        sources.phraseAttributes.merge(
          try LexiconSources.spacyPhraseAttributes(of: files.map(\.path))
        ) { $1 }
      }
    }
    if let modifiers {
      sources.modifiers = try LexiconSources.files(
        under: modifiers, option: "--modifiers", extensions: ["tsv"])
    }
    if let abbreviations {
      sources.abbreviations = try LexiconSources.files(
        under: abbreviations, option: "--abbreviations", extensions: ["txt"])
    }
    if let clauses {
      sources.clauses = try LexiconSources.files(
        under: clauses, option: "--clauses", extensions: ["tsv"])
    }
    if let references {
      sources.references = try LexiconSources.files(
        under: references, option: "--references", extensions: ["tsv"])
    }
    if let compiled {
      let warning = try sources.useCompiled(
        compiled, after: defaults, phraseAttribute: phraseAttribute,
        cyrillicLanguage: cyrillicLanguage, sources: compiledSources)
      if let warning { Diagnostics.warning(warning.description) }
    }
  }

  /// The `--attribution` settings, after `--scope` (so that `--attribution` wins over it), or
  /// `settings` instead of `--attribution`.
  func policies(_ settings: [AttributionSetting]? = nil) -> AttributionPolicies {
    AttributionPolicies(settings: (scope.map { [$0] } ?? []) + (settings ?? attribution))
  }

  /// Loads an analyzer from `sources` with these scoring options, printing the gazetteer's
  /// warnings on stderr unless `quiet` (with `strict`, the first is an error instead).
  func analyzer(
    _ sources: () throws -> LexiconSources, settings: [AttributionSetting]? = nil,
    strict: Bool = false, quiet: Bool = false
  ) throws -> Analyzer {
    let analyzer = try Analyzer(
      sources: sources(), policies: policies(settings),
      thresholds: Thresholds(favor: favorThreshold, against: againstThreshold),
      coreference: !noCoreference,
      cyrillicLanguage: cyrillicLanguage, phraseAttribute: phraseAttribute ?? .orth,
      strict: strict)
    if !quiet {
      for warning in analyzer.gazetteer.warnings { Diagnostics.warning(warning.description) }
    }
    return analyzer
  }
}

/// Which word lists to load and how to score: shared by every subcommand but `diff`.
struct LexiconOptions: ParsableArguments {
  @Flag(name: .customLong("no-default-lexicons"), help: "Load only the files named by the options.")
  var noDefaults = false

  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "Add a stance lexicon file or a folder of them. Repeatable. Read as VADER when named vader_lexicon.txt or *.vader.tsv, as AFINN when named AFINN-*.txt or *.afinn.tsv, else as term<TAB>weight[<TAB>dimension].",
      valueName: "PATH"),
    completion: .file())
  var lexicons: [String] = []

  @OptionGroup var scoring: ScoringOptions

  /// The files to load: defaults (unless dropped) plus the named ones. With `compiledSources`,
  /// a compiled gazetteer's sources rather than the compiled file (`lint` reads lines).
  func sources(compiledSources: Bool = false) throws(PipelineError) -> LexiconSources {
    var sources = noDefaults ? LexiconSources() : try scoring.defaults()
    for path in lexicons {
      sources.lexicon += try LexiconSources.lexiconFiles(under: path, option: "--lexicon")
    }
    try scoring.apply(to: &sources, compiledSources: compiledSources)
    return sources
  }

  /// Loads every word list (a malformed one throws `FILE:LINE: message`).
  func analyzer(strict: Bool = false, quiet: Bool = false) throws -> Analyzer {
    try scoring.analyzer({ try sources() }, strict: strict, quiet: quiet)
  }
}

/// Messages on standard error.
enum Diagnostics {
  static func error(_ message: String) {
    writeAll("pipeline: error: \(message)\n".utf8, to: STDERR_FILENO)
  }

  static func warning(_ message: String) {
    writeAll("pipeline: warning: \(message)\n".utf8, to: STDERR_FILENO)
  }

  static func note(_ message: String) {
    writeAll("pipeline: \(message)\n".utf8, to: STDERR_FILENO)
  }
}
