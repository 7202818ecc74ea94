import ArgumentParser
import PipelineKit

/// `pipeline schema`: the published shape of `pipeline run`'s output.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of pipeline run's output records (or a Spark DDL string).",
    discussion: """
      The JSON Schema (draft 2020-12) describes one output line: a document record or an error \
      record. 'x-format-version' is bumped whenever a field changes. --spark-ddl prints the same \
      as a Spark DDL string for spark.read.schema(DDL).json(PATH): one struct with the fields \
      of both record kinds.
      """)

  @Flag(name: .customLong("spark-ddl"), help: "Print a Spark DDL string instead of the JSON Schema.")
  var sparkDDL = false

  func run() throws {
    if sparkDDL {
      print(OutputSchema.sparkDDL)
    } else {
      print(OutputSchema.jsonSchema(), terminator: "")
    }
  }
}
