import DefaultLexicons
import Entities
import Prebuilt
import Stance
import Tokenize

/// One document analysed: its tokens, entity mentions and stance, and the analyzer whose
/// tables its indices point into, so that a renderer needs this one value.
public struct Analysis: Sendable {
  public let doc: TokenizedText
  public let mentions: [EntityMention]
  public let stance: StanceAnalysis
  /// The gazetteer, lexicon and scorer that `EntityMention.entity` and `Hit.entry` index.
  public let analyzer: Analyzer
  /// The windows the text was analysed in (`Analyzer.analyze(_:session:language:windowBytes:)`):
  /// 1 for a whole text. Past 1, `doc` holds the text only, no tokens or sentences.
  public var windows = 1

  /// Entities mentioned, in order of their first mention.
  ///
  /// - Complexity: O(*m* log *m*) for *m* mentions (one sort of (entity, mention) pairs; a `Set`
  ///   of entities hashed every mention, about 20,000 instructions a document of the benchmark
  ///   corpus).
  public var entitiesInOrder: [Int] {
    EntityGroups(mentions.lazy.map(\.entity)).inOrderOfFirstItem
  }

  /// The gazetteer entity behind an entity index of this analysis.
  public func entity(_ index: Int) -> Entity { analyzer.gazetteer.entities[index] }

  /// The lexicon entry a hit matched.
  public func entry(of hit: Hit) -> LexiconEntry { analyzer.scorer.lexicon.entries[hit.entry] }

  /// The score of a mentioned entity on one dimension: zero hits where the lexicon set has no
  /// such dimension (a dimension of another lexicon set, as in `diff` and `eval`).
  public func score(of entity: Int, on dimension: String) -> StanceScore {
    stance.scores(for: entity)[dimension]
      ?? StanceScore(raw: 0, hits: 0, thresholds: analyzer.scorer.thresholds)
  }
}

/// The three stages chained: tokenize → mentions(in:) → score. Immutable and `Sendable`; each
/// thread passes its own `TokenizeSession`.
public struct Analyzer: Sendable {
  public var tokenizer: Tokenizer { stages.tokenizer }
  public var gazetteer: Gazetteer { stages.gazetteer }
  public var scorer: StanceScorer { stages.scorer }
  /// Entity index → type, for coreference.
  var entityTypes: [String] { stages.entityTypes }
  /// Entity index → its titles' keys (`title` lines), for role nouns.
  var entityTitles: [[String]] { stages.entityTitles }
  /// Entity index → the indices of the entities it belongs to (`affiliation` lines whose id a
  /// gazetteer defines), for role nouns.
  var entityAffiliations: [[Int]] { stages.entityAffiliations }

  /// The stages and their tables in one shared object, so that a copy of the analyzer is one
  /// reference: every `Analysis` keeps the analyzer that made it, and a copy of the stages
  /// themselves retained 75 of their tables as a document's analysis was made and released
  /// them as it was freed, on every worker thread at once (atomic counts shared by the cores).
  private final class Stages: Sendable {
    let tokenizer: Tokenizer
    let gazetteer: Gazetteer
    let scorer: StanceScorer
    let entityTypes: [String]
    let entityTitles: [[String]]
    let entityDemonyms: DemonymIndex
    let entityAffiliations: [[Int]]

    init(tokenizer: Tokenizer, gazetteer: Gazetteer, scorer: StanceScorer) {
      self.tokenizer = tokenizer
      self.gazetteer = gazetteer
      self.scorer = scorer
      self.entityTypes = gazetteer.entities.map(\.type)
      self.entityTitles = gazetteer.entities.map(\.titles)
      self.entityDemonyms = DemonymIndex(gazetteer.entities.map(\.demonyms))
      self.entityAffiliations = gazetteer.affiliationIndices
    }
  }

  private let stages: Stages

  public init(tokenizer: Tokenizer, gazetteer: Gazetteer, scorer: StanceScorer) {
    stages = Stages(tokenizer: tokenizer, gazetteer: gazetteer, scorer: scorer)
  }

