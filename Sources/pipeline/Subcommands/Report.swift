import ArgumentParser

// Scaffold: replaced by the real command (issue 4).
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "report", abstract: "(not yet implemented)")
  func run() throws { throw ValidationError("'report' is not implemented yet") }
}
