import Entities
import Stance
import Tokenize

extension Analyzer {
  /// Analyzes a long text in windows of about `windowBytes` bytes of UTF-8, so that memory
  /// follows the window rather than the text: one window's tokens and rule state at a time,
  /// and the text's mentions, hits and attributions, which its record is written from.
  ///
  /// The result is the whole text's analysis, to the byte of its record:
  /// - Windows are cut between sentences, and each is analysed with context on either side
  ///   (`Windows.contextSentences`, and at least the widest `window:N` policy's reach in
  ///   tokens): coreference looks one sentence back, a quotation runs on one sentence at most,
  ///   and whether a window's text opens inside a quotation is carried from the window before.
  ///   What a window finds in its context is left to the window that keeps those sentences.
  /// - The references of its context sentences are given to a window as the whole text resolved
  ///   them (`Carried`), and its context reaches back to their antecedents: a chain of
  ///   references ("Rogozin … he … his …") reaches back further than any fixed context.
  /// - A window's text starts at a sentence that opens with a word or number (a sentence break
  ///   looks back past a line of emoji) and is cut further on than what it keeps
  ///   (`Windows.cutMargin`, and the context after it), so that no sentence break it keeps was
  ///   decided by ICU looking past the cut.
  /// - The one exception: a run of text without a sentence break longer than the longest window
  ///   (`Windows.longestWindow`) is split at white space, so its sentence numbers differ.
  ///
  /// The `Analysis` keeps no tokens (`doc` holds the text only); the offsets, sentence and token
  /// indices of its mentions, references and hits are the whole text's.
  public func analyze(
    _ text: String, session: TokenizeSession, language: String? = nil, windowBytes: Int
  ) throws(TokenizeError) -> Analysis {
    var text = text
    var windows = Windows(analyzer: self, windowBytes: windowBytes)
    let failure = text.withUTF8 { utf8 -> TokenizeError? in
      do throws(TokenizeError) {
        try windows.run(over: utf8, session: session, language: language)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
    return Analysis(
      doc: TokenizedText(withoutTokens: text), mentions: windows.mentions,
      stance: scorer.analysis(
        hits: windows.hits, entityAttributions: windows.attributions,
        references: windows.references, mentions: windows.mentions),
      analyzer: self, windows: windows.count)
  }
}

/// One windowed analysis under way: what its windows kept so far.
private struct Windows {
  let analyzer: Analyzer
  let windowBytes: Int
  /// Sentences of context on either side of what a window keeps.
  static let contextSentences = 2
  /// Tokens of context on either side, at least.
  let contextTokens: Int
  /// Bytes between the start of a window's last kept sentence's successor and its text's cut.
  static let cutMargin = 1 << 10
  /// The most text a window takes (2 × `windowBytes`, at least 256 KiB): a sentence that does
  /// not end within it (a run of text without sentence breaks, such as "NASA NASA …") is split
  /// at white space there, so memory stays bounded; the one case where windows change a record.
  let longestWindow: Int

  var mentions: [EntityMention] = []
  var references: [Reference] = []
  var hits: [Hit] = []
  var attributions: [Int: [Attribution]] = [:]
  /// Windows analysed.
  var count = 0

  init(analyzer: Analyzer, windowBytes: Int) {
    self.analyzer = analyzer
    self.windowBytes = max(1, windowBytes)
    let scorer = analyzer.scorer
    let reach = scorer.lexicon.dimensions.reduce(0) { reach, dimension in
      if case .window(let n) = scorer.policy(for: dimension) { return max(reach, n) }
      return reach
    }
    contextTokens = reach + 2
    longestWindow = max(2 * self.windowBytes, 256 << 10)
  }

  /// Where a window's text starts and what it is told.
  private struct Position {
    /// Its first byte (a sentence's first), that byte's scalar offset, and its first sentence's
    /// and first token's numbers in the whole text.
    var byte = 0
    var scalar = 0
    var sentence = 0
    var token = 0
    /// The scalar offset of the first sentence it keeps.
    var keptScalar = 0
    var carried = Carried()
  }

  mutating func run(
    over utf8: UnsafeBufferPointer<UInt8>, session: TokenizeSession, language: String?
  ) throws(TokenizeError) {
    var at = Position()
    var size = windowBytes
    while true {
      let cut = Self.cut(utf8, near: at.byte + size)
      let bytes = UnsafeBufferPointer(rebasing: utf8[at.byte..<cut])
      let doc = try session.tokenize(String(decoding: bytes, as: UTF8.self), language: language)
      let sentences = doc.sentences
      let first = sentences.firstIndex { $0.start >= at.keptScalar - at.scalar } ?? sentences.count
      // A window that would outgrow `longestWindow` ends at its cut, sentence or not.
      let split = cut < utf8.count && size >= longestWindow
      guard
        let end = keptEnd(
          of: doc, from: first, bytes: bytes, reachesEnd: cut == utf8.count || split)
      else {
        // Too few sentences before the cut to keep one: a longer text for this window.
        size *= 2
        continue
      }
      size = windowBytes
      count += 1
      keep(doc, sentences: first..<end, at: at)
      if split {
        // The next window starts afresh at the cut: nothing before it is context.
        let scalar = at.scalar + UTF8Offsets.scalars(in: bytes)
        at = Position(
          byte: cut, scalar: scalar, sentence: at.sentence + sentences.count,
          token: at.token + doc.tokens.count, keptScalar: scalar, carried: Carried())
        continue
      }
      guard end < sentences.count else { return }
      at = next(after: doc, keptEnd: end, at: at, bytes: bytes)
    }
  }

  /// The window after one of text `doc` at `at` that kept its sentences up to `end`: its text
  /// starts with context before `end`, reaching back to the antecedents of the references
  /// just before it, which it is given as resolved.
  private func next(
    after doc: TokenizedText, keptEnd end: Int, at: Position, bytes: UnsafeBufferPointer<UInt8>
  ) -> Position {
    let sentences = doc.sentences
    var start = max(0, end - Self.contextSentences)
    while start > 0
      && sentences[end].tokens.lowerBound - sentences[start].tokens.lowerBound < contextTokens
    {
      start -= 1
    }
    let keptEnd = at.sentence + end
    for reference in references.reversed() {
      guard reference.sentence >= keptEnd - Self.contextSentences else { break }
      start = min(start, max(0, mentions[reference.antecedent].sentence - at.sentence))
    }
    // A sentence break looks back past a sentence of punctuation and symbols only (an emoji
    // line after "…end."): the text starts at a word or number.
    while start > 0
      && ![.word, .number].contains(doc.tokens[sentences[start].tokens.lowerBound].kind)
    {
      start -= 1
    }
    var next = Position()
    next.byte = at.byte + UTF8Offsets.advance(0, by: sentences[start].start, in: bytes)
    next.scalar = at.scalar + sentences[start].start
    next.sentence = at.sentence + start
    next.token = at.token + sentences[start].tokens.lowerBound
    next.keptScalar = at.scalar + sentences[end].start
    let firstMention = mentions.lastIndex { $0.sentence < next.sentence }.map { $0 + 1 } ?? 0
    let firstReference =
      references.lastIndex { $0.sentence < next.sentence }.map { $0 + 1 } ?? 0
    next.carried = Carried(
      quotation: analyzer.scorer.quotationCarried(
        into: start, of: doc, carriedIn: at.carried.quotation),
      references: references[firstReference...].map { global in
        var reference = global
        reference.start -= next.scalar
        reference.end -= next.scalar
        reference.tokens =
          (global.tokens.lowerBound - next.token)..<(global.tokens.upperBound - next.token)
        reference.sentence -= next.sentence
        reference.antecedent -= firstMention
        return reference
      },
      sentence: end - start)
    return next
  }

  /// The end of the sentences a window keeps from `first`: all of them when its text reaches
  /// the text's end; otherwise only those followed by the context and by `cutMargin` bytes
  /// before the cut, and nil when that leaves none.
  private func keptEnd(
    of doc: TokenizedText, from first: Int, bytes: UnsafeBufferPointer<UInt8>, reachesEnd: Bool
  ) -> Int? {
    let sentences = doc.sentences
    if reachesEnd { return sentences.count }
    // The last sentence may be cut short: it is not context either.
    var end = sentences.count - 1 - Self.contextSentences
    guard end > first else { return nil }
    let lastStart = sentences[sentences.count - 1].tokens.lowerBound
    let scalarLimit = UTF8Offsets.scalars(
      in: UnsafeBufferPointer(rebasing: bytes.prefix(max(0, bytes.count - Self.cutMargin))))
    while end > first
      && (lastStart - sentences[end].tokens.lowerBound < contextTokens
        || sentences[end].start > scalarLimit)
    {
      end -= 1
    }
    return end > first ? end : nil
  }

  /// Keeps what a window found in sentences `kept`, renumbered to the whole text.
  private mutating func keep(_ doc: TokenizedText, sentences kept: Range<Int>, at: Position) {
    guard !kept.isEmpty else { return }
    let analysis = analyzer.analyze(tokenized: doc, carried: at.carried)
    let sentenceShift = at.sentence
    let tokenShift = at.token
    let scalarShift = at.scalar
    func shifted(_ tokens: Range<Int>) -> Range<Int> {
      (tokens.lowerBound + tokenShift)..<(tokens.upperBound + tokenShift)
    }
    // Local index → whole-text index: the window's items before what it keeps are the last
    // ones kept so far, in the same order.
    let mentionShift =
      mentions.count
      - (analysis.mentions.firstIndex { $0.sentence >= kept.lowerBound } ?? analysis.mentions.count)
    let stance = analysis.stance
    let referenceShift =
      references.count
      - (stance.references.firstIndex { $0.sentence >= kept.lowerBound } ?? stance.references.count)
    let firstHit = stance.hits.firstIndex { $0.sentence >= kept.lowerBound } ?? stance.hits.count
    let hitShift = hits.count - firstHit
    for var mention in analysis.mentions where kept.contains(mention.sentence) {
      mention.start += scalarShift
      mention.end += scalarShift
      mention.tokens = shifted(mention.tokens)
      mention.sentence += sentenceShift
      mentions.append(mention)
    }
    for var reference in stance.references where kept.contains(reference.sentence) {
      reference.start += scalarShift
      reference.end += scalarShift
      reference.tokens = shifted(reference.tokens)
      reference.sentence += sentenceShift
      reference.antecedent += mentionShift
      references.append(reference)
    }
    var keptHits = firstHit..<firstHit
    for var hit in stance.hits[firstHit...] {
      guard kept.contains(hit.sentence) else { break }
      hit.start += scalarShift
      hit.end += scalarShift
      hit.tokens = shifted(hit.tokens)
      hit.sentence += sentenceShift
      for m in hit.modifiers.indices {
        hit.modifiers[m].start += scalarShift
        hit.modifiers[m].end += scalarShift
        hit.modifiers[m].token += tokenShift
      }
      hits.append(hit)
      keptHits = firstHit..<(keptHits.upperBound + 1)
    }
    for (entity, list) in stance.entityAttributions {
      for var attribution in list where keptHits.contains(attribution.hit) {
        attribution.hit += hitShift
        switch attribution.mention {
        case .mention(let m): attribution.mention = .mention(m + mentionShift)
        case .reference(let r): attribution.mention = .reference(r + referenceShift)
        }
        attributions[entity, default: []].append(attribution)
      }
    }
  }

  /// Where to cut the text near byte `target`: at the white space at or after it (within a
  /// few KiB), else at the next character's first byte; the text's end past it.
  static func cut(_ utf8: UnsafeBufferPointer<UInt8>, near target: Int) -> Int {
    guard target < utf8.count else { return utf8.count }
    var i = target
    while i < min(utf8.count, target + (4 << 10)) {
      switch utf8[i] {
      case 0x20, 0x0A, 0x09, 0x0D: return i
      default: i += 1
      }
    }
    i = target
    while i < utf8.count && UTF8Offsets.isContinuation(utf8[i]) { i += 1 }
    return i
  }
}
