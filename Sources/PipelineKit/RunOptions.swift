import FoundationEssentials
import Glibc
import JSON

/// How a run reads, filters and schedules its work.
public struct RunOptions: Sendable {
  /// Worker threads (default: every core).
  public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  public var fields = Document.Fields()
  /// A batch closes at this many records or input bytes, whichever comes first.
  public var batchRecords = 64
  public var batchBytes = 64 << 10
  /// A batch's output beyond this many bytes goes to the writer in pieces as it is produced
  /// (only one huge document's record gets there: a batch of `batchBytes` input stays below).
  public var spillBytes = 4 << 20
  /// A document of more than twice this many bytes is analysed in windows of about this size
  /// (the same record; memory follows the window, not the document). 0: never.
  public var windowBytes = 256 << 10
  /// Batches read ahead of the writer per worker: with `batchBytes` this bounds memory.
  public var batchesPerWorker = 4
  /// Only the records of this shard (nil: all).
  public var shard: Shard?
  /// What a bad input record does.
  public var onError: ErrorPolicy = .record
  /// How much evidence each document record carries.
  public var evidence: EvidenceLevel = .full

  /// JSON Lines, or a table (with `rows`) in CSV or TSV.
  public var format: OutputFormat = .jsonl
  /// What a table row stands for (tables only).
  public var rows: TableRows = .document

  public init() {}
}

/// What a bad input record (invalid JSON, missing text, unreadable file…) does to a run.
public enum ErrorPolicy: String, Sendable, CaseIterable {
  /// Write an error record in its place and go on (the default).
  case record
  /// Leave it out of the output and go on (the summary counts it).
  case skip
  /// Stop the run at the first one, in input order.
  case fail
}

/// Shard K of N: the records whose id (for `.txt` inputs, the path) hashes to K − 1 modulo N
/// with 64-bit FNV-1a over the id's UTF-8 bytes. N workers with shards 1/N … N/N split any
/// corpus without coordination; together their outputs hold exactly the records of one full
/// run. Records without an id (error records) hash by `SOURCE:LINE`.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// 1-based.
  public let index: Int
  public let count: Int

  public init(index: Int, count: Int) {
    precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count) out of range")
    self.index = index
    self.count = count
  }

  /// Parses `K/N` with 1 ≤ K ≤ N; nil when malformed.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1,
      (1...n).contains(k)
    else { return nil }
    self.init(index: k, count: n)
  }

  public var description: String { "\(index)/\(count)" }

  public func contains(key: String) -> Bool {
    Int(Self.fnv1a(key) % UInt64(count)) == index - 1
  }

  /// 64-bit FNV-1a: stable across runs, machines and versions (unlike `Hasher`).
  public static func fnv1a(_ key: String) -> UInt64 { fnv1a(bytes: key.utf8) }

  /// 64-bit FNV-1a of a byte sequence.
  public static func fnv1a(bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The key a record is sharded by: its id as written in the output.
  static func key(id: JSONValue?, source: String, line: Int?) -> String {
    RecordKeys.idText(id, source: source, line: line)
  }
}
