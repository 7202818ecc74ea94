import Foundation
import JSON
import TestSupport
import Testing

@testable import PipelineKit

/// The published schema (`pipeline schema`) against what `pipeline run` writes: every golden
/// line validates, the shape does not change with the lexicon's dimensions, and the Spark DDL
/// names the same fields.
@Suite("Output schema")
struct OutputSchemaTests {
  static let schema = try! JSONParser.parse(Array(OutputSchema.jsonSchema().utf8)).value

  @Test(arguments: ["news.jsonl", "txt.jsonl", "bad.jsonl"])
  func everyGoldenLineValidates(_ snapshot: String) throws {
    let text = try String(contentsOfFile: testDirectory + "/Snapshots/" + snapshot, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(!lines.isEmpty)
    for (index, line) in lines.enumerated() {
      let record = try JSONParser.parse(Array(line.utf8)).value
      let problems = SchemaValidator.problems(record, against: Self.schema)
      #expect(problems.isEmpty, "\(snapshot):\(index + 1): \(problems.joined(separator: "; "))")
    }
  }

  /// Two dimensions, numeric and missing ids, content keys, a meta field: same schema.
  @Test func theShapeDoesNotDependOnTheLexiconOrTheInput() throws {
    let directory = NSTemporaryDirectory() + "schema-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "prais*\t2\tcooperation\nlaunch*\t1\tspaceflight\n".write(
      toFile: directory + "/two.tsv", atomically: true, encoding: .utf8)
    let input = """
      {"id": 17, "text": "NASA praised the Roscosmos launch.", "lang": "en", "tags": [1, {"a": null}]}
      {"text": "Roscosmos praised nobody."}
      [1, 2]

      """
    for keys in ["line", "content"] {
      let result = try PipelineProcess.run(
        [
          "run", "--quiet", "--no-default-lexicons", "--gazetteer",
          Repository.path("lexicons/entities"),
          "--lexicon", directory + "/two.tsv", "--record-key", keys, "-",
        ], stdin: input)
      #expect(result.status == 0, "\(result.stderr)")
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.count == 3)
      for line in lines {
        let record = try JSONParser.parse(Array(line.utf8)).value
        let problems = SchemaValidator.problems(record, against: Self.schema)
        #expect(problems.isEmpty, "\(line.prefix(120)): \(problems.joined(separator: "; "))")
      }
      #expect(lines[0].hasPrefix(#"{"id":"17","#))
      #expect(lines[0].contains(#""document":[{"dimension":"cooperation","#))
      #expect(lines[0].contains(#"{"dimension":"spaceflight","#))
      let generated = keys == "line" ? #"{"id":"-:2","# : #"{"id":"-#"#
      #expect(lines[1].hasPrefix(generated), "\(lines[1].prefix(60))")
      #expect(
        lines[2].hasPrefix(keys == "line" ? #"{"id":"-:3","source":"-","line":3,"# : #"{"id":"-#"#))
      if keys == "content" { #expect(lines[2].contains(#","source":"-","line":null,"#)) }
    }
  }

  /// The validator itself rejects what it should (so a passing validation means something).
  @Test(arguments: [
    (#"{"id":1,"entities":[],"document":[],"warnings":[]}"#, "id"),
    (#"{"id":"x","entities":[],"document":{},"warnings":[]}"#, "document"),
    (#"{"id":"x","entities":[],"document":[],"warnings":["w"]}"#, "warnings"),
    (#"{"id":"x","entities":[],"document":[],"warnings":[],"extra":1}"#, "extra"),
    (#"{"id":"x","entities":[],"warnings":[]}"#, "document"),
    (#"{"id":"x","source":"-","line":1.5,"error":{"code":"invalid_json","message":"m"}}"#, "line"),
    (#"{"id":"x","source":"-","line":1,"error":{"code":"no_such_code","message":"m"}}"#, "code"),
  ])
  func theValidatorRejectsWrongRecords(_ json: String, _ culprit: String) throws {
    let record = try JSONParser.parse(Array(json.utf8)).value
    let problems = SchemaValidator.problems(record, against: Self.schema)
    #expect(problems.contains { $0.contains(culprit) }, "\(problems)")
  }

  @Test func theSparkDDLNamesEveryFieldOfEveryRecordKind() {
    let ddl = OutputSchema.sparkDDL
    var topLevel: [String] = []
    var depth = 0
    var current = ""
    for character in ddl {
      if character == "<" { depth += 1 } else if character == ">" { depth -= 1 }
      if depth == 0 && character == "," {
        topLevel.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    topLevel.append(current.trimmingCharacters(in: .whitespaces))
    #expect(depth == 0)
    #expect(
      topLevel.map { String($0.split(separator: " ")[0]) }
        == [
          "`id`", "`entities`", "`document`", "`warnings`", "`meta`", "`source`", "`line`",
          "`error`", "`warning`",
        ])
    #expect(
      ddl.contains(
        "`stance`: ARRAY<STRUCT<`dimension`: STRING, `score`: DOUBLE, `raw`: DOUBLE, `hits`: BIGINT, `label`: STRING>>"
      ))
  }

  @Test func pipelineSchemaPrintsThePublishedSchema() throws {
    let json = try PipelineProcess.run(["schema"])
    #expect(json.status == 0)
    #expect(json.stdout == OutputSchema.jsonSchema())
    #expect(json.stdout.contains(#""x-format-version": \#(OutputSchema.formatVersion)"#))
    let ddl = try PipelineProcess.run(["schema", "--spark-ddl"])
    #expect(ddl.stdout == OutputSchema.sparkDDL + "\n")
  }

  /// Documentation/output-format.md lists every field of the schema, Documentation/tables.md
  /// every column, so the reference cannot fall behind the code.
  @Test func theReferencePagesNameEveryFieldAndColumn() throws {
    let format = try String(
      contentsOfFile: Repository.path("Documentation/output-format.md"), encoding: .utf8)
    func paths(_ fields: [OutputSchema.Field], prefix: String) -> [String] {
      fields.flatMap { field -> [String] in
        let path = prefix.isEmpty ? field.name : prefix + "." + field.name
        var kind = field.kind
        var suffix = ""
        while true {
          if case .array(let element) = kind {
            kind = element
            suffix += "[]"
            continue
          }
          if case .nullable(let inner) = kind {
            kind = inner
            continue
          }
          break
        }
        if case .object(let inner) = kind { return [path] + paths(inner, prefix: path + suffix) }
        return [path]
      }
    }
    let kinds = [
      OutputSchema.documentFields, OutputSchema.errorFields, OutputSchema.warningRecordFields,
    ]
    for path in kinds.flatMap({ paths($0, prefix: "") }) {
      #expect(format.contains("| `\(path)` |"), "Documentation/output-format.md lacks \(path)")
    }
    let tables = try String(
      contentsOfFile: Repository.path("Documentation/tables.md"), encoding: .utf8)
    for (rows, columns) in TableWriter.columns {
      for column in columns {
        #expect(
          tables.contains("| `\(column.name)` | \(column.meaning) |"),
          "tables.md: \(rows) \(column.name)")
      }
    }
  }

  @Test func versionComesFromOnePlace() throws {
    let result = try PipelineProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == PipelineVersion.description + "\n")
    #expect(result.stdout.hasPrefix(PipelineVersion.number + " "))
  }
}

/// The part of JSON Schema that `OutputSchema` uses: `type` (a name or a list), `enum`,
/// `properties`, `required`, `additionalProperties: false`, `items` and `oneOf`. Written here,
/// independently of `OutputSchema`'s own rendering code, so that a bug in one is caught by the
/// other.
enum SchemaValidator {
  static func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$")
    -> [String]
  {
    if case .array(let alternatives)? = schema["oneOf"] {
      let results = alternatives.map { problems(value, against: $0, at: path) }
      let passing = results.filter(\.isEmpty).count
      if passing == 1 { return [] }
      if passing > 1 { return ["\(path): matches \(passing) alternatives of oneOf"] }
      // Report the alternative that came closest.
      return results.min { $0.count < $1.count } ?? []
    }
    var found: [String] = []
    if let type = schema["type"] {
      let names: [String]
      switch type {
      case .string(let name): names = [name]
      case .array(let list):
        names = list.compactMap {
          if case .string(let s) = $0 { return s }
          return nil
        }
      default: names = []
      }
      guard names.contains(where: { matches(value, type: $0) }) else {
        return [
          "\(path): expected \(names.joined(separator: " or ")), found \(value.kindDescription)"
        ]
      }
    }
    if case .array(let choices)? = schema["enum"], !choices.contains(value) {
      found.append("\(path): \(value) is not one of the enum")
    }
    if case .object(let members) = value {
      var properties: [String: JSONValue] = [:]
      if case .object(let declared)? = schema["properties"] {
        for member in declared { properties[member.key] = member.value }
      }
      if case .array(let required)? = schema["required"] {
        for case .string(let name) in required where !members.contains(where: { $0.key == name }) {
          found.append("\(path).\(name): required, missing")
        }
      }
      for member in members {
        if let property = properties[member.key] {
          found += problems(member.value, against: property, at: "\(path).\(member.key)")
        } else if schema["additionalProperties"] == .bool(false) {
          found.append("\(path).\(member.key): not allowed (additionalProperties is false)")
        }
      }
    }
    if case .array(let elements) = value, let items = schema["items"] {
      for (index, element) in elements.enumerated() {
        found += problems(element, against: items, at: "\(path)[\(index)]")
      }
    }
    return found
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
      ("array", .array), ("object", .object):
      return true
    case ("integer", .number(let text)):
      return !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    default:
      return false
    }
  }
}
