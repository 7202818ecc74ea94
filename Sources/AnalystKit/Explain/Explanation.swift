import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

/// One document's analysis rendered for a person: the text with entity mentions, lexicon hits
/// and the modifiers that changed them marked, then per entity and dimension a table of every
/// hit and the total, score and label.
///
/// The figures are those of the output record (`RecordWriter`), read off the same `Analysis`.
///
/// Notation without colour (with colour the brackets give way to ANSI styles; the `{…}` notes
/// stay):
/// - `[[Roscosmos]]{ORG}`: an entity mention and its type;
/// - `<<abandon>>{-3 never×-0.74 → 2.22}`: a lexicon hit, its base weight, the modifiers that
///   changed it and its applied weight (`{+2}` when nothing changed it);
/// - `((never))`: a negator, booster, dampener or contrast word that changed some hit.
public struct Explanation {
  public let document: Document
  public let analysis: Analysis
  /// The tables the analysis indexes.
  var analyzer: Analyzer { analysis.analyzer }

  public init(document: Document, analysis: Analysis) {
    self.document = document
    self.analysis = analysis
  }

  /// The full view: header, marked text, tables.
  public func render(color: Bool) -> String {
    var out = header() + "\n"
    out += markedText(color: color) + "\n"
    out += tables()
    return out
  }

  /// The output record `pipeline run` writes for the document.
  public func recordJSON() -> [UInt8] {
    var w = JSONWriter()
    RecordWriter(analyzer: analyzer).writeDocument(document, analysis, into: &w)
    return w.bytes
  }

  // MARK: - Header

  func header() -> String {
    let doc = analysis.doc
    let place = document.line.map { "\(document.source):\($0)" } ?? document.source
    let entities = analysis.entitiesInOrder.count
    var out =
      "Document '\(document.idText)' (\(place)): \(doc.sentences.count) sentence\(doc.sentences.count == 1 ? "" : "s"), "
    out +=
      "\(entities) entit\(entities == 1 ? "y" : "ies"), \(analysis.stance.hits.count) lexicon hit\(analysis.stance.hits.count == 1 ? "" : "s")\n"
    for warning in document.warnings { out += "warning: \(warning.code): \(warning.message)\n" }
    return out
  }

  // MARK: - Marked text

  /// A span of tokens to mark in the text.
  struct Mark {
    enum Kind {
      case mention(type: String)
      case hits([Hit])
      case modifier(Modifiers.Kind)
    }
    var tokens: Range<Int>
    var kind: Kind
  }

  /// The marks by first token, laid out by `MarkLayout` over token positions: mentions, then
  /// hits, then the modifier words that changed a hit; within each, leftmost then longest, and a
  /// hit overlapping a kept hit joins its mark (its note is listed with it). A mark that would
  /// overlap one of an earlier layer is left out of the text (its hit is still in the tables).
  func marks() -> [Int: Mark] {
    enum Item {
      case mention(type: String)
      case hit(Hit)
      case modifier(Modifiers.Kind)
    }
    var candidates: [MarkLayout.Candidate<Item>] = analysis.mentions.map {
      .init(
        range: $0.tokens, layer: .mention,
        item: .mention(type: analysis.entity($0.entity).type))
    }
    for hit in analysis.stance.hits {
      candidates.append(.init(range: hit.tokens, layer: .hit, item: .hit(hit)))
      for m in hit.modifiers {
        candidates.append(
          .init(range: m.tokens(in: analysis.doc), layer: .modifier, item: .modifier(m.kind)))
      }
    }
    var result: [Int: Mark] = [:]
    for mark in MarkLayout.marks(candidates) {
      let kind: Mark.Kind
      switch mark.items[0] {
      case .mention(let type): kind = .mention(type: type)
      case .modifier(let modifier): kind = .modifier(modifier)
      case .hit:
        kind = .hits(mark.items.compactMap { if case .hit(let hit) = $0 { hit } else { nil } })
      }
      result[mark.range.lowerBound] = Mark(tokens: mark.range, kind: kind)
    }
    return result
  }

