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
/// With `--evidence summary` each entity's `evidence` holds only its
/// `EvidenceLevel.summaryHits` hits of largest absolute weight (ties: the earlier), in text
/// order; with `--evidence none` there is no `evidence` field.
///
/// Error record: `{"id", "source", "line", "error": {"code", "message"}}`.
///
/// `id` is always a string: a numeric id keeps its text, a record without one gets its
/// generated key (`RecordKeys`).
///
/// Everything that repeats from record to record (entity and lexicon entry fields, dimension
/// names) is serialized once, when the writer is made (`RecordFragments`); surfaces are copied
/// from the text's UTF-8 when the text is ASCII.
public struct RecordWriter: Sendable {
  public let analyzer: Analyzer
  public let evidence: EvidenceLevel
  private let fragments: RecordFragments

  public init(analyzer: Analyzer, evidence: EvidenceLevel = .full) {
    self.analyzer = analyzer
    self.evidence = evidence
    self.fragments = RecordFragments(
      gazetteer: analyzer.gazetteer, lexicon: analyzer.scorer.lexicon)
  }

  public func writeDocument(_ document: Document, _ analysis: Analysis, into w: inout JSONWriter) {
    Surfaces.of(analysis.doc.text) { surfaces in
      writeDocument(document, analysis, surfaces, into: &w)
    }
  }

