import Foundation
import TestSupport
import Testing

/// One hostile input or situation: the files it needs, the command, and everything the user
/// sees: exit status, the output records (id, and code for error and warning records), and a
/// message on stderr.
struct HostileCase: CustomTestStringConvertible, Sendable {
  let name: String
  /// Path → bytes, written into a fresh directory the command runs in.
  var files: [String: [UInt8]] = [:]
  /// Shell lines run before the command (FIFOs, links).
  var setup = ""
  let arguments: [String]
  var stdin: String? = nil
  let status: Int32
  /// `id` or `id code` per output line (`--quiet` is added; stdout is JSON Lines).
  let records: [String]
  /// A line stderr must contain (empty: stderr must be empty).
  var message = ""
  var testDescription: String { name }
}

private func text(_ string: String) -> [UInt8] { Array(string.utf8) }

/// The catalogue of hostile inputs the pipeline must survive, in the spirit of issue 7's
/// adversarial run: JSON Lines, files and walks, outputs, lexicons, gold files. Each row names
/// the exit status, the records and the message a user gets. (Signals are pinned by
/// `OutputSafetyTests`, walks in depth by `WalkTests`.)
@Suite("Hostile input catalogue")
struct HostileInputCatalogueTests {
  static let cases: [HostileCase] = [
    // JSON Lines
    HostileCase(
      name: "every kind of bad record, the run goes on",
      arguments: ["run", "-"],
      stdin:
        "{\"id\":\"ok\",\"text\":\"NASA\"}\n{\"id\":\"x\"\n[1]\n{\"id\":\"m\"}\n{\"id\":\"n\",\"text\":5}\n{\"id\":[1],\"text\":\"a\"}\n",
      status: 0,
      records: [
        "ok", "-:2 invalid_json", "-:3 not_an_object", "m missing_text", "n text_not_string",
        "-:6 invalid_id",
      ]),
    HostileCase(
      name: "lone surrogates, a BOM, CRLF and blank lines",
      files: [
        "c.jsonl": [0xEF, 0xBB, 0xBF]
          + text(
            "{\"id\":\"a\",\"text\":\"\\ud800 NASA\"}\r\n\r\n   \n{\"id\":\"b\",\"text\":\"x\\udfff\"}\r\n"
          )
      ],
      arguments: ["run", "c.jsonl"], status: 0, records: ["a", "b"]),
    HostileCase(
      name: "invalid UTF-8 inside a record and as a whole line",
      files: [
        "c.jsonl": text("{\"id\":\"a\",\"text\":\"NASA ") + [0xFF] + text("\"}\n") + [
          0xFE, 0xFF, 0x0A,
        ]
      ],
      arguments: ["run", "c.jsonl"], status: 0, records: ["a", "c.jsonl:2 invalid_json"]),
    HostileCase(
      name: "an id of 400 digits stays a string",
      arguments: ["run"], stdin: "{\"id\":1e400,\"text\":\"NASA\"}\n", status: 0, records: ["1e400"]
    ),
    HostileCase(
      name: "--on-error fail stops at the first bad record",
      arguments: ["run", "--on-error", "fail"],
      stdin: "{\"id\":\"ok\",\"text\":\"a\"}\n{\n{\"id\":\"z\",\"text\":\"b\"}\n",
      status: 3, records: ["ok"], message: "-:2: invalid_json:"),
    // Files and walks
    HostileCase(
      name: "a missing file is an error record; --strict makes it status 2",
      files: ["a.txt": text("NASA")], arguments: ["run", "a.txt", "gone.txt", "--strict"],
      status: 2,
      records: ["a.txt", "gone.txt unreadable_file"],
      message: "pipeline: error: 1 input skipped or unreadable (--strict)"),
    HostileCase(
      name: "a FIFO in a walk is skipped unopened",
      files: ["d/a.txt": text("NASA")], setup: "mkfifo d/f.txt", arguments: ["run", "d"], status: 0,
      records: ["d/a.txt", "d/f.txt not_regular_file (warning)"]),
    HostileCase(
      name: "upper-case extensions in a walk",
      files: [
        "d/A.JSONL": text("{\"id\":\"j\",\"text\":\"NASA\"}\n"), "d/B.TXT": text("NASA"),
        "d/c.md": text("NASA"),
      ],
      arguments: ["run", "d"], status: 0, records: ["j", "d/B.TXT"]),
    HostileCase(
      name: "a text file that is not UTF-8 is repaired, with a warning in the record",
      files: ["latin1.txt": [0x63, 0x61, 0x66, 0xE9, 0x20, 0x4E, 0x41, 0x53, 0x41]],
      arguments: ["run", "latin1.txt"], status: 0, records: ["latin1.txt"]),
    // Outputs
    HostileCase(
      name: "-o /dev/full fails with status 1",
      arguments: ["run", "-o", "/dev/full"], stdin: "{\"id\":\"a\",\"text\":\"x\"}\n", status: 1,
      records: [],
      message: "pipeline: error: /dev/full: cannot write: No space left on device"),
    HostileCase(
      name: "-o /dev/null works and stays a device",
      arguments: ["run", "-o", "/dev/null"], stdin: "{\"id\":\"a\",\"text\":\"x\"}\n", status: 0,
      records: []),
    // Lexicons
    HostileCase(
      name: "a modifier factor of 1e308",
      files: ["m.tsv": text("param\tcontrast_after\t1e308\n")],
      arguments: ["run", "--modifiers", "m.tsv"],
      stdin: "{\"id\":\"a\",\"text\":\"x\"}\n", status: 2, records: [],
      message:
        "pipeline: error: m.tsv:1: expected contrast_after to be a number from -10 to 10, found '1e308'"
    ),
    HostileCase(
      name: "an AFINN value that is not an integer",
      files: ["AFINN-x.txt": text("good\t2.5\n")], arguments: ["run", "--lexicon", "AFINN-x.txt"],
      stdin: "{\"id\":\"a\",\"text\":\"good\"}\n", status: 2, records: [],
      message: "pipeline: error: AFINN-x.txt:1: expected an integer, found '2.5'"),
    HostileCase(
      name: "a hexadecimal weight",
      files: ["w.tsv": text("good\t0x1p-2\n")], arguments: ["run", "--lexicon", "w.tsv"],
      stdin: "{\"id\":\"a\",\"text\":\"good\"}\n", status: 2, records: [],
      message: "pipeline: error: w.tsv:1: expected a number, found '0x1p-2'"),
    HostileCase(
      name: "an alias of 10,000 words",
      files: [
        "g.tsv": text(
          "long\tORG\t" + Array(repeating: "word", count: 10_000).joined(separator: " ") + "\n")
      ],
      arguments: ["run", "--gazetteer", "g.tsv"], stdin: "{\"id\":\"a\",\"text\":\"word\"}\n",
      status: 2, records: [],
      message:
        "pipeline: error: g.tsv:1: expected an alias of at most 64 tokens, found 10000 tokens"),
    HostileCase(
      name: "a lexicon that is not UTF-8",
      files: ["w.tsv": text("good\t1\n") + [0xFF, 0x09, 0x31, 0x0A]],
      arguments: ["run", "--lexicon", "w.tsv"],
      stdin: "{\"id\":\"a\",\"text\":\"good\"}\n", status: 2, records: [],
      message: "pipeline: error: w.tsv:2: expected UTF-8 text, found invalid bytes"),
    // Gold files
    HostileCase(
      name: "a gold stance that is not a label",
      files: [
        "gold.jsonl": text(
          "{\"id\":\"g1\",\"entities\":[{\"entity\":\"nasa\",\"stance\":\"sideways\"}]}\n"),
        "c.jsonl": text("{\"id\":\"g1\",\"text\":\"NASA\"}\n"),
      ],
      arguments: ["eval", "--gold", "gold.jsonl", "c.jsonl"], status: 2, records: [],
      message:
        "pipeline: error: gold.jsonl:1: entities[0] 'nasa': expected stance 'favor', 'against' or 'neutral', found 'sideways'"
    ),
  ]

  @Test(arguments: cases)
  func hostileInput(_ c: HostileCase) throws {
    let directory = NSTemporaryDirectory() + "pipeline-hostile-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (path, bytes) in c.files {
      let url = URL(fileURLWithPath: directory + "/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if !c.setup.isEmpty {
      let setup = try PipelineProcess.run(executable: "/bin/sh", ["-c", c.setup], in: directory)
      try #require(setup.status == 0, "\(setup.stderr)")
    }
    let arguments = c.arguments.first == "run" ? c.arguments + ["--quiet"] : c.arguments
    let result = try PipelineProcess.run(arguments, stdin: c.stdin, in: directory)
    #expect(result.status == c.status, "\(result.stderr)")
    if c.arguments.first == "run" {
      #expect(WalkTests.summary(result.stdout) == c.records, "\(result.stdout)")
    }
    if c.message.isEmpty {
      #expect(result.stderr.isEmpty, "\(result.stderr)")
    } else {
      #expect(result.stderr.contains(c.message), "\(result.stderr)")
    }
  }
}