  /// The text sentence by sentence, `s0  …`, with marks.
  public func markedText(color: Bool) -> String {
    let doc = analysis.doc
    let marks = marks()
    var out = ""
    for (index, sentence) in doc.sentences.enumerated() {
      var line = ""
      var t = sentence.tokens.lowerBound
      var previousEnd = doc.tokens[t].utf16Start
      while t < sentence.tokens.upperBound {
        let token = doc.tokens[t]
        line += Self.flattened(doc.surface(utf16: previousEnd..<token.utf16Start))
        if let mark = marks[t] {
          line += render(mark, surface: doc.surface(tokens: mark.tokens), color: color)
          previousEnd = doc.tokens[mark.tokens.upperBound - 1].utf16End
          t = mark.tokens.upperBound
        } else {
          line += doc.surface(of: token)
          previousEnd = token.utf16End
          t += 1
        }
      }
      out += "  s\(index)  \(line)\n"
    }
    return out
  }

  private static func flattened(_ gap: String) -> String {
    String(gap.map { $0.isNewline ? " " : $0 })
  }

  private enum Style: String {
    case mention = "\u{1B}[1;36m"
    case positive = "\u{1B}[1;32m"
    case negative = "\u{1B}[1;31m"
    case zero = "\u{1B}[1m"
    case modifier = "\u{1B}[4;33m"
    case note = "\u{1B}[2m"
    static let reset = "\u{1B}[0m"
  }

  private func render(_ mark: Mark, surface: String, color: Bool) -> String {
    func styled(_ text: String, _ style: Style, open: String, close: String) -> String {
      color ? style.rawValue + text + Style.reset : open + text + close
    }
    func note(_ text: String) -> String {
      color ? Style.note.rawValue + "{\(text)}" + Style.reset : "{\(text)}"
    }
    switch mark.kind {
    case .mention(let type):
      return styled(surface, .mention, open: "[[", close: "]]") + note(type)
    case .modifier:
      return styled(surface, .modifier, open: "((", close: "))")
    case .hits(let hits):
      let total = hits.reduce(0) { $0 + $1.weight }
      let style: Style = total > 0 ? .positive : total < 0 ? .negative : .zero
      let multiple = analyzer.scorer.lexicon.dimensions.count > 1
      let notes = hits.map { (multiple ? "\($0.dimension) " : "") + hitNote($0) }
      return styled(surface, style, open: "<<", close: ">>") + note(notes.joined(separator: "; "))
    }
  }

  /// `-3 never×-0.74 → 2.22`, or `+2` when no modifier applied.
  func hitNote(_ hit: Hit) -> String {
    guard !hit.modifiers.isEmpty else { return formatSigned(hit.base) }
    let modifiers = hit.modifiers.map { modifierNote($0) }.joined(separator: " ")
    return "\(formatSigned(hit.base)) \(modifiers) → \(formatNumber(hit.weight))"
  }

  /// `never×-0.74`, `strongly+0.293`, `rule out×-1`.
  func modifierNote(_ modifier: AppliedModifier) -> String {
    let word = analysis.doc.surface(tokens: modifier.tokens(in: analysis.doc))
    switch modifier.effect {
    case .factor(let f): return "\(word)×\(formatNumber(f))"
    case .delta(let d): return "\(word)\(formatSigned(d))"
    }
  }

  // MARK: - Tables

  /// `raw R  hits N  score S  label L`: the figures of a `stance` object of the output record.
  public static func summary(_ score: StanceScore) -> String {
    "raw \(formatNumber(score.raw))  hits \(score.hits)  score \(formatNumber(score.score))  label \(score.label.rawValue)"
  }

  func tables() -> String {
    let doc = analysis.doc
    var out = ""
    for entity in analysis.entitiesInOrder {
      let info = analysis.entity(entity)
      let mentions = analysis.mentions.filter { $0.entity == entity }
        .map { "'\(doc.surface(tokens: $0.tokens))' s\($0.sentence)" }
      out +=
        "\(info.name) (\(info.id), \(info.type)): \(mentions.count) mention\(mentions.count == 1 ? "" : "s"): \(mentions.joined(separator: ", "))\n"
      let attributions = analysis.stance.entityAttributions[entity] ?? []
      let scores = analysis.stance.scores(for: entity)
      out += dimensionTables(attributions: attributions, entity: info.name, scores: scores)
      out += "\n"
    }
    out += "Document (every hit once):\n"
    out += dimensionTables(hits: analysis.stance.hits, scores: analysis.stance.document)
    return out
  }