  private func writeDocument(
    _ document: Document, _ analysis: Analysis, _ surfaces: Surfaces, into w: inout JSONWriter
  ) {
    // A hit may count for several entities: serialized the first time, where it first appears
    // in the record, and copied from there for the others (no second buffer of every hit).
    var hitJSON = [Range<Int>?](
      repeating: nil, count: evidence == .none ? 0 : analysis.stance.hits.count)
    // Mentions grouped by entity once, in text order (not one scan of all mentions per entity).
    let mentionsOf = EntityGroups(analysis.mentions.lazy.map(\.entity))
    let referencesOf = EntityGroups(analysis.stance.references.lazy.map(\.entity))
    w.beginObject()
    w.field("id")
    w.string(RecordKeys.idText(document.id, source: document.source, line: document.line))
    w.field("entities")
    w.beginArray()
    for found in mentionsOf.groupsInOrderOfFirstItem {
      let entity = found.entity
      w.beginObject()
      w.fragment(fragments.entities, at: entity)
      w.field("mentions")
      w.beginArray()
      // Gazetteer mentions and references, merged in text order.
      let references = referencesOf.indices(of: entity)
      var m = 0
      var r = 0
      while m < found.count || r < references.count {
        let takeMention =
          r == references.count
          || (m < found.count
            && analysis.mentions[Int(found[m])].start
              <= analysis.stance.references[Int(references[r])].start)
        // A mention's span and sentence; a reference's too, then how it refers.
        let (start, end, sentence): (Int, Int, Int)
        if takeMention {
          let mention = analysis.mentions[Int(found[m])]
          (start, end, sentence) = (mention.start, mention.end, mention.sentence)
        } else {
          let reference = analysis.stance.references[Int(references[r])]
          (start, end, sentence) = (reference.start, reference.end, reference.sentence)
        }
        let surface = surfaces.bytes(start..<end)
        let via = takeMention ? nil : analysis.stance.references[Int(references[r])].via
        w.withRoom(Self.spanRoom(surface) + Self.keysRoom + Room.intBound + fragments.longest) {
          room in
          room.raw("{")
          Self.writeSpan(start, end, surface, into: &room)
          room.raw(#","sentence":"#)
          room.int(sentence)
          if let via {
            room.raw(",")
            fragments.write(via, into: &room)
          }
          room.raw("}")
        }
        if takeMention { m += 1 } else { r += 1 }
        w.spillIfFull()
      }
      w.endArray()
      w.field("stance")
      writeScores(analysis.stance.scores(for: entity), into: &w)
      if evidence != .none {
        w.field("evidence")
        w.beginArray()
        // The counted attributions read in place (a filtered copy of each entity's list was
        // an array made and freed per entity).
        let attributions = analysis.stance.entityAttributions[entity] ?? []
        let shown =
          evidence == .summary
          ? Set(
            Self.strongest(attributions.filter(\.counted).map(\.hit), of: analysis.stance.hits))
          : nil
        for attribution in attributions
        where attribution.counted && (shown?.contains(attribution.hit) ?? true) {
          let h = attribution.hit
          // The hit's shared fields (an object left open), then this entity's attribution.
          // Ranges are absolute (`w.spilled` + offset): a hit whose bytes already went out in
          // an earlier piece of a huge record is serialized again (the same bytes).
          if let range = hitJSON[h], range.lowerBound >= w.spilled {
            w.fragment(copyingOwn: (range.lowerBound - w.spilled)..<(range.upperBound - w.spilled))
          } else {
            let separated = w.count
            writeHit(analysis.stance.hits, h, surfaces, into: &w)
            // The hit starts at its `{`, after the comma that may separate it.
            let start = w.byte(at: separated) == UInt8(ascii: "{") ? separated : separated + 1
            hitJSON[h] = (w.spilled + start)..<(w.spilled + w.count)
          }
          writeAttribution(attribution, analysis: analysis, surfaces, into: &w)
          w.endObject()
          w.spillIfFull()
        }
        w.endArray()
      }
      w.endObject()
      w.spillIfFull()
    }
    w.endArray()
    w.field("document")
    writeScores(analysis.stance.document, into: &w)
    w.field("warnings")
    w.beginArray()
    for warning in document.warnings {
      w.beginObject()
      w.field("code")
      w.string(warning.code)
      w.field("message")
      w.string(warning.message)
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

  /// The `EvidenceLevel.summaryHits` hits of largest absolute weight (ties: the earlier), in
  /// text order.
  static func strongest(_ indices: [Int], of hits: [Hit]) -> [Int] {
    guard indices.count > EvidenceLevel.summaryHits else { return indices }
    let ranked = indices.sorted { a, b in
      let wa = abs(hits[a].weight)
      let wb = abs(hits[b].weight)
      return wa != wb ? wa > wb : a < b
    }
    return ranked.prefix(EvidenceLevel.summaryHits).sorted()
  }

  /// An error record, or a warning record for a skipped input (`RecordError.Code.isWarning`):
  /// `{"id", "source", "line", "error" | "warning": {"code", "message"}}`.
  public func writeError(_ error: RecordError, into w: inout JSONWriter) {
    w.beginObject()
    w.field("id")
    w.string(RecordKeys.idText(error.id, source: error.source, line: error.line))
    w.field("source")
    w.string(error.source)
    w.field("line")
    if let line = error.line { w.int(line) } else { w.null() }
    w.field(error.code.isWarning ? "warning" : "error")
    w.beginObject()
    w.field("code")
    w.string(error.code.rawValue)
    w.field("message")
    w.string(error.message)
    w.endObject()
    w.endObject()
    w.newline()
  }

  func writeScores(_ scores: [String: StanceScore], into w: inout JSONWriter) {
    w.beginArray()
    let dimensions = analyzer.scorer.lexicon.dimensions
    for (d, dimension) in dimensions.enumerated() {
      // Of one dimension (the default lexicon's), the score is the dictionary's only one: read
      // without hashing the dimension's name.
      let only = dimensions.count == 1 && scores.count == 1 ? scores.first : nil
      guard let score = only?.key == dimension ? only?.value : scores[dimension] else { continue }
      w.withRoom(
        Self.keysRoom + 2 * fragments.longest + 2 * Room.doubleBound + Room.intBound
      ) { room in
        room.raw("{")
        fragments.writeDimension(d, into: &room)
        room.raw(#","score":"#)
        room.double(score.score)
        room.raw(#","raw":"#)
        room.double(score.raw)
        room.raw(#","hits":"#)
        room.int(score.hits)
        room.raw(",")
        fragments.write(score.label, into: &room)
        room.raw("}")
      }
    }
    w.endArray()
  }

  /// `"role", "rule", "mention": {"start", "end", "text", "via"?}` of one entity toward a hit.
  private func writeAttribution(
    _ attribution: Attribution, analysis: Analysis, _ surfaces: Surfaces, into w: inout JSONWriter
  ) {
    fragments.writeRole(attribution.role, rule: attribution.rule, into: &w)
    if attribution.share != 1 {
      w.field("share")
      w.double(attribution.share)
    }
    let (start, end, via): (Int, Int, MentionVia?)
    switch attribution.mention {
    case .mention(let m):
      let mention = analysis.mentions[m]
      (start, end, via) = (mention.start, mention.end, nil)
    case .reference(let r):
      let reference = analysis.stance.references[r]
      (start, end, via) = (reference.start, reference.end, reference.via)
    }
    let surface = surfaces.bytes(start..<end)
    w.withRoom(Self.spanRoom(surface) + Self.keysRoom + fragments.longest) { room in
      room.raw(#""mention":{"#)
      Self.writeSpan(start, end, surface, into: &room)
      if let via {
        room.raw(",")
        fragments.write(via, into: &room)
      }
      room.raw("}")
    }
  }

  /// Hit `h`'s fields shared by every entity it counts for, its object left open. The hit and
  /// its lexicon entry are read in place (a copy of each retained and released their strings
  /// and arrays).
  private func writeHit(_ hits: [Hit], _ h: Int, _ surfaces: Surfaces, into w: inout JSONWriter) {
    let entries = analyzer.scorer.lexicon.entries
    let e = hits[h].entry
    w.beginObject()
    if hits[h].dimension == entries[e].dimension {
      w.fragment(fragments.entries, at: e)
    } else {
      w.field("dimension")
      w.string(hits[h].dimension)
      w.field("term")
      w.string(entries[e].term)
      w.field("source")
      w.string(entries[e].location.description)
    }
    let (start, end) = (hits[h].start, hits[h].end)
    let (sentence, base, weight) = (hits[h].sentence, hits[h].base, hits[h].weight)
    let modifiers = hits[h].modifiers
    let surface = surfaces.bytes(start..<end)
    // One room for the hit's numbers and its modifiers.
    var bound = Self.spanRoom(surface) + Self.keysRoom + Room.intBound + 2 * Room.doubleBound
    for modifier in modifiers {
      bound +=
        Self.spanRoom(surfaces.bytes(modifier.start..<modifier.end)) + Self.keysRoom
        + fragments.longest + Room.doubleBound
    }
    w.withRoom(bound) { room in
      room.raw(#""text":"#)
      room.string(utf8: surface)
      room.raw(#","start":"#)
      room.int(start)
      room.raw(#","end":"#)
      room.int(end)
      room.raw(#","sentence":"#)
      room.int(sentence)
      room.raw(#","base":"#)
      room.double(base)
      room.raw(#","weight":"#)
      room.double(weight)
      room.raw(#","modifiers":["#)
      for (i, modifier) in modifiers.enumerated() {
        room.raw(i == 0 ? "{" : ",{")
        fragments.write(modifier.kind, into: &room)
        room.raw(#","text":"#)
        room.string(utf8: surfaces.bytes(modifier.start..<modifier.end))
        room.raw(#","start":"#)
        room.int(modifier.start)
        room.raw(#","end":"#)
        room.int(modifier.end)
        switch modifier.effect {
        case .factor(let f):
          room.raw(#","factor":"#)
          room.double(f)
        case .delta(let d):
          room.raw(#","delta":"#)
          room.double(d)
        }
        room.raw("}")
      }
      room.raw("]")
    }
  }
}

extension RecordWriter {
  typealias Room = JSONWriter.Room

  /// Room for the keys and punctuation of one object a record repeats (a mention, a hit's
  /// numbers, a modifier, a score): the longest is `,"sentence":`; none has more than eight.
  static let keysRoom = 8 * 12

  /// Room for `writeSpan`: its keys, two numbers and the surface.
  static func spanRoom(_ surface: UnsafeBufferPointer<UInt8>) -> Int {
    keysRoom + 2 * Room.intBound + Room.stringBound(surface.count)
  }

  /// `"start":…,"end":…,"text":"…"`: where a mention is and its surface.
  static func writeSpan(
    _ start: Int, _ end: Int, _ surface: UnsafeBufferPointer<UInt8>, into room: inout Room
  ) {
    room.raw(#""start":"#)
    room.int(start)
    room.raw(#","end":"#)
    room.int(end)
    room.raw(#","text":"#)
    room.string(utf8: surface)
  }
}

/// The indices of items (mentions, references) grouped by entity, increasing within an entity:
/// one sort of (entity, index) pairs in 64-bit words. A dictionary of arrays by entity hashed
/// every item and grew an array per entity.
struct EntityGroups {
  /// entity << 32 | index, sorted.
  private let pairs: [UInt64]

  /// The groups of items whose entities are `entities`, in item order.
  init(_ entities: some Sequence<Int>) {
    var pairs: [UInt64] = []
    pairs.reserveCapacity(entities.underestimatedCount)
    for (index, entity) in entities.enumerated() {
      precondition(
        entity >= 0 && entity <= Int(UInt32.max) && index <= Int(UInt32.max),
        "entity \(entity) or item \(index) out of 32 bits")
      pairs.append(UInt64(entity) << 32 | UInt64(index))
    }
    pairs.sort()
    self.pairs = pairs
  }

  /// The indices of one entity's items, increasing: a view of the sorted pairs (no array is
  /// made for each entity).
  struct Group: RandomAccessCollection {
    let pairs: ArraySlice<UInt64>
    /// The group's entity (of a group that is not empty).
    var entity: Int { Int(truncatingIfNeeded: pairs[pairs.startIndex] >> 32) }
    var startIndex: Int { 0 }
    var endIndex: Int { pairs.count }
    subscript(i: Int) -> Int { Int(truncatingIfNeeded: pairs[pairs.startIndex + i] & 0xFFFF_FFFF) }
  }

  /// The entities, in the order of their first items.
  var inOrderOfFirstItem: [Int] { groupsInOrderOfFirstItem.map(\.entity) }

  /// Each entity's items, the entities in the order of their first items: each group's first
  /// pair, as (first item, where the group starts), sorted. (The writer's binary search of
  /// each entity's group, `indices(of:)`, is left out.)
  var groupsInOrderOfFirstItem: [Group] {
    var firsts: [UInt64] = []
    firsts.reserveCapacity(pairs.count)
    for (i, pair) in pairs.enumerated() where i == 0 || pairs[i - 1] >> 32 != pair >> 32 {
      firsts.append(pair << 32 | UInt64(i))
    }
    firsts.sort()
    return firsts.map { first in
      let start = Int(truncatingIfNeeded: first & 0xFFFF_FFFF)
      var end = start + 1
      while end < pairs.count, pairs[end] >> 32 == pairs[start] >> 32 { end += 1 }
      return Group(pairs: pairs[start..<end])
    }
  }

  /// The indices of `entity`'s items, increasing.
  func indices(of entity: Int) -> Group {
    let key = UInt64(entity) << 32
    // The first pair not below `key`.
    var low = 0
    var high = pairs.count
    while low < high {
      let middle = (low + high) / 2
      if pairs[middle] < key { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < pairs.count, pairs[end] >> 32 == UInt64(entity) { end += 1 }
    return Group(pairs: pairs[low..<end])
  }
}
