import Tokenize

/// Entities and their aliases, compiled into a phrase matcher over token keys.
///
/// Immutable after loading, so one gazetteer is shared by every thread.
///
/// ```swift
/// let gazetteer = try Gazetteer(files: [("people.tsv", bytes)], tokenizer: tokenizer)
/// let mentions = gazetteer.mentions(in: try tokenizer.tokenize("Dmitry Rogozin’s plan"))
/// ```
public struct Gazetteer: Sendable {
  public internal(set) var entities: [Entity] = []
  public internal(set) var aliases = AliasList()
  /// Aliases whose keys another entity claimed first: ignored for matching, reported by lint.
  public internal(set) var shadowedAliases: [(alias: Alias, claimedBy: Int)] = []
  /// Where a stem or a transliteration of an alias equals another entity's alias (or its stem
  /// or transliteration): the earlier one keeps the phrase. Reported by lint.
  public internal(set) var collisions: [Collision] = []
  // The private state is internal for `Gazetteer+Archive.swift` only.
  /// Entity ids, numbered like `entities`.
  var entityIndex = KeyTable()
  /// Plain keys, handles and hashtags, and the transliterations of `translit` aliases.
  var matcher = PhraseMatcher<AliasForm>() {
    didSet { startMasks = nil }
  }
  /// Per language, the stem phrases of `stem` aliases.
  var stemMatchers: [String: PhraseMatcher<AliasForm>] = [:] {
    didSet { startMasks = nil }
  }
  /// By token id, the matchers with a phrase that starts there, once bound (nil before
  /// `bind(to:)`, and after any change to the matchers since).
  var startMasks: StartMasks?
  /// Per language, every stem of a stem phrase (what the tokenizer looks for).
  var stemSets: [String: StemSet] = [:]
  var hasTranslit = false
  /// Aliases with a token matched by its test alone (`{"IS_DIGIT": true}`): not in the phrase
  /// table, tried token by token at each position.
  var tokenAliases: [Int] = []
  /// What loading reported and went on (`EntitiesError.isWarning`): pattern lines left out,
  /// aliases that never match.
  public internal(set) var warnings: [EntitiesError] = []
  /// Some `translit` alias is also `exact` (its transliteration view then matches case-folded
  /// text its plain phrase refuses, so that view is walked at every token).
  var hasExactTranslit = false

  /// Languages in which names decline in every word, so every token of a `stem` alias may be
  /// inflected («Дмитрием Рогозиным»). In other languages only the last token is ("Dmitri
  /// Rogosins"); the words before it match as written.
  public static let everyWordInflects: Set<String> = ["ru"]

  /// Two entities' aliases that are the same phrase after stemming or transliteration.
  public struct Collision: Sendable {
    /// The later alias (the line lint reports).
    public var alias: Alias
    /// The earlier alias, an index into `aliases`.
    public var other: Int
    /// `stem:LANG` or `translit`.
    public var via: String
    /// The phrase both spell.
    public var keys: [String]
    /// The entity such text is a mention of.
    public var winner: Int
  }

  /// The stem and transliteration keys the tokenizer must compute for this gazetteer.
  public var keyVariants: KeyVariants {
    KeyVariants(stems: stemSets, transliterate: hasTranslit)
  }

  public init() {}

  /// The token keys the gazetteer's phrase tables hold (for the analyzer's `Vocabulary`).
  /// (A key may be listed more than once.)
  public var vocabularyKeys: [String] {
    var keys = matcher.keys
    for language in stemMatchers.keys.sorted() { keys += stemMatchers[language]!.keys }
    return keys
  }

  /// Lets mention finding read the token ids of texts tokenized with `vocabulary`, which must
  /// hold `vocabularyKeys`.
  public mutating func bind(to vocabulary: Vocabulary) {
    matcher.bind(to: vocabulary)
    for language in stemMatchers.keys { stemMatchers[language]!.bind(to: vocabulary) }
    startMasks = StartMasks(matcher, stemMatchers, stamp: vocabulary.stamp)
  }

