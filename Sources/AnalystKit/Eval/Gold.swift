import Entities
import JSON
import Stance
import Tokenize

/// Hand annotations of one document: the entities a careful reader finds, with the stance the
/// text attributes to each and, optionally, the exact mention spans.
///
/// A gold line: `{"id": ID, "entities": [{"entity": ID, "stance"?: "favor"|"against"|"neutral",
/// "mentions"?: [[start, end], …]}]}`; spans are half-open Unicode code point offsets, the
/// convention of the output records.
public struct GoldDocument: Sendable, Equatable {
  public var id: String
  public var entities: [GoldEntity]
  /// Where the line was read.
  public var location: SourceLocation

  public init(id: String, entities: [GoldEntity], location: SourceLocation) {
    self.id = id
    self.entities = entities
    self.location = location
  }
}

/// One annotated entity of a gold document.
public struct GoldEntity: Sendable, Equatable {
  public var entity: String
  /// Nil when the annotator gave no stance (the entity counts for detection only).
  public var stance: StanceScore.Label?
  /// Nil when the annotator gave no spans (the entity counts at document level only).
  public var mentions: [Span]?

  public init(entity: String, stance: StanceScore.Label? = nil, mentions: [Span]? = nil) {
    self.entity = entity
    self.stance = stance
    self.mentions = mentions
  }
}

/// A half-open span of Unicode code point offsets.
public struct Span: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  public var description: String { "[\(start), \(end))" }
  public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

extension GoldDocument {
  /// Reads a gold file: one JSON object a line; blank lines are skipped but counted.
  ///
  /// Throws `AnalystError.gold` naming `FILE:LINE` for the first line that is not valid JSON,
  /// lacks an id or entities, has an unknown label, a malformed span, or repeats an id or an
  /// entity.
  /// The gold entity ids that `gazetteer` does not define (they can never be found), in file
  /// order: each with where it is first annotated and in how many documents.
  public static func undefinedEntities(
    _ documents: [GoldDocument], in gazetteer: Gazetteer
  ) -> [(entity: String, first: SourceLocation, documents: Int)] {
    var result: [(entity: String, first: SourceLocation, documents: Int)] = []
    var index: [String: Int] = [:]
    for document in documents {
      for annotated in document.entities where gazetteer.entity(id: annotated.entity) == nil {
        if let i = index[annotated.entity] {
          result[i].documents += 1
        } else {
          index[annotated.entity] = result.count
          result.append((annotated.entity, document.location, 1))
        }
      }
    }
    return result
  }

  public static func load(_ bytes: [UInt8], path: String) throws(AnalystError) -> [GoldDocument] {
    var documents: [GoldDocument] = []
    var seen: [String: Int] = [:]
    for (lineNumber, line) in ByteLines(bytes) {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let at = SourceLocation(file: path, line: lineNumber)
      let document = try parse(Array(line), at: at)
      if let first = seen[document.id] {
        throw .gold(at, .repeatedID(document.id, firstLine: first))
      }
      seen[document.id] = lineNumber
      documents.append(document)
    }
    return documents
  }

  /// Parses one gold line.
  static func parse(_ line: [UInt8], at: SourceLocation) throws(AnalystError) -> GoldDocument {
    let value: JSONValue
    do { value = try JSONParser.parse(line).value } catch {
      throw .gold(at, .invalidJSON("\(error)"))
    }
    guard case .object = value else {
      throw .gold(at, .notAnObject(found: value.kindDescription))
    }
    let id: String
    switch value["id"] {
    case .string(let s)?: id = s
    case .number(let n)?: id = n
    case nil: throw .gold(at, .missingID)
    case let other?: throw .gold(at, .invalidID(found: other.kindDescription))
    }
    guard let entitiesValue = value["entities"] else {
      throw .gold(at, .missingEntities)
    }
    guard case .array(let elements) = entitiesValue else {
      throw .gold(at, .entitiesNotAnArray(found: entitiesValue.kindDescription))
    }
    var entities: [GoldEntity] = []
    for (n, element) in elements.enumerated() {
      let entity = try parseEntity(element, at: at, index: n)
      if entities.contains(where: { $0.entity == entity.entity }) {
        throw .gold(at, .repeatedEntity(entity.entity))
      }
      entities.append(entity)
    }
    return GoldDocument(id: id, entities: entities, location: at)
  }

  private static func parseEntity(_ value: JSONValue, at: SourceLocation, index: Int)
    throws(AnalystError) -> GoldEntity
  {
    guard case .object = value else {
      throw .gold(at, .entityNotAnObject(index: index, found: value.kindDescription))
    }
    guard case .string(let entity)? = value["entity"], !entity.isEmpty else {
      throw .gold(
        at,
        .invalidEntityID(index: index, found: value["entity"].map { $0.kindDescription } ?? "none"))
    }
    let place = GoldProblem.Place(index: index, entity: entity)
    var stance: StanceScore.Label?
    switch value["stance"] {
    case nil, .null?: break
    case .string(let label)?:
      guard let parsed = StanceScore.Label(rawValue: label) else {
        throw .gold(at, .invalidStance(place, found: "'\(label)'"))
      }
      stance = parsed
    case let other?:
      throw .gold(at, .invalidStance(place, found: other.kindDescription))
    }
    var mentions: [Span]?
    if let spans = value["mentions"] {
      mentions = try parseSpans(spans, at: at, place: place)
    }
    return GoldEntity(entity: entity, stance: stance, mentions: mentions)
  }

  private static func parseSpans(
    _ value: JSONValue, at: SourceLocation, place: GoldProblem.Place
  ) throws(AnalystError) -> [Span] {
    guard case .array(let elements) = value else {
      throw .gold(at, .mentionsNotAnArray(place, found: value.kindDescription))
    }
    var spans: [Span] = []
    for element in elements {
      guard case .array(let pair) = element, pair.count == 2,
        case .number(let a) = pair[0], case .number(let b) = pair[1],
        let start = Int(a), let end = Int(b)
      else {
        throw .gold(at, .invalidSpan(place, found: describe(element)))
      }
      guard start >= 0, start < end else {
        throw .gold(at, .emptySpan(place, Span(start, end)))
      }
      spans.append(Span(start, end))
    }
    return spans
  }

  private static func describe(_ value: JSONValue) -> String {
    var w = JSONWriter()
    w.value(value)
    return String(decoding: w.bytes, as: UTF8.self)
  }
}
