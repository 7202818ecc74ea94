import Foundation
import Synchronization

/// Reads the inputs of a run one raw record at a time, in order, holding at most one chunk of
/// a JSON Lines file (plus the current line) in memory.
///
/// An INPUT is a `.txt` file (one document), a `.jsonl`/`.ndjson` file (one document a line),
/// a directory (walked recursively, sorted, `.txt`, `.jsonl` and `.ndjson` files), or `-` for
/// JSON Lines on standard input. An input that cannot be read becomes one failure record.
public final class InputReader {
  private var pending: [Pending]
  private var current: LineSource?
  private let counter = Atomic<Int>(0)
  public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

  private enum Pending {
    case path(String)
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

  /// How many records `next()` has returned so far (safe to read from any thread).
  public var recordsRead: Int { counter.load(ordering: .relaxed) }

  /// `stdinName` names standard input in error records and generated ids (`-` by default).
  public init(inputs: [String], stdinName: String = "-") {
    self.stdinName = stdinName
    var pending: [Pending] = []
    for input in inputs {
      if input == "-" {
        pending.append(.stdin)
        continue
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
        pending.append(contentsOf: Self.walk(input).map { .path($0) })
      } else {
        pending.append(.path(input))
      }
    }
    self.pending = pending.reversed()
  }

  /// Files below a directory with a document extension, sorted by path.
  static func walk(_ directory: String) -> [String] {
    var paths: [String] = []
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
    for case let relative as String in walker {
      let ext = (relative as NSString).pathExtension
      guard ext == "txt" || jsonLinesExtensions.contains(ext) else { continue }
      let full = (directory as NSString).appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        paths.append(full)
      }
    }
    return paths.sorted()
  }

  /// Total bytes of the regular files among the inputs (nil when stdin is one of them).
  public func totalBytes() -> Int? {
    var total = 0
    for item in pending {
      switch item {
      case .stdin, .memory: return nil
      case .path(let path):
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        total += (attributes?[.size] as? Int) ?? 0
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
      case .stdin:
        current = LineSource(handle: FileHandle.standardInput, name: stdinName, closes: false)
      case .path(let path):
        let isJSONLines = Self.jsonLinesExtensions.contains((path as NSString).pathExtension)
        guard let handle = FileHandle(forReadingAtPath: path) else {
          return .failure(Self.unreadable(path))
        }
        if isJSONLines {
          current = LineSource(handle: handle, name: path)
        } else {
          do {
            let data = try handle.readToEnd() ?? Data()
            try? handle.close()
            return .textFile(bytes: [UInt8](data), source: path)
          } catch {
            return .failure(Self.unreadable(path, reason: readFailure(error)))
          }
        }
      }
    }
  }

  static func unreadable(_ path: String, reason: String? = nil) -> RecordError {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    let why = reason ?? (exists ? "permission denied" : "no such file or directory")
    return RecordError(id: nil, source: path, line: nil, code: .unreadableFile, message: "cannot read '\(path)': \(why)")
  }
}

/// Lines of a file handle, read in 1 MiB chunks. Blank lines are skipped (they hold no record)
/// but still counted, so line numbers match the file.
final class LineSource {
  private let handle: FileHandle
  private let name: String
  private var buffer: [UInt8] = []
  private var position = 0
  private var lineNumber = 0
  private var atEnd = false
  private static let chunkSize = 1 << 20

  /// Whether to close the handle at the end (not standard input).
  private let closes: Bool

  init(handle: FileHandle, name: String, closes: Bool = true) {
    self.handle = handle
    self.name = name
    self.closes = closes
  }

  func nextLine() -> RawRecord? {
    while true {
      if let newline = nextNewline() {
        let line = Array(buffer[position..<newline])
        position = newline + 1
        lineNumber += 1
        if let record = record(line) { return record }
        continue
      }
      if atEnd {
        guard position < buffer.count else {
          if closes { try? handle.close() }
          return nil
        }
        let line = Array(buffer[position...])
        position = buffer.count
        lineNumber += 1
        if let record = record(line) { return record }
        continue
      }
      buffer.removeSubrange(..<position)
      position = 0
      let chunk: Data?
      do { chunk = try handle.read(upToCount: Self.chunkSize) } catch {
        atEnd = true
        buffer.removeAll()
        return .failure(
          RecordError(
            id: nil, source: name, line: lineNumber + 1, code: .unreadableFile,
            message: lineNumber == 0
              ? "cannot read '\(name)': \(readFailure(error))"
              : "read failed after line \(lineNumber): \(readFailure(error))"))
      }
      if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
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

/// Why a read failed, in the system's words ("Is a directory" for `pipeline run < /`), not
/// Foundation's "The operation could not be completed".
func readFailure(_ error: any Error) -> String {
  var error = error as NSError
  while error.domain != NSPOSIXErrorDomain,
    let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
  {
    error = underlying
  }
  if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
  return error.localizedDescription
}
