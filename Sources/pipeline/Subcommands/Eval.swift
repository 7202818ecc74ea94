import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "eval", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'eval' is not implemented yet") }
}
