import Entities
import JSON
import Stance
import Tokenize

/// Checks gazetteers, stance lexicons, modifiers and abbreviations the way a compiler checks
/// source: every line is read (the loaders stop at the first error; lint does not), each
/// problem becomes a `Diagnostic`, and problems between lines (duplicates, conflicts, aliases
/// claimed twice) are found across all the files linted together.
///
/// Lines are parsed by the loaders' own code (`Lexicon.entry(fields:format:at:)`,
/// `Lexicon.add`, `Gazetteer.add`, `Modifiers.add(fields:at:session:)`), so lint accepts
/// exactly what a run loads.
///
/// ```swift
/// let linter = Linter(tokenizer: Tokenizer())
/// let diagnostics = try linter.lint(LintFile.files(of: .embedded()))
/// diagnostics.errorCount  // 0
/// ```
public struct Linter: Sendable {
  public let tokenizer: Tokenizer
  /// The dimensions stance entries may use. When nil, a dimension used by a single entry while
  /// its file uses others is reported as a probable typo (a warning).
  public let dimensions: Set<String>?
  /// Entity types of the gazetteer format; others are warned about.
  public static let entityTypes = ["ORG", "PERSON", "MEDIA", "GPE", "FACILITY", "PRODUCT"]
  /// A wildcard needs at least this many letters before `*`.
  public static let minimumWildcardPrefix = 3

  /// How string patterns of spaCy files compare (`--phrase-attr`), unless `phraseAttributes`
  /// names the file (the spaCy `cfg` beside it).
  public let phraseAttribute: PhraseAttribute
  public let phraseAttributes: [String: PhraseAttribute]

  public init(
    tokenizer: Tokenizer, dimensions: Set<String>? = nil, phraseAttribute: PhraseAttribute = .orth,
    phraseAttributes: [String: PhraseAttribute] = [:]
  ) {
    self.tokenizer = tokenizer
    self.dimensions = dimensions
    self.phraseAttribute = phraseAttribute
    self.phraseAttributes = phraseAttributes
  }

  /// Lints the files together, in order, and returns every diagnostic sorted by file, line and
  /// column.
  public func lint(_ files: [LintFile]) throws(TokenizeError) -> [Diagnostic] {
    var state = LintState(session: try tokenizer.makeSession(), linter: self)
    for file in files {
      if file.kind == .gazetteer && !file.path.hasSuffix(".jsonl") {
        state.readDirectives(file)
      }
      for line in LexiconLine.lines(of: file.bytes) {
        guard let text = line.text else {
          let column = invalidUTF8Column(in: file.bytes, line: line.number) ?? 1
          state.report(
            Diagnostic(
              .error, .invalidUTF8, file: file.path, line: line.number, column: column,
              message: "expected UTF-8 text, found an invalid byte"))
          continue
        }
        let lintLine = LintLine(path: file.path, number: line.number, text: text)
        switch file.kind {
        case .gazetteer:
          if file.path.hasSuffix(".jsonl") {
            state.lintPatternLine(lintLine)
          } else {
            state.lintGazetteerLine(lintLine)
          }
        case .lexicon: state.lintLexiconLine(lintLine, format: LexiconFormat(path: file.path))
        case .modifiers: state.lintModifiersLine(lintLine)
        case .clauses: state.lintClausesLine(lintLine)
        case .references: state.lintReferencesLine(lintLine)
        case .abbreviations: break
        }
      }
    }
    state.lintDimensions()
    state.lintAffiliations()
    return state.diagnostics.sortedByLocation()
  }
}

/// What lint has seen so far across the files, and what it found.
private struct LintState {
  let session: TokenizeSession
  let linter: Linter
  var diagnostics: [Diagnostic] = []
  var gazetteer = Gazetteer()
  /// The `#!` directives of the gazetteer file being linted.
  var defaults = GazetteerDefaults()
  var lexicon = Lexicon()
  var modifiers = Modifiers()
  var attributionRules = AttributionRules()
  /// First definition of each (marker kind, key).
  var firstMarker: [String: SourceLocation] = [:]
  /// First entry for each (dimension, keys, wildcard).
  var firstEntry: [EntryKey: (weight: Double, location: SourceLocation)] = [:]
  /// First definition of each modifier key.
  var firstModifier: [String: (kind: Modifiers.Kind, location: SourceLocation)] = [:]
  /// For each dimension, the places that use it (file, line, column of the dimension).
  var dimensionUses: [String: [(line: LintLine, column: Int)]] = [:]