  /// By id of the bound vocabulary, which matchers a phrase of starts with the id's key: bit 0
  /// the gazetteer's own `matcher`, bit `1 + k` the stem matcher of `languages[k]`. Made once
  /// per gazetteer (a byte per vocabulary id), so that finding where phrases may start in a
  /// text is one load a token, whatever the number of views.
  struct StartMasks: Sendable {
    var stamp: UInt64
    /// The stem matchers' languages, in order of their bits.
    var languages: [String]
    var masks: [UInt8]

    /// Nil when an id does not decide where a matcher's phrases start (a prefix phrase at the
    /// root), or with more than 7 stem languages.
    init?(
      _ matcher: PhraseMatcher<AliasForm>, _ stemMatchers: [String: PhraseMatcher<AliasForm>],
      stamp: UInt64
    ) {
      languages = stemMatchers.keys.sorted()
      guard languages.count < 8 else { return nil }
      var tables: [[Bool]] = []
      for starts in [matcher.starts] + languages.map({ stemMatchers[$0]!.starts }) {
        guard let ids = starts.startingIDs(stamp: stamp) else { return nil }
        tables.append(ids)
      }
      masks = [UInt8](repeating: 0, count: tables.map(\.count).max() ?? 0)
      for (bit, ids) in tables.enumerated() {
        for id in ids.indices where ids[id] { masks[id] |= 1 << UInt8(bit) }
      }
      self.stamp = stamp
    }

    /// The bit of the stem matcher of `language`.
    func bit(of language: String) -> UInt8 {
      languages.firstIndex(of: language).map { 1 << UInt8($0 + 1) } ?? 0
    }
  }

  /// An `affiliation` line: entity `id` belongs to entity `affiliation` (an id, which need not
  /// be defined yet, or at all: `pipeline lint` reports one no gazetteer defines).
  private mutating func addAffiliation(
    _ affiliation: String, of id: String, title: Bool, location: SourceLocation
  ) throws(EntitiesError) {
    guard !affiliation.isEmpty, affiliation.utf8.allSatisfy(Self.isIDByte), !title else {
      throw .affiliationNotAnID(location, found: affiliation)
    }
    guard let number = entity(id: id) else {
      throw .affiliationBeforeName(location, affiliation: affiliation, entity: id)
    }
    if !entities[number].affiliations.contains(where: { $0.entity == affiliation }) {
      entities[number].affiliations.append(Affiliation(entity: affiliation, location: location))
    }
  }

  /// Entity index → the indices of the entities it belongs to (its `affiliation` lines whose id
  /// the gazetteer defines), for role nouns ("the NASA chief").
  public var affiliationIndices: [[Int]] {
    // By index, reading each entity's affiliations in place: a copy of every entity (its
    // strings and arrays retained and released) was most of this with a million of them.
    entities.indices.map { index in
      entities[index].affiliations.isEmpty
        ? [] : entities[index].affiliations.compactMap { self.entity(id: $0.entity) }
    }
  }

  /// Index of the entity with this id.
  public func entity(id: String) -> Int? { entityIndex.number(of: id).map(Int.init) }

  /// The first alias of `entity` with these keys, as written (not a stem or transliteration).
  func alias(keys: [String], of entity: Int) -> Alias? {
    matcher.values(ofPhrase: keys).lazy.map { self.aliases[$0.alias] }
      .first { $0.entity == entity }
  }

  /// Adds one alias, declaring the entity on its first alias. An alias with the same keys as
  /// one of another entity is kept in `shadowedAliases` and does not match.
  public mutating func add(
    entity id: String, type: String, alias text: String, mode: MatchMode,
    location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    try add(
      entity: id, type: type, alias: text, options: MatchOptions(mode: mode), location: location,
      tokenizer: session)
  }

  /// Adds one alias with its match options (see `MatchOptions`).
  public mutating func add(
    entity id: String, type: String, alias text: String, options: MatchOptions,
    location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    try add(
      entity: id, type: type, alias: text, options: options, slots: [], location: location,
      tokenizer: session)
  }

