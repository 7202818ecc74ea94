import Foundation
import Testing

@testable import Tokenize

/// Runs every case of Unicode's WordBreakTest.txt and SentenceBreakTest.txt (Debian's
/// `unicode-data` package) through the ICU segmentation layer.
@Suite("Unicode conformance")
struct ConformanceTests {
  static let directory = "/usr/share/unicode/auxiliary"

  static func present(_ file: String) -> Bool {
    FileManager.default.fileExists(atPath: "\(directory)/\(file)")
  }

  struct Case {
    let line: Int
    let text: String
    let boundaries: [Int]  // scalar offsets after 0 where the file marks ÷
  }

  /// Parses `÷ 0041 × 0308 ÷ …  # comment` lines; nil where the file cannot be read.
  static func cases(_ file: String) -> [Case]? {
    guard let content = try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8) else {
      return nil
    }
    var result: [Case] = []
    for (index, raw) in content.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let body =
        raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let fields = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard !fields.isEmpty else { continue }
      var scalars = String.UnicodeScalarView()
      var boundaries: [Int] = []
      var valid = true
      for field in fields {
        switch field {
        case "÷": if scalars.count > 0 { boundaries.append(scalars.count) }
        case "×": break
        default:
          guard let value = UInt32(field, radix: 16), let scalar = Unicode.Scalar(value) else {
            valid = false
            break
          }
          scalars.append(scalar)
        }
      }
      if valid {
        result.append(Case(line: index + 1, text: String(scalars), boundaries: boundaries))
      }
    }
    return result
  }

  func mismatches(_ file: String, _ kind: BreakIterator.Kind) throws -> [Case] {
    let cases = try #require(Self.cases(file), "\(Self.directory)/\(file) is unreadable")
    #expect(cases.count > 100, "parsed only \(cases.count) cases from \(file)")
    return try cases.filter { c in
      try BreakIterator.scalarBoundaries(of: c.text, kind, locale: "en") != c.boundaries
    }
  }

  @Test(
    .enabled(
      if: ConformanceTests.present("WordBreakTest.txt"),
      "needs Debian's unicode-data (WordBreakTest.txt)"))
  func wordBreaks() throws {
    let failures = try mismatches("WordBreakTest.txt", .word)
    // ICU 72 tailors U+003A COLON (CLDR: a colon does not join letters in English), which
    // Unicode 15.0's default rules do. Exactly those 15 cases differ, and nothing else.
    #expect(failures.count == 15, "lines \(failures.map(\.line))")
    #expect(
      failures.allSatisfy { $0.text.unicodeScalars.contains(":") }, "lines \(failures.map(\.line))")
  }

  @Test(
    .enabled(
      if: ConformanceTests.present("SentenceBreakTest.txt"),
      "needs Debian's unicode-data (SentenceBreakTest.txt)"))
  func sentenceBreaks() throws {
    let failures = try mismatches("SentenceBreakTest.txt", .sentence)
    #expect(failures.isEmpty, "lines \(failures.map(\.line))")
  }
}