  /// The first alias loaded for each (keys, mode, surfaces for `exact`): a duplicate's
  /// message names it without a scan over every alias.
  var firstAliases: [AliasKey: SourceLocation] = [:]

  struct AliasKey: Hashable {
    var keys: [String]
    var mode: MatchMode
    var surfaces: [String]

    init(keys: [String], surfaces: [String], mode: MatchMode) {
      self.keys = keys
      self.mode = mode
      self.surfaces = mode == .fold ? [] : surfaces
    }
  }

  struct EntryKey: Hashable {
    var dimension: String
    var keys: [String]
    var isPrefix: Bool
  }

  init(session: TokenizeSession, linter: Linter) {
    self.session = session
    self.linter = linter
  }

  mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  // MARK: - Stance lexicons

  mutating func lintLexiconLine(_ line: LintLine, format: LexiconFormat) {
    if format == .tsv {
      do {
        if try Lexicon.declaration(fields: line.fields, at: line.location) != nil { return }
      } catch {
        report(diagnostic(for: error, on: line, fieldCounts: 2...3, termField: 0))
        return
      }
    }
    let entry: LexiconLineEntry
    do { entry = try Lexicon.entry(fields: line.fields, format: format, at: line.location) } catch {
      report(diagnostic(for: error, on: line, fieldCounts: format.fieldCounts, termField: 0))
      return
    }
    do {
      try lexicon.add(
        term: entry.term, weight: entry.weight, dimension: entry.dimension,
        location: line.location, wildcards: entry.wildcards, tokenizer: session)
    } catch {
      report(diagnostic(for: error, on: line, fieldCounts: format.fieldCounts, termField: 0))
      return
    }
    let added = lexicon.entries[lexicon.entries.count - 1]
    let term = "'\(entry.term)'"
    let key = EntryKey(dimension: entry.dimension, keys: added.keys, isPrefix: added.isPrefix)
    if let first = firstEntry[key] {
      if first.weight == entry.weight {
        report(
          line.diagnostic(
            .warning, .duplicateEntry, column: line.column(ofField: 0),
            "duplicate entry \(term) (dimension '\(entry.dimension)'): same weight as \(first.location), which is used"
          ))
      } else {
        report(
          line.diagnostic(
            .error, .conflictingWeight, column: line.column(ofField: 1),
            "conflicting weights for \(term) (dimension '\(entry.dimension)'): \(formatNumber(entry.weight)) here, \(formatNumber(first.weight)) at \(first.location), which is used"
          ))
      }
    } else {
      firstEntry[key] = (entry.weight, line.location)
    }
    let neverMatches = lintTokenization(
      entry.term, kind: "term", on: line, field: 0, wildcard: added.isPrefix)
    if added.isPrefix && !neverMatches {
      let prefix = added.keys[added.keys.count - 1]
      let letters = prefix.count { $0.isLetter }
      if letters < Linter.minimumWildcardPrefix {
        report(
          line.diagnostic(
            .warning, .shortWildcard, column: line.column(ofField: 0),
            "wildcard \(term) has \(letters) letter\(letters == 1 ? "" : "s") before '*': it matches every word starting with '\(prefix)'; expected at least \(Linter.minimumWildcardPrefix)"
          ))
      }
    }
    let dimensionColumn =
      format == .tsv && line.fields.count == 3 ? line.column(ofField: 2) : line.endColumn
    dimensionUses[entry.dimension, default: []].append((line, dimensionColumn))
  }

  /// Dimensions: when declared, any other is an error; without, a dimension used by one
  /// entry only, in a file whose other entries use another dimension, is a probable typo.
  mutating func lintDimensions() {
    for (dimension, uses) in dimensionUses.sorted(by: { $0.key < $1.key }) {
      if let known = linter.dimensions {
        guard !known.contains(dimension) else { continue }
        let expected = known.sorted().map { "'\($0)'" }.joined(separator: ", ")
        for use in uses {
          report(
            use.line.diagnostic(
              .error, .unknownDimension, column: use.column,
              "expected one of the declared dimensions (\(expected)), found '\(dimension)'")
          )
        }
        continue
      }
      guard uses.count == 1, let use = uses.first else { continue }
      let others = dimensionUses.filter { other in
        other.key != dimension && other.value.count { $0.line.path == use.line.path } > 1
      }.map(\.key).sorted()
      guard !others.isEmpty else { continue }
      report(
        use.line.diagnostic(
          .warning, .unknownDimension, column: use.column,
          "dimension '\(dimension)' is used by no other entry; the other entries of this file use \(others.map { "'\($0)'" }.joined(separator: ", ")) (a typo? if not, declare it among the dimensions)"
        ))
    }
  }

