import JSON
import Stance

extension EvaluationReport {
  /// The human-readable report.
  public func renderText(goldPath: String) -> String {
    var out =
      "Evaluation of \(documents.count) document\(documents.count == 1 ? "" : "s") against \(goldPath), dimension '\(dimension)'\n"
    if !goldOnly.isEmpty {
      out += "ids only in gold (not scored): \(goldOnly.joined(separator: ", "))\n"
    }
    if !corpusOnly.isEmpty {
      out += "ids only in the corpus (not scored): \(corpusOnly.joined(separator: ", "))\n"
    }
    out += "\nEntity detection (document level)\n" + Self.detectionTable(entities)
    if let mentions {
      out +=
        "\nMention detection (exact spans, documents with gold spans)\n"
        + Self.detectionTable(mentions)
    } else {
      out += "\nMention detection: not evaluated (no gold mention spans)\n"
    }
    out +=
      "\nStance on '\(dimension)': \(confusion.total) entity pair\(confusion.total == 1 ? "" : "s") scored"
    out +=
      missing.isEmpty
      ? "\n"
      : ", \(missing.count) gold stance\(missing.count == 1 ? "" : "s") of entities not found (not scored)\n"
    out +=
      "  accuracy           \(formatRatio(confusion.accuracy))  (\(confusion.correct)/\(confusion.total))\n"
    out +=
      "  SemEval-2016 F1    \(formatRatio(confusion.semEvalF1))  (mean of F1 favor and F1 against)\n"
    out += "  macro F1           \(formatRatio(confusion.macroF1))\n\n"
    var labels = TextTable(
      ["label", "P", "R", "F1", "gold", "predicted"],
      alignments: [.left, .right, .right, .right, .right, .right])
    for label in Confusion.labels {
      let c = confusion.counts(for: label)
      labels.append([
        label.rawValue, formatRatio(c.precision), formatRatio(c.recall), formatRatio(c.f1),
        String(c.truePositives + c.falseNegatives), String(c.truePositives + c.falsePositives),
      ])
    }
    out += labels.render()
    out += "\n  Confusion (rows: gold, columns: predicted)\n"
    var matrix = TextTable(
      ["gold \\ predicted"] + Confusion.labels.map(\.rawValue),
      alignments: [.left, .right, .right, .right])
    for gold in Confusion.labels {
      matrix.append(
        [gold.rawValue]
          + Confusion.labels.map { String(confusion.count(gold: gold, predicted: $0)) })
    }
    out += matrix.render()
    if !missing.isEmpty {
      out +=
        "\n  Not found by the pipeline: "
        + missing.map { "\($0.id)/\($0.entity)" }.joined(separator: ", ") + "\n"
    }
    out += "\nStance errors (\(mistakes.count))\n"
    for mistake in mistakes {
      out +=
        "  \(mistake.id)  \(mistake.entity): gold \(mistake.gold.rawValue), predicted \(mistake.predicted.rawValue)"
      out +=
        " (raw \(formatNumber(mistake.score.raw)), score \(formatNumber(mistake.score.score)), \(mistake.score.hits) hit\(mistake.score.hits == 1 ? "" : "s"))\n"
      if mistake.drivers.isEmpty && mistake.uncounted.isEmpty {
        out +=
          mistake.score.hits == 0
          ? "      no lexicon hits: the sentences need entries the lexicon lacks\n"
          : "      no hit pushed toward \(mistake.predicted.rawValue): the hits toward \(mistake.gold.rawValue) were too weak\n"
      }
      for hit in mistake.drivers {
        let weight = formatSigned(hit.weight)
        out +=
          "      " + String(repeating: " ", count: max(0, 7 - weight.count))
          + "\(weight)  \(hit.term)  \(hit.source)  '\(hit.text)' (sentence \(hit.sentence))"
        out += hit.rule.map { "  counted as \(hit.role!.rawValue) by rule \($0.rawValue)" } ?? ""
        out += "\n"
      }
      for hit in mistake.uncounted {
        let weight = formatSigned(hit.weight)
        out +=
          "      " + String(repeating: " ", count: max(0, 7 - weight.count))
          + "\(weight)  \(hit.term)  \(hit.source)  '\(hit.text)' (sentence \(hit.sentence))"
        out += hit.rule.map { "  not counted: \(hit.role!.rawValue) by rule \($0.rawValue)" } ?? ""
        out += "\n"
      }
    }
    let drivers = errorDrivers
    out += "\nEntries most often behind stance errors\n"
    if drivers.isEmpty {
      out += "  (none)\n"
    } else {
      var table = TextTable(
        ["errors", "weight", "entry", "source"], alignments: [.right, .right, .left, .left])
      for driver in drivers {
        table.append([
          String(driver.errors), formatSigned(driver.weight), driver.term, driver.source,
        ])
      }
      out += table.render()
    }
    return out
  }

