import JSON
import PipelineKit
import Stance

/// One line of `pipeline run` output, read back for `pipeline report --from-output`.
enum OutputRecord {
  case document(ReportDocument)
  case error(HTMLReport.ErrorRow)

  /// Reads line `line` of `source` (a file of `pipeline run` output). A line that is not such a
  /// record becomes an error row that says so.
  static func read(_ bytes: [UInt8], source: String, line: Int) -> OutputRecord {
    func failure(_ problem: OutputLineProblem) -> OutputRecord {
      .error(
        .init(
          source: source, line: line, id: "", code: problem.code, message: problem.description))
    }
    let value: JSONValue
    do { value = try JSONParser.parse(bytes).value } catch {
      return failure(.invalidJSON("\(error)"))
    }
    guard case .object = value else { return failure(.notAnObject(found: value.kindDescription)) }
    let id = value["id"]?.string ?? ""
    for member in ["error", "warning"] {
      guard let problem = value[member] else { continue }
      var place: Int?
      if case .number(let n)? = value["line"] { place = Int(n) }
      return .error(
        .init(
          source: value["source"]?.string ?? "", line: place, id: id,
          code: problem["code"]?.string ?? member, message: problem["message"]?.string ?? ""))
    }
    guard case .array(let entities)? = value["entities"],
      case .array(let document)? = value["document"]
    else { return failure(.notAnOutputRecord) }
    return .document(
      ReportDocument(number: line, id: id, entities: entities, document: document, record: value))
  }
}

/// Why a line of `--from-output` is not a record of `pipeline run` (listed as an error row of
/// the report, with `code` and the wording of `description`).
enum OutputLineProblem: Equatable, CustomStringConvertible {
  case invalidJSON(String)
  case notAnObject(found: String)
  case notAnOutputRecord

  var code: String {
    switch self {
    case .invalidJSON: return "invalid_json"
    case .notAnObject: return "not_an_object"
    case .notAnOutputRecord: return "not_an_output_record"
    }
  }

  var description: String {
    switch self {
    case .invalidJSON(let reason): return "invalid JSON: \(reason)"
    case .notAnObject(let found): return "expected a JSON object, found \(found)"
    case .notAnOutputRecord:
      return
        "expected a record of 'pipeline run' (members 'entities' and 'document', or 'error' or 'warning'), found neither"
    }
  }
}

extension JSONValue {
  fileprivate var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  fileprivate var int: Int {
    if case .number(let n) = self { return Int(n) ?? Int(Double(n) ?? 0) }
    return 0
  }

  fileprivate var double: Double {
    if case .number(let n) = self { return Double(n) ?? 0 }
    return 0
  }

  fileprivate var list: [JSONValue] {
    if case .array(let a) = self { return a }
    return []
  }

  fileprivate var range: Range<Int> {
    let start = self["start"]?.int ?? 0
    return start..<max(start, self["end"]?.int ?? 0)
  }
}

extension ReportDocument {
  /// A document record as `RecordWriter` writes it (format 3), without its text: the mentions
  /// found in the gazetteer (not the pronouns and role nouns coreference resolved), and the hits
  /// of every entity's `evidence`, each once (hits that count for no entity are not in the
  /// output, nor any hit under `--evidence none`).
  fileprivate init(
    number: Int, id: String, entities: [JSONValue], document: [JSONValue], record: JSONValue
  ) {
    func score(_ value: JSONValue) -> Score {
      Score(
        dimension: value["dimension"]?.string ?? "",
        label: StanceScore.Label(rawValue: value["label"]?.string ?? "") ?? .neutral,
        score: value["score"]?.double ?? 0, hits: value["hits"]?.int ?? 0)
    }
    self.number = number
    self.id = id
    place = ""
    meta = []
    if case .object(let members)? = record["meta"] {
      meta = members.map { ($0.key, HTMLReport.text(of: $0.value)) }
    }
    warnings = (record["warnings"]?.list ?? []).map {
      (code: $0["code"]?.string ?? "", message: $0["message"]?.string ?? "")
    }
    text = nil
    overall = document.map(score)
    var entityScores: [EntityScores] = []
    var mentions: [Mention] = []
    var hits: [Hit] = []
    var hitIndex: [String: Int] = [:]
    for value in entities {
      let entity = ReportEntity(
        id: value["entity"]?.string ?? "", name: value["name"]?.string ?? "",
        type: value["type"]?.string ?? "")
      entityScores.append(
        EntityScores(entity: entity, scores: (value["stance"]?.list ?? []).map(score)))
      for mention in value["mentions"]?.list ?? [] where mention["via"] == nil {
        mentions.append(
          Mention(
            range: mention.range, text: mention["text"]?.string ?? "", entity: entity, detail: ""))
      }
      for evidence in value["evidence"]?.list ?? [] {
        let range = evidence.range
        let dimension = evidence["dimension"]?.string ?? ""
        let term = evidence["term"]?.string ?? ""
        let key = "\(range.lowerBound) \(range.upperBound) \(dimension) \(term)"
        if let known = hitIndex[key] {
          hits[known].countsFor.append(entity.name)
          continue
        }
        hitIndex[key] = hits.count
        hits.append(
          Hit(
            range: range, dimension: dimension, term: term,
            location: evidence["source"]?.string ?? "", text: evidence["text"]?.string ?? "",
            base: evidence["base"]?.double ?? 0, weight: evidence["weight"]?.double ?? 0,
            modifiers: (evidence["modifiers"]?.list ?? []).map { modifier in
              let effect: AppliedModifier.Effect =
                modifier["factor"] != nil
                ? .factor(modifier["factor"]!.double) : .delta(modifier["delta"]?.double ?? 0)
              return Modifier(
                kind: modifier["kind"]?.string ?? "", text: modifier["text"]?.string ?? "",
                range: modifier.range, effect: effect)
            },
            countsFor: [entity.name]))
      }
    }
    self.entities = entityScores
    self.mentions = mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    self.hits = hits.sorted {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }
  }

  /// Joins the document's text (from `--texts`) to it, checking that every span of the output
  /// is that text: when one is not, the text is shown without highlights and the problem is
  /// said.
  mutating func attach(text: String, place: String) {
    self.text = text
    self.place = place
    let scalars = Array(text.unicodeScalars)
    func slice(_ range: Range<Int>) -> String? {
      guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[range])
      return String(s)
    }
    let spans =
      mentions.map { ($0.range, $0.text) } + hits.map { ($0.range, $0.text) }
      + hits.flatMap { $0.modifiers.map { ($0.range, $0.text) } }
    for (range, expected) in spans where slice(range) != expected && !expected.isEmpty {
      problems.append(.textMismatch(span: range, expected: expected, found: slice(range)))
      mentions = []
      hits = []
      return
    }
  }
}
