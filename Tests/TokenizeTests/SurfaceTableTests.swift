import Testing

@testable import Tokenize

/// `SurfaceTable`: a session's keys and ids by surface, made once per distinct surface.
@Suite("SurfaceTable")
struct SurfaceTableTests {
  /// Looks `surface` up in `table`, adding it when it is not there (counted in `made`), as
  /// the tokenizer does.
  private func entry(
    _ surface: String, in table: inout SurfaceTable, made: inout [String]
  ) -> SurfaceTable.Value {
    let units = Array(surface.utf16)
    return units.withUnsafeBufferPointer { units in
      if let found = table.value(of: units) { return found }
      made.append(surface)
      return table.add(units, (surface.lowercased(), UInt32(surface.utf16.count), 0, 0))
    }
  }

  @Test("A surface is made once, and surfaces are compared as written")
  func madeOncePerSurface() {
    var table = SurfaceTable()
    var made: [String] = []
    let surfaces = ["The", "the", "The", "Роскосмос", "the", "", "", "a\u{301}", "á"]
    let entries = surfaces.map { entry($0, in: &table, made: &made) }
    #expect(entries.map(\.key) == surfaces.map { $0.lowercased() })
    #expect(entries.map(\.id) == surfaces.map { UInt32($0.utf16.count) })
    #expect(made == ["The", "the", "Роскосмос", "", "a\u{301}", "á"])
  }

  @Test("A surface's '.' or '@' is noted, found or made")
  func dotsAndAts() {
    var table = SurfaceTable()
    var made: [String] = []
    let surfaces = ["nasa.gov", "U.S", "@NASA", "press@", "nasa", "nasa.gov", "@NASA", "nasa"]
    let long = String(repeating: "x", count: SurfaceTable.longest) + ".ru"
    let values = (surfaces + [long]).map { entry($0, in: &table, made: &made) }
    #expect(values.map(\.holdsDotOrAt) == [true, true, true, true, false, true, true, false, true])
  }

  @Test("A surface longer than the longest stored is made every time")
  func longSurfaces() {
    var table = SurfaceTable()
    var made: [String] = []
    let long = String(repeating: "x", count: SurfaceTable.longest + 1)
    let fits = String(repeating: "y", count: SurfaceTable.longest)
    for surface in [long, fits, long, fits] { _ = entry(surface, in: &table, made: &made) }
    #expect(made == [long, fits, long])
  }

  @Test("A full table empties itself and goes on giving each surface its own entry")
  func boundedTable() {
    var table = SurfaceTable()
    var made: [String] = []
    let count = SurfaceTable.entryLimit + 100
    let surfaces = (0..<count).map { "w\($0)" }
    for surface in surfaces { _ = entry(surface, in: &table, made: &made) }
    #expect(made.count == count)
    // The last 100 are in the emptied table; the first are made again.
    made = []
    for surface in surfaces.suffix(100) + surfaces.prefix(3) {
      #expect(entry(surface, in: &table, made: &made).key == surface)
    }
    #expect(made == Array(surfaces.prefix(3)))
  }

  @Test("Tokens made by the token rules get their key's id too")
  func ruleTokensHaveIDs() throws {
    let vocabulary = Vocabulary(["ms-23", "nasa.gov", "docked"])
    let session = try Tokenizer().with(vocabulary: vocabulary).makeSession()
    for _ in 0..<2 {
      let doc = try session.tokenize("MS-23 docked, says nasa.gov.")
      #expect(doc.tokens.map(\.key) == ["ms-23", "docked", ",", "says", "nasa.gov", "."])
      #expect(doc.tokens.map(\.id) == [1, 3, 0, 0, 2, 0])
    }
  }
}