  private static func detectionTable(_ metrics: DetectionMetrics) -> String {
    var table = TextTable(
      ["entity", "P", "R", "F1", "TP", "FP", "FN"],
      alignments: [.left] + Array(repeating: .right, count: 6))
    func row(_ name: String, _ c: Counts) {
      table.append([
        name, formatRatio(c.precision), formatRatio(c.recall), formatRatio(c.f1),
        String(c.truePositives), String(c.falsePositives), String(c.falseNegatives),
      ])
    }
    row("micro", metrics.micro)
    for (entity, counts) in metrics.perEntity.sorted(by: { $0.key < $1.key }) {
      row(entity, counts)
    }
    return table.render()
  }

  /// The report as one JSON object (one line).
  public func renderJSON(goldPath: String, failures: [String]) -> [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.key("gold")
    w.string(goldPath)
    w.key("dimension")
    w.string(dimension)
    w.key("documents")
    w.int(documents.count)
    w.key("gold_only")
    Self.strings(goldOnly, into: &w)
    w.key("corpus_only")
    Self.strings(corpusOnly, into: &w)
    w.key("metrics")
    w.beginObject()
    for name in Self.metricNames {
      w.key(name)
      if let value = metric(named: name) { w.double(value) } else { w.null() }
    }
    w.endObject()
    w.key("entities")
    Self.writeDetection(entities, into: &w)
    w.key("mentions")
    if let mentions { Self.writeDetection(mentions, into: &w) } else { w.null() }
    w.key("stance")
    w.beginObject()
    w.key("pairs")
    w.int(confusion.total)
    w.key("confusion")
    w.beginObject()
    for gold in Confusion.labels {
      w.key(gold.rawValue)
      w.beginObject()
      for predicted in Confusion.labels {
        w.key(predicted.rawValue)
        w.int(confusion.count(gold: gold, predicted: predicted))
      }
      w.endObject()
    }
    w.endObject()
    w.key("missing")
    w.beginArray()
    for item in missing {
      w.beginObject()
      w.key("id")
      w.string(item.id)
      w.key("entity")
      w.string(item.entity)
      w.endObject()
    }
    w.endArray()
    w.key("errors")
    w.beginArray()
    for mistake in mistakes {
      w.beginObject()
      w.key("id")
      w.string(mistake.id)
      w.key("entity")
      w.string(mistake.entity)
      w.key("gold")
      w.string(mistake.gold.rawValue)
      w.key("predicted")
      w.string(mistake.predicted.rawValue)
      w.key("score")
      w.double(mistake.score.score)
      w.key("raw")
      w.double(mistake.score.raw)
      w.key("hits")
      w.int(mistake.score.hits)
      w.key("drivers")
      w.beginArray()
      Self.writeHits(mistake.drivers, into: &w)
      w.endArray()
      w.key("not_counted")
      w.beginArray()
      Self.writeHits(mistake.uncounted, into: &w)
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.key("drivers")
    w.beginArray()
    for driver in errorDrivers {
      w.beginObject()
      w.key("term")
      w.string(driver.term)
      w.key("source")
      w.string(driver.source)
      w.key("errors")
      w.int(driver.errors)
      w.key("weight")
      w.double(driver.weight)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    w.key("failures")
    Self.strings(failures, into: &w)
    w.endObject()
    w.newline()
    return w.bytes
  }

  /// One `{term, source, text, sentence, weight[, role, rule]}` object per hit.
  private static func writeHits(_ hits: [EvidenceHit], into w: inout JSONWriter) {
    for hit in hits {
      w.beginObject()
      w.key("term")
      w.string(hit.term)
      w.key("source")
      w.string(hit.source)
      w.key("text")
      w.string(hit.text)
      w.key("sentence")
      w.int(hit.sentence)
      w.key("weight")
      w.double(hit.weight)
      if let rule = hit.rule {
        w.key("role")
        w.string(hit.role!.rawValue)
        w.key("rule")
        w.string(rule.rawValue)
      }
      w.endObject()
    }
  }

  private static func strings(_ values: [String], into w: inout JSONWriter) {
    w.beginArray()
    for value in values { w.string(value) }
    w.endArray()
  }

  private static func writeDetection(_ metrics: DetectionMetrics, into w: inout JSONWriter) {
    func counts(_ c: Counts) {
      w.beginObject()
      w.key("precision")
      w.double(c.precision)
      w.key("recall")
      w.double(c.recall)
      w.key("f1")
      w.double(c.f1)
      w.key("tp")
      w.int(c.truePositives)
      w.key("fp")
      w.int(c.falsePositives)
      w.key("fn")
      w.int(c.falseNegatives)
      w.endObject()
    }
    w.beginObject()
    w.key("micro")
    counts(metrics.micro)
    w.key("per_entity")
    w.beginObject()
    for (entity, c) in metrics.perEntity.sorted(by: { $0.key < $1.key }) {
      w.key(entity)
      counts(c)
    }
    w.endObject()
    w.endObject()
  }
}
