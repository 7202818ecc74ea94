import AnalystKit
import Foundation
import JSON
import PipelineKit
import TestSupport

/// The folder of this test target (Fixtures/).
let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

func fixture(_ name: String) -> String { testDirectory + "/Fixtures/" + name }

/// The analyzer with the embedded default lexicons, loaded once.
let defaultAnalyzer: Analyzer = try! Analyzer(sources: .embedded())

/// An analyzer over a fixture lexicons folder.
func fixtureAnalyzer(_ folder: String) throws -> Analyzer {
  try Analyzer(sources: LexiconSources.directory(fixture(folder), option: "fixture"))
}

/// Parses a JSON object with Foundation (an independent reader).
func jsonObject(_ text: some StringProtocol) throws -> [String: Any] {
  try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
}

/// Parses a JSON value with the package's parser, which keeps numbers as written.
func exactJSON(_ text: some StringProtocol) throws -> JSONValue {
  try JSONParser.parse(Array(text.utf8)).value
}

extension JSONValue {
  var array: [JSONValue] {
    if case .array(let a) = self { return a }
    return []
  }
  var text: String {
    switch self {
    case .string(let s), .number(let s): return s
    default: return ""
    }
  }
}
