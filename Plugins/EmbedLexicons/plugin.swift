import Foundation
import PackagePlugin

/// Embeds every file under the package's `lexicons/` folder into the target it is applied to,
/// as `EmbeddedLexicons.files`, so the built binary finds its default lexicons anywhere, with the
/// default word lists' tables pre-built (`EmbeddedLexicons.prebuiltTables`, `PrebuiltTables`).
@main
struct EmbedLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "lexicons")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: [.isRegularFileKey])
    {
      for case let url as URL in walker
      where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        inputs.append(url)
      }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) lexicon files",
        executable: try context.tool(named: "embed-lexicons").url,
        arguments: [root.path, output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
