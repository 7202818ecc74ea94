import Foundation
import Testing
import TestSupport

/// Runs the built `pipeline` binary as a user would: stdout, stderr and exit status.
@Suite("pipeline binary")
struct EndToEndTests {
  static func run(_ arguments: [String], stdin: String? = nil, in directory: String = Repository.root) throws -> ProcessResult {
    try PipelineProcess.run(arguments, stdin: stdin, in: directory)
  }

  @Test func sampleCorpusMatchesTheGoldenFile() throws {
    let result = try Self.run(["run", "samples/news.jsonl"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
    #expect(result.stderr.hasPrefix("pipeline: 14 documents, 0 errors, "), "\(result.stderr)")
  }

  @Test func defaultLexiconsAreFoundFromAnotherDirectory() throws {
    let result = try Self.run(["run", Repository.path("samples/news.jsonl"), "--jobs", "1"], in: NSTemporaryDirectory())
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
  }

  @Test func lexiconsDirGivesTheSameOutputAsTheEmbeddedCopy() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--lexicons-dir", "lexicons"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
  }

  @Test func badInputBecomesErrorRecordsInPlace() throws {
    let result = try Self.run(["run", "samples/bad.jsonl", "missing-file.txt", "-"], stdin: "{\"id\": 7, \"text\": \"NASA and Roscosmos\"}\nnot json\n")
    #expect(result.status == 0)
    let lines = try records(result.stdout)
    #expect(lines.count == 6 + 1 + 2)
    let codes = lines.map { (($0["error"] as? [String: Any])?["code"] as? String) ?? "ok" }
    #expect(codes == ["ok", "invalid_json", "missing_text", "text_not_string", "not_an_object", "ok", "unreadable_file", "ok", "invalid_json"])
    #expect(lines[6]["source"] as? String == "missing-file.txt")
    #expect(lines[7]["id"] as? Int == 7)
    #expect(lines[8]["source"] as? String == "-" && lines[8]["line"] as? Int == 2)
    #expect(result.stderr.contains("3 documents, 6 errors"), "\(result.stderr)")
  }

  @Test func invalidUTF8InATextFileIsReplacedAndNoted() throws {
    let result = try Self.run(["run", fixture("invalid-utf8.txt")])
    #expect(result.status == 0)
    let record = try #require(try records(result.stdout).first)
    let warnings = record["warnings"] as! [[String: Any]]
    #expect(warnings.map { $0["code"] as! String } == ["invalid_utf8"])
    let entities = (record["entities"] as! [[String: Any]]).map { $0["entity"] as! String }
    #expect(entities == ["nasa", "roscosmos"])
  }

  @Test func loneSurrogatesAndBlankLinesAndOtherFields() throws {
    let result = try Self.run(["run", fixture("mixed.jsonl"), "--id-field", "id"])
    let lines = try records(result.stdout)
    #expect(lines.count == 2)
    #expect((lines[0]["warnings"] as! [[String: Any]]).first?["code"] as? String == "lone_surrogate")
    #expect((lines[0]["meta"] as? [String: Any])?["lang"] as? String == "en")
    #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "missing_text")
    #expect(lines[1]["line"] as? Int == 3)
    let renamed = try Self.run(["run", fixture("mixed.jsonl"), "--id-field", "doc", "--text-field", "body"])
    let second = try records(renamed.stdout)[1]
    #expect(second["id"] as? String == "s2" && second["error"] == nil)
  }

  @Test func malformedLexiconStopsBeforeOutput() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--lexicon", fixture("bad-weight.tsv")])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("bad-weight.tsv:3: expected a number, found 'very bad'"), "\(result.stderr)")
    let gazetteer = try Self.run(["run", "samples/news.jsonl", "--gazetteer", fixture("bad-gazetteer.tsv")])
    #expect(gazetteer.status == 2 && gazetteer.stdout.isEmpty)
    #expect(gazetteer.stderr.contains("bad-gazetteer.tsv:2: expected 3 or 4 tab-separated fields"), "\(gazetteer.stderr)")
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let directory = NSTemporaryDirectory() + "pipeline-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/out.jsonl"
    let ok = try Self.run(["run", "samples/news.jsonl", "-o", target])
    #expect(ok.status == 0 && ok.stdout.isEmpty)
    #expect(snapshotMismatch(try String(contentsOfFile: target, encoding: .utf8), named: "news.jsonl", in: testDirectory) == nil)
    // A failed run (bad lexicon) leaves the earlier file untouched and no temporary file.
    let failed = try Self.run(["run", "samples/news.jsonl", "-o", target, "--lexicon", fixture("bad-weight.tsv")])
    #expect(failed.status == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.jsonl"])
  }

  @Test func optionsAddToAndReplaceDefaults() throws {
    let text = "{\"id\": \"d\", \"text\": \"NASA tested Dragonfly.\"}\n"
    let added = try Self.run(["run", "--gazetteer", fixture("extra-gazetteer.tsv")], stdin: text)
    let addedEntities = (try records(added.stdout)[0]["entities"] as! [[String: Any]]).map { $0["entity"] as! String }
    #expect(addedEntities == ["nasa", "dragonfly"])
    let only = try Self.run(["run", "--no-default-lexicons", "--gazetteer", fixture("extra-gazetteer.tsv")], stdin: text)
    let onlyRecord = try records(only.stdout)[0]
    #expect((onlyRecord["entities"] as! [[String: Any]]).map { $0["entity"] as! String } == ["dragonfly"])
    #expect((onlyRecord["document"] as! [String: Any]).isEmpty)
  }

  @Test func tokenizeShowsTokensAndKeys() throws {
    let result = try Self.run(["tokenize", "--json", "--text", "Rogozin’s 🚀 didn't."])
    #expect(result.status == 0)
    let record = try #require(try records(result.stdout).first)
    let tokens = record["tokens"] as! [[String: Any]]
    #expect(tokens.map { $0["key"] as! String } == ["rogozin", "'s", "🚀", "did", "n't", "."])
    #expect(tokens.map { $0["kind"] as! String } == ["word", "word", "symbol", "word", "word", "punctuation"])
    for token in tokens {
      #expect(slice("Rogozin’s 🚀 didn't.", token["start"] as! Int, token["end"] as! Int) == token["text"] as! String)
    }
    let table = try Self.run(["tokenize", "--text", "NASA's plan"])
    #expect(table.stdout.contains("[4, 6)        word        's"), "\(table.stdout)")
  }

  @Test func invalidScopeIsAUsageError() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--scope", "paragraph"])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("expected scope 'sentence' or 'window:N'"))
  }
}
