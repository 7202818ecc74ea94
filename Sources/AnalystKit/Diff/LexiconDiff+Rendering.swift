import JSON

extension LexiconDiff {
  /// The human-readable report: entry changes, every label change with the entries
  /// responsible, and the summary.
  public func renderText(notes: [String] = []) -> String {
    var out = ""
    for note in notes { out += "note: \(note)\n" }
    let counts = [EntryChange.Kind.added, .removed, .reweighted].map { kind in
      "\(entryChanges.filter { $0.kind == kind }.count) \(kind.rawValue)"
    }
    out += "Lexicon entries changed: \(counts.joined(separator: ", "))\n"
    for change in entryChanges { out += "  \(change.dimension)  \(change.summary)\n" }
    out +=
      "\nLabel changes (\(labelChanges.count) in \(documents) document\(documents == 1 ? "" : "s"))\n"
    for change in labelChanges {
      out += "  \(change.id)  \(change.entity)  \(change.dimension): \(change.direction)  "
      out +=
        "score \(formatNumber(change.baseScore)) → \(formatNumber(change.score)) (Δ \(formatSigned(change.delta)))\n"
      if change.responsible.isEmpty {
        out +=
          "      no changed entry has hits for this entity: gazetteers, modifiers, abbreviations or thresholds differ\n"
      }
      for entry in change.responsible {
        out +=
          "      \(entry.change.summary): applied \(formatNumber(entry.baseApplied)) → \(formatNumber(entry.applied))"
        out += " (\(entry.baseHits) → \(entry.hits) hit\(entry.hits == 1 ? "" : "s"))\n"
      }
    }
    out += "\nSummary: \(labelChanges.count) label change\(labelChanges.count == 1 ? "" : "s"); "
    out +=
      "\(scoreOnlyChanges) other score\(scoreOnlyChanges == 1 ? "" : "s") moved without changing label\n"
    if !labelChanges.isEmpty {
      out +=
        "  by direction: "
        + byDirection.map { "\($0.direction) \($0.count)" }.joined(separator: ", ") + "\n"
      out +=
        "  by entity:    " + byEntity.map { "\($0.entity) \($0.count)" }.joined(separator: ", ")
        + "\n"
    }
    return out
  }

  /// The report as one JSON object (one line).
  public func renderJSON(notes: [String] = []) -> [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.key("documents")
    w.int(documents)
    w.key("notes")
    w.beginArray()
    for note in notes { w.string(note) }
    w.endArray()
    w.key("entries")
    w.beginArray()
    for change in entryChanges { Self.write(change, into: &w) }
    w.endArray()
    w.key("changes")
    w.beginArray()
    for change in labelChanges {
      w.beginObject()
      w.key("id")
      w.string(change.id)
      w.key("entity")
      w.string(change.entity)
      w.key("name")
      w.string(change.name)
      w.key("dimension")
      w.string(change.dimension)
      w.key("from")
      if let from = change.from { w.string(from.rawValue) } else { w.null() }
      w.key("to")
      if let to = change.to { w.string(to.rawValue) } else { w.null() }
      w.key("base_score")
      w.double(change.baseScore)
      w.key("score")
      w.double(change.score)
      w.key("delta")
      w.double(change.delta)
      w.key("responsible")
      w.beginArray()
      for entry in change.responsible {
        w.beginObject()
        w.key("entry")
        Self.write(entry.change, into: &w)
        w.key("base_applied")
        w.double(entry.baseApplied)
        w.key("applied")
        w.double(entry.applied)
        w.key("base_hits")
        w.int(entry.baseHits)
        w.key("hits")
        w.int(entry.hits)
        w.endObject()
      }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.key("summary")
    w.beginObject()
    w.key("label_changes")
    w.int(labelChanges.count)
    w.key("score_only_changes")
    w.int(scoreOnlyChanges)
    w.key("by_direction")
    w.beginObject()
    for item in byDirection {
      w.key(item.direction)
      w.int(item.count)
    }
    w.endObject()
    w.key("by_entity")
    w.beginObject()
    for item in byEntity {
      w.key(item.entity)
      w.int(item.count)
    }
    w.endObject()
    w.endObject()
    w.endObject()
    w.newline()
    return w.bytes
  }

  private static func write(_ change: EntryChange, into w: inout JSONWriter) {
    w.beginObject()
    w.key("change")
    w.string(change.kind.rawValue)
    w.key("term")
    w.string(change.key.term)
    w.key("dimension")
    w.string(change.key.dimension)
    w.key("base_weight")
    if let v = change.baseWeight { w.double(v) } else { w.null() }
    w.key("weight")
    if let v = change.weight { w.double(v) } else { w.null() }
    w.key("base_source")
    if let s = change.baseSource { w.string(s) } else { w.null() }
    w.key("source")
    if let s = change.source { w.string(s) } else { w.null() }
    w.endObject()
  }
}

extension EntryChange {
  var dimension: String { key.dimension }
}
