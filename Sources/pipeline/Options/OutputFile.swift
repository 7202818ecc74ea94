import Foundation
import PipelineKit

/// Where output goes: standard output, or a file written atomically (a temporary file in the
/// same folder, renamed over FILE only when the run succeeds).
final class OutputFile {
  private let handle: FileHandle
  private let path: String?
  private let temporaryPath: String?
  private var pending: [UInt8] = []
  private static let flushSize = 1 << 20

  init(path: String?) throws(PipelineError) {
    guard let path, path != "-" else {
      self.handle = FileHandle.standardOutput
      self.path = nil
      self.temporaryPath = nil
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      throw .output(path: path, reason: "cannot create '\(temporary)'")
    }
    self.handle = handle
    self.path = path
    self.temporaryPath = temporary
  }

  func write(_ bytes: [UInt8]) throws(PipelineError) {
    if pending.isEmpty && bytes.count >= Self.flushSize {
      try writeNow(bytes)  // a large batch goes out as it is, without a copy
      return
    }
    pending.append(contentsOf: bytes)
    if pending.count >= Self.flushSize { try flush() }
  }

  private func writeNow(_ bytes: [UInt8]) throws(PipelineError) {
    do { try handle.write(contentsOf: bytes) } catch {
      throw .output(path: path ?? "<stdout>", reason: error.localizedDescription)
    }
  }

  func flush() throws(PipelineError) {
    guard !pending.isEmpty else { return }
    try writeNow(pending)
    pending.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file, renames the temporary file over the destination.
  func commit() throws(PipelineError) {
    try flush()
    guard let path, let temporaryPath else { return }
    do {
      try handle.close()
      if rename(temporaryPath, path) != 0 {
        throw PipelineError.output(path: path, reason: String(cString: strerror(errno)))
      }
    } catch let error as PipelineError {
      throw error
    } catch {
      throw .output(path: path, reason: error.localizedDescription)
    }
  }

  /// Ends a failed run: standard output gets what was produced before the failure; a file
  /// is left as it was (the temporary file is removed).
  func discard() {
    guard let temporaryPath else {
      try? flush()
      return
    }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }
}
