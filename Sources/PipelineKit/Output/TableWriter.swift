import Entities
import JSON
import Stance
import Tokenize

/// What `pipeline run --format` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// JSON Lines, one record per input record (`RecordWriter`, `OutputSchema`).
  case jsonl
  /// Comma-separated values, RFC 4180: a header row, CRLF line ends, a field quoted with `"`
  /// (inner quotes doubled) when it holds a comma, a quote, CR or LF.
  case csv
  /// The same with a tab between fields (a field holding a tab is quoted).
  case tsv

  var delimiter: Character { self == .tsv ? "\t" : "," }
}

/// What one row of a table stands for (`pipeline run --rows`).
public enum TableRows: String, Sendable, CaseIterable {
  /// One row per input record and dimension: the document's scores. An error record, or a
  /// document of a run without stance lexicons, is one row with the dimension empty.
  case document
  /// One row per (document, entity, dimension); an entity of a run without stance lexicons is
  /// one row with the dimension empty.
  case entity
  /// One row per entity mention.
  case mention
  /// One row per evidence hit of each entity: a hit counting for two entities is two rows.
  case hit
}

/// Writes output records as table rows (CSV or TSV) with a fixed, documented column order that
/// does not depend on the lexicons: dimensions are a column, not a column each.
///
/// Columns (also printed by `pipeline schema --rows ROWS`, documented in
/// Documentation/tables.md):
/// - document: `id, source, line, dimension, score, raw, hits, label, entities, warnings, error_code, error_message, meta`
/// - entity: `id, entity, type, name, mentions, dimension, score, raw, hits, label`
/// - mention: `id, entity, type, start, end, sentence, text, via`
/// - hit: `id, entity, dimension, term, source, text, start, end, sentence, base, weight, modifiers,
///   role, rule, mention, share`
///
/// Error records appear in `document` rows only (with `error_code` and `error_message`).
/// Numbers are written as in JSON (4 decimals, no trailing zeros).
public struct TableWriter: Sendable {
  public let analyzer: Analyzer
  public let format: OutputFormat
  public let rows: TableRows

  public init(analyzer: Analyzer, format: OutputFormat, rows: TableRows) {
    precondition(format != .jsonl, "TableWriter writes csv or tsv, not \(format)")
    self.analyzer = analyzer
    self.format = format
    self.rows = rows
  }

  /// The columns of each kind of row, in order, with what each holds.
  public static let columns: [TableRows: [(name: String, meaning: String)]] = [
    .document: [
      ("id", "the document id (as in JSON Lines: always text; generated SOURCE:LINE without one)"),
      ("source", "the input file ('-' or --source-name for stdin)"),
      ("line", "1-based line in the source; empty for a .txt file"),
      ("dimension", "the stance dimension of this row's scores; empty when there are none"),
      ("score", "raw / sqrt(raw² + 15) over every hit of the document, in [-1, 1]"),
      ("raw", "the sum of the applied weights"),
      ("hits", "the number of hits"),
      ("label", "favor, against or neutral"),
      ("entities", "the number of distinct entities mentioned"),
      ("warnings", "codes of repairs made to the input, separated by spaces"),
      ("error_code", "for an error record: invalid_json, missing_text, …; else empty"),
      ("error_message", "for an error record: what is wrong; else empty"),
      ("meta", "the input record's other fields as a JSON object; empty when none"),
    ],
    .entity: [
      ("id", "the document id"),
      ("entity", "the gazetteer's entity id"),
      ("type", "the entity type"),
      ("name", "the display name"),
      ("mentions", "the number of mentions in the document"),
      ("dimension", "the stance dimension; empty when there are none"),
      ("score", "over the hits that count for this entity, in [-1, 1]"),
      ("raw", "the sum of their applied weights"),
      ("hits", "the number of hits"),
      ("label", "favor, against or neutral"),
    ],
    .mention: [
      ("id", "the document id"),
      ("entity", "the gazetteer's entity id"),
      ("type", "the entity type"),
      ("start", "code point offset of the mention"),
      ("end", "code point offset after it (half-open)"),
      ("sentence", "0-based sentence index"),
      ("text", "the mention as it appears in the text"),
      (
        "via",
        "pronoun or role-noun for a reference found by coreference; empty for a gazetteer mention"
      ),
    ],
    .hit: [
      ("id", "the document id"),
      ("entity", "the entity the hit counts for"),
      ("dimension", "the lexicon entry's dimension"),
      ("term", "the lexicon entry as written"),
      ("source", "FILE:LINE of the lexicon entry"),
      ("text", "the matched text"),
      ("start", "code point offset of the match"),
      ("end", "code point offset after it (half-open)"),
      ("sentence", "0-based sentence index"),
      ("base", "the entry's weight"),
      ("weight", "the weight after the modifiers"),
      ("modifiers", "each modifier as KIND WORD xFACTOR or KIND WORD +DELTA, separated by '; '"),
      ("role", "what the entity is to the hit: agent, target or mentioned"),
      ("rule", "the role rule that decided it"),
      ("mention", "the mention (or pronoun, role noun) the role was decided through"),
      (
        "share",
        "the part of the weight that counts for the entity (1: all; less under policy target)"
      ),
    ],
  ]

  /// The header row.
  public var header: [UInt8] {
    var w = JSONWriter()
    row(Self.columns[rows]!.map(\.name), into: &w)
    return w.bytes
  }

