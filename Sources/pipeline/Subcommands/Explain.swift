import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'explain' is not implemented yet") }
}
