import Stance

extension HTMLReport {
  /// A highlighted span of a document's text, in Unicode scalar offsets, with its tooltip.
  struct Mark {
    var range: Range<Int>
    /// CSS classes besides `hl`.
    var classes: String
    /// Plain text (escaped when written); lines separated by newlines.
    var tip: String
    /// Extra attributes, already escaped, each with a leading space.
    var attributes = ""
  }

  /// The marks of one document, laid out by `MarkLayout` (the rule `explain` follows too):
  /// every entity mention; every lexicon hit, where hits of different dimensions overlap one
  /// mark listing each; every negator, booster, dampener or contrast word that changed a hit,
  /// listing the hits it changed. Mentions win over hits and hits over modifier words (hits
  /// never overlap mentions: the scorer skips mention tokens).
  func marks(_ document: ReportDocument) -> [Mark] {
    enum Item {
      case mention(ReportDocument.Mention)
      case hit(ReportDocument.Hit)
      case modifier(ReportDocument.Modifier, on: ReportDocument.Hit)
    }
    var candidates: [MarkLayout.Candidate<Item>] = document.mentions.map {
      .init(range: $0.range, layer: .mention, item: .mention($0))
    }
    for hit in document.hits {
      candidates.append(.init(range: hit.range, layer: .hit, item: .hit(hit)))
      for modifier in hit.modifiers {
        candidates.append(
          .init(range: modifier.range, layer: .modifier, item: .modifier(modifier, on: hit)))
      }
    }
    return MarkLayout.marks(candidates).map { mark in
      switch mark.items[0] {
      case .mention(let mention):
        let entity = mention.entity
        let tip = "\(entity.name) · \(entity.type) · \(entity.id)"
        return Mark(
          range: mark.range, classes: "mention t\(typeIndex(entity.type) % Self.typeStyles)",
          tip: mention.detail.isEmpty ? tip : tip + "\n" + mention.detail,
          attributes: " data-type=\"\(HTML.escape(entity.type))\"")
      case .hit:
        let hits = mark.items.compactMap { if case .hit(let hit) = $0 { hit } else { nil } }
        let total = hits.reduce(0.0) { $0 + $1.weight }
        let tone = total > 0 ? "pos" : total < 0 ? "neg" : "zero"
        let dimensions = hits.map(\.dimension).joined(separator: " ")
        return Mark(
          range: mark.range, classes: "hit \(tone)",
          tip: hits.map(Self.hitTip).joined(separator: "\n\n"),
          attributes:
            " data-hits=\"\(hits.count)\" data-dimension=\"\(HTML.escape(dimensions))\"")
      case .modifier(let modifier, _):
        var notes: [String] = []
        for case .modifier(let m, let hit) in mark.items {
          let note = "\(Self.effect(m.effect)) on “\(hit.text)” (\(hit.dimension))"
          if !notes.contains(note) { notes.append(note) }
        }
        return Mark(
          range: mark.range, classes: "mod",
          tip: "\(modifier.kind) “\(modifier.text)”\n" + notes.joined(separator: "\n"),
          attributes: " data-kind=\"\(HTML.escape(modifier.kind))\"")
      }
    }
  }

  /// Entity types get one of this many styles (colour and underline), in order of appearance.
  static let typeStyles = 6

  /// `cooperation: “cancel*” lexicons/stance/cooperation.tsv:268`, the weights, each modifier
  /// and the entities the hit counts for.
  static func hitTip(_ hit: ReportDocument.Hit) -> String {
    var lines = ["\(hit.dimension): “\(hit.term)” \(hit.location)"]
    lines.append("base \(signed(hit.base)) → applied \(signed(hit.weight))")
    for modifier in hit.modifiers {
      lines.append("\(modifier.kind) “\(modifier.text)” \(effect(modifier.effect))")
    }
    if hit.modifiers.isEmpty { lines.append("no modifiers") }
    lines.append(
      hit.countsFor.isEmpty
        ? "counts for the document only" : "counts for " + hit.countsFor.joined(separator: ", "))
    return lines.joined(separator: "\n")
  }

  static func effect(_ effect: AppliedModifier.Effect) -> String {
    switch effect {
    case .factor(let f): return "×\(number(f))"
    case .delta(let d): return "magnitude \(signed(d))"
    }
  }
}
