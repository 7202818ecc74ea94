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
      output); 1 when output could not be written (or lint and eval --fail-under find fault); \
      2 when a lexicon, gazetteer or gold file is malformed (nothing is written); 3 when \
      --on-error fail stopped the run; 64 for a usage error or an invalid option value.
      """,
    version: PipelineVersion.description,
    subcommands: [
      Run.self, Compile.self, Tokenize.self, Explain.self, Eval.self, Diff.self, Coverage.self,
      Kwic.self,
      Lint.self, Report.self, Schema.self,
    ]
  )
}