  /// Adds one alias; `slots`, when not empty, are the tokens of a spaCy token pattern (each
  /// word tokenized alone, each of its tokens given the word's test).
  mutating func add(
    entity id: String, type: String, alias text: String, options: MatchOptions,
    slots: [PatternSlot], location: SourceLocation, tokenizer session: TokenizeSession
  ) throws(EntitiesError) {
    if options.affiliation {
      try addAffiliation(text, of: id, title: options.title || options.demonym, location: location)
      return
    }
    let tokenized: TokenizedText
    do { tokenized = try session.tokenize(text, sentences: false) } catch { throw .tokenize(error) }
    var keys = tokenized.tokens.map(\.key)
    var tests: [TokenTest] = []
    if !slots.isEmpty {
      keys = []
      for slot in slots {
        guard let word = slot.word else {
          keys.append("")
          tests.append(slot.test)
          continue
        }
        let doc: TokenizedText
        do { doc = try session.tokenize(word, sentences: false) } catch { throw .tokenize(error) }
        guard !doc.tokens.isEmpty else { throw .aliasHasNoTokens(location, alias: word) }
        for token in doc.tokens {
          var test = slot.test
          if test.surface != nil { test.surface = doc.surface(of: token) }
          keys.append(token.key)
          tests.append(test)
        }
      }
    }
    guard !keys.isEmpty else {
      throw .aliasHasNoTokens(location, alias: text)
    }
    // A title or a demonym is one word of the entity's, no alias.
    let wordOption: String? = options.title ? "title" : options.demonym ? "demonym" : nil
    let wordList: WritableKeyPath<Entity, [String]> = options.title ? \.titles : \.demonyms
    if let wordOption, tokenized.tokens.count != 1 || tokenized.tokens[0].kind != .word {
      throw .titleNotOneWord(location, option: wordOption, title: text)
    }
    guard keys.count <= PhraseMatcher<AliasForm>.maxPhraseTokens else {
      throw .aliasTooLong(location, alias: text, tokens: keys.count)
    }
    let handleForm: AliasForm.Form? = options.handle ? Self.handleForm(of: tokenized) : nil
    if options.handle && handleForm == nil { throw .notAHandle(location, alias: text) }
    let entityNumber: Int
    if let existing = entity(id: id) {
      guard entities[existing].type == type else {
        throw .typeConflict(
          location, entity: id, type: type, earlier: entities[existing].type,
          earlierAt: entities[existing].location)
      }
      entityNumber = existing
    } else {
      // The first line of an entity gives its name, which a title or a demonym is not.
      if let wordOption {
        throw .titleBeforeName(location, option: wordOption, title: text, entity: id)
      }
      entityNumber = entities.count
      entityIndex.insert(id)
      entities.append(Entity(id: id, type: type, name: text, location: location))
    }
    if wordOption != nil {
      if !entities[entityNumber][keyPath: wordList].contains(keys[0]) {
        entities[entityNumber][keyPath: wordList].append(keys[0])
      }
      return
    }
    var options = options
    let language =
      tokenized.tokens.contains { $0.kind == .word && Self.isCyrillic($0.key) }
      ? session.tokenizer.cyrillicLanguage : (options.language ?? "en")
    if options.stem == "" || (options.stem == nil && options.stemLanguages.contains(language)) {
      options.stem = language
    }
    let mode = options.mode
    let alias = Alias(
      entity: entityNumber, text: text, mode: mode, keys: keys,
      surfaces: mode == .exact && slots.isEmpty
        ? tokenized.tokens.map { tokenized.surface(of: $0) } : [],
      location: location, options: options, tests: tests)
    if tests.contains(where: \.anyKey) {
      tokenAliases.append(aliases.count)
      aliases.append(alias)
      return
    }
    // The same keys (and, for exact aliases, the same surfaces) as an earlier alias, or the
    // keys of an earlier `fold` alias (which takes every text this one would match): a repeat.
    let earlier = matcher.values(ofPhrase: alias.keys).first { value in
      let other = aliases[value.alias]
      guard value.form == .plain else { return false }
      if other.mode == .fold && other.tests.isEmpty { return true }
      return other.mode == mode && other.tests == alias.tests
        && (mode == .fold || other.surfaces == alias.surfaces)
    }
    if let earlier {
      if aliases.entity(of: earlier.alias) != entityNumber {
        shadowedAliases.append((alias, aliases.entity(of: earlier.alias)))
      }
      if options.handles { enableHandles(entityNumber) }
      return
    }
    let index = aliases.count
    if let taken = matcher.values(ofPhrase: alias.keys).first(where: { $0.form == .translit }),
      aliases.entity(of: taken.alias) != entityNumber
    {
      collisions.append(
        Collision(
          alias: alias, other: taken.alias, via: "translit", keys: alias.keys, winner: entityNumber)
      )
    }
    matcher.insert(alias.keys, value: AliasForm(alias: index, form: handleForm ?? .plain))
    aliases.append(alias)
    if options.translit && mode == .exact { hasExactTranslit = true }
    if options.translit { try insertTransliteration(of: index, session: session) }
    if let stemLanguage = options.stem {
      try insertStems(of: index, tokens: tokenized.tokens, language: stemLanguage, session: session)
    }
    if entities[entityNumber].handles {
      insertHandles(of: index)
    } else if options.handles {
      enableHandles(entityNumber)
    }
  }

