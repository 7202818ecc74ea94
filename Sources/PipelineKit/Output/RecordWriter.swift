import Entities
import JSON
import Stance
import Tokenize

/// Writes output records as JSON Lines, one line per input record, in a fixed key order so
/// that the same input always gives the same bytes.
///
/// The shape is published as a JSON Schema by `pipeline schema` (`OutputSchema`, format version
/// `OutputSchema.formatVersion`); change both together.
///
/// Document record:
/// `{"id", "entities": [{"entity", "type", "name", "mentions": [{"start", "end", "text",
/// "sentence", "via"?}], "stance": [SCORE], "evidence": [HIT]}], "document": [SCORE], "warnings":
/// [{"code", "message"}], "meta": {…}}` (`meta` only when the input record had other fields).
/// SCORE: `{"dimension", "score", "raw", "hits", "label"}`, one per dimension in lexicon order.
/// HIT: `{"dimension", "term", "source", "text", "start", "end", "sentence", "base", "weight",
/// "modifiers": [{"kind", "text", "start", "end", "factor" | "delta"}], "role", "rule",
/// "mention": {"start", "end", "text", "via"?}}`. A mention with `via` (`pronoun`, `role-noun`)
/// is a reference found by coreference: its span slices to the pronoun or role noun.
///
/// Error record: `{"id", "source", "line", "error": {"code", "message"}}`.
///
/// `id` is always a string: a numeric id keeps its text, a record without one gets its
/// generated key (`RecordKeys`).
public struct RecordWriter: Sendable {
  public let analyzer: Analyzer

  public init(analyzer: Analyzer) { self.analyzer = analyzer }

