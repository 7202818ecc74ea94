extension TokenizeSession {
  /// The stem of a token key in `language`, or nil when the stem is shorter than
  /// `minimumStemLength` (the word then matches only as written). Computed once per distinct
  /// key and language (cached).
  public func stem(_ key: String, language: String) throws(TokenizeError) -> String? {
    if let cached = stemCache[language]?[key] { return cached.isEmpty ? nil : cached }
    let stemmer: Stemmer
    if let open = stemmers[language] {
      stemmer = open
    } else {
      stemmer = try Stemmer(language: language)
      stemmers[language] = stemmer
    }
    let stem = stemmer.stem(key)
    let usable = stem.unicodeScalars.count >= tokenizer.minimumStemLength ? stem : ""
    if stemCache[language, default: KeyMap()].count >= Self.keyCacheLimit {
      stemCache[language]!.removeAll()
    }
    stemCache[language, default: KeyMap()][key] = usable
    return usable.isEmpty ? nil : usable
  }

  /// `stem(_:language:)` of `key` in `language`, stem set `l`'s, when the set holds it, else
  /// nil. Cached by set in `held` (the session's `heldStems`, which `variants` holds for its
  /// loop), so a word repeated in a document costs one look-up (not the stem cache's two, by
  /// language and by key, and the set's hash of the stem).
  func heldStem(
    _ key: String, set l: Int, language: String, in held: inout [KeyMap]
  ) throws(TokenizeError) -> String? {
    if let cached = held[l][key] { return cached.isEmpty ? nil : cached }
    var found = ""
    if let stem = try stem(key, language: language), stemSets[l].stems.contains(stem) {
      found = stem
    }
    if held[l].count >= Self.keyCacheLimit { held[l].removeAll() }
    held[l][key] = found
    return found.isEmpty ? nil : found
  }

  /// Whether a word token's key is stemmed in `language`: Cyrillic words in the tokenizer's
  /// Cyrillic language only; other words in the document's language, or, when none is given,
  /// in every language but the Cyrillic one.
  public func stemsInLanguage(_ key: String, _ language: String, document: String?) -> Bool {
    if Script.isCyrillic(key) { return language == tokenizer.cyrillicLanguage }
    if let document { return document == language }
    return language != tokenizer.cyrillicLanguage
  }

  /// The transliteration key of a token key (`Tokenizer.transliteration`, then only letters and
  /// digits kept): `рогозин` → `rogozin`. ASCII keys are their own transliteration. Cached;
  /// keys in `Tokenizer.knownTransliterations` never reach ICU.
  public func transliterate(_ key: String) throws(TokenizeError) -> String {
    if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
    // The cache first: it holds the known transliterations asked for too, so a repeated key
    // is not hashed into the (larger) known table again.
    if let cached = translitCache[key] { return cached }
    if let known = tokenizer.knownTransliterations[key] {
      if translitCache.count >= Self.keyCacheLimit { translitCache.removeAll() }
      translitCache[key] = known
      return known
    }
    do {
      let units = try tokenizer.transliterator.transform(Array(key.utf16))
      var result = String(decoding: units, as: UTF16.self)
      result.unicodeScalars.removeAll {
        !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-")
      }
      if result.isEmpty { result = key }
      if translitCache.count >= Self.keyCacheLimit { translitCache.removeAll() }
      translitCache[key] = result
      return result
    } catch {
      throw .icu(error)
    }
  }

  /// The stem and transliteration keys the tokenizer's `variants` ask for, in one pass over the
  /// words: per word one prefix-signature test per stem language (found once per distinct
  /// surface, `Token.variantHint`), so only words that may have an alias's stem reach the
  /// (cached) stemmer, and only non-ASCII words the transliterator.
  func variants(of tokens: [Token], language: String?) throws(TokenizeError) -> TokenVariants {
    let config = tokenizer.variants
    let languages = config.stems.keys.sorted()
    let sets = stemSets
    var stemKeys = [KeyColumn.Builder?](filled: nil, count: languages.count)
    var translitKeys: KeyColumn.Builder?
    // The held stems move out of `self` for the loop and back after it: read through `self`,
    // each look-up paid two dynamic exclusivity checks and a retain of the caches.
    var held = heldStems.isEmpty ? [KeyMap](filled: KeyMap(), count: sets.count) : heldStems
    heldStems = []
    defer { heldStems = held }
    // Tokens read in place (`tokens[i].key` from the array copied the whole token, retaining and
    // releasing its key, at every word), and a key copied only for a word that may have a stem
    // or a transliteration.
    try tokens.withUnsafeBufferPointer { (tokens) throws(TokenizeError) in
      for i in tokens.indices where tokens[i].kind == .word {
        var hint = tokens[i].variantHint
        if hint == Token.unknownVariants {
          hint = Token.variantHint(of: tokens[i].key, stemSets: sets)
        }
        // Still unknown past 7 stem languages (or for a key that may be in all 7 and is not
        // ASCII): then the signature says.
        var signature: Int?
        var isASCII = hint & 0x80 == 0
        if hint == Token.unknownVariants {
          let (s, ascii) = StemSet.signatureAndASCII(tokens[i].key)
          (signature, isASCII) = (s, ascii)
        }
        func mayStem(_ l: Int) -> Bool {
          if let signature { return sets[l].mayHold(signature: signature) }
          return hint & 1 << l != 0
        }
        let anyStem = signature == nil ? hint & 0x7F != 0 : sets.indices.contains(where: mayStem)
        guard anyStem || (config.transliterate && !isASCII) else { continue }
        let key = tokens[i].key
        for l in sets.indices where mayStem(l) {
          guard stemsInLanguage(key, languages[l], document: language),
            let stem = try heldStem(key, set: l, language: languages[l], in: &held)
          else { continue }
          if stemKeys[l] == nil { stemKeys[l] = KeyColumn.Builder(count: tokens.count) }
          stemKeys[l]!.set(stem, at: i)
        }
        if config.transliterate, !isASCII {
          let translit = try transliterate(key)
          guard translit != key else { continue }
          if translitKeys == nil { translitKeys = KeyColumn.Builder(count: tokens.count) }
          translitKeys!.set(translit, at: i)
        }
      }
    }
    var result = TokenVariants()
    for l in languages.indices {
      if let keys = stemKeys[l] { result.stems.append((languages[l], keys.column)) }
    }
    if let translitKeys { result.transliterations = translitKeys.column }
    return result
  }
}
