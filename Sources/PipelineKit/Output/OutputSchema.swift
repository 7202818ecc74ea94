import JSON
import Stance

/// The published shape of `pipeline run`'s JSON Lines output, in one description with two
/// renderings: a JSON Schema (draft 2020-12) and a Spark DDL string for
/// `spark.read.schema(…).json(…)`. `pipeline schema` prints them; a test validates every golden
/// output line against the JSON Schema, so the description and `RecordWriter` cannot drift.
///
/// A line is a document record or an error record (`oneOf`). Spark has no union type, so the
/// DDL is one struct with the fields of both, each nullable: a document record has `error`
/// null, an error record has `entities` null.
///
/// ```swift
/// print(OutputSchema.jsonSchema())   // what `pipeline schema` prints
/// print(OutputSchema.sparkDDL)       // "`id` STRING, `entities` ARRAY<STRUCT<…>>, …"
/// ```
public enum OutputSchema {
  /// Bumped whenever a field is added, removed, renamed or retyped. 1 was the shape before
  /// 2 (stance keyed by dimension name; `id` a number when the input's was); 3 adds each
  /// evidence hit's `role`, `rule` and `mention`, and mentions found by coreference (`via`).
  public static let formatVersion = 4

  /// The type of one JSON value.
  public indirect enum Kind: Sendable {
    case string
    case integer
    case number
    /// A string from a fixed list.
    case oneOfStrings([String])
    /// `null` or the wrapped kind.
    case nullable(Kind)
    case array(Kind)
    case object([Field])
    /// An object with any members (carried through from the input).
    case anyObject
  }

  /// One member of an object.
  public struct Field: Sendable {
    public let name: String
    public let kind: Kind
    /// Present in every record (optional members may be absent).
    public let required: Bool
    public let description: String

    public init(_ name: String, _ kind: Kind, required: Bool = true, _ description: String) {
      self.name = name
      self.kind = kind
      self.required = required
      self.description = description
    }
  }

  static let labels = StanceScore.Label.allCases.map(\.rawValue)

  /// `{dimension, score, raw, hits, label}`: the same shape whatever the lexicon's dimensions.
  static let score: Kind = .object([
    Field("dimension", .string, "the lexicon dimension (a stance lexicon's third column)"),
    Field("score", .number, "raw / sqrt(raw² + 15), in [-1, 1]"),
    Field("raw", .number, "the sum of the applied weights of the hits"),
    Field("hits", .integer, "the number of lexicon hits counted"),
    Field("label", .oneOfStrings(labels), "from the score and the label thresholds"),
  ])

  static let modifier: Kind = .object([
    Field(
      "kind", .oneOfStrings(Modifiers.Kind.allCases.map(\.rawValue)),
      "what the word does to the hit"),
    Field(
      "text", .string,
      "the modifier word as it appears in the text (for attitude, the term it governs)"),
    Field("start", .integer, "code point offset of the word in the text"),
    Field("end", .integer, "code point offset after the word (half-open)"),
    Field(
      "factor", .number, required: false,
      "the multiplier (negator, contrast, the shifters, attitude)"),
    Field("delta", .number, required: false, "the change in magnitude (booster, dampener)"),
  ])

  static let hit: Kind = .object([
    Field("dimension", .string, "the dimension of the lexicon entry"),
    Field("term", .string, "the lexicon entry as written"),
    Field("source", .string, "FILE:LINE of the lexicon entry"),
    Field("text", .string, "the matched text"),
    Field("start", .integer, "code point offset of the match"),
    Field("end", .integer, "code point offset after the match (half-open)"),
    Field("sentence", .integer, "0-based sentence index"),
    Field("base", .number, "the entry's weight"),
    Field("weight", .number, "the weight after the modifiers"),
    Field("modifiers", .array(modifier), "the words that changed the weight, in the order applied"),
    Field(
      "role", .oneOfStrings(Role.allCases.map(\.rawValue)),
      "what the entity is to the hit: it does or says it (agent), it is done to or said about it (target), or neither (mentioned)"
    ),
    Field(
      "rule", .oneOfStrings(RoleRule.allCases.map(\.rawValue)),
      "the role rule that decided it (lexicons/README.md, Roles)"),
    Field(
      "share", .number, required: false,
      "the part of the weight that counts for this entity, when not all of it does (policy target)"),
    Field(
      "mention", evidenceMention, "the mention (or pronoun, role noun) the role was decided through"
    ),
  ])

