import FoundationEssentials
import Glibc
import Synchronization

/// Reads the inputs of a run one raw record at a time, in order, holding at most one chunk of
/// a JSON Lines file (plus the current line) in memory.
///
/// An INPUT is a `.txt` file (one document), a `.jsonl`/`.ndjson` file (one document a line;
/// extensions are case-insensitive, and any other file is read as text), a directory (walked
/// recursively by `DirectoryWalk`: `.txt`, `.jsonl` and `.ndjson` files, sorted, with a record
/// for every entry it cannot process), or `-` for JSON Lines on standard input. Paths are bytes
/// (`InputPath`). An input that cannot be read becomes one error record; a file given by name
/// is read whatever it is (a FIFO from `<(…)` too), while a walk never opens a non-regular file.
public final class InputReader {
  private var pending: [Pending]
  private var current: LineSource?
  private let counter = Atomic<Int>(0)
  public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
  /// The extensions a directory walk reads (compared lowercased).
  public static let documentExtensions: Set<String> = jsonLinesExtensions.union(["txt"])

  private enum Pending {
    /// A file; `walked` when a directory walk found it (then it must still be a regular file).
    case path(InputPath, walked: Bool)
    case problem(RecordError)
    case stdin
    case memory
  }
  private var stdinName = "-"
  /// Records given in memory, last first.
  private var memory: [RawRecord] = []

  /// Reads records that are already in memory (for library users and tests).
  public init(records: [RawRecord]) {
    pending = [.memory]
    memory = records.reversed()
  }

  /// A JSON Lines line or `.txt` file of more bytes than this becomes a `document_too_large`
  /// error record, without being held in memory (set before the first `next()`).
  public var maxRecordBytes = Int.max

  /// How many records `next()` has returned so far (safe to read from any thread).
  public var recordsRead: Int { counter.load(ordering: .relaxed) }

  /// `stdinName` names standard input in error records and generated ids (`-` by default).
  public convenience init(inputs: [String], stdinName: String = "-") {
    self.init(paths: inputs.map(InputPath.init), stdinName: stdinName)
  }

  /// Inputs as bytes (`-` is standard input).
  public init(paths: [InputPath], stdinName: String = "-") {
    self.stdinName = stdinName
    var pending: [Pending] = []
    for path in paths {
      if path.bytes == [UInt8(ascii: "-")] {
        pending.append(.stdin)
        continue
      }
      var info = stat()
      if path.withCString({ stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFDIR {
        for entry in DirectoryWalk.entries(below: path, extensions: Self.documentExtensions) {
          switch entry {
          case .file(let file): pending.append(.path(file, walked: true))
          case .problem(_, let error): pending.append(.problem(error))
          }
        }
      } else {
        pending.append(.path(path, walked: false))
      }
    }
    self.pending = pending.reversed()
  }

  /// Total bytes of the regular files among the inputs (nil when stdin is one of them).
  public func totalBytes() -> Int? {
    var total = 0
    for item in pending {
      switch item {
      case .stdin, .memory: return nil
      case .problem: continue
      case .path(let path, _):
        var info = stat()
        if path.withCString({ stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFREG {
          total += Int(info.st_size)
        }
      }
    }
    return total
  }

  /// The next raw record, or nil at the end of all inputs.
  public func next() -> RawRecord? {
    let record = nextRecord()
    if record != nil { counter.add(1, ordering: .relaxed) }
    return record
  }

  private func nextRecord() -> RawRecord? {
    while true {
      if let source = current {
        if let record = source.nextLine() { return record }
        current = nil
      }
      guard let item = pending.popLast() else { return nil }
      switch item {
      case .memory:
        guard let record = memory.popLast() else { continue }
        pending.append(.memory)
        return record
      case .problem(let error):
        return .failure(error)
      case .stdin:
        current = LineSource(
          handle: InputDescriptor(STDIN_FILENO, owns: false), name: stdinName,
          maxLineBytes: maxRecordBytes)
      case .path(let path, let walked):
        // A walked file is opened without blocking and checked again: it may have been replaced
        // by a FIFO since the walk.
        let descriptor = path.withCString {
          open($0, O_RDONLY | O_CLOEXEC | (walked ? O_NONBLOCK : 0))
        }
        guard descriptor >= 0 else { return .failure(InputProblem.unreadable(path, errno: errno)) }
        var info = stat()
        if walked, fstat(descriptor, &info) != 0 || info.st_mode & S_IFMT != S_IFREG {
          close(descriptor)
          return .failure(InputProblem.notRegularFile(path, mode: info.st_mode))
        }
        let name = path.description
        if Self.jsonLinesExtensions.contains(path.lowercasedExtension) {
          current = LineSource(
            handle: InputDescriptor(descriptor, owns: true), name: name,
            maxLineBytes: maxRecordBytes)
        } else {
          defer { close(descriptor) }
          var status = stat()
          if fstat(descriptor, &status) == 0, Int(status.st_size) > maxRecordBytes {
            return .failure(
              Self.tooLarge(
                source: name, line: nil, bytes: Int(status.st_size), limit: maxRecordBytes))
          }
          switch Self.readAll(descriptor) {
          case .success(let bytes): return .textFile(bytes: bytes, source: name)
          case .failure(let error):
            return .failure(InputProblem.unreadable(path, errno: error.code))
          }
        }
      }
    }
  }
}

extension InputReader {
  static func tooLarge(source: String, line: Int?, bytes: Int, limit: Int) -> RecordError {
    RecordError(
      id: nil, source: source, line: line, code: .documentTooLarge,
      message: "the record is \(bytes) bytes, more than --max-document-bytes \(limit)")
  }

  struct ReadError: Error {
    var code: Int32
  }

  /// Every byte of a descriptor, read to its end, or the `errno` of the read that failed.
  static func readAll(_ descriptor: Int32) -> Result<[UInt8], ReadError> {
    var bytes: [UInt8] = []
    var info = stat()
    let chunk = 1 << 20
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
      // The last, empty read still appends a chunk.
      bytes.reserveCapacity(Int(info.st_size) + chunk)
    }
    while true {
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: chunk))
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, chunk) }
      if count < 0 {
        if errno == EINTR {
          bytes.removeSubrange(start...)
          continue
        }
        return .failure(ReadError(code: errno))
      }
      bytes.removeSubrange((start + count)...)
      if count == 0 { return .success(bytes) }
    }
  }
}

