import Foundation
import TestSupport
import Testing

@testable import PipelineKit

/// Batch behaviour of the runner: order and bytes independent of jobs, shards that add up to
/// a full run, error policies, and a bounded number of records in flight.
@Suite("Runner")
struct RunnerTests {
  /// A corpus of `count` JSON Lines records built from the sample texts, with some bad lines.
  static func records(_ count: Int) throws -> [RawRecord] {
    let texts = try texts(ofJSONLines: Repository.path("samples/news.jsonl")).sorted {
      $0.key < $1.key
    }.map(\.value)
    return (0..<count).map { i in
      let line: String
      if i % 97 == 13 {
        line = "{\"id\": \"bad-\(i)\", \"text\": "  // truncated JSON
      } else {
        let text = texts[i % texts.count]
        let escaped = String(
          data: try! JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst()
          .dropLast()
        line = "{\"id\": \"doc-\(i)\", \"text\": \(escaped)}"
      }
      return .jsonLine(bytes: Array(line.utf8), source: "mem", line: i + 1)
    }
  }

  static func run(
    _ records: [RawRecord], jobs: Int, shard: Shard? = nil, onError: ErrorPolicy = .record,
    batchRecords: Int = 5, spillBytes: Int? = nil, format: OutputFormat = .jsonl
  ) throws -> (lines: [String], summary: RunSummary) {
    var options = RunOptions()
    options.jobs = jobs
    options.format = format
    if let spillBytes { options.spillBytes = spillBytes }
    options.shard = shard
    options.onError = onError
    options.batchRecords = batchRecords
    var bytes: [UInt8] = []
    let summary = try Runner(analyzer: defaultAnalyzer, options: options).run(
      InputReader(records: records), write: { bytes += $0 })
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    return (lines, summary)
  }

  @Test(arguments: [1, 2, 4, 7])
  func outputIsIdenticalForAnyNumberOfJobs(_ jobs: Int) throws {
    let records = try Self.records(300)
    let reference = try Self.run(records, jobs: 1).lines
    let parallel = try Self.run(records, jobs: jobs).lines
    #expect(parallel == reference)
    #expect(reference.count == 300)
    // In input order: each line's id (for errors without one, the generated SOURCE:LINE).
    let ids = try reference.map { line -> String in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return object["id"] as! String
    }
    #expect(ids == (0..<300).map { $0 % 97 == 13 ? "mem:\($0 + 1)" : "doc-\($0)" })
  }

  @Test(arguments: [1, 2, 3, 8])
  func shardsAddUpToTheFullRun(_ count: Int) throws {
    let records = try Self.records(250)
    let full = try Self.run(records, jobs: 2)
    var union: [String] = []
    var other = 0
    for k in 1...count {
      let part = try Self.run(records, jobs: 2, shard: Shard(index: k, count: count))
      union += part.lines
      other += part.summary.otherShards
      #expect(part.summary.documents + part.summary.errors + part.summary.otherShards == 250)
    }
    #expect(union.sorted() == full.lines.sorted())
    #expect(other == 250 * (count - 1))
  }

  @Test func shardAssignmentIsStable() {
    // FNV-1a 64, pinned (computed independently in Python) so that shards never move between
    // versions or machines.
    #expect(Shard.fnv1a("doc-1") == 0x42d4_e5ab_72fc_8a9b)
    #expect(Shard.fnv1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(Shard(index: 4, count: 8).contains(key: "doc-1"))  // 0x…8a9b % 8 == 3
    #expect(Shard(parsing: "2/8") == Shard(index: 2, count: 8))
    for bad in ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", ""] {
      #expect(Shard(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func skipLeavesBadRecordsOutAndCountsThem() throws {
    let records = try Self.records(200)
    let recorded = try Self.run(records, jobs: 2)
    let skipped = try Self.run(records, jobs: 2, onError: .skip)
    #expect(skipped.summary.errors == recorded.summary.errors && recorded.summary.errors == 2)
    #expect(skipped.lines == recorded.lines.filter { !$0.contains("\"error\":{") })
  }

  @Test func failStopsAtTheFirstBadRecordInInputOrder() throws {
    let records = try Self.records(200)
    let full = try Self.run(records, jobs: 3).lines
    let stopped = try Self.run(records, jobs: 3, onError: .fail)
    #expect(stopped.summary.stoppedAt?.line == 14)
    #expect(stopped.lines == Array(full.prefix(13)))
  }

  @Test func readerStaysABoundedDistanceAheadOfTheWriter() throws {
    let records = try Self.records(400)
    var options = RunOptions()
    options.jobs = 2
    options.batchRecords = 4
    options.batchesPerWorker = 2
    let reader = InputReader(records: records)
    var written = 0
    var maxAhead = 0
    _ = try Runner(analyzer: defaultAnalyzer, options: options).run(
      reader,
      write: { bytes in
        written += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        usleep(2000)  // a slow writer: the reader must wait for it, not buffer ahead
        maxAhead = max(maxAhead, reader.recordsRead - written)
      })
    #expect(written == 400)
    // At most jobs × batchesPerWorker batches are in flight, plus the batch being read.
    #expect(maxAhead <= (2 * 2 + 1) * 4, "reader ran \(maxAhead) records ahead")
  }

  /// Output spilled in pieces (as one huge document's is) is the same bytes, whatever the piece
  /// size, the jobs, the error policy and the format: hits shared by entities whose first copy
  /// already went out are serialized again, and the `--on-error` offsets stay right.
  @Test(arguments: [
    (1, 1, ErrorPolicy.record), (1, 700, .record), (3, 1, .record), (3, 4_096, .record),
    (2, 1, .skip), (2, 1, .fail), (2, 300, .fail),
  ])
  func spilledOutputIsTheSameBytes(jobs: Int, spillBytes: Int, onError: ErrorPolicy) throws {
    let records = try Self.records(120)
    let whole = try Self.run(records, jobs: 1, onError: onError)
    let spilled = try Self.run(records, jobs: jobs, onError: onError, spillBytes: spillBytes)
    #expect(spilled.lines == whole.lines)
    #expect(spilled.summary.documents == whole.summary.documents)
    #expect(spilled.summary.errors == whole.summary.errors)
  }

  @Test(arguments: [OutputFormat.tsv, .csv])
  func spilledTablesAreTheSameBytes(format: OutputFormat) throws {
    let records = try Self.records(60)
    let whole = try Self.run(records, jobs: 1, format: format)
    #expect(try Self.run(records, jobs: 2, spillBytes: 1, format: format).lines == whole.lines)
  }

  /// One huge document's record reaches `write` in pieces of about `spillBytes` as it is
  /// produced, not as one buffer at the end.
  @Test func aHugeRecordIsWrittenInPieces() throws {
    let texts = try texts(ofJSONLines: Repository.path("samples/news.jsonl")).sorted {
      $0.key < $1.key
    }.map(\.value)
    let text = Array(repeating: texts.joined(separator: "\n\n"), count: 20).joined(
      separator: "\n\n")
    let line = String(
      decoding: try JSONSerialization.data(withJSONObject: ["id": "huge", "text": text]),
      as: UTF8.self)
    var options = RunOptions()
    options.spillBytes = 64 << 10
    var writes: [Int] = []
    var bytes: [UInt8] = []
    _ = try Runner(analyzer: defaultAnalyzer, options: options).run(
      InputReader(records: [.jsonLine(bytes: Array(line.utf8), source: "mem", line: 1)]),
      write: {
        writes.append($0.count)
        bytes += $0
      })
    let whole = try Self.run([.jsonLine(bytes: Array(line.utf8), source: "mem", line: 1)], jobs: 1)
    #expect(
      String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init) == whole.lines)
    #expect(bytes.count > 512 << 10)
    #expect(writes.count > bytes.count / (128 << 10), "\(writes.count) writes")
    // A piece is the limit plus at most one mention, hit or entity object.
    #expect(writes.max()! < (64 << 10) + (64 << 10))
  }
}
