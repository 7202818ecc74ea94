import ArgumentParser
import PipelineKit

/// `pipeline schema`: the published shape of `pipeline run`'s output.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of pipeline run's output records (or a Spark DDL string).",
    discussion: """
      The JSON Schema (draft 2020-12) describes one output line: a document record or an error \
      record. 'x-format-version' is bumped whenever a field changes. --spark-ddl prints the same \
      as a Spark DDL string for spark.read.schema(DDL).json(PATH): one struct with the fields \
      of both record kinds. --rows ROWS prints the columns of pipeline run --format csv|tsv \
      --rows ROWS instead, one a line: name, a tab, what it holds.
      """)

  @Flag(
    name: .customLong("spark-ddl"), help: "Print a Spark DDL string instead of the JSON Schema.")
  var sparkDDL = false

  @Option(
    help: ArgumentHelp(
      "Print the columns of the table with these rows (document, entity, mention, hit).",
      valueName: "ROWS"),
    transform: OptionValue.choice)
  var rows: TableRows?

  func run() throws {
    if let rows {
      for column in TableWriter.columns[rows]! { print("\(column.name)\t\(column.meaning)") }
    } else if sparkDDL {
      print(OutputSchema.sparkDDL)
    } else {
      print(OutputSchema.jsonSchema(), terminator: "")
    }
  }
}