  /// Per dimension, the summary line, then the hits that count (with the role, the rule and
  /// the mention that decided each), then the hits of the entity's sentences that do not
  /// count under the dimension's policy and why.
  private func dimensionTables(
    attributions: [Attribution], entity: String, scores: [String: StanceScore]
  ) -> String {
    var out = ""
    for dimension in analyzer.scorer.lexicon.dimensions {
      guard let score = scores[dimension] else { continue }
      let onDimension = attributions.filter { analysis.stance.hits[$0.hit].dimension == dimension }
      let policy = analyzer.scorer.policy(for: dimension)
      out += "  \(dimension): \(Self.summary(score))\n"
      let counted = onDimension.filter(\.counted)
      if !counted.isEmpty {
        var table = TextTable(
          [
            "#", "entry", "source", "matched", "base", "modifiers", "weight", "sentence", "role",
            "rule", "mention",
          ],
          alignments: [
            .right, .left, .left, .left, .right, .left, .right, .right, .left, .left, .left,
          ])
        table.indent = 4
        for (n, attribution) in counted.enumerated() {
          table.append(
            hitRow(analysis.stance.hits[attribution.hit], number: n + 1)
              + attributionCells(attribution))
        }
        out += table.render()
      }
      let uncounted = onDimension.filter { !$0.counted }
      guard !uncounted.isEmpty else { continue }
      out += "    not counted under policy \(policy):\n"
      for attribution in uncounted {
        let hit = analysis.stance.hits[attribution.hit]
        out +=
          "      \(entity): \(attribution.role.rawValue) of '\(analysis.doc.surface(tokens: hit.tokens))' s\(hit.sentence)"
        out +=
          " (\(attribution.rule.rawValue), through \(mentionNote(attribution.mention))) — not counted under policy \(policy)\n"
      }
    }
    return out
  }

  /// The document's hits, each once.
  private func dimensionTables(hits: [Hit], scores: [String: StanceScore]) -> String {
    var out = ""
    for dimension in analyzer.scorer.lexicon.dimensions {
      guard let score = scores[dimension] else { continue }
      let onDimension = hits.filter { $0.dimension == dimension }
      out += "  \(dimension): \(Self.summary(score))\n"
      guard !onDimension.isEmpty else { continue }
      var table = TextTable(
        ["#", "entry", "source", "matched", "base", "modifiers", "weight", "sentence"],
        alignments: [.right, .left, .left, .left, .right, .left, .right, .right])
      table.indent = 4
      for (n, hit) in onDimension.enumerated() { table.append(hitRow(hit, number: n + 1)) }
      out += table.render()
    }
    return out
  }

  private func hitRow(_ hit: Hit, number: Int) -> [String] {
    let entry = analysis.entry(of: hit)
    let modifiers =
      hit.modifiers.isEmpty ? "-" : hit.modifiers.map(modifierNote).joined(separator: ", ")
    return [
      String(number), entry.term, entry.location.description,
      "'\(analysis.doc.surface(tokens: hit.tokens))'", formatSigned(hit.base), modifiers,
      formatSigned(hit.weight), "s\(hit.sentence)",
    ]
  }

  private func attributionCells(_ attribution: Attribution) -> [String] {
    [
      attribution.role.rawValue
        + (attribution.share == 1 ? "" : " ×\(formatNumber(attribution.share))"),
      attribution.rule.rawValue, mentionNote(attribution.mention),
    ]
  }

  /// `'Rogozin'`, or `'he' (pronoun)` for a reference.
  func mentionNote(_ mention: MentionRef) -> String {
    switch mention {
    case .mention(let m):
      return "'\(analysis.doc.surface(tokens: analysis.mentions[m].tokens))'"
    case .reference(let r):
      let reference = analysis.stance.references[r]
      return "'\(analysis.doc.surface(tokens: reference.tokens))' (\(reference.via.rawValue))"
    }
  }
}
