import AnalystKit
import ArgumentParser
import FoundationEssentials
import Glibc
import JSON
import PipelineKit
import Tokenize

/// `pipeline explain`: one document rendered for a person, with every number of its output
/// record and where each comes from.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract:
      "Show why one document scores as it does: marked text and a table of every lexicon hit.",
    discussion: """
      The document is --text TEXT, a .txt file, or the document with --id ID among the inputs \
      (without --id the inputs must hold exactly one document).

      Notation (plain when stdout is not a terminal, with NO_COLOR or TERM=dumb, or with --color never):
        [[Roscosmos]]{ORG}                 an entity mention and its type
        <<abandon>>{-3 never×-0.74 → 2.22} a lexicon hit: base weight, modifiers, applied weight
        <<cooperation>>{+2}                a hit no modifier changed
        ((never))                          a negator, booster, dampener or contrast word that changed a hit
      With colour, mentions are cyan, hits green (positive) or red (negative), modifiers \
      underlined yellow; the {…} notes stay. Each line of text is one sentence (s0, s1, …).

      Then, per entity and dimension, every hit that counts for it: entry (term and FILE:LINE), \
      matched text, base weight, modifiers, applied weight and sentence, its role, rule and \
      mention (a role's ×N: the multiple of the weight that counts, a share under policy \
      target, or -1 and the like for the owner of what another refuses, whose offer keeps its \
      base sign), and the total: raw, hits, score and label, the figures `pipeline run` \
      writes. --json prints that record.
      """)

  @OptionGroup var input: InputOptions

  @Option(name: .customLong("text"), help: "Explain this text (id 'text') instead of inputs.")
  var text: String?

  @Option(
    name: .customLong("id"),
    help: ArgumentHelp("The document to explain among the inputs.", valueName: "ID"))
  var id: String?

  @Option(
    help: ArgumentHelp(
      "ANSI colour: 'always', 'never', or 'auto' (when stdout is a terminal, NO_COLOR is unset and TERM is not 'dumb').",
      valueName: "WHEN"),
    transform: OptionValue.choice)
  var color: ColorChoice = .auto

  @Flag(help: "Print the output record `pipeline run` writes for the document instead.")
  var json = false

  @OptionGroup var lexiconOptions: LexiconOptions

  enum ColorChoice: String, CaseIterable {
    case always, never, auto
  }

  func validate() throws {
    if text != nil && !input.inputs.isEmpty {
      throw ValidationError("expected either --text or INPUT files, found both")
    }
    if text != nil && id != nil {
      throw ValidationError("expected either --text or --id, found both")
    }
  }

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    let (document, doc) = try select(analyzer)
    let explanation = Explanation(document: document, analysis: analyzer.analyze(tokenized: doc))
    if json {
      writeAll(explanation.recordJSON(), to: STDOUT_FILENO)
    } else {
      let useColor = color == .always || (color == .auto && Terminal(fd: STDOUT_FILENO).allowsColor)
      writeAll(explanation.render(color: useColor).utf8, to: STDOUT_FILENO)
    }
  }

  /// The document to explain, tokenized; exits with status 2 when there is not exactly one.
  private func select(_ analyzer: Analyzer) throws -> (Document, TokenizedText) {
    if let text {
      let document = Document(id: .string("text"), text: text, source: "--text")
      do { return (document, try analyzer.tokenizer.makeSession().tokenize(text)) } catch {
        throw CommandFailure.tokenize(error)
      }
    }
    var found: [(Document, TokenizedText)] = []
    var count = 0
    let scan = CorpusScan(analyzer: analyzer, fields: input.fields)
    let errors = try scan.forEach(input.reader()) { document, doc in
      count += 1
      if id == nil ? found.count < 2 : document.idText == id && found.isEmpty {
        found.append((document, doc))
      }
    }
    for error in errors where id == nil || error.idText == id {
      Diagnostics.note("skipped \(error.located)")
    }
    if let id, found.isEmpty { throw CommandFailure.documentNotFound(id: id, documents: count) }
    if id == nil, count != 1 { throw CommandFailure.notOneDocument(found: count) }
    return found[0]
  }
}