  public func writeDocument(_ document: Document, _ analysis: Analysis, into w: inout JSONWriter) {
    let doc = analysis.doc
    let gazetteer = analyzer.gazetteer
    // A hit counts for every entity of its sentence: serialize it once (into one buffer for the
    // document), copy it for each.
    var hitJSON = [Range<Int>?](repeating: nil, count: analysis.stance.hits.count)
    var hitBuffer = JSONWriter()
    // Mentions grouped by entity once, in text order (not one scan of all mentions per entity).
    var mentionsOf: [Int: [EntityMention]] = [:]
    for mention in analysis.mentions { mentionsOf[mention.entity, default: []].append(mention) }
    var referencesOf: [Int: [Reference]] = [:]
    for reference in analysis.stance.references { referencesOf[reference.entity, default: []].append(reference) }
    w.beginObject()
    w.field("id")
    w.string(RecordKeys.idText(document.id, source: document.source, line: document.line))
    w.field("entities")
    w.beginArray()
    for entity in analysis.entitiesInOrder {
      let info = gazetteer.entities[entity]
      w.beginObject()
      w.field("entity"); w.string(info.id)
      w.field("type"); w.string(info.type)
      w.field("name"); w.string(info.name)
      w.field("mentions")
      w.beginArray()
      // Gazetteer mentions and references, merged in text order.
      let found = mentionsOf[entity] ?? []
      let references = referencesOf[entity] ?? []
      var m = 0
      var r = 0
      while m < found.count || r < references.count {
        let takeMention = r == references.count || (m < found.count && found[m].start <= references[r].start)
        let tokens = takeMention ? found[m].tokens : references[r].tokens
        w.beginObject()
        w.field("start"); w.int(takeMention ? found[m].start : references[r].start)
        w.field("end"); w.int(takeMention ? found[m].end : references[r].end)
        w.field("text"); w.string(utf16: doc.surfaceUnits(tokens: tokens))
        w.field("sentence"); w.int(takeMention ? found[m].sentence : references[r].sentence)
        if !takeMention { w.field("via"); w.string(references[r].via.rawValue) }
        w.endObject()
        if takeMention { m += 1 } else { r += 1 }
      }
      w.endArray()
      w.field("stance")
      writeScores(analysis.stance.entityScores[entity] ?? analyzer.scorer.scores([]), into: &w)
      w.field("evidence")
      w.beginArray()
      for attribution in analysis.stance.entityAttributions[entity] ?? [] where attribution.counted {
        let h = attribution.hit
        if hitJSON[h] == nil {
          let start = hitBuffer.beginFragment()
          writeHit(analysis.stance.hits[h], doc: doc, into: &hitBuffer)
          hitJSON[h] = start..<hitBuffer.bytes.count
        }
        // The hit's shared fields (an object left open), then this entity's attribution.
        w.fragment(hitBuffer.bytes[hitJSON[h]!])
        writeAttribution(attribution, analysis: analysis, into: &w)
        w.endObject()
      }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.field("document")
    writeScores(analysis.stance.document, into: &w)
    w.field("warnings")
    w.beginArray()
    for warning in document.warnings {
      w.beginObject()
      w.field("code"); w.string(warning.code)
      w.field("message"); w.string(warning.message)
      w.endObject()
    }
    w.endArray()
    if !document.meta.isEmpty {
      w.field("meta")
      w.value(.object(document.meta))
    }
    w.endObject()
    w.newline()
  }

  public func writeError(_ error: RecordError, into w: inout JSONWriter) {
    w.beginObject()
    w.field("id")
    w.string(RecordKeys.idText(error.id, source: error.source, line: error.line))
    w.field("source"); w.string(error.source)
    w.field("line")
    if let line = error.line { w.int(line) } else { w.null() }
    w.field("error")
    w.beginObject()
    w.field("code"); w.string(error.code.rawValue)
    w.field("message"); w.string(error.message)
    w.endObject()
    w.endObject()
    w.newline()
  }

  func writeScores(_ scores: [String: StanceScore], into w: inout JSONWriter) {
    w.beginArray()
    for dimension in analyzer.scorer.lexicon.dimensions {
      guard let score = scores[dimension] else { continue }
      w.beginObject()
      w.field("dimension"); w.string(dimension)
      w.field("score"); w.double(score.score)
      w.field("raw"); w.double(score.raw)
      w.field("hits"); w.int(score.hits)
      w.field("label"); w.string(score.label.rawValue)
      w.endObject()
    }
    w.endArray()
  }

  /// `"role", "rule", "mention": {"start", "end", "text", "via"?}` of one entity toward a hit.
  func writeAttribution(_ attribution: Attribution, analysis: Analysis, into w: inout JSONWriter) {
    w.field("role"); w.string(attribution.role.rawValue)
    w.field("rule"); w.string(attribution.rule.rawValue)
    w.field("mention")
    w.beginObject()
    switch attribution.mention {
    case .mention(let m):
      let mention = analysis.mentions[m]
      w.field("start"); w.int(mention.start)
      w.field("end"); w.int(mention.end)
      w.field("text"); w.string(utf16: analysis.doc.surfaceUnits(tokens: mention.tokens))
    case .reference(let r):
      let reference = analysis.stance.references[r]
      w.field("start"); w.int(reference.start)
      w.field("end"); w.int(reference.end)
      w.field("text"); w.string(utf16: analysis.doc.surfaceUnits(tokens: reference.tokens))
      w.field("via"); w.string(reference.via.rawValue)
    }
    w.endObject()
  }

  /// A hit's fields shared by every entity it counts for, its object left open.
  func writeHit(_ hit: Hit, doc: TokenizedText, into w: inout JSONWriter) {
    let entry = analyzer.scorer.lexicon.entries[hit.entry]
    w.beginObject()
    w.field("dimension"); w.string(hit.dimension)
    w.field("term"); w.string(entry.term)
    w.field("source"); w.string(entry.location.description)
    w.field("text"); w.string(utf16: doc.surfaceUnits(tokens: hit.tokens))
    w.field("start"); w.int(hit.start)
    w.field("end"); w.int(hit.end)
    w.field("sentence"); w.int(hit.sentence)
    w.field("base"); w.double(hit.base)
    w.field("weight"); w.double(hit.weight)
    w.field("modifiers")
    w.beginArray()
    for modifier in hit.modifiers {
      w.beginObject()
      w.field("kind"); w.string(modifier.kind.rawValue)
      w.field("text"); w.string(utf16: doc.surfaceUnits(tokens: modifier.token..<(modifier.token + 1)))
      w.field("start"); w.int(modifier.start)
      w.field("end"); w.int(modifier.end)
      switch modifier.effect {
      case .factor(let f): w.field("factor"); w.double(f)
      case .delta(let d): w.field("delta"); w.double(d)
      }
      w.endObject()
    }
    w.endArray()
  }
}