  /// Loads every word list. Throws `FILE:LINE: message` errors for the first malformed line.
  /// spaCy string patterns compare by `phraseAttribute` unless `sources.phraseAttributes` names
  /// their file. Gazetteer warnings (`Gazetteer.warnings`) are errors when `strict`.
  public init(
    sources: LexiconSources, policies: AttributionPolicies = AttributionPolicies(),
    thresholds: Thresholds = Thresholds(), coreference: Bool = true,
    cyrillicLanguage: String = "ru",
    phraseAttribute: PhraseAttribute = .orth, strict: Bool = false
  ) throws(PipelineError) {
    let abbreviations = try sources.checkedAbbreviationWords()
    var tokenizer = Tokenizer(abbreviations: abbreviations)
      .with(knownTransliterations: DefaultLexicons.transliterations)
    tokenizer.cyrillicLanguage = cyrillicLanguage
    // The default tables pre-built at build time, for the files they stand for
    // (`DefaultTables`).
    let prebuilt = DefaultTables(
      sources: sources,
      settings: KeySettings(
        cyrillicLanguage: cyrillicLanguage, abbreviations: abbreviations,
        transliterationsFingerprint: DefaultLexicons.transliterationsFingerprint),
      phraseAttribute: phraseAttribute)
    // A compiled gazetteer (the defaults and its sources, checked current by
    // `LexiconSources.useCompiled`) or the pre-built one is read back; the files after it
    // load on top.
    var gazetteer = Gazetteer()
    if let compiled = sources.compiledGazetteer {
      gazetteer = try compiled.gazetteer()
    } else if let tables = try prebuilt.gazetteer() {
      gazetteer = tables
    }
    if strict, let warning = gazetteer.warnings.first { throw .gazetteer(warning) }
    do {
      try gazetteer.load(
        files: Array(sources.gazetteer.dropFirst(prebuilt.gazetteerFiles)), tokenizer: tokenizer,
        phraseAttribute: phraseAttribute, phraseAttributes: sources.phraseAttributes,
        strict: strict)
    } catch {
      throw .gazetteer(error)
    }
    var lexicon: Lexicon
    var modifiers: Modifiers
    var rules: AttributionRules
    do {
      if let tables = try prebuilt.lexicon() {
        lexicon = tables
      } else {
        lexicon = try Lexicon(files: sources.lexicon, tokenizer: tokenizer)
      }
      if let tables = try prebuilt.modifiers() {
        modifiers = tables
      } else {
        modifiers = try Modifiers(files: sources.modifiers, tokenizer: tokenizer)
      }
      if let tables = try prebuilt.rules() {
        rules = tables
      } else {
        rules = try AttributionRules(
          clauses: sources.clauses, references: sources.references, tokenizer: tokenizer)
      }
    } catch {
      throw .lexicon(error)
    }
    // Every key a table holds gets an id, which the tokenizer gives each token: the tables
    // then read a slot per token instead of hashing its key.
    // The gazetteer's keys last: the rule tables' slots then end before them. The lexicon's
    // wildcard words are numbered too, so that a token carries the longest one its key starts
    // with and term matching probes no wildcard per token.
    let vocabulary = Vocabulary(
      lexicon.vocabularyKeys + modifiers.vocabularyKeys + rules.vocabularyKeys
        + gazetteer.vocabularyKeys, prefixes: lexicon.vocabularyPrefixes)
    gazetteer.bind(to: vocabulary)
    lexicon.bind(to: vocabulary)
    modifiers.bind(to: vocabulary)
    rules.bind(to: vocabulary)
    // Texts get the stem and transliteration keys the gazetteer's aliases need.
    self.init(
      tokenizer: tokenizer.with(variants: gazetteer.keyVariants).with(vocabulary: vocabulary),
      gazetteer: gazetteer,
      scorer: StanceScorer(
        lexicon: lexicon, modifiers: modifiers, rules: rules, policies: policies,
        thresholds: thresholds, coreference: coreference, vocabulary: vocabulary))
  }

  /// Tokenizes and analyzes one text. `pipeline run` and every analyst command go through here.
  /// `language` is the document's language (ISO 639) for words whose script does not decide it.
  public func analyze(
    _ text: String, session: TokenizeSession, language: String? = nil
  ) throws(TokenizeError) -> Analysis {
    analyze(tokenized: try session.tokenize(text, language: language))
  }

  /// Analyzes an already tokenized text (to compare lexicon sets over one tokenization).
  /// `carried`: what a window of a longer text is told about the text before it.
  public func analyze(tokenized doc: TokenizedText, carried: Carried = Carried()) -> Analysis {
    let mentions = gazetteer.mentions(in: doc)
    return Analysis(
      doc: doc, mentions: mentions,
      stance: scorer.score(
        doc, mentions: mentions, types: entityTypes, titles: entityTitles,
        demonyms: stages.entityDemonyms, affiliations: entityAffiliations,
        carried: carried),
      analyzer: self)
  }
}
