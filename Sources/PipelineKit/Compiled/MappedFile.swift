import FoundationEssentials
import Glibc

/// A file's bytes mapped read-only into memory (`mmap`), unmapped when the last reference goes:
/// a compiled gazetteer is read in place, with no copy of the file. The only unsafe code of
/// the compiled format.
///
/// `@unchecked Sendable`: the mapping is private and read-only and the class has no mutable
/// state, so every thread sees the same bytes.
final class MappedFile: @unchecked Sendable {
  private let base: UnsafeMutableRawPointer?
  let count: Int

  /// Maps the file at `path`; throws `unreadable` naming the reason.
  init(path: String) throws(PipelineError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.lastError()) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(path: path, reason: Self.lastError())
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    count = Int(info.st_size)
    guard count > 0 else {
      base = nil
      return
    }
    #if os(Linux)
      // Fault the pages in at once: one call instead of a fault per page as they are read.
      let flags = MAP_PRIVATE | MAP_POPULATE
    #else
      let flags = MAP_PRIVATE
    #endif
    let mapped = mmap(nil, count, PROT_READ, flags, descriptor, 0)
    guard let mapped, mapped != MAP_FAILED else {
      throw .unreadable(path: path, reason: Self.lastError())
    }
    base = mapped
  }

  deinit {
    if let base { munmap(base, count) }
  }

  /// Runs `body` with the bytes. They stay valid as long as the mapping does: a reader that
  /// keeps them past the call keeps this object too (`ArchiveReader.owner`).
  func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
