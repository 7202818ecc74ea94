import Foundation
import TestSupport
import Testing

/// Runs the built `pipeline` binary as a user would: stdout, stderr and exit status.
@Suite("pipeline binary")
struct EndToEndTests {
  static func run(
    _ arguments: [String], stdin: String? = nil, in directory: String = Repository.root
  ) throws -> ProcessResult {
    try PipelineProcess.run(arguments, stdin: stdin, in: directory)
  }

  @Test func sampleCorpusMatchesTheGoldenFile() throws {
    let result = try Self.run(["run", "samples/news.jsonl"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
    #expect(result.stderr.hasPrefix("pipeline: 14 documents, 0 errors, "), "\(result.stderr)")
  }

  @Test func defaultLexiconsAreFoundFromAnotherDirectory() throws {
    let result = try Self.run(
      ["run", Repository.path("samples/news.jsonl"), "--jobs", "1"], in: NSTemporaryDirectory())
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
  }

  @Test func lexiconsDirGivesTheSameOutputAsTheEmbeddedCopy() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--lexicons-dir", "lexicons"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.stdout, named: "news.jsonl", in: testDirectory) == nil)
  }

  @Test func badInputBecomesErrorRecordsInPlace() throws {
    let result = try Self.run(
      ["run", "samples/bad.jsonl", "missing-file.txt", "-"],
      stdin: "{\"id\": 7, \"text\": \"NASA and Roscosmos\"}\nnot json\n")
    #expect(result.status == 0)
    let lines = try records(result.stdout)
    #expect(lines.count == 6 + 1 + 2)
    let codes = lines.map { (($0["error"] as? [String: Any])?["code"] as? String) ?? "ok" }
    #expect(
      codes == [
        "ok", "invalid_json", "missing_text", "text_not_string", "not_an_object", "ok",
        "unreadable_file", "ok", "invalid_json",
      ])
    #expect(lines[6]["source"] as? String == "missing-file.txt")
    #expect(lines[7]["id"] as? String == "7")  // ids are always strings
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
    #expect(
      (lines[0]["warnings"] as! [[String: Any]]).first?["code"] as? String == "lone_surrogate")
    #expect((lines[0]["meta"] as? [String: Any])?["lang"] as? String == "en")
    #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "missing_text")
    #expect(lines[1]["line"] as? Int == 3)
    let renamed = try Self.run([
      "run", fixture("mixed.jsonl"), "--id-field", "doc", "--text-field", "body",
    ])
    let second = try records(renamed.stdout)[1]
    #expect(second["id"] as? String == "s2" && second["error"] == nil)
  }

  @Test func malformedLexiconStopsBeforeOutput() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--lexicon", fixture("bad-weight.tsv")])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains("bad-weight.tsv:3: expected a number, found 'very bad'"),
      "\(result.stderr)")
    let gazetteer = try Self.run([
      "run", "samples/news.jsonl", "--gazetteer", fixture("bad-gazetteer.tsv"),
    ])
    #expect(gazetteer.status == 2 && gazetteer.stdout.isEmpty)
    #expect(
      gazetteer.stderr.contains("bad-gazetteer.tsv:2: expected 3 or 4 tab-separated fields"),
      "\(gazetteer.stderr)")
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let directory = NSTemporaryDirectory() + "pipeline-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/out.jsonl"
    let ok = try Self.run(["run", "samples/news.jsonl", "-o", target])
    #expect(ok.status == 0 && ok.stdout.isEmpty)
    #expect(
      snapshotMismatch(
        try String(contentsOfFile: target, encoding: .utf8), named: "news.jsonl", in: testDirectory)
        == nil)
    // A failed run (bad lexicon) leaves the earlier file untouched and no temporary file.
    let failed = try Self.run([
      "run", "samples/news.jsonl", "-o", target, "--lexicon", fixture("bad-weight.tsv"),
    ])
    #expect(failed.status == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.jsonl"])
  }

  @Test func optionsAddToAndReplaceDefaults() throws {
    let text = "{\"id\": \"d\", \"text\": \"NASA tested Dragonfly.\"}\n"
    let added = try Self.run(["run", "--gazetteer", fixture("extra-gazetteer.tsv")], stdin: text)
    let addedEntities = (try records(added.stdout)[0]["entities"] as! [[String: Any]]).map {
      $0["entity"] as! String
    }
    #expect(addedEntities == ["nasa", "dragonfly"])
    let only = try Self.run(
      ["run", "--no-default-lexicons", "--gazetteer", fixture("extra-gazetteer.tsv")], stdin: text)
    let onlyRecord = try records(only.stdout)[0]
    #expect(
      (onlyRecord["entities"] as! [[String: Any]]).map { $0["entity"] as! String } == ["dragonfly"])
    #expect((onlyRecord["document"] as! [[String: Any]]).isEmpty)
  }

  @Test func tokenizeShowsTokensAndKeys() throws {
    let result = try Self.run(["tokenize", "--json", "--text", "Rogozin’s 🚀 didn't."])
    #expect(result.status == 0)
    let record = try #require(try records(result.stdout).first)
    let tokens = record["tokens"] as! [[String: Any]]
    #expect(tokens.map { $0["key"] as! String } == ["rogozin", "'s", "🚀", "did", "n't", "."])
    #expect(
      tokens.map { $0["kind"] as! String } == [
        "word", "word", "symbol", "word", "word", "punctuation",
      ])
    for token in tokens {
      #expect(
        slice("Rogozin’s 🚀 didn't.", token["start"] as! Int, token["end"] as! Int) == token["text"]
          as! String)
    }
    let table = try Self.run(["tokenize", "--text", "NASA's plan"])
    #expect(table.stdout.contains("[4, 6)        word        's"), "\(table.stdout)")
  }

  @Test func invalidScopeIsAUsageError() throws {
    let result = try Self.run(["run", "samples/news.jsonl", "--scope", "paragraph"])
    #expect(result.status == 64 && result.stdout.isEmpty)
    #expect(result.stderr.contains("expected an attribution policy"))
  }
}

