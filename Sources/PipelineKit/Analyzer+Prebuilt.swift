import DefaultLexicons
import Entities
import Prebuilt
import Stance
import Tokenize

extension Analyzer {
  /// Which of the tables pre-built at build time (`DefaultLexicons.prebuiltTables`) stand for a
  /// run's files, all with the settings they were built with: the gazetteer's for the first
  /// gazetteer files when they are the defaults (and no compiled gazetteer stands for them),
  /// the others when all the files of their kind are the defaults.
  struct DefaultTables {
    private let tables: PrebuiltTables?
    let usesGazetteer: Bool
    let usesLexicon: Bool
    let usesModifiers: Bool
    let usesRules: Bool

    init(
      sources: LexiconSources, settings: KeySettings, phraseAttribute: PhraseAttribute
    ) {
      guard let bytes = DefaultLexicons.prebuiltTables,
        let tables = try? PrebuiltTables(bytes: bytes), tables.settings == settings
      else {
        (self.tables, usesGazetteer, usesLexicon, usesModifiers, usesRules) = (
          nil, false, false, false, false
        )
        return
      }
      func standFor(_ kind: LexiconLayout.Kind, _ files: some Collection<LexiconSources.File>)
        -> Bool
      {
        tables.standsFor(
          kind, files: files.map { SourceFile(path: $0.path, bytes: $0.bytes) },
          settings: settings)
      }
      let defaults = tables.sources[.gazetteer] ?? []
      // The tables were built with spaCy patterns compared by ORTH.
      usesGazetteer =
        sources.compiledGazetteer == nil && sources.gazetteer.count >= defaults.count
        && defaults.allSatisfy {
          !$0.path.hasSuffix(".jsonl")
            || (sources.phraseAttributes[$0.path] ?? phraseAttribute) == .orth
        }
        && standFor(.gazetteer, sources.gazetteer.prefix(defaults.count))
      usesLexicon = standFor(.lexicon, sources.lexicon)
      usesModifiers = standFor(.modifiers, sources.modifiers)
      usesRules = standFor(.clauses, sources.clauses) && standFor(.references, sources.references)
      self.tables = tables
    }

    /// How many of the run's gazetteer files the pre-built gazetteer stands for.
    var gazetteerFiles: Int { usesGazetteer ? tables?.sources[.gazetteer]?.count ?? 0 : 0 }

    /// The pre-built gazetteer, or nil when it does not stand for the run's files.
    func gazetteer() throws(PipelineError) -> Gazetteer? {
      try table(usesGazetteer, PipelineError.tokenize) { tables throws(TokenizeError) in
        try tables.gazetteer()
      }
    }

    /// The pre-built lexicon, or nil when it does not stand for the run's files.
    func lexicon() throws(StanceError) -> Lexicon? {
      try table(usesLexicon, StanceError.tokenize) { tables throws(TokenizeError) in
        try tables.lexicon()
      }
    }

    /// The pre-built modifiers, or nil when they do not stand for the run's files.
    func modifiers() throws(StanceError) -> Modifiers? {
      try table(usesModifiers, StanceError.tokenize) { tables throws(TokenizeError) in
        try tables.modifiers()
      }
    }

    /// The pre-built attribution rules, or nil when they do not stand for the run's files.
    func rules() throws(StanceError) -> AttributionRules? {
      try table(usesRules, StanceError.tokenize) { tables throws(TokenizeError) in
        try tables.rules()
      }
    }

    /// One pre-built table when `used`, its decoding error wrapped as the caller's module's.
    private func table<Table, Failure: Error>(
      _ used: Bool, _ wrap: (TokenizeError) -> Failure,
      _ decode: (PrebuiltTables) throws(TokenizeError) -> Table
    ) throws(Failure) -> Table? {
      guard used, let tables else { return nil }
      do { return try decode(tables) } catch { throw wrap(error) }
    }
  }
}