/// Lines of a file handle, read in 1 MiB chunks. Blank lines are skipped (they hold no record)
/// but still counted, so line numbers match the file.
final class LineSource {
  private let handle: InputDescriptor
  private let name: String
  private var buffer: [UInt8] = []
  private var position = 0
  private var lineNumber = 0
  private var atEnd = false
  private static let chunkSize = 1 << 20

  /// A longer line is skipped (read through, never held whole) and becomes an error record.
  private let maxLineBytes: Int
  /// Bytes of an over-long line read so far while skipping it.
  private var skipped: Int?

  init(handle: InputDescriptor, name: String, maxLineBytes: Int = .max) {
    self.handle = handle
    self.name = name
    self.maxLineBytes = maxLineBytes
  }

  func nextLine() -> RawRecord? {
    while true {
      if let skippedSoFar = skipped {
        // Inside an over-long line: drop what is buffered, up to its end.
        let end = nextNewline()
        let bytes = skippedSoFar + (end ?? buffer.count) - position
        position = end.map { $0 + 1 } ?? buffer.count
        if end != nil || atEnd {
          skipped = nil
          lineNumber += 1
          return .failure(
            InputReader.tooLarge(source: name, line: lineNumber, bytes: bytes, limit: maxLineBytes))
        }
        skipped = bytes
      } else if let newline = nextNewline() {
        if newline - position > maxLineBytes {
          skipped = 0
          continue
        }
        let line = Array(buffer[position..<newline])
        position = newline + 1
        lineNumber += 1
        if let record = record(line) { return record }
        continue
      } else if buffer.count - position > maxLineBytes {
        skipped = 0
        continue
      } else if atEnd {
        guard position < buffer.count else {
          handle.close()
          return nil
        }
        let line = Array(buffer[position...])
        position = buffer.count
        lineNumber += 1
        if let record = record(line) { return record }
        continue
      }
      if position == buffer.count, buffer.capacity > 4 * Self.chunkSize {
        buffer = []  // after a long line: give its memory back
      } else {
        buffer.removeSubrange(..<position)
      }
      position = 0
      let chunk: [UInt8]
      do { chunk = try handle.read(upToCount: Self.chunkSize) } catch {
        atEnd = true
        buffer.removeAll()
        return .failure(
          RecordError(
            id: nil, source: name, line: lineNumber + 1, code: .unreadableFile,
            message: lineNumber == 0
              ? "cannot read '\(name)': \(error.reason)"
              : "read failed after line \(lineNumber): \(error.reason)"))
      }
      if !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
    }
  }

  /// The index of the next line feed at or after `position` (memchr).
  private func nextNewline() -> Int? {
    buffer.withUnsafeBufferPointer { all in
      guard position < all.count, let base = all.baseAddress,
        let found = memchr(base + position, 0x0A, all.count - position)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  private func record(_ line: [UInt8]) -> RawRecord? {
    var bytes = line
    if bytes.last == 0x0D { bytes.removeLast() }
    if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
    return .jsonLine(bytes: bytes, source: name, line: lineNumber)
  }
}
