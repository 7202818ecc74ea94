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
    if stemCache[language, default: [:]].count >= Self.keyCacheLimit {
      stemCache[language]!.removeAll(keepingCapacity: true)
    }
    stemCache[language, default: [:]][key] = usable
    return usable.isEmpty ? nil : usable
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
  /// digits kept): `рогозин` → `rogozin`. ASCII keys are their own transliteration. Cached.
  public func transliterate(_ key: String) throws(TokenizeError) -> String {
    if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
    if let cached = translitCache[key] { return cached }
    let transform: Transliterator
    do {
      if let open = transliterator {
        transform = open
      } else {
        transform = try Transliterator(Tokenizer.transliteration)
        transliterator = transform
      }
      let units = try transform.transform(Array(key.utf16))
      var result = String(decoding: units, as: UTF16.self)
      result.unicodeScalars.removeAll {
        !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-")
      }
      if result.isEmpty { result = key }
      if translitCache.count >= Self.keyCacheLimit {
        translitCache.removeAll(keepingCapacity: true)
      }
      translitCache[key] = result
      return result
    } catch {
      throw .icu(error)
    }
  }

  /// The stem and transliteration keys the tokenizer's `variants` ask for.
  func variants(of tokens: [Token], language: String?) throws(TokenizeError) -> TokenVariants {
    var result = TokenVariants()
    let config = tokenizer.variants
    for (stemLanguage, set) in config.stems.sorted(by: { $0.key < $1.key }) {
      var keys: [String]?
      for (i, token) in tokens.enumerated() where token.kind == .word {
        guard set.mayHold(stemOf: token.key),
          stemsInLanguage(token.key, stemLanguage, document: language),
          let stem = try stem(token.key, language: stemLanguage), set.stems.contains(stem)
        else { continue }
        if keys == nil { keys = [String](repeating: "", count: tokens.count) }
        keys![i] = stem
      }
      if let keys { result.stems.append((stemLanguage, keys)) }
    }
    if config.transliterate {
      var keys: [String]?
      for (i, token) in tokens.enumerated() where token.kind == .word {
        guard token.key.utf8.contains(where: { $0 >= 0x80 }) else { continue }
        let translit = try transliterate(token.key)
        guard translit != token.key else { continue }
        if keys == nil { keys = [String](repeating: "", count: tokens.count) }
        keys![i] = translit
      }
      if let keys { result.transliterations = keys }
    }
    return result
  }
}