  public func writeDocument(_ document: Document, _ analysis: Analysis, into out: inout JSONWriter)
  {
    let id = RecordKeys.idText(document.id, source: document.source, line: document.line)
    let dimensions = analyzer.scorer.lexicon.dimensions
    switch rows {
    case .document:
      let warnings = document.warnings.map(\.code).joined(separator: " ")
      var meta = ""
      if !document.meta.isEmpty {
        var w = JSONWriter()
        w.value(.object(document.meta))
        meta = String(decoding: w.bytes, as: UTF8.self)
      }
      let entities = String(analysis.entitiesInOrder.count)
      let scored = dimensions.compactMap { d in analysis.stance.document[d].map { (d, $0) } }
      for pair in scored.isEmpty ? [nil] : scored.map(Optional.some) {
        row(
          [id, document.source, document.line.map(String.init) ?? ""] + cells(pair)
            + [entities, warnings, "", "", meta], into: &out)
      }
    case .entity:
      var mentions: [Int: Int] = [:]
      for mention in analysis.mentions { mentions[mention.entity, default: 0] += 1 }
      for entity in analysis.entitiesInOrder {
        let info = analyzer.gazetteer.entities[entity]
        let scores = analysis.stance.scores(for: entity)
        let scored = dimensions.compactMap { d in scores[d].map { (d, $0) } }
        for pair in scored.isEmpty ? [nil] : scored.map(Optional.some) {
          row(
            [id, info.id, info.type, info.name, String(mentions[entity] ?? 0)] + cells(pair),
            into: &out)
        }
      }
    case .mention:
      // Gazetteer mentions and coreference references, in text order.
      var items: [(entity: Int, start: Int, end: Int, sentence: Int, via: String)] =
        analysis.mentions.map { ($0.entity, $0.start, $0.end, $0.sentence, "") }
      for reference in analysis.stance.references {
        items.append(
          (
            reference.entity, reference.start, reference.end, reference.sentence,
            reference.via.rawValue
          ))
      }
      if !analysis.stance.references.isEmpty {
        items.sort { ($0.start, $0.via) < ($1.start, $1.via) }
      }
      Surfaces.of(analysis.doc.text) { surfaces in
        for item in items {
          let info = analyzer.gazetteer.entities[item.entity]
          row(
            [
              id, info.id, info.type, String(item.start), String(item.end), String(item.sentence),
              surfaces.string(item.start..<item.end),
              item.via,
            ], into: &out)
          out.spillIfFull()  // one huge document's rows go out in pieces
        }
      }
    case .hit:
      Surfaces.of(analysis.doc.text) { surfaces in
        writeHitRows(id: id, analysis, surfaces, into: &out)
      }
    }
  }

  /// The `hit` rows of a document: one per hit and entity it counts for.
  private func writeHitRows(
    id: String, _ analysis: Analysis, _ surfaces: Surfaces, into out: inout JSONWriter
  ) {
    for entity in analysis.entitiesInOrder {
      let info = analyzer.gazetteer.entities[entity]
      for attribution in analysis.stance.entityAttributions[entity] ?? []
      where attribution.counted {
        let hit = analysis.stance.hits[attribution.hit]
        let mention: Range<Int>
        switch attribution.mention {
        case .mention(let m): mention = analysis.mentions[m].start..<analysis.mentions[m].end
        case .reference(let r):
          let reference = analysis.stance.references[r]
          mention = reference.start..<reference.end
        }
        let entry = analyzer.scorer.lexicon.entries[hit.entry]
        let modifiers = hit.modifiers.map { modifier -> String in
          let word = surfaces.string(modifier.start..<modifier.end)
          switch modifier.effect {
          case .factor(let f): return "\(modifier.kind.rawValue) \(word) x\(JSONWriter.format(f))"
          case .delta(let d):
            return "\(modifier.kind.rawValue) \(word) \(d >= 0 ? "+" : "")\(JSONWriter.format(d))"
          }
        }
        row(
          [
            id, info.id, hit.dimension, entry.term, entry.location.description,
            surfaces.string(hit.start..<hit.end),
            String(hit.start), String(hit.end), String(hit.sentence),
            JSONWriter.format(hit.base), JSONWriter.format(hit.weight),
            modifiers.joined(separator: "; "),
            attribution.role.rawValue, attribution.rule.rawValue,
            surfaces.string(mention), JSONWriter.format(attribution.share),
          ], into: &out)
        out.spillIfFull()
      }
    }
  }

  /// An error record: a `document` row with the error's code and message; nothing otherwise.
  public func writeError(_ error: RecordError, into out: inout JSONWriter) {
    guard rows == .document else { return }
    row(
      [
        RecordKeys.idText(error.id, source: error.source, line: error.line), error.source,
        error.line.map(String.init) ?? "", "", "", "", "", "", "", "", error.code.rawValue,
        error.message, "",
      ], into: &out)
  }

  /// `dimension, score, raw, hits, label` (all empty for nil).
  func cells(_ pair: (String, StanceScore)?) -> [String] {
    guard let (dimension, score) = pair else { return ["", "", "", "", ""] }
    return [
      dimension, JSONWriter.format(score.score), JSONWriter.format(score.raw), String(score.hits),
      score.label.rawValue,
    ]
  }

  /// One row: fields separated by the delimiter, quoted where RFC 4180 requires, CRLF. (The
  /// batch buffer is a `JSONWriter`; a row goes in as raw text.)
  func row(_ fields: [String], into out: inout JSONWriter) {
    let delimiter = format.delimiter
    var line = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { line.append(delimiter) }
      if field.contains(where: {
        $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      }) {
        line.append("\"")
        for character in field {
          if character == "\"" { line.append("\"") }
          line.append(character)
        }
        line.append("\"")
      } else {
        line += field
      }
    }
    out.raw(line + "\r\n")
  }
}
