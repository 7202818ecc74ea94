import Entities
import PipelineKit
import Stance
import Tokenize

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

  /// The marks of one document, sorted and non-overlapping: every entity mention; every lexicon
  /// hit (hits of different dimensions over overlapping words become one mark listing each);
  /// every negator, booster, dampener or contrast word that changed a hit. Where spans would
  /// overlap, mentions win over hits and hits over modifier words (hits never overlap mentions:
  /// the scorer skips mention tokens).
  func marks(_ analysis: Analysis) -> [Mark] {
    let doc = analysis.doc
    let gazetteer = analyzer.gazetteer
    let lexicon = analyzer.scorer.lexicon
    var accepted: [Mark] = []
    func accept(_ mark: Mark) {
      guard !mark.range.isEmpty, !accepted.contains(where: { $0.range.overlaps(mark.range) }) else {
        return
      }
      accepted.append(mark)
    }

    for mention in analysis.mentions {
      let entity = gazetteer.entities[mention.entity]
      let alias = gazetteer.aliases[mention.alias]
      accept(
        Mark(
          range: mention.start..<mention.end, classes: "mention",
          tip:
            "\(entity.name) · \(entity.type) · \(entity.id)\nalias “\(alias.text)” (\(alias.mode.rawValue)) \(alias.location)",
          attributes: " data-entity=\"e\(mention.entity)\""))
    }

    // Which entities each hit counts for, in order of first mention.
    let hits = analysis.stance.hits
    var countsFor = [[String]](repeating: [], count: hits.count)
    for entity in analysis.entitiesInOrder {
      for h in analysis.stance.entityHits[entity] ?? [] {
        countsFor[h].append(gazetteer.entities[entity].name)
      }
    }
    // Overlapping hits (different dimensions) form one cluster.
    let order = hits.indices.sorted {
      (hits[$0].start, hits[$0].end, $0) < (hits[$1].start, hits[$1].end, $1)
    }
    var clusters: [[Int]] = []
    var clusterEnd = -1
    for h in order {
      if !clusters.isEmpty && hits[h].start < clusterEnd {
        clusters[clusters.count - 1].append(h)
        clusterEnd = max(clusterEnd, hits[h].end)
      } else {
        clusters.append([h])
        clusterEnd = hits[h].end
      }
    }
    for cluster in clusters {
      let start = cluster.map { hits[$0].start }.min()!
      let end = cluster.map { hits[$0].end }.max()!
      let total = cluster.reduce(0.0) { $0 + hits[$1].weight }
      let tone = total > 0 ? "pos" : total < 0 ? "neg" : "zero"
      let tip = cluster.map {
        hitTip(hits[$0], doc: doc, lexicon: lexicon, countsFor: countsFor[$0])
      }
      .joined(separator: "\n\n")
      let dims = cluster.map { hits[$0].dimension }
      accept(
        Mark(
          range: start..<end, classes: "hit \(tone)", tip: tip,
          attributes:
            " data-hits=\"\(cluster.count)\" data-dimension=\"\(HTML.escape(dims.joined(separator: " ")))\""
        ))
    }

    // Modifier words, once per token, listing every hit they changed.
    var modifierOrder: [Int] = []
    var modifierNotes: [Int: (modifier: AppliedModifier, notes: [String])] = [:]
    for hit in hits {
      for modifier in hit.modifiers {
        let note =
          "\(Self.effect(modifier.effect)) on “\(doc.surface(tokens: hit.tokens))” (\(hit.dimension))"
        if modifierNotes[modifier.token] == nil {
          modifierOrder.append(modifier.token)
          modifierNotes[modifier.token] = (modifier, [])
        }
        if !modifierNotes[modifier.token]!.notes.contains(note) {
          modifierNotes[modifier.token]!.notes.append(note)
        }
      }
    }
    for token in modifierOrder {
      let (modifier, notes) = modifierNotes[token]!
      accept(
        Mark(
          range: modifier.start..<modifier.end, classes: "mod",
          tip: "\(modifier.kind.rawValue) “\(doc.surface(of: doc.tokens[token]))”\n"
            + notes.joined(separator: "\n"),
          attributes: " data-kind=\"\(modifier.kind.rawValue)\""))
    }
    return accepted.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// `cooperation: “cancel*” lexicons/stance/cooperation.tsv:268`, the weights, each modifier
  /// and the entities the hit counts for.
  func hitTip(_ hit: Hit, doc: TokenizedText, lexicon: Lexicon, countsFor: [String]) -> String {
    let entry = lexicon.entries[hit.entry]
    var lines = ["\(hit.dimension): “\(entry.term)” \(entry.location)"]
    lines.append("base \(Self.signed(hit.base)) → applied \(Self.signed(hit.weight))")
    for modifier in hit.modifiers {
      lines.append(
        "\(modifier.kind.rawValue) “\(doc.surface(of: doc.tokens[modifier.token]))” \(Self.effect(modifier.effect))"
      )
    }
    if hit.modifiers.isEmpty { lines.append("no modifiers") }
    lines.append(
      countsFor.isEmpty
        ? "counts for the document only" : "counts for " + countsFor.joined(separator: ", "))
    return lines.joined(separator: "\n")
  }

  static func effect(_ effect: AppliedModifier.Effect) -> String {
    switch effect {
    case .factor(let f): return "×\(number(f))"
    case .delta(let d): return "magnitude \(signed(d))"
    }
  }
}