  /// The transliteration phrase of a `translit` alias (Cyrillic `Рогозин` → `rogozin`), unless
  /// it is the alias itself or another entity already has it.
  private mutating func insertTransliteration(
    of index: Int, session: TokenizeSession
  ) throws(EntitiesError) {
    hasTranslit = true
    let alias = aliases[index]
    var keys: [String] = []
    for key in alias.keys {
      do { keys.append(try session.transliterate(key)) } catch { throw .tokenize(error) }
    }
    guard keys != alias.keys else { return }
    if isFree(matcher.values(ofPhrase: keys), for: alias, keys: keys, via: "translit") {
      matcher.insert(keys, value: AliasForm(alias: index, form: .translit))
    }
  }

  /// Whether a phrase with these values is free for `alias`: true when nobody has it; false
  /// when its own entity has it, or another entity does (recorded as a collision).
  private mutating func isFree(
    _ values: [AliasForm], for alias: Alias, keys: [String], via: String
  ) -> Bool {
    if let other = values.first(where: { aliases.entity(of: $0.alias) != alias.entity }) {
      collisions.append(
        Collision(
          alias: alias, other: other.alias, via: via, keys: keys,
          winner: aliases.entity(of: other.alias)))
      return false
    }
    return values.isEmpty
  }

  /// The stem phrase of a `stem` alias: each word's stem in `language` (a word whose stem is
  /// shorter than the tokenizer's minimum stays as written).
  private mutating func insertStems(
    of index: Int, tokens: [Token], language: String, session: TokenizeSession
  ) throws(EntitiesError) {
    let alias = aliases[index]
    var keys: [String] = []
    var stems: [String] = []
    for token in tokens {
      var key = token.key
      if token.kind == .word {
        do {
          if let stem = try Self.aliasStem(token.key, language: language, session: session) {
            key = stem
            stems.append(stem)
          }
        } catch {
          if case .unknownStemLanguage(_, let available) = error {
            throw .unknownStemLanguage(alias.location, found: language, available: available)
          }
          throw .tokenize(error)
        }
      }
      keys.append(key)
    }
    guard !stems.isEmpty else { return }
    let values = stemMatchers[language]?.values(ofPhrase: keys) ?? []
    guard isFree(values, for: alias, keys: keys, via: "stem:\(language)") else { return }
    stemMatchers[language, default: PhraseMatcher()].insert(
      keys, value: AliasForm(alias: index, form: .stem))
    for stem in stems { stemSets[language, default: StemSet()].insert(stem) }
  }