/// Batch options of `pipeline run` through the binary.
@Suite("pipeline run, batch options")
struct BatchOptionsTests {
  /// A JSON Lines corpus of `count` documents built from the sample texts, in a temporary file.
  static func corpus(_ count: Int) throws -> String {
    let texts = try texts(ofJSONLines: Repository.path("samples/news.jsonl")).sorted {
      $0.key < $1.key
    }.map(\.value)
    var lines = ""
    for i in 0..<count {
      let object: [String: Any] = ["id": "doc-\(i)", "text": texts[i % texts.count]]
      lines +=
        String(
          data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
          encoding: .utf8)! + "\n"
    }
    let path = NSTemporaryDirectory() + "pipeline-corpus-\(count)-\(UUID().uuidString).jsonl"
    try lines.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func peakMiB(_ stderr: String) -> Int? {
    guard let range = stderr.range(of: #"peak memory (\d+) MiB"#, options: .regularExpression)
    else { return nil }
    return Int(stderr[range].split(separator: " ")[2])
  }

  @Test func shardsOfTheBinaryAddUpToTheFullRun() throws {
    let path = try Self.corpus(120)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let full = try PipelineProcess.run(["run", path, "--jobs", "2"]).stdout.split(separator: "\n")
    var union: [Substring] = []
    for k in 1...3 {
      let part = try PipelineProcess.run(["run", path, "--shard", "\(k)/3"])
      #expect(part.status == 0)
      #expect(part.stderr.contains("shard \(k)/3"), "\(part.stderr)")
      union += part.stdout.split(separator: "\n")
    }
    #expect(union.sorted() == full.sorted())
    let bad = try PipelineProcess.run(["run", path, "--shard", "4/3"])
    #expect(
      bad.status == 64 && bad.stderr.contains("'--shard <K/N>': expected K/N"), "\(bad.stderr)")
  }

  @Test func onErrorPolicies() throws {
    let skip = try PipelineProcess.run(["run", "samples/bad.jsonl", "--on-error", "skip"])
    #expect(skip.status == 0)
    #expect(skip.stdout.split(separator: "\n").count == 2)
    #expect(skip.stderr.contains("2 documents, 4 errors (skipped)"), "\(skip.stderr)")
    let fail = try PipelineProcess.run(["run", "samples/bad.jsonl", "--on-error", "fail"])
    #expect(fail.status == 3)
    #expect(fail.stdout.split(separator: "\n").count == 1)  // the record before the bad one
    #expect(fail.stderr.contains("samples/bad.jsonl:2: invalid_json"), "\(fail.stderr)")
    let unknown = try PipelineProcess.run(["run", "samples/bad.jsonl", "--on-error", "ignore"])
    #expect(unknown.status == 64)
  }

  @Test(arguments: ["0", "513", "100000"])
  func jobsOutOfRangeIsAUsageError(_ jobs: String) throws {
    let result = try PipelineProcess.run(["run", "samples/news.jsonl", "--jobs", jobs])
    #expect(result.status == 64 && result.stdout.isEmpty)
    #expect(
      result.stderr.contains("'--jobs <N>': expected a number of threads from 1 to 512"),
      "\(result.stderr)")
  }

  @Test func progressGoesToStderrWhenAsked() throws {
    let path = try Self.corpus(300)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let quiet = try PipelineProcess.run(["run", path, "--quiet"])
    #expect(quiet.stderr.isEmpty)
    let shown = try PipelineProcess.run(["run", path, "--progress"])
    #expect(shown.stdout == quiet.stdout)
    #expect(shown.stderr.hasSuffix("MiB\n"))  // the summary line comes last
  }

  /// Documents stream through a bounded window: six times the input must not need noticeably
  /// more memory. (Peak RSS, not time: the machine is shared.)
  @Test func memoryStaysFlatAsTheCorpusGrows() throws {
    let small = try Self.corpus(1_000)
    let large = try Self.corpus(6_000)
    defer {
      try? FileManager.default.removeItem(atPath: small)
      try? FileManager.default.removeItem(atPath: large)
    }
    let a = try PipelineProcess.run(["run", small, "--jobs", "2", "-o", small + ".out"])
    let b = try PipelineProcess.run(["run", large, "--jobs", "2", "-o", large + ".out"])
    try? FileManager.default.removeItem(atPath: small + ".out")
    try? FileManager.default.removeItem(atPath: large + ".out")
    let peakSmall = try #require(Self.peakMiB(a.stderr), "\(a.stderr)")
    let peakLarge = try #require(Self.peakMiB(b.stderr), "\(b.stderr)")
    #expect(
      Double(peakLarge) <= Double(peakSmall) * 1.15 + 4, "\(peakSmall) MiB → \(peakLarge) MiB")
  }
}
