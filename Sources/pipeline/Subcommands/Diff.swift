import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "diff", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'diff' is not implemented yet") }
}