  static let via: Kind = .oneOfStrings([MentionVia.pronoun.rawValue, MentionVia.roleNoun.rawValue])

  static let evidenceMention: Kind = .object([
    Field("start", .integer, "code point offset of the mention"),
    Field("end", .integer, "code point offset after the mention (half-open)"),
    Field("text", .string, "the mention as it appears in the text"),
    Field("via", via, required: false, "present for a reference found by coreference"),
  ])

  static let mention: Kind = .object([
    Field("start", .integer, "code point offset of the mention"),
    Field("end", .integer, "code point offset after the mention (half-open)"),
    Field("text", .string, "the mention as it appears in the text"),
    Field("sentence", .integer, "0-based sentence index"),
    Field(
      "via", via, required: false,
      "present for a pronoun or role noun resolved to the entity by coreference"),
  ])

  static let entity: Kind = .object([
    Field("entity", .string, "the gazetteer's entity id"),
    Field("type", .string, "the entity type (PERSON, ORG, GPE, …)"),
    Field("name", .string, "the display name"),
    Field("mentions", .array(mention), "in text order"),
    Field("stance", .array(score), "per dimension, over the hits that count for this entity"),
    Field(
      "evidence", .array(hit), required: false,
      "the hits that count for this entity under its dimension's attribution policy (all of them; with --evidence summary the strongest; absent with --evidence none)"
    ),
  ])

  static let warning: Kind = .object([
    Field("code", .string, "invalid_utf8, lone_surrogate"),
    Field("message", .string, "what was repaired"),
  ])

  static let id = Field(
    "id", .string,
    "the input's id as a string (a number keeps its text), else the generated key SOURCE:LINE (or SOURCE#HASH with --record-key content)"
  )

  /// The fields of a document record, in output order.
  public static let documentFields: [Field] = [
    id,
    Field("entities", .array(entity), "in order of first mention"),
    Field("document", .array(score), "per dimension, over every hit of the document (each once)"),
    Field("warnings", .array(warning), "repairs made to the input (empty when none)"),
    Field("meta", .anyObject, required: false, "the input record's other fields, when it had some"),
  ]

  /// The fields of an error record, in output order.
  public static let errorFields: [Field] = [
    id,
    Field("source", .string, "the input file ('-' or --source-name for stdin)"),
    Field(
      "line", .nullable(.integer),
      "1-based line in the source; null for a whole file, and with --record-key content (the id locates the record)"
    ),
    Field(
      "error",
      .object([
        Field(
          "code", .oneOfStrings(RecordError.Code.allCases.filter { !$0.isWarning }.map(\.rawValue)),
          "what is wrong"),
        Field("message", .string, "the same in words"),
      ]), "why the record is not a document"),
  ]

  /// The fields of a warning record (an input a directory walk skipped), in output order.
  public static let warningRecordFields: [Field] = [
    id,
    Field("source", .string, "the skipped file"),
    Field("line", .nullable(.integer), "null (a whole file)"),
    Field(
      "warning",
      .object([
        Field(
          "code", .oneOfStrings(RecordError.Code.allCases.filter(\.isWarning).map(\.rawValue)),
          "why it was skipped"),
        Field("message", .string, "the same in words"),
      ]), "an input that was not read"),
  ]

  // MARK: JSON Schema

