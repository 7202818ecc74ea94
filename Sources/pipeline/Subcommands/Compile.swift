import ArgumentParser
import FoundationEssentials
import Glibc
import PipelineKit

/// `pipeline compile --gazetteer FILE... -o OUT`: the default gazetteers and the named ones,
/// loaded once and written as one compiled file that `--gazetteer OUT` reads back in one go.
struct Compile: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "Compile gazetteers (with the defaults) into one file that loads in one read.",
    discussion: """
      Loads the default gazetteers and each --gazetteer source as a run would, and writes their \
      tables to FILE with what they were compiled from: the tool version, --cyrillic-lang, the \
      abbreviations, the built-in transliterations, and each source's path, size and \
      fingerprint (with the attribute a spaCy patterns file compares by). Give FILE as the \
      first --gazetteer of a run (or of explain, eval, diff, coverage, kwic, report) instead of \
      the sources; lint checks its sources. When a source that still exists has changed, or a \
      setting differs, the run warns and loads the sources instead, so a stale file never \
      gives stale results. A damaged or truncated FILE is an error (exit status 2). \
      Documentation/compiled-gazetteers.md describes the format.

      Exit status: 0 written; 1 FILE could not be written; 2 malformed gazetteer (nothing \
      written); 64 usage error.
      """)

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the compiled gazetteer to FILE (atomically: a temporary file renamed at the end).",
      valueName: "FILE"),
    completion: .file())
  var output: String

  @Flag(
    help:
      "Make gazetteer warnings (an unsupported spaCy pattern, an alias another entity has) errors.")
  var strict = false

  @Flag(name: [.short, .long], help: "Print nothing on stderr but errors.")
  var quiet = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    guard !lexiconOptions.scoring.gazetteers.isEmpty else {
      throw ValidationError("expected at least one --gazetteer source to compile")
    }
  }

  func run() throws {
    let scoring = lexiconOptions.scoring
    for path in scoring.gazetteers where CompiledGazetteer.isCompiled(path) {
      throw PipelineError.compiledGazetteer(path: path, .compiledSource)
    }
    let sources = try lexiconOptions.sources()
    let sourcePaths = Set(sources.gazetteer.map { URL(fileURLWithPath: $0.path).standardized.path })
    if sourcePaths.contains(URL(fileURLWithPath: output).standardized.path) {
      throw PipelineError.output(path: output, reason: "it is one of the gazetteer sources")
    }
    let analyzer = try scoring.analyzer({ sources }, strict: strict, quiet: quiet)
    let bytes = try CompiledGazetteer.compile(
      analyzer.gazetteer, sources: sources, arguments: scoring.gazetteers,
      phraseAttribute: scoring.phraseAttribute, cyrillicLanguage: scoring.cyrillicLanguage)
    let sink = try OutputFile(path: output)
    do {
      try sink.write(bytes)
      try sink.commit()
    } catch {
      sink.discard()
      throw CommandFailure.output(error)
    }
    if !quiet {
      let gazetteer = analyzer.gazetteer
      let counts = [
        "\(gazetteer.entities.count) \(gazetteer.entities.count == 1 ? "entity" : "entities")",
        "\(gazetteer.aliases.count) \(gazetteer.aliases.count == 1 ? "alias" : "aliases")",
      ]
      let size = cFormat("%.1f MB", Double(bytes.count) / 1_000_000)
      Diagnostics.note(
        "compiled \(counts.joined(separator: ", ")) from \(plural(sources.gazetteer.count, "file"))"
          + " into \(output) (\(size))")
    }
  }

}
