import Entities
import Tokenize

/// Which entities a lexicon hit counts for.
public enum AttributionScope: Sendable, Hashable, CustomStringConvertible {
  /// Every entity mentioned in the hit's sentence.
  case sentence
  /// Every entity with a mention within N tokens of the hit (any sentence).
  case window(Int)

  /// Parses `sentence` or `window:N`.
  public init(parsing text: String) throws(StanceError) {
    if text == "sentence" {
      self = .sentence
      return
    }
    if text.hasPrefix("window:"), let n = Int(text.dropFirst("window:".count)), n >= 0 {
      self = .window(n)
      return
    }
    throw .invalidScope(found: text)
  }

  public var description: String {
    switch self {
    case .sentence: return "sentence"
    case .window(let n): return "window:\(n)"
    }
  }
}

/// The stance analysis of one document: every hit, which hits count for which entity, and the
/// scores per entity and per document for each dimension.
public struct StanceAnalysis: Sendable {
  public var hits: [Hit]
  /// Entity index → indices into `hits` that count for it, in text order.
  public var entityHits: [Int: [Int]]
  /// Entity index → dimension → score.
  public var entityScores: [Int: [String: StanceScore]]
  /// Dimension → score over all hits of the document.
  public var document: [String: StanceScore]
}

/// Scores lexicon hits with modifiers and attributes them to entity mentions.
///
/// Immutable and `Sendable`: one scorer serves every thread.
public struct StanceScorer: Sendable {
  public let lexicon: Lexicon
  public let modifiers: Modifiers
  public let scope: AttributionScope
  public let thresholds: Thresholds

  public init(
    lexicon: Lexicon, modifiers: Modifiers, scope: AttributionScope = .sentence,
    thresholds: Thresholds = Thresholds()
  ) {
    self.lexicon = lexicon
    self.modifiers = modifiers
    self.scope = scope
    self.thresholds = thresholds
  }

  /// Finds every lexicon hit (not inside an entity mention), applies modifiers, attributes the
  /// hits and scores each entity and the document on every dimension.
  ///
  /// - Complexity: O(tokens × (longest term + window)) per dimension.
  public func score(_ doc: TokenizedText, mentions: [EntityMention]) -> StanceAnalysis {
    let tokens = doc.tokens
    var inMention = [Bool](repeating: false, count: tokens.count)
    for mention in mentions { for t in mention.tokens { inMention[t] = true } }
    // Word ordinals (modifier windows count words, numbers and symbols, not punctuation) and the
    // modifier words, once per document.
    var ordinal = [Int](repeating: 0, count: tokens.count)
    var marks: [ModifierMark] = []
    var counted = 0
    for t in tokens.indices {
      if tokens[t].kind != .punctuation { counted += 1 }
      ordinal[t] = counted
      if let word = modifiers.word(forKey: tokens[t].key) { marks.append(ModifierMark(token: t, word: word)) }
    }
    var hits: [Hit] = []
    var firstMark = 0
    for (index, sentence) in doc.sentences.enumerated() {
      var endMark = firstMark
      while endMark < marks.count && marks[endMark].token < sentence.tokens.upperBound { endMark += 1 }
      findHits(
        in: doc, sentence: sentence, index: index, inMention: inMention, ordinal: ordinal,
        marks: marks[firstMark..<endMark], into: &hits)
      firstMark = endMark
    }
    let entityHits = attribute(hits, mentions: mentions, doc: doc)
    var entityScores: [Int: [String: StanceScore]] = [:]
    for (entity, indices) in entityHits {
      entityScores[entity] = scores(indices.lazy.map { hits[$0] })
    }
    for mention in mentions where entityScores[mention.entity] == nil {
      entityScores[mention.entity] = scores([])
    }
    return StanceAnalysis(
      hits: hits, entityHits: entityHits, entityScores: entityScores, document: scores(hits))
  }

  /// Raw sums, counts and scores per dimension; every dimension of the lexicon is present.
  public func scores(_ hits: some Sequence<Hit>) -> [String: StanceScore] {
    let dimensions = lexicon.dimensions
    var raw = [Double](repeating: 0, count: dimensions.count)
    var count = [Int](repeating: 0, count: dimensions.count)
    for hit in hits {
      let d = dimensions.count == 1 ? 0 : dimensions.firstIndex(of: hit.dimension) ?? 0
      raw[d] += hit.weight
      count[d] += 1
    }
    var result: [String: StanceScore] = [:]
    result.reserveCapacity(dimensions.count)
    for (d, dimension) in dimensions.enumerated() {
      result[dimension] = StanceScore(raw: raw[d], hits: count[d], thresholds: thresholds)
    }
    return result
  }

  // MARK: - Hits