  // MARK: - Gazetteers

  /// An `affiliation` naming an entity no linted gazetteer defines refers to nothing: a
  /// warning (the gazetteer that defines it may be loaded with these only at run time).
  mutating func lintAffiliations() {
    for entity in gazetteer.entities {
      for affiliation in entity.affiliations where gazetteer.entity(id: affiliation.entity) == nil {
        report(
          Diagnostic(
            .warning, .unknownAffiliation, file: affiliation.location.file,
            line: affiliation.location.line,
            column: entity.id.count + entity.type.count + 3,
            message:
              "affiliation '\(affiliation.entity)' of entity '\(entity.id)' is no entity of the gazetteers; this line refers to nothing"
          ))
      }
    }
  }

  /// A gazetteer file's `#!` directives, for its lines (an unknown one is an error).
  mutating func readDirectives(_ file: LintFile) {
    defaults = GazetteerDefaults()
    for line in LexiconLine.directives(of: file.bytes) {
      let at = SourceLocation(file: file.path, line: line.number)
      do { try defaults.apply(line.text ?? "", at: at) } catch {
        report(
          Diagnostic(
            .error, .invalidDirective, file: file.path, line: at.line, column: 1,
            message: error.message))
      }
    }
  }

  mutating func lintGazetteerLine(_ line: LintLine) {
    let fields = line.fields
    let at = line.location
    let entry: GazetteerEntry
    do { entry = try Gazetteer.entry(fields: fields, at: at, defaults: defaults) } catch {
      let column: Int
      let code: Diagnostic.Code
      switch error {
      case .fieldCount: (code, column) = (.fieldCount, line.column(ofField: min(fields.count, 4)))
      case .invalidEntityID: (code, column) = (.invalidEntityID, line.column(ofField: 0))
      case .emptyField:
        (code, column) = (.emptyField, line.column(ofField: fields[1].isEmpty ? 1 : 2))
      default: (code, column) = (.unknownMatchMode, line.column(ofField: 3))
      }
      report(line.diagnostic(.error, code, column: column, error.message))
      return
    }
    addAlias(
      entry, on: line, typeColumn: line.column(ofField: 1), aliasColumn: line.column(ofField: 2))
  }

  /// A spaCy EntityRuler line, parsed by the gazetteer loader's own entry point, then added to
  /// the gazetteer being checked.
  mutating func lintPatternLine(_ line: LintLine) {
    let entries: [GazetteerEntry]
    do {
      entries = try Gazetteer.entries(
        pattern: line.text, at: line.location,
        phraseAttribute: linter.phraseAttributes[line.path] ?? linter.phraseAttribute)
    } catch {
      report(entitiesDiagnostic(error, on: line, typeColumn: 1, aliasColumn: 1))
      return
    }
    for (index, entry) in entries.enumerated() {
      addAlias(entry, on: line, typeColumn: 1, aliasColumn: 1, checksType: index == 0)
    }
  }

