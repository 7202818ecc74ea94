import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

extension HTMLReport {
  /// The whole page. Deterministic: the same records and options give the same bytes.
  public func render() -> String {
    let summaries = entitySummaries
    var html = ""
    html.reserveCapacity(64 * 1024)
    html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
    html += "<meta name=\"generator\" content=\"pipeline report\">\n"
    html += "<title>\(HTML.escape(options.title))</title>\n"
    html += "<style>\(Self.styleSheet)</style>\n</head>\n<body>\n\(Self.patterns)<main>\n"
    renderHeader(entities: summaries.count, into: &html)
    renderEntities(summaries, into: &html)
    renderDocuments(summaries, into: &html)
    renderErrors(into: &html)
    renderFooter(into: &html)
    html += "</main>\n"
    html +=
      "<script type=\"application/json\" id=\"report-data\">\(HTML.scriptSafeJSON(dataJSON(summaries)))</script>\n"
    html += "<script>\(Self.script)</script>\n</body>\n</html>\n"
    return html
  }

  /// Nothing may be fetched; only the page's own style sheet and script may apply or run.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src \(SHA256.cspSource(styleSheet)); "
    + "script-src \(SHA256.cspSource(script)); img-src data:; base-uri 'none'; form-action 'none'"

  /// Fills that tell the labels apart without colour: favor solid, neutral dotted, against
  /// hatched (the charts' bars use them; the legend's swatches draw the same in CSS).
  static let patterns =
    "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>"
    + "<pattern id=\"fill-neutral\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
    + "<rect width=\"6\" height=\"6\" class=\"pat-neutral\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" class=\"pat-mark\"/></pattern>"
    + "<pattern id=\"fill-against\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    + "<rect width=\"6\" height=\"6\" class=\"pat-against\"/><rect width=\"2\" height=\"6\" class=\"pat-mark\"/></pattern>"
    + "</defs></svg>\n"

  // MARK: - Header and footer

  private func renderHeader(entities: Int, into html: inout String) {
    let inputs = options.inputs.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
    html += "<header class=\"top\">\n<h1>\(HTML.escape(options.title))</h1>\n"
    html += "<p class=\"lede\">Entities and the stance the texts take toward them"
    html += inputs.isEmpty ? ".</p>\n" : ", from \(inputs).</p>\n"
    html += "<ul class=\"stats\">"
    html += "<li><b>\(documentCount)</b>documents</li>"
    html += "<li><b>\(errorCount)</b>input errors</li>"
    html += "<li><b>\(entities)</b>entities mentioned</li>"
    html += "<li><b>\(hitCount)</b>lexicon hits</li>"
    html += "</ul>\n</header>\n"
  }

  private func renderFooter(into html: inout String) {
    let thresholds = self.thresholds
    html += "<footer>Labels: favor at or above \(Self.number(thresholds.favor)), "
    html += "against at or below \(Self.number(thresholds.against)); "
    switch results {
    case .analyzer(let analyzer):
      let scorer = analyzer.scorer
      html +=
        "attribution policy \(HTML.escape(scorer.policies.description(dimensions: dimensions))). "
      html += "\(scorer.lexicon.entries.count) lexicon entries on \(dimensions.count) "
      html += dimensions.count == 1 ? "dimension" : "dimensions"
      html += " (\(dimensions.map(HTML.escape).joined(separator: ", "))), "
      html += "\(analyzer.gazetteer.entities.count) gazetteer entities. "
    case .output(let files, _):
      html += "scores, labels and evidence as <code>pipeline run</code> wrote them in "
      html += files.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
      html += " (the thresholds only colour the mean dots). "
    }
    html += "Written by <code>pipeline report</code>.</footer>\n"
  }

  // MARK: - Entities

  private func renderEntities(_ summaries: [EntitySummary], into html: inout String) {
    html += "<section id=\"entities\">\n<h2>Entities</h2>\n"
    html += "<p class=\"hint\">Documents mentioning each entity, by the label of its stance there; "
    html += "the dot is its mean score, from −1 (against) to +1 (favor).</p>\n"
    html += "<ul class=\"legend\"><li><span class=\"swatch favor\"></span>favor (solid)</li>"
    html += "<li><span class=\"swatch neutral\"></span>neutral (dotted)</li>"
    html += "<li><span class=\"swatch against\"></span>against (hatched)</li></ul>\n"
    guard !summaries.isEmpty else {
      html += "<p class=\"none\">No entity of the gazetteers is mentioned.</p>\n</section>\n"
      return
    }
    // The most mentioned entities as charts; every entity in the table below.
    html += "<div class=\"entities\">\n"
    for summary in summaries.prefix(Self.entitiesShown) { renderEntityCard(summary, into: &html) }
    html += "</div>\n"
    renderEntityTable(summaries, into: &html)
    html += "</section>\n"
  }

