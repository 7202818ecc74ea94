import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lint", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'lint' is not implemented yet") }
}