  /// The JSON Schema of one output line, indented two spaces.
  public static func jsonSchema() -> String {
    let root: JSONValue = .object([
      member("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      member("title", .string("stance-pipeline output record")),
      member(
        "description",
        .string(
          "One line of `pipeline run` JSON Lines output: a document record or an error record.")),
      member("x-format-version", .number(String(formatVersion))),
      member(
        "oneOf",
        .array([
          object(documentFields, title: "document record"),
          object(errorFields, title: "error record"),
          object(warningRecordFields, title: "warning record"),
        ])),
    ])
    var out = ""
    pretty(root, indent: "", into: &out)
    return out + "\n"
  }

  static func member(_ key: String, _ value: JSONValue) -> JSONMember {
    JSONMember(key: key, value: value)
  }

  static func object(_ fields: [Field], title: String? = nil) -> JSONValue {
    var members: [JSONMember] = []
    if let title { members.append(member("title", .string(title))) }
    members.append(member("type", .string("object")))
    members.append(
      member(
        "properties",
        .object(fields.map { member($0.name, schema($0.kind, description: $0.description)) })))
    members.append(member("required", .array(fields.filter(\.required).map { .string($0.name) })))
    members.append(member("additionalProperties", .bool(false)))
    return .object(members)
  }

  static func schema(_ kind: Kind, description: String? = nil) -> JSONValue {
    var value: JSONValue
    switch kind {
    case .string: value = .object([member("type", .string("string"))])
    case .integer: value = .object([member("type", .string("integer"))])
    case .number: value = .object([member("type", .string("number"))])
    case .oneOfStrings(let choices):
      value = .object([
        member("type", .string("string")), member("enum", .array(choices.map(JSONValue.string))),
      ])
    case .nullable(let inner):
      guard case .object(var members) = schema(inner),
        case .string(let type)? = JSONValue.object(members)["type"]
      else { preconditionFailure("nullable wraps a typed kind") }
      members.removeAll { $0.key == "type" }
      members.insert(member("type", .array([.string(type), .string("null")])), at: 0)
      value = .object(members)
    case .array(let element):
      value = .object([member("type", .string("array")), member("items", schema(element))])
    case .object(let fields): value = object(fields)
    case .anyObject: value = .object([member("type", .string("object"))])
    }
    if let description, case .object(var members) = value {
      members.insert(member("description", .string(description)), at: 0)
      value = .object(members)
    }
    return value
  }

  /// Indented JSON: objects and arrays one member a line, empty ones and scalar-only arrays on
  /// one line.
  static func pretty(_ value: JSONValue, indent: String, into out: inout String) {
    func scalar(_ value: JSONValue) -> String {
      var w = JSONWriter()
      w.value(value)
      return String(decoding: w.bytes, as: UTF8.self)
    }
    let inner = indent + "  "
    switch value {
    case .object(let members) where !members.isEmpty:
      out += "{\n"
      for (index, m) in members.enumerated() {
        out += inner + scalar(.string(m.key)) + ": "
        pretty(m.value, indent: inner, into: &out)
        out += index == members.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    case .array(let elements)
    where elements.contains(where: {
      if case .object = $0 { return true }
      return false
    }):
      out += "[\n"
      for (index, element) in elements.enumerated() {
        out += inner
        pretty(element, indent: inner, into: &out)
        out += index == elements.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .array(let elements):
      out += "[" + elements.map(scalar).joined(separator: ", ") + "]"
    default:
      out += scalar(value)
    }
  }

  // MARK: Spark DDL

  /// A Spark DDL string for the output (`spark.read.schema(OutputSchema.sparkDDL).json(path)`):
  /// the fields of every record kind in one struct, document fields first.
  public static var sparkDDL: String {
    var fields = documentFields
    for field in errorFields + warningRecordFields
    where !fields.contains(where: { $0.name == field.name }) { fields.append(field) }
    return fields.map { "`\($0.name)` \(ddl($0.kind))" }.joined(separator: ", ")
  }

  static func ddl(_ kind: Kind) -> String {
    switch kind {
    case .string, .oneOfStrings: return "STRING"
    case .integer: return "BIGINT"
    case .number: return "DOUBLE"
    case .nullable(let inner): return ddl(inner)
    case .array(let element): return "ARRAY<\(ddl(element))>"
    case .object(let fields):
      return "STRUCT<" + fields.map { "`\($0.name)`: \(ddl($0.kind))" }.joined(separator: ", ")
        + ">"
    // Spark reads a nested value into a STRING column as its JSON text.
    case .anyObject: return "MAP<STRING, STRING>"
    }
  }
}