  /// Per language, an ending that inflected forms of a zero-ending noun add (Russian `а`:
  /// Борисов → Борисова). A consonant-final alias word whose form with it stems back to the
  /// word itself is its own stem: Snowball stems «Борисов» to `борис` (as if `-ов` were an
  /// ending) but «Борисова», «Борисову» to `борисов`, so the alias keeps `борисов` (and «Борис»
  /// stays another name).
  static let zeroEndingProbes: [String: (ending: String, vowels: Set<Character>)] = [
    "ru": ("а", Set("аеёиоуыэюяьйъ"))
  ]

  /// The stem an alias word matches by: Snowball's, or the word itself (`zeroEndingProbes`).
  static func aliasStem(
    _ key: String, language: String, session: TokenizeSession
  ) throws(TokenizeError) -> String? {
    let stem = try session.stem(key, language: language)
    if let probe = zeroEndingProbes[language], let last = key.last, !probe.vowels.contains(last),
      stem != key, try session.stem(key + probe.ending, language: language) == key
    {
      return key
    }
    return stem
  }

  private static func isCyrillic(_ key: String) -> Bool {
    key.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
  }

  /// Whether every scalar is alphabetic or numeric. ASCII by bytes: its alphabetic scalars are
  /// the letters, its numeric ones the digits.
  static func isAlphanumeric(_ text: String) -> Bool {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
      }
    }
    return text.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0.properties.numericType != nil
    }
  }

  /// `.handle` for one `@name` token, `.hashtag` for `#` glued to one word; nil otherwise.
  private static func handleForm(of doc: TokenizedText) -> AliasForm.Form? {
    let tokens = doc.tokens
    if tokens.count == 1, tokens[0].key.hasPrefix("@"), tokens[0].key.count > 1 { return .handle }
    if tokens.count == 2, tokens[0].key == "#", tokens[1].kind != .punctuation,
      tokens[0].utf16End == tokens[1].utf16Start
    {
      return .hashtag
    }
    return nil
  }

  /// Marks an entity as matching `@alias` and `#alias`, for its aliases so far and later ones.
  private mutating func enableHandles(_ entity: Int) {
    guard !entities[entity].handles else { return }
    entities[entity].handles = true
    for index in aliases.indices where aliases.entity(of: index) == entity {
      insertHandles(of: index)
    }
  }

  /// The handle (`@joinedwords`) and hashtag (`#`, `joinedwords`) phrases of one alias, unless
  /// another entity already uses them.
  private mutating func insertHandles(of index: Int) {
    let alias = aliases[index]
    guard !alias.options.handle, !alias.keys.contains(where: { $0.hasPrefix("@") || $0 == "#" })
    else { return }
    let joined = alias.keys.joined()
    guard Self.isAlphanumeric(joined) else { return }
    for (keys, form) in [(["@" + joined], AliasForm.Form.handle), (["#", joined], .hashtag)] {
      let taken = matcher.values(ofPhrase: keys).contains {
        aliases.entity(of: $0.alias) != alias.entity
      }
      if !taken { matcher.insert(keys, value: AliasForm(alias: index, form: form)) }
    }
  }

  /// The entity mentions in a text: leftmost-longest over whole tokens, never across a sentence
  /// boundary, no overlaps. `exact` aliases also compare each token's surface. Where the text
  /// has stem or transliteration keys (`TokenizedText.variants`), the stem and transliteration
  /// phrases are tried at each token too, and the longest match wins (at equal length: plain,
  /// then transliteration, then stem).
  ///
  /// - Complexity: O(tokens × longest alias) hash look-ups per view of the text.
  public func mentions(in doc: TokenizedText) -> [EntityMention] {
    var result: [EntityMention] = []
    let tokens = doc.tokens
    let stamp = doc.vocabularyStamp
    let views = self.views(of: doc)
    // Apart from `views`, so the per-token test copies no matcher.
    // Closures, not key paths: `\.matcher.starts` went through `swift_getAtKeyPath` (4,400
    // instructions a document).
    let viewKeys = views.map { $0.keys }
    let starts = views.map { $0.matcher.matcher.starts }
    let longestPlain = matcher.longestPhrase
    // Per token, `plainBit` when a phrase of the gazetteer's matcher may start there and bit v
    // when one of view v may, found before the walks in tight loops, so the walk below skips
    // the many tokens where none may start at one test (with 63 views or more, the loop tests
    // each view).
    let bitPerView = views.count < 63
    let candidates =
      views.isEmpty && tokenAliases.isEmpty ? [] : startBits(views, viewKeys, starts, tokens, stamp)
    // The transliterated tokens, and the first of them at or after the position.
    let transliterated = doc.variants.transliterations.keyedTokens
    var nextTransliterated = 0
    // The token-test aliases, read once a text (a compiled gazetteer's are decoded when read).
    let tokenAliasList = tokenAliases.map { aliases[$0] }
    func append(_ alias: Int, _ range: Range<Int>, sentence index: Int) {
      result.append(
        EntityMention(
          entity: aliases.entity(of: alias), alias: alias, start: tokens[range.lowerBound].start,
          end: tokens[range.upperBound - 1].end, tokens: range, sentence: index))
    }
    for (index, sentence) in doc.sentences.enumerated() {
      if views.isEmpty && tokenAliases.isEmpty {
        let found = matcher.matches(in: tokens, range: sentence.tokens, stamp: stamp) {
          value, range in
          accepts(value, range, doc)
        }
        for match in found { append(Self.alias(of: match), match.tokens, sentence: index) }
        continue
      }
      var position = sentence.tokens.lowerBound
      let limit = sentence.tokens.upperBound
      while position < limit {
        if tokenAliases.isEmpty {
          // Most tokens start nothing: skipped in a tight loop.
          position = candidates.withUnsafeBufferPointer { candidates in
            var next = position
            while next < limit && candidates[next] == 0 { next += 1 }
            return next
          }
          guard position < limit else { break }
        }
        let starting = candidates[position]
        // The longest candidate so far, as (alias, tokens): a trivial value, where an optional
        // `Match` (with its array of values) was destroyed at every token.
        var found: (Int, Range<Int>)?
        if starting & Self.plainBit != 0,
          let match = matcher.longestMatchValue(
            in: tokens, from: position, limit: limit, stamp: stamp,
            accept: { value, range in accepts(value, range, doc) }, preferred: Self.isPlain)
        {
          found = (match.value.alias, match.tokens)
        }
        for v in views.indices where !bitPerView || starting & (1 << UInt64(v)) != 0 {
          if views[v].language == nil, !hasExactTranslit {
            // The transliteration view walks the plain matcher and accepts a subset of what
            // `accepts` does, so it finds something longer only through a transliterated token
            // within reach of a phrase.
            while nextTransliterated < transliterated.count
              && transliterated[nextTransliterated] < position
            {
              nextTransliterated += 1
            }
            guard nextTransliterated < transliterated.count,
              Int(transliterated[nextTransliterated]) < min(limit, position + longestPlain)
            else { continue }
          }
          // Most tokens start no phrase of the view: skip the walk.
          if !bitPerView {
            if let key = viewKeys[v].key(at: position) {
              guard starts[v].contains(key) else { continue }
            } else {
              guard starts[v].contains(tokens, position, stamp: stamp) else { continue }
            }
          }
          if let match = longestMatch(
            views[v].matcher, doc, keys: viewKeys[v], from: position, limit: limit,
            language: views[v].language), match.1.count > (found?.1.count ?? 0)
          {
            found = match
          }
        }
        for (candidate, alias) in zip(tokenAliases, tokenAliasList) {
          let count = alias.keys.count
          guard count > (found?.1.count ?? 0), position + count <= limit,
            passes(alias, position..<(position + count), doc)
          else { continue }
          found = (candidate, position..<(position + count))
        }
        if let found {
          append(found.0, found.1, sentence: index)
          position = found.1.upperBound
        } else {
          position += 1
        }
      }
    }
    return result
  }

  /// The alias a match stands for: its plain form's, else its first value's.
  private static func alias(of match: PhraseMatcher<AliasForm>.Match) -> Int {
    (match.values.first(where: isPlain) ?? match.values[0]).alias
  }

  /// Whether a matched value is an alias's plain form, the one a match stands for when it has
  /// one (`alias(of:)`, `PhraseMatcher.longestMatchValue`).
  private static func isPlain(_ value: AliasForm) -> Bool { value.form == .plain }

  /// The longest match, as (alias, tokens), of a view's matcher from token `position`. It
  /// takes the box, not the matcher: a matcher passed as an argument, read out of the box or the
  /// views' array, was copied at each walk (a dozen retains and releases, about 1,000
  /// instructions), where the gazetteer's own matcher is read in place.
  @inline(never)
  private func longestMatch(
    _ view: ViewMatcher, _ doc: TokenizedText, keys: KeyColumn,
    from position: Int, limit: Int, language: String?
  ) -> (Int, Range<Int>)? {
    let match = view.matcher.longestMatchValue(
      in: doc.tokens, keys: keys, from: position, limit: limit, stamp: doc.vocabularyStamp,
      accept: { value, range in acceptsInView(value, range, doc, language: language) },
      preferred: Self.isPlain)
    guard let match else { return nil }
    return (match.value.alias, match.tokens)
  }

  /// The bit of `startBits` for the gazetteer's own matcher.
  private static let plainBit: UInt64 = 1 << 63

  /// Per token, `plainBit` when a phrase of `matcher` may start there, and bit `v` when a
  /// phrase of view `v` may: the token's view key, where it has one, or else the token itself
  /// passes the view's start test. With 63 views or more, every token a phrase of some view may
  /// start at has bit 0 (the caller tests each view).
  private func startBits(
    _ views: [View], _ viewKeys: [KeyColumn], _ starts: [PhraseStarts], _ tokens: [Token],
    _ stamp: UInt64
  ) -> [UInt64] {
    var bits = [UInt64](filled: 0, count: tokens.count)
    guard views.count < 63 else {
      let plainStarts = matcher.starts
      for i in tokens.indices {
        bits[i] = plainStarts.contains(tokens, i, stamp: stamp) ? Self.plainBit | 1 : 1
      }
      return bits
    }
    if let startMasks, stamp != 0, startMasks.stamp == stamp {
      // By the tokens' ids, one load a token for every matcher (most tokens start nothing).
      let viewBits = views.map { $0.language.map(startMasks.bit(of:)) ?? 1 }
      bits.withUnsafeMutableBufferPointer { bits in
        tokens.withUnsafeBufferPointer { tokens in
          startMasks.masks.withUnsafeBufferPointer { masks in
            for i in tokens.indices {
              let id = Int(tokens[i].id)
              guard id < masks.count, case let mask = masks[id], mask != 0 else { continue }
              var found: UInt64 = mask & 1 != 0 ? Self.plainBit : 0
              for v in viewBits.indices where mask & viewBits[v] != 0 { found |= 1 << UInt64(v) }
              bits[i] = found
            }
          }
        }
      }
      // A token with a view key starts a phrase of that view by its key alone.
      for v in views.indices {
        let bit: UInt64 = 1 << UInt64(v)
        let start = starts[v]
        viewKeys[v].forEachKey { i, key in
          bits[i] = start.contains(key) ? bits[i] | bit : bits[i] & ~bit
        }
      }
      return bits
    }
    let plainStarts = matcher.starts
    for i in tokens.indices where plainStarts.contains(tokens, i, stamp: stamp) {
      bits[i] = Self.plainBit
    }
    for (v, keys) in viewKeys.enumerated() {
      let bit: UInt64 = 1 << UInt64(v)
      let start = starts[v]
      for i in tokens.indices {
        let starts =
          keys.hasKey(at: i)
          ? start.contains(keys[i]) : start.contains(tokens, i, stamp: stamp)
        if starts { bits[i] |= bit }
      }
    }
    return bits
  }

  /// Whether tokens `range` of `doc` pass an alias's token tests (a token with a test that is
  /// not `anyKey` must also have the alias's key).
  private func passes(_ alias: Alias, _ range: Range<Int>, _ doc: TokenizedText) -> Bool {
    for (position, (key, test)) in zip(range, zip(alias.keys, alias.tests)) {
      let token = doc.tokens[position]
      guard test.anyKey || token.key == key,
        test.passes(key: token.key, surface: doc.surface(of: token))
      else { return false }
    }
    return true
  }

  /// The views of `doc` to match besides its tokens' keys: its transliterations, then its stems
  /// in each language the gazetteer has a stem matcher for.
  private func views(of doc: TokenizedText) -> [View] {
    var views: [View] = []
    if hasTranslit, !doc.variants.transliterations.isEmpty {
      views.append(
        View(keys: doc.variants.transliterations, matcher: ViewMatcher(matcher), language: nil))
    }
    for (language, keys) in doc.variants.stems {
      guard let stemMatcher = stemMatchers[language] else { continue }
      views.append(View(keys: keys, matcher: ViewMatcher(stemMatcher), language: language))
    }
    return views
  }

  /// The text keyed by stems or transliterations, and the matcher to walk it with.
  private struct View {
    /// Per token, the stem or transliteration key, where it has one.
    var keys: KeyColumn
    var matcher: ViewMatcher
    /// The stem language; nil for the transliteration view.
    var language: String?
  }

  /// A view's matcher, boxed once per document so that a walk reads it in place
  /// (`longestMatch(_:_:keys:from:limit:language:)`). Held in the `View` itself, the matcher (a
  /// 248-byte value, most of it references) was copied out of the views' array and released
  /// around each walk.
  private final class ViewMatcher: Sendable {
    let matcher: PhraseMatcher<AliasForm>
    init(_ matcher: PhraseMatcher<AliasForm>) { self.matcher = matcher }
  }

  /// Whether a candidate in a stem or transliteration view matches.
  private func acceptsInView(
    _ value: AliasForm, _ range: Range<Int>, _ doc: TokenizedText, language: String?
  ) -> Bool {
    // The alias's fields read in place (a copy of the alias retained its strings and arrays).
    guard let language else {
      return aliases.isTranslit(value.alias)
        && (value.form == .plain || value.form == .translit)
    }
    guard value.form == .stem, !Self.everyWordInflects.contains(language) else { return true }
    // Only the last word may be inflected: the others match as written.
    return zip(range.dropLast(), aliases[value.alias].keys).allSatisfy {
      doc.tokens[$0].key == $1
    }
  }

  /// Whether a candidate phrase of one alias form matches tokens `range` of `doc`.
  @inline(__always)
  private func accepts(_ value: AliasForm, _ range: Range<Int>, _ doc: TokenizedText) -> Bool {
    // The common case (a plain alias without tests, case-folded) reads two fields in place,
    // without copying the alias.
    if value.form == .plain && aliases.matchesByKeys(value.alias) { return true }
    let entry = aliases[value.alias]
    switch value.form {
    case .plain:
      if !entry.tests.isEmpty { return passes(entry, range, doc) }
      guard entry.mode == .exact else { return true }
      return zip(range, entry.surfaces).allSatisfy { doc.surface(of: doc.tokens[$0]) == $1 }
    case .handle:
      guard entry.mode == .exact, !entry.options.handle else { return true }
      return doc.surface(of: doc.tokens[range.lowerBound]).dropFirst() == entry.surfaces.joined()
    case .translit, .stem:
      return true
    case .hashtag:
      let hash = doc.tokens[range.lowerBound]
      let word = doc.tokens[range.lowerBound + 1]
      guard hash.utf16End == word.utf16Start else { return false }
      guard entry.mode == .exact, !entry.options.handle else { return true }
      return doc.surface(of: word) == entry.surfaces.joined()
    }
  }
}

/// What a phrase of the matcher stands for: an alias, and the form of it that the phrase spells.
struct AliasForm: Sendable {
  enum Form: UInt8, Sendable {
    /// The alias's own keys.
    case plain
    /// `@joinedwords`, one token.
    case handle
    /// `#` glued to `joinedwords`.
    case hashtag
    /// The transliteration of a `translit` alias.
    case translit
    /// The stems of a `stem` alias (in a per-language matcher).
    case stem
  }
  var alias: Int
  var form: Form
}
