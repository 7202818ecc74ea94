import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Kwic: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "kwic", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'kwic' is not implemented yet") }
}
