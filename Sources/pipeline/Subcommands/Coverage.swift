import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Coverage: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "coverage", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'coverage' is not implemented yet") }
}