  private mutating func addAlias(
    _ entry: GazetteerEntry, on line: LintLine, typeColumn: Int, aliasColumn: Int,
    checksType: Bool = true
  ) {
    let (id, type, text, options) = (entry.entity, entry.type, entry.alias, entry.options)
    let mode = options.mode
    if checksType && !Linter.entityTypes.contains(type) {
      report(
        line.diagnostic(
          .warning, .unknownEntityType, column: typeColumn,
          "expected an entity type (\(Linter.entityTypes.joined(separator: ", "))), found '\(type)'"
        ))
    }
    let aliasCount = gazetteer.aliases.count
    let shadowedCount = gazetteer.shadowedAliases.count
    let collisionCount = gazetteer.collisions.count
    do {
      try gazetteer.add(entry, at: line.location, tokenizer: session)
    } catch {
      report(entitiesDiagnostic(error, on: line, typeColumn: typeColumn, aliasColumn: aliasColumn))
      return
    }
    // A title, a demonym or an affiliation is no alias: nothing of an alias to check.
    if options.title || options.demonym || options.affiliation { return }
    if gazetteer.aliases.count > aliasCount, let added = gazetteer.aliases.last {
      let key = AliasKey(keys: added.keys, surfaces: added.surfaces, mode: added.mode)
      if firstAliases[key] == nil { firstAliases[key] = added.location }
    }
    if gazetteer.shadowedAliases.count > shadowedCount,
      let shadowed = gazetteer.shadowedAliases.last
    {
      let owner = gazetteer.entities[shadowed.claimedBy].id
      let earlier =
        firstAlias(keys: shadowed.alias.keys, surfaces: shadowed.alias.surfaces, mode: mode)
        .map { " at \($0)" } ?? ""
      report(
        line.diagnostic(
          .error, .aliasClaimedTwice, column: aliasColumn,
          "alias '\(text)' of entity '\(id)' is already an alias of entity '\(owner)'\(earlier); this line is ignored"
        ))
    } else if gazetteer.aliases.count == aliasCount {
      let tokens = tokenized(text)
      let earlier =
        firstAlias(keys: tokens.keys, surfaces: tokens.surfaces, mode: mode)
        .map { " at \($0)" } ?? ""
      report(
        line.diagnostic(
          .warning, .duplicateAlias, column: aliasColumn,
          "duplicate alias '\(text)' of entity '\(id)': it repeats the alias\(earlier)"))
    }
    for collision in gazetteer.collisions[collisionCount...] {
      let other = gazetteer.aliases[collision.other]
      let how = collision.via == "translit" ? "transliteration" : "stemming (\(collision.via))"
      report(
        line.diagnostic(
          .warning, .aliasCollision, column: aliasColumn,
          "alias '\(text)' of entity '\(id)' and alias '\(other.text)' of entity '\(gazetteer.entities[other.entity].id)' at \(other.location) are the same after \(how) \(quoted(collision.keys)); such text is a mention of '\(gazetteer.entities[collision.winner].id)' only"
        ))
    }
    if entry.slots.isEmpty {
      lintTokenization(text, kind: "alias", on: line, field: nil, column: aliasColumn)
    }
  }

  /// Where the alias with the same keys (and surfaces, for `exact`) was first loaded.
  private func firstAlias(keys: [String], surfaces: [String], mode: MatchMode) -> SourceLocation? {
    firstAliases[AliasKey(keys: keys, surfaces: surfaces, mode: mode)]
      ?? firstAliases[AliasKey(keys: keys, surfaces: [], mode: .fold)]
  }

  private func entitiesDiagnostic(
    _ error: EntitiesError, on line: LintLine, typeColumn: Int, aliasColumn: Int
  ) -> Diagnostic {
    switch error {
    case .typeConflict:
      return line.diagnostic(.error, .typeConflict, column: typeColumn, error.message)
    case .aliasHasNoTokens:
      return line.diagnostic(.error, .noTokens, column: aliasColumn, error.message)
    case .aliasTooLong:
      return line.diagnostic(.error, .tooLong, column: aliasColumn, error.message)
    case .invalidPattern(_, .unsupported):
      return line.diagnostic(.warning, .unsupportedPattern, column: 1, error.message)
    case .invalidPattern:
      return line.diagnostic(.error, .invalidPattern, column: 1, error.message)
    case .invalidEntityID:
      return line.diagnostic(.error, .invalidEntityID, column: 1, error.message)
    case .notAHandle:
      return line.diagnostic(.error, .notAHandle, column: aliasColumn, error.message)
    case .titleNotOneWord, .titleBeforeName:
      return line.diagnostic(.error, .invalidTitle, column: aliasColumn, error.message)
    case .affiliationNotAnID, .affiliationBeforeName:
      return line.diagnostic(.error, .invalidAffiliation, column: aliasColumn, error.message)
    case .unknownStemLanguage:
      let column = line.fields.count == 4 ? line.column(ofField: 3) : 1
      return line.diagnostic(.error, .unknownMatchMode, column: column, error.message)
    default:
      return line.diagnostic(.error, .invalidPattern, column: 1, error.message)
    }
  }

  // MARK: - Modifiers