  /// The hits of one sentence, in text order. `marks` are the sentence's modifier words.
  private func findHits(
    in doc: TokenizedText, sentence: Sentence, index: Int, inMention: [Bool], ordinal: [Int],
    marks: ArraySlice<ModifierMark>, into hits: inout [Hit]
  ) {
    let tokens = doc.tokens
    let firstHit = hits.count
    let contrast = marks.first { $0.word.kind == .contrast }?.token
    /// Whether `from` is 1…window words before `to` (a window of 0 disables modifiers).
    func inWindow(_ from: Int, _ to: Int) -> Bool {
      let d = ordinal[to] - ordinal[from]
      return d >= 1 && d <= modifiers.negationWindow
    }
    for dimension in lexicon.dimensions {
      guard let matcher = lexicon.matcher(for: dimension) else { continue }
      var previousEnd = sentence.tokens.lowerBound
      for match in matcher.matches(in: tokens, range: sentence.tokens)
      where !match.tokens.contains(where: { inMention[$0] }) {
        let entry = match.values[0]
        let start = match.tokens.lowerBound
        let base = lexicon.entries[entry].weight
        var weight = base
        var applied: [AppliedModifier] = []
        func note(_ kind: Modifiers.Kind, _ token: Int, _ effect: AppliedModifier.Effect) {
          applied.append(
            AppliedModifier(
              kind: kind, token: token, start: tokens[token].start, end: tokens[token].end,
              effect: effect))
        }
        // Boosters and dampeners between the previous hit and this one, within the window.
        for mark in marks
        where (mark.word.kind == .booster || mark.word.kind == .dampener) && mark.token >= previousEnd
          && mark.token < start && inWindow(mark.token, start)
        {
          let delta = modifiers.value(of: mark.word)
          if base != 0 {
            weight += base > 0 ? delta : -delta
            note(mark.word.kind, mark.token, .delta(delta))
          }
        }
        // Negators within the window before the hit, each one flipping and damping.
        for mark in marks where mark.word.kind == .negator && mark.token < start && inWindow(mark.token, start) {
          let factor = modifiers.value(of: mark.word)
          weight *= factor
          note(.negator, mark.token, .factor(factor))
        }
        // The sentence's first contrast word: before it ×contrastBefore, after ×contrastAfter.
        if let c = contrast {
          if start > c {
            weight *= modifiers.contrastAfter
            note(.contrast, c, .factor(modifiers.contrastAfter))
          } else if match.tokens.upperBound <= c {
            weight *= modifiers.contrastBefore
            note(.contrast, c, .factor(modifiers.contrastBefore))
          }
        }
        previousEnd = match.tokens.upperBound
        hits.append(
          Hit(
            dimension: dimension, entry: entry, tokens: match.tokens, start: tokens[start].start,
            end: tokens[match.tokens.upperBound - 1].end, sentence: index, base: base,
            weight: weight, modifiers: applied))
      }
    }
    // Text order within the sentence, dimensions in lexicon order at the same position (each
    // dimension's hits are already in text order).
    guard lexicon.dimensions.count > 1 else { return }
    hits[firstHit...].sort { ($0.start, $0.dimensionOrder(lexicon)) < ($1.start, $1.dimensionOrder(lexicon)) }
  }

  // MARK: - Attribution

  private func attribute(_ hits: [Hit], mentions: [EntityMention], doc: TokenizedText) -> [Int: [Int]] {
    var result: [Int: [Int]] = [:]
    switch scope {
    case .sentence:
      var entitiesBySentence: [Int: [Int]] = [:]
      for mention in mentions where !(entitiesBySentence[mention.sentence]?.contains(mention.entity) ?? false) {
        entitiesBySentence[mention.sentence, default: []].append(mention.entity)
      }
      for (h, hit) in hits.enumerated() {
        for entity in entitiesBySentence[hit.sentence] ?? [] { result[entity, default: []].append(h) }
      }
    case .window(let n):
      for (h, hit) in hits.enumerated() {
        var seen = Set<Int>()
        for mention in mentions where !seen.contains(mention.entity) {
          let gap = max(
            mention.tokens.lowerBound - hit.tokens.upperBound + 1,
            hit.tokens.lowerBound - mention.tokens.upperBound + 1, 0)
          if gap <= n {
            seen.insert(mention.entity)
            result[mention.entity, default: []].append(h)
          }
        }
      }
    }
    return result
  }
}

/// A modifier word found in a sentence.
private struct ModifierMark {
  var token: Int
  var word: Modifiers.Word
}

extension Hit {
  fileprivate func dimensionOrder(_ lexicon: Lexicon) -> Int {
    lexicon.dimensions.firstIndex(of: dimension) ?? 0
  }
}
