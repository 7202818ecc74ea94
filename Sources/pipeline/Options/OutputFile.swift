import Dispatch
import FoundationEssentials
import Glibc
import PipelineKit

/// Where output goes: standard output; a regular file (or a new path), written atomically; or
/// anything else (a character device such as `/dev/null`, a FIFO, a socket, a symlink to a
/// descriptor such as `/dev/stdout`), written through directly.
///
/// A regular file is written to a temporary file `.NAME.tmp-PID` in the same folder as the file
/// (after resolving symlinks), with the existing file's mode and, where permitted, its owner; it
/// is renamed over the file only when the run succeeds. Nothing is ever renamed over a file that
/// is not regular. SIGINT and SIGTERM remove the temporary file and exit with 130 and 143; the
/// temporary files that dead processes left for the same destination are removed when the next
/// run opens it.
final class OutputFile {
  private let descriptor: Int32
  /// The destination as the user named it (for messages); nil for standard output.
  private let path: String?
  /// The file that `commit` renames over, and the temporary file it renames; nil unless the
  /// destination is a regular file or a new path.
  private let atomic: (destination: String, temporary: String)?
  private let signalSources: [any DispatchSourceSignal]
  private var pending: [UInt8] = []
  private static let flushSize = 1 << 20
  /// Bytes handed over at once from which `write` writes them as they are, after what is
  /// pending, instead of gathering them: a batch's output (about 370 KB for the runner's 64 KB
  /// of input with full evidence, 150 KB with none) then costs the writing thread one system
  /// call and no copy. Copying every batch into `pending` was 3.5 M of the 393 KB slice's
  /// instructions, on the thread that competes with the workers for the cores.
  private static let directSize = 64 << 10

  init(path: String?) throws(PipelineError) {
    guard let path, path != "-" else {
      self.descriptor = STDOUT_FILENO
      self.path = nil
      self.atomic = nil
      self.signalSources = []
      return
    }
    self.path = path
    var info = stat()
    let exists = stat(path, &info) == 0
    let isRegular = exists && (info.st_mode & S_IFMT) == S_IFREG
    if exists && (info.st_mode & S_IFMT) == S_IFDIR {
      throw .output(path: path, reason: "is a directory")
    }
    // A descriptor link is written through even when what it names is gone (`/dev/stdout` of a
    // process whose standard output is closed): the open fails and says so; the link is never
    // replaced.
    if Self.namesDescriptor(path) || (exists && !isRegular) {
      // A device, FIFO, socket or descriptor link: written through, never replaced.
      let descriptor = open(path, O_WRONLY | O_CLOEXEC | (isRegular ? O_TRUNC : 0))
      guard descriptor >= 0 else { throw .output(path: path, reason: Self.lastError()) }
      self.descriptor = descriptor
      self.atomic = nil
      self.signalSources = []
      return
    }
    let existing = exists ? info : nil
    // A symlink to a regular file: the file it names is replaced, the link is kept. A dangling
    // symlink: the file it names is created, the link is kept.
    let destination = existing != nil ? (Self.resolved(path) ?? path) : Self.linkChainEnd(path)
    var linkInfo = stat()
    if existing == nil && lstat(destination, &linkInfo) == 0
      && (linkInfo.st_mode & S_IFMT) == S_IFLNK
    {
      // The chain never ends (a loop, or more links than the kernel follows): nothing to create.
      throw .output(path: path, reason: "too many levels of symbolic links")
    }
    let url = URL(fileURLWithPath: destination)
    let folder = url.deletingLastPathComponent().path
    let prefix = ".\(url.lastPathComponent).tmp-"
    Self.removeStaleTemporaryFiles(in: folder, prefix: prefix)
    let temporary = PathString.appending(folder, prefix + String(getpid()))
    // The handlers come first, so a signal that arrives once the temporary file exists finds
    // them installed.
    let signalSources = Self.removeOnSignal(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      Self.stopHandling(signalSources)
      throw .output(path: path, reason: "cannot create '\(temporary)': \(Self.lastError())")
    }
    if let existing {
      _ = fchmod(descriptor, existing.st_mode & 0o7777)
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // fails harmlessly unless root
    }
    self.descriptor = descriptor
    self.atomic = (destination, temporary)
    self.signalSources = signalSources
  }