  /// A clause-markers line, read by the loader's own `addMarker`; a word listed twice with
  /// the same kind is a warning.
  mutating func lintClausesLine(_ line: LintLine) {
    let key: String
    do {
      key = try attributionRules.addMarker(fields: line.fields, at: line.location, session: session)
    } catch {
      report(diagnostic(for: error, on: line, fieldCounts: 2...2, termField: 1))
      return
    }
    let seen = "\(line.fields[0])\t\(key)"
    if let first = firstMarker[seen] {
      report(
        line.diagnostic(
          .warning, .duplicateModifier, column: line.column(ofField: 1),
          "duplicate \(line.fields[0]) '\(line.fields[1])': the same as \(first)"))
    } else {
      firstMarker[seen] = line.location
    }
  }

  /// A references line, read by the loader's own `addReference`; a word defined twice is an
  /// error when the definitions differ (the first is used), a warning otherwise.
  mutating func lintReferencesLine(_ line: LintLine) {
    let earlier = attributionRules.references
    let key: String
    do {
      key = try attributionRules.addReference(
        fields: line.fields, at: line.location, session: session)
    } catch {
      report(diagnostic(for: error, on: line, fieldCounts: 2...4, termField: 1))
      return
    }
    guard let first = earlier[key] else { return }
    let same =
      first.kind.rawValue == line.fields[0]
      && first.types
        == (line.fields.count >= 3
          ? line.fields[2].split(separator: ",").map { String($0.trimmingSpaces()) } : [])
    report(
      line.diagnostic(
        same ? .warning : .error, same ? .duplicateModifier : .conflictingModifier,
        column: line.column(ofField: 1),
        same
          ? "duplicate \(first.kind.rawValue) '\(line.fields[1])': the same as \(first.location)"
          : "'\(line.fields[1])' is defined differently at \(first.location), which is used"))
  }

  mutating func lintModifiersLine(_ line: LintLine) {
    let added: (key: String, kind: Modifiers.Kind)?
    do { added = try modifiers.add(fields: line.fields, at: line.location, session: session) } catch
    {
      report(diagnostic(for: error, on: line, fieldCounts: 2...3, termField: 1))
      return
    }
    guard let added else { return }
    if let first = firstModifier[added.key] {
      if first.kind == added.kind {
        report(
          line.diagnostic(
            .warning, .duplicateModifier, column: line.column(ofField: 1),
            "duplicate \(added.kind.rawValue) '\(line.fields[1])': the same as \(first.location)"))
      } else {
        report(
          line.diagnostic(
            .error, .conflictingModifier, column: line.column(ofField: 0),
            "'\(line.fields[1])' is a \(added.kind.rawValue) here and a \(first.kind.rawValue) at \(first.location), which is used"
          ))
      }
    } else {
      firstModifier[added.key] = (added.kind, line.location)
    }
  }

  // MARK: - Tokenization

  /// Terms and aliases that the tokenizer splits differently than they are written:
  /// - one that spans a sentence break can never match (matches stay within a sentence);
  /// - a wildcard whose prefix tokenizes one way alone and another way followed by letters
  ///   (`o'*`: alone `o` `'`, but `o'brien` is one token) can never match as written;
  /// - a word that becomes several word or number tokens (`pull-out`, `russia's`) matches only
  ///   text written exactly so, and modifier windows count each token.
  /// Returns whether it reported that the entry can never match.
  @discardableResult
  mutating func lintTokenization(
    _ written: String, kind: String, on line: LintLine, field: Int?, column: Int? = nil,
    wildcard isWildcard: Bool = false
  ) -> Bool {
    let column = column ?? line.column(ofField: field ?? 0)
    let body = isWildcard ? String(written.dropLast()) : written
    guard let whole = try? session.tokenize(body), !whole.tokens.isEmpty else { return false }
    if whole.sentences.count > 1 {
      let parts = whole.sentences.map { "'\(whole.surface(tokens: $0.tokens))'" }.joined(
        separator: " | ")
      report(
        line.diagnostic(
          .warning, .neverMatches, column: column,
          "\(kind) '\(written)' can never match: the tokenizer puts a sentence break inside it (\(parts)), and matches stay within a sentence"
        ))
      return true
    }
    if isWildcard, let extended = try? session.tokenize(body + "a") {
      let alone = whole.tokens.map(\.key)
      let followed = extended.tokens.map(\.key)
      let consistent =
        followed.count == alone.count && followed.dropLast() == alone.dropLast()
        && followed.last!.hasPrefix(alone.last!)
      if !consistent {
        report(
          line.diagnostic(
            .warning, .neverMatches, column: column,
            "wildcard '\(written)' can never match as written: '\(body)' tokenizes as \(quoted(alone)), but followed by letters ('\(body)a') as \(quoted(followed))"
          ))
        return true
      }
    }
    for word in body.split(separator: " ") {
      guard let tokens = try? session.tokenize(String(word)) else { continue }
      // A possessive or negation clitic split off ('s, n't) is tokenized the same in text.
      let content = tokens.tokens.filter {
        ($0.kind == .word || $0.kind == .number) && !$0.key.hasPrefix("'") && $0.key != "n't"
      }
      guard content.count > 1 else { continue }
      report(
        line.diagnostic(
          .warning, .splitWord, column: column,
          "\(kind) '\(written)': the word '\(word)' becomes \(tokens.tokens.count) tokens \(quoted(tokens.tokens.map(\.key))); it matches only text written the same way, and modifier windows count each token"
        ))
    }
    return false
  }

