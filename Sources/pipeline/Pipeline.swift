import ArgumentParser
import PipelineKit

@main
struct Pipeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pipeline",
    abstract: "Entity and stance extraction for news text, with the evidence behind every number.",
    discussion: """
      Reads documents (.txt files, JSON Lines, directories, or '-' for stdin), finds the entities \
      of the gazetteers and scores the stance the text takes toward each with weighted lexicons.

      Exit status: 0 when every input was processed (bad records become error records in the \
      output); 1 when output could not be written; 2 when a lexicon or gazetteer is malformed \
      or an option value is invalid (nothing is written); 64 for command-line usage errors.
      """,
    version: PipelineVersion.description,
    subcommands: [
      Run.self, Tokenize.self, Explain.self, Eval.self, Diff.self, Coverage.self, Kwic.self,
      Lint.self, Report.self, Schema.self,
    ]
  )
}
