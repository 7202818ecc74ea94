import Glibc

/// A file descriptor read in chunks (what `FileHandle` gave, without linking Foundation), closed
/// at the end when it owns it.
final class InputDescriptor {
  private let descriptor: Int32
  private let owns: Bool
  private var closed = false

  /// The error number of a failed `read`.
  struct ReadError: Error {
    var number: Int32
    /// In the system's words ("Is a directory" for `pipeline run < /`).
    var reason: String { String(cString: strerror(number)) }
  }

  init(_ descriptor: Int32, owns: Bool) {
    self.descriptor = descriptor
    self.owns = owns
  }

  deinit { close() }

  /// Up to `count` bytes; empty at the end of the file.
  func read(upToCount count: Int) throws(ReadError) -> [UInt8] {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var result: Int
      repeat {
        result = Glibc.read(descriptor, buffer.baseAddress, count)
      } while result < 0 && errno == EINTR
      if result < 0 { failure = errno }
      initialized = max(result, 0)
    }
    if failure != 0 { throw ReadError(number: failure) }
    return bytes
  }

  func close() {
    guard owns, !closed else { return }
    closed = true
    _ = Glibc.close(descriptor)
  }
}

/// Writes all of `bytes` to file descriptor `descriptor` (standard output or error), retrying
/// after interruptions and short writes; false when a write fails.
@discardableResult
public func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
  let done = bytes.withContiguousStorageIfAvailable { buffer in
    writeAll(buffer, to: descriptor)
  }
  if let done { return done }
  return Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor) }
}

private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
  guard var next = buffer.baseAddress else { return true }
  var left = buffer.count
  while left > 0 {
    let written = write(descriptor, next, left)
    if written < 0 {
      if errno == EINTR { continue }
      return false
    }
    next += written
    left -= written
  }
  return true
}