  private func tokenized(_ text: String) -> (keys: [String], surfaces: [String]) {
    guard let doc = try? session.tokenize(text) else { return ([], []) }
    return (doc.tokens.map(\.key), doc.tokens.map { doc.surface(of: $0) })
  }

  // MARK: - Loader errors

  /// A loader error as a diagnostic pointing at the field it is about.
  private func diagnostic(
    for error: StanceError, on line: LintLine, fieldCounts: ClosedRange<Int>, termField: Int
  ) -> Diagnostic {
    let text = error.message
    switch error {
    case .fieldCount(_, _, let found):
      let column =
        found > fieldCounts.upperBound
        ? line.column(ofField: fieldCounts.upperBound) : line.endColumn
      return line.diagnostic(.error, .fieldCount, column: column, text)
    case .emptyField:
      let index = line.fields.firstIndex(of: "") ?? termField
      return line.diagnostic(.error, .emptyField, column: line.column(ofField: index), text)
    case .invalidWeight(_, let found):
      return line.diagnostic(
        .error, .invalidWeight, column: line.column(ofValue: found, startingAt: 1), text)
    case .weightOutOfRange:
      return line.diagnostic(
        .error, .weightOutOfRange, column: line.column(ofField: termField + 1), text)
    case .invalidInteger(_, let found):
      return line.diagnostic(
        .error, .invalidWeight, column: line.column(ofValue: found, startingAt: 1), text)
    case .parameterOutOfRange(_, _, let found), .modifierValueOutOfRange(_, _, let found):
      return line.diagnostic(
        .error, .valueOutOfRange, column: line.column(ofValue: found, startingAt: 2), text)
    case .invalidDimension(_, let found):
      return line.diagnostic(
        .error, .invalidDimension, column: line.column(ofValue: found, startingAt: 1), text)
    case .misplacedWildcard(_, let term):
      let offset =
        term.firstIndex(of: "*").map { term.distance(from: term.startIndex, to: $0) } ?? 0
      return line.diagnostic(
        .error, .misplacedWildcard, column: line.column(ofField: termField, offset: offset), text)
    case .termHasNoTokens:
      return line.diagnostic(.error, .noTokens, column: line.column(ofField: termField), text)
    case .termTooLong:
      return line.diagnostic(.error, .tooLong, column: line.column(ofField: termField), text)
    case .unknownModifierKind:
      return line.diagnostic(.error, .unknownModifierKind, column: line.column(ofField: 0), text)
    case .unknownParameter:
      return line.diagnostic(.error, .unknownParameter, column: line.column(ofField: 1), text)
    case .modifierTokens:
      return line.diagnostic(.error, .modifierTokens, column: line.column(ofField: 1), text)
    case .invalidUTF8:
      return line.diagnostic(.error, .invalidUTF8, column: 1, text)
    case .unknownKind:
      return line.diagnostic(.error, .unknownModifierKind, column: line.column(ofField: 0), text)
    case .invalidSuffix, .invalidTypes, .invalidFlags:
      return line.diagnostic(
        .error, .invalidValue,
        column: line.column(ofField: termField + (error.isTypes ? 1 : error.isFlags ? 2 : 0)),
        text)
    case .invalidDeclaration:
      return line.diagnostic(.error, .invalidPolicy, column: line.column(ofField: 1), text)
    case .invalidPolicy, .tokenize:
      return line.diagnostic(.error, .noTokens, column: 1, text)
    }
  }

  private func quoted(_ keys: [String]) -> String {
    "(" + keys.map { "'\($0)'" }.joined(separator: " ") + ")"
  }
}
