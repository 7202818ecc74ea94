import AnalystKit
import JSON
import PipelineKit
import TestSupport
import Testing

private func analyze(_ texts: [String]) throws -> [Analysis] {
  let session = try defaultAnalyzer.tokenizer.makeSession()
  return try texts.map { try defaultAnalyzer.analyze($0, session: session) }
}

@Suite("Coverage and concordance")
struct CoverageTests {
  @Test func countsHitsDocumentsAndCandidates() throws {
    var coverage = Coverage(analyzer: defaultAnalyzer)
    for analysis in try analyze([
      "NASA praised the partnership. Astronauts trained hard.",
      "Roscosmos praised NASA and the astronauts again.",
    ]) {
      coverage.add(analysis)
    }
    let report = coverage.report(top: 3)
    #expect(report.documents == 2)
    let praise = try #require(report.entries.first { $0.label == "prais*" })
    #expect((praise.hits, praise.documents) == (2, 2))
    let partner = try #require(report.entries.first { $0.label == "partner*" })
    #expect((partner.hits, partner.documents) == (1, 1))
    let nasa = try #require(report.aliases.first { $0.label == "NASA" })
    #expect((nasa.hits, nasa.documents, nasa.group) == (2, 2, "nasa"))
    #expect(report.unmatchedEntries.contains { $0.label == "cooperat*" })
    // "astronauts" is only in a sentence with an entity in the second document; stop words and
    // lexicon words are never candidates.
    #expect(report.candidates.map(\.word) == ["astronauts"])
    #expect(report.candidates.first?.count == 1)
  }

  @Test(arguments: ["cooperat*", "Roscosmos", "nasa", "space walk*", "pull out"])
  func concordanceOffsetsSliceTheText(_ term: String) throws {
    let text =
      "Roscosmos and NASA said they would pull out of nothing; cooperation and space walks go on."
    let query = try KeywordQuery(term, analyzer: defaultAnalyzer)
    let analysis = try analyze([text])[0]
    let matches = query.matches(in: analysis)
    #expect(!matches.isEmpty || term == "pull out")
    for match in matches {
      let line = ConcordanceLine(
        id: .string("t"), match: match, scalars: Array(text.unicodeScalars), width: 10)
      #expect(slice(text, match.start, match.end) == line.text)
      #expect(line.left.count <= 10 && line.right.count <= 10)
    }
  }

  @Test func termsResolveToEntriesEntitiesAliasesOrPhrases() throws {
    func kind(_ term: String) throws -> String {
      switch try KeywordQuery(term, analyzer: defaultAnalyzer).target {
      case .entries: return "entries"
      case .entity: return "entity"
      case .aliases: return "aliases"
      case .phrase: return "phrase"
      }
    }
    #expect(try kind("cooperat*") == "entries")
    #expect(try kind("nasa") == "entity")
    #expect(try kind("Roscosmos") == "aliases")
    #expect(try kind("ROSCOSMOS") == "aliases")
    #expect(try kind("spacewalk*") == "phrase")
  }
}
