import AnalystKit
import Foundation
import PipelineKit
import TestSupport
import Tokenize

/// The folder of this test target (Fixtures/).
let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let fixtures = testDirectory + "/Fixtures"

/// The analyzer with the embedded default lexicons, loaded once.
let defaultAnalyzer: Analyzer = try! Analyzer(sources: .embedded())

/// Diagnostics of the fixture files named relative to Fixtures/, as `pipeline lint` prints them
/// when run from Fixtures/.
func lintFixtures(_ names: [String], dimensions: Set<String>? = nil) throws -> [String] {
  var files: [LintFile] = []
  for name in names {
    let bytes = [UInt8](FileManager.default.contents(atPath: fixtures + "/" + name)!)
    files.append(LintFile(path: name, bytes: bytes, kind: LintFile.Kind(path: name, bytes: bytes)))
  }
  let tokenizer = Tokenizer(abbreviations: LexiconSources.embedded().abbreviationWords)
  return try Linter(tokenizer: tokenizer, dimensions: dimensions).lint(files).map(\.description)
}