  func write(_ bytes: [UInt8]) throws(PipelineError) {
    try bytes.withUnsafeBufferPointer { (bytes) throws(PipelineError) in try write(bytes) }
  }

  /// Writes `bytes` (or gathers them, when fewer than `directSize`); they need not outlive
  /// the call.
  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(PipelineError) {
    if bytes.count >= Self.directSize {
      try flush()
      try writeNow(bytes)  // a batch goes out as it is, without a copy
      return
    }
    pending.append(contentsOf: bytes)
    if pending.count >= Self.flushSize { try flush() }
  }

  private func writeNow(_ buffer: UnsafeBufferPointer<UInt8>) throws(PipelineError) {
    var failure: Int32?
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(
        descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failure = errno
        break
      }
      offset += written
    }
    if let failure {
      throw .output(path: path ?? "<stdout>", reason: String(cString: strerror(failure)))
    }
  }

  func flush() throws(PipelineError) {
    guard !pending.isEmpty else { return }
    try pending.withUnsafeBufferPointer { (pending) throws(PipelineError) in try writeNow(pending) }
    pending.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a regular file, renames the temporary file over the destination.
  func commit() throws(PipelineError) {
    try flush()
    guard let path else { return }
    guard let atomic else {
      if close(descriptor) != 0 { throw .output(path: path, reason: Self.lastError()) }
      return
    }
    if fsync(descriptor) != 0 && errno != EINVAL {
      let reason = Self.lastError()
      discard()
      throw .output(path: path, reason: reason)
    }
    if close(descriptor) != 0 || rename(atomic.temporary, atomic.destination) != 0 {
      let reason = Self.lastError()
      unlink(atomic.temporary)
      throw .output(path: path, reason: reason)
    }
    Self.stopHandling(signalSources)
  }

  /// Ends a failed run: standard output and non-regular destinations keep what was produced
  /// before the failure; a regular file is left as it was (the temporary file is removed).
  func discard() {
    guard let atomic else {
      try? flush()
      if path != nil { close(descriptor) }
      return
    }
    close(descriptor)
    unlink(atomic.temporary)
    Self.stopHandling(signalSources)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }

  private static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Whether `path`, or a symlink on the way to what it names, is a descriptor alias
  /// (`/dev/stdout` → `/proc/self/fd/1`, `/dev/fd/N`).
  private static func namesDescriptor(_ path: String) -> Bool {
    linkChain(path).contains { $0.hasPrefix("/proc/") || $0.hasPrefix("/dev/fd/") }
  }

  /// What the last symlink of the chain from `path` names (`path` itself when it is no link).
  private static func linkChainEnd(_ path: String) -> String { linkChain(path).last ?? path }

  /// `path` and each symlink target on the way from it, read without following the last
  /// target (at most 40 links, as the kernel allows).
  private static func linkChain(_ path: String) -> [String] {
    var chain = [path]
    for _ in 0..<40 {
      let current = chain[chain.count - 1]
      if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") { break }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count > 0 else { break }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      chain.append(
        target.hasPrefix("/")
          ? target
          : PathString.appending(PathString.deletingLastComponent(current), target))
    }
    return chain
  }

  /// Removes `PREFIX<pid>` files in `folder` whose process no longer exists.
  private static func removeStaleTemporaryFiles(in folder: String, prefix: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else {
        continue
      }
      if kill(pid, 0) != 0 && errno == ESRCH {
        unlink(PathString.appending(folder, name))
      }
    }
  }

  /// SIGINT and SIGTERM remove `temporary` and exit with 128 + the signal number.
  private static func removeOnSignal(_ temporary: String) -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        unlink(temporary)
        _exit(128 + number)
      }
      source.resume()
      return source
    }
  }

  private static func stopHandling(_ sources: [any DispatchSourceSignal]) {
    for source in sources { source.cancel() }
    if !sources.isEmpty {
      signal(SIGINT, SIG_DFL)
      signal(SIGTERM, SIG_DFL)
    }
  }
}