  /// Entity cards with a chart; the table lists every entity.
  static let entitiesShown = 12

  private func renderEntityCard(_ summary: EntitySummary, into html: inout String) {
    let entity = summary.entity
    html += "<div class=\"entity\" data-entity=\"e\(summary.index)\">"
    html +=
      "<h3><a href=\"#documents\" data-filter-entity=\"e\(summary.index)\" title=\"Show its documents\">"
    html += "\(HTML.escape(entity.name))</a></h3>"
    html +=
      "<div class=\"kind\">\(HTML.escape(entity.type)) · \(plural(summary.documents, "document"))</div>\n"
    html += chart(summary, name: entity.name)
    html += "</div>\n"
  }

  /// Every entity with its counts per dimension and label and its mean score; the script sorts
  /// it by any column (the order is kept in the URL fragment).
  private func renderEntityTable(_ summaries: [EntitySummary], into html: inout String) {
    let several = dimensions.count > 1
    html +=
      "<h3 class=\"table-title\">All \(summaries.count == 1 ? "1 entity" : "\(summaries.count) entities")</h3>\n"
    html += "<div class=\"table-wrap\"><table class=\"entity-table\" id=\"entity-table\">"
    html += "<thead><tr>"
    var columns = [("name", "Entity"), ("type", "Type"), ("documents", "Documents")]
    for (d, dimension) in dimensions.enumerated() {
      let prefix = several ? HTML.escape(dimension) + " " : ""
      for label in ["favor", "neutral", "against", "mean"] {
        columns.append(("d\(d)-\(label)", prefix + label))
      }
    }
    for (key, title) in columns {
      let numeric = key != "name" && key != "type"
      html +=
        "<th scope=\"col\"\(numeric ? " class=\"num\"" : "") data-key=\"\(key)\"><button type=\"button\" data-sort=\"\(key)\">"
      html += "\(title)</button></th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for summary in summaries {
      let entity = summary.entity
      html += "<tr data-entity=\"e\(summary.index)\" data-id=\"\(HTML.escape(entity.id))\">"
      html +=
        "<td data-value=\"\(HTML.escape(entity.name))\"><a href=\"#documents\" data-filter-entity=\"e\(summary.index)\">"
      html += "\(HTML.escape(entity.name))</a></td>"
      html += "<td data-value=\"\(HTML.escape(entity.type))\">\(HTML.escape(entity.type))</td>"
      html += "<td class=\"num\" data-value=\"\(summary.documents)\">\(summary.documents)</td>"
      for dimension in summary.dimensions {
        for count in [dimension.favor, dimension.neutral, dimension.against] {
          html += "<td class=\"num\" data-value=\"\(count)\">\(count)</td>"
        }
        let label = thresholds.label(for: dimension.meanScore).rawValue
        html +=
          "<td class=\"num mean \(label)\" data-value=\"\(formatNumber(dimension.meanScore))\">"
        html += "\(formatFixed(dimension.meanScore, digits: 2, signed: true)) \(label)</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody></table></div>\n"
  }

  /// Per dimension: a bar of favor / neutral / against document counts, then the mean score on
  /// a −1…+1 axis.
  /// The chart's width in SVG units (about its width on screen, so text keeps its size).
  static let chartWidth = 240

  func chart(_ summary: EntitySummary, name: String) -> String {
    let width = Double(Self.chartWidth)
    let row = 66
    let height = row * summary.dimensions.count - 6
    var described: [String] = []
    var body = ""
    for (d, dimension) in summary.dimensions.enumerated() {
      let y = d * row
      let total = dimension.favor + dimension.neutral + dimension.against
      let meanLabel = thresholds.label(for: dimension.meanScore)
      let dim = HTML.escape(dimension.name)
      described.append(
        "\(dimension.name): \(dimension.favor) favor, \(dimension.neutral) neutral, "
          + "\(dimension.against) against; mean \(formatFixed(dimension.meanScore, digits: 2, signed: true))"
      )
      body += "<g class=\"dimension\" data-dimension=\"\(dim)\">"
      body += "<text class=\"dim\" x=\"0\" y=\"\(y + 12)\">\(dim)</text>"
      body +=
        "<text class=\"mean \(meanLabel.rawValue)\" x=\"\(Self.chartWidth)\" y=\"\(y + 12)\" text-anchor=\"end\">"
      body += "mean \(formatFixed(dimension.meanScore, digits: 2, signed: true))</text>"
      let clip = "clip-e\(summary.index)-d\(d)"
      body +=
        "<clipPath id=\"\(clip)\"><rect x=\"0\" y=\"\(y + 19)\" width=\"\(Self.chartWidth)\" height=\"20\" rx=\"4\"/></clipPath>"
      body +=
        "<g clip-path=\"url(#\(clip))\"><rect class=\"track\" x=\"0\" y=\"\(y + 19)\" width=\"\(Self.chartWidth)\" height=\"20\"/>"
      var x = 0.0
      var labels = ""
      for label in [StanceScore.Label.favor, .neutral, .against] {
        let count = dimension.count(label)
        let w = total > 0 ? width * Double(count) / Double(total) : 0
        body +=
          "<rect class=\"seg \(label.rawValue)\" data-dimension=\"\(dim)\" data-label=\"\(label.rawValue)\" "
        body +=
          "data-count=\"\(count)\" x=\"\(Self.coordinate(x))\" y=\"\(y + 19)\" width=\"\(Self.coordinate(w))\" height=\"20\">"
        body +=
          "<title>\(HTML.escape(name)) · \(dim): \(plural(count, "document")) \(label.rawValue)</title></rect>"
        if count > 0 && w >= 14 {
          labels +=
            "<text class=\"count\" x=\"\(Self.coordinate(x + w / 2))\" y=\"\(y + 33)\" text-anchor=\"middle\">\(count)</text>"
        }
        x += w
      }
      body += "</g>" + labels
      let axisY = y + 54
      let middle = width / 2
      let cx = middle + (middle - 16) * max(-1, min(1, dimension.meanScore))
      body += "<text x=\"0\" y=\"\(axisY + 4)\">−1</text>"
      body += "<text x=\"\(Self.chartWidth)\" y=\"\(axisY + 4)\" text-anchor=\"end\">+1</text>"
      body +=
        "<line class=\"axis\" x1=\"16\" y1=\"\(axisY)\" x2=\"\(Self.coordinate(width - 16))\" y2=\"\(axisY)\"/>"
      body +=
        "<line class=\"tick\" x1=\"\(Self.coordinate(middle))\" y1=\"\(axisY - 5)\" x2=\"\(Self.coordinate(middle))\" y2=\"\(axisY + 5)\"/>"
      body += "<circle class=\"dot \(meanLabel.rawValue)\" data-dimension=\"\(dim)\" "
      body +=
        "data-mean=\"\(formatNumber(dimension.meanScore))\" cx=\"\(Self.coordinate(cx))\" cy=\"\(axisY)\" r=\"5.5\">"
      body +=
        "<title>\(HTML.escape(name)) · \(dim): mean score \(formatFixed(dimension.meanScore, digits: 3, signed: true))</title></circle>"
      body += "</g>"
    }
    let label = HTML.escape("\(name). " + described.joined(separator: ". "))
    return
      "<svg class=\"chart\" data-entity=\"e\(summary.index)\" data-id=\"\(HTML.escape(summary.entity.id))\" viewBox=\"0 0 \(Self.chartWidth) \(height)\" "
      + "width=\"\(Self.chartWidth)\" height=\"\(height)\" role=\"img\" aria-label=\"\(label)\">\(body)</svg>\n"
  }

  // MARK: - Documents

  /// Documents per page when the script pages the list.
  static let pageSize = 50

  private func renderDocuments(_ summaries: [EntitySummary], into html: inout String) {
    html += "<section id=\"documents\" data-page-size=\"\(Self.pageSize)\">\n<h2>Documents</h2>\n"
    if listed.count < documentCount {
      html += "<p class=\"note\" id=\"listed-note\">The list holds the first \(listed.count) of "
      html +=
        "\(documentCount) documents, in input order (<code>--max-documents \(options.maxDocuments)</code>); "
      html += "the charts, the entity table and the figures above count all \(documentCount). "
      html += "The search and the filters look through the listed documents only.</p>\n"
    }
    html +=
      "<p class=\"hint\">Hover over (or tab to) a highlight to see its evidence: the lexicon entry "
    html += "and its FILE:LINE, base and applied weight, and the words that changed it.</p>\n"
    html +=
      "<ul class=\"legend\"><li><span class=\"swatch mention\"></span>entity mention, its type above it</li>"
    html += "<li><span class=\"swatch pos\"></span>hit raising the score (solid underline)</li>"
    html += "<li><span class=\"swatch neg\"></span>hit lowering the score (wavy underline)</li>"
    html +=
      "<li><span class=\"swatch mod\"></span>negator, booster, dampener or contrast word (dotted)</li></ul>\n"
    html += "<div class=\"filters\" id=\"filters\" role=\"search\" hidden>"
    html +=
      "<label>Search <input type=\"search\" id=\"filter-text\" placeholder=\"words of the text or id\" size=\"22\"></label>"
    html += "<label>Entity <select id=\"filter-entity\"><option value=\"\">any</option>"
    for summary in summaries {
      html +=
        "<option value=\"e\(summary.index)\">\(HTML.escape(summary.entity.name)) (\(summary.documents))</option>"
    }
    html += "</select></label>"
    if dimensions.count > 1 {
      html += "<label>Dimension <select id=\"filter-dimension\"><option value=\"\">any</option>"
      for (d, dimension) in dimensions.enumerated() {
        html += "<option value=\"d\(d)\">\(HTML.escape(dimension))</option>"
      }
      html += "</select></label>"
    }
    html += "<label>Label <select id=\"filter-label\"><option value=\"\">any</option>"
    for label in [StanceScore.Label.favor, .neutral, .against] {
      html += "<option value=\"\(label.rawValue)\">\(label.rawValue)</option>"
    }
    html += "</select></label><output id=\"filter-count\"></output>"
    html += "<nav class=\"pager\" id=\"pager\" aria-label=\"Pages of documents\">"
    html += "<button type=\"button\" id=\"page-prev\">← Previous</button>"
    html += "<span id=\"page-info\"></span>"
    html += "<button type=\"button\" id=\"page-next\">Next →</button></nav></div>\n"
    if documentCount == 0 { html += "<p class=\"none\">No documents.</p>\n" }
    for document in listed { renderDocument(document, into: &html) }
    html += "</section>\n"
  }

  private func renderDocument(_ document: ReportDocument, into html: inout String) {
    var tokens: [String] = []
    var chips = ""
    for entry in document.entities {
      let e = entityIndex[entry.entity.id] ?? 0
      for score in entry.scores {
        let d = dimensions.firstIndex(of: score.dimension) ?? 0
        tokens.append("e\(e).d\(d).\(score.label.rawValue)")
        chips += "<li class=\"chip \(score.label.rawValue)\" data-entity=\"e\(e)\"><b>"
        chips += HTML.escape(entry.entity.name) + "</b> "
        if dimensions.count > 1 { chips += HTML.escape(score.dimension) + ": " }
        chips += "\(score.label.rawValue) \(formatFixed(score.score, digits: 2, signed: true))</li>"
      }
    }
    html +=
      "<article class=\"doc\" id=\"doc-\(document.number)\" data-stance=\"\(tokens.joined(separator: " "))\">\n"
    html += "<header><h3 class=\"mono\">\(HTML.escape(document.id))</h3>"
    var meta = document.place.isEmpty ? [] : [document.place]
    for member in document.meta { meta.append("\(member.key): \(member.value)") }
    html += "<p class=\"meta\">\(meta.map(HTML.escape).joined(separator: " · "))</p></header>\n"
    if chips.isEmpty {
      html += "<p class=\"none\">No entity mentioned.</p>\n"
    } else {
      html += "<ul class=\"chips\">\(chips)</ul>\n"
    }
    for warning in document.warnings {
      html +=
        "<p class=\"warn\">\(HTML.escape(warning.code)): \(HTML.escape(warning.message))</p>\n"
    }
    for problem in document.problems {
      html += "<p class=\"warn\">\(HTML.escape(problem.description))</p>\n"
    }
    if let text = document.text {
      html += "<div class=\"text\">"
      let marks = self.marks(document)
      for piece in TextHighlighter.pieces(of: text, spans: marks.map(\.range)) {
        guard let m = piece.span else {
          html += HTML.escape(piece.text)
          continue
        }
        let mark = marks[m]
        html +=
          "<mark class=\"hl \(mark.classes)\" tabindex=\"0\" data-start=\"\(mark.range.lowerBound)\" "
        html +=
          "data-end=\"\(mark.range.upperBound)\"\(mark.attributes) data-tip=\"\(HTML.escape(mark.tip))\">"
        html += HTML.escape(piece.text) + "</mark>"
      }
      html += "</div>\n"
    }
    let parts = document.overall.map { score in
      "\(HTML.escape(score.dimension)): \(score.label.rawValue) \(formatFixed(score.score, digits: 2, signed: true)) "
        + "(\(plural(score.hits, "hit")))"
    }
    html +=
      "<p class=\"docscore\">Whole document · \(parts.joined(separator: " · "))</p>\n</article>\n"
  }

  // MARK: - Errors

  private func renderErrors(into html: inout String) {
    guard errorCount > 0 else { return }
    html += "<section id=\"errors\">\n<h2>Input errors</h2>\n"
    html +=
      "<p class=\"hint\">Records that could not be read as documents (error records of <code>pipeline run</code>).</p>\n"
    if errors.count < errorCount {
      html += "<p class=\"note\">The table holds the first \(errors.count) of \(errorCount).</p>\n"
    }
    html +=
      "<table class=\"errors\"><thead><tr><th>source</th><th>line</th><th>id</th><th>code</th><th>message</th></tr></thead><tbody>\n"
    for error in errors {
      html += "<tr class=\"error\"><td class=\"mono\">\(HTML.escape(error.source))</td>"
      html += "<td>\(error.line.map(String.init) ?? "")</td>"
      html += "<td class=\"mono\">\(HTML.escape(error.id))</td>"
      html +=
        "<td class=\"mono\">\(HTML.escape(error.code))</td><td>\(HTML.escape(error.message))</td></tr>\n"
    }
    html += "</tbody></table>\n</section>\n"
  }

  // MARK: - Embedded data

  /// The chart numbers as JSON, for anyone who wants them from the page.
  func dataJSON(_ summaries: [EntitySummary]) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.key("title")
    w.string(options.title)
    w.key("documents")
    w.int(documentCount)
    w.key("listed")
    w.int(listed.count)
    w.key("errors")
    w.int(errorCount)
    w.key("entities")
    w.beginArray()
    for summary in summaries {
      let entity = summary.entity
      w.beginObject()
      w.key("entity")
      w.string(entity.id)
      w.key("type")
      w.string(entity.type)
      w.key("name")
      w.string(entity.name)
      w.key("documents")
      w.int(summary.documents)
      w.key("stance")
      w.beginObject()
      for dimension in summary.dimensions {
        w.key(dimension.name)
        w.beginObject()
        w.key("favor")
        w.int(dimension.favor)
        w.key("neutral")
        w.int(dimension.neutral)
        w.key("against")
        w.int(dimension.against)
        w.key("mean")
        w.double(dimension.meanScore)
        w.endObject()
      }
      w.endObject()
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return String(decoding: w.bytes, as: UTF8.self)
  }

  // MARK: - Formatting

  /// A JSON value as a person reads it: strings without quotes, anything else as JSON.
  static func text(of value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    case .number(let n): return n
    default:
      var w = JSONWriter()
      w.value(value)
      return String(decoding: w.bytes, as: UTF8.self)
    }
  }

  /// A weight or factor as `pipeline run` writes it (4 decimals), with a real minus sign.
  static func number(_ value: Double) -> String {
    let text = formatNumber(value)
    return text.hasPrefix("-") ? "−" + text.dropFirst() : text
  }

  static func signed(_ value: Double) -> String {
    let text = number(value)
    return value > 0 && text != "0" ? "+" + text : text
  }

  /// An SVG coordinate: two decimals at most, no sign for positive values.
  static func coordinate(_ value: Double) -> String {
    formatNumber((value * 100).rounded() / 100)
  }
}
