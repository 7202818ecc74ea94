import Foundation
import Glibc
import Testing

@testable import PipelineKit

/// The small POSIX layer that replaced Foundation in the binary (`Sources/PipelineKit/System`):
/// each helper agrees with the Foundation call it replaced.
@Suite("System helpers without Foundation")
struct SystemTests {
  static let paths = [
    "/", "a", "a/", "a/b", "a/b/", "/a", "/a/b.tsv", "lexicons/stance/x.tsv", ".hidden",
    "dir/.hidden", "a.b.c", "a//b", "x/y.", "/tmp/out.jsonl", "../up/file.txt", "é/ü.tsv",
  ]

  @Test(arguments: paths)
  func pathOperationsMatchNSString(_ path: String) {
    let ns = path as NSString
    #expect(PathString.lastComponent(path) == ns.lastPathComponent, "\(path)")
    #expect(PathString.pathExtension(path) == ns.pathExtension, "\(path)")
    for component in ["cfg", "b.tsv"] {
      #expect(
        PathString.appending(path, component) == ns.appendingPathComponent(component),
        "\(path) + \(component)")
    }
  }

  /// Foundation's `deletingLastPathComponent` trapped on "a" in this suite (Swift 6.3's
  /// swift-corelibs-foundation), so the expected values are written out.
  @Test(arguments: [
    ("/", "/"), ("a", ""), ("a/", ""), ("a/b", "a"), ("a/b/", "a"), ("/a", "/"),
    ("/a/b.tsv", "/a"), ("a//b", "a"), ("../up/file.txt", "../up"), ("", ""),
  ])
  func deletingTheLastComponent(_ path: String, _ expected: String) {
    #expect(PathString.deletingLastComponent(path) == expected)
  }

  /// The empty path, which Foundation's `deletingLastPathComponent` traps on.
  @Test func emptyPath() {
    #expect(PathString.lastComponent("") == "")
    #expect(PathString.pathExtension("") == "")
    #expect(PathString.deletingLastComponent("") == "")
    #expect(PathString.appending("", "cfg") == "cfg")
  }

  /// One variable read with `getenv` is the value Foundation's dictionary holds.
  @Test(arguments: ["PATH", "HOME", "PIPELINE_SYSTEM_TESTS_UNSET"])
  func environmentValueMatchesProcessInfo(_ name: String) {
    #expect(Environment.value(name) == ProcessInfo.processInfo.environment[name], "\(name)")
  }

  @Test(arguments: [0.0, 0.004, 0.005, 0.015, 1.0 / 3, 2.5, 12.345, 99.995, 1e6 + 0.5, -3.25])
  func cFormatMatchesStringFormat(_ value: Double) {
    for format in ["%.2f s, %.2f MB/s", "%.1f MB", "%.0f%%, ETA %.0f s"] {
      #expect(cFormat(format, value, value * 7) == String(format: format, value, value * 7))
    }
  }

  @Test func cFormatGrowsItsBuffer() {
    let long = cFormat("%.3f", 1e200)
    #expect(long == String(format: "%.3f", 1e200))
    #expect(long.count > 64)
  }

  @Test func readsAFileInChunksAndReportsADirectory() throws {
    let path = NSTemporaryDirectory() + "system-tests-\(getpid()).txt"
    try Data((0..<1000).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    let handle = InputDescriptor(open(path, O_RDONLY), owns: true)
    var read: [UInt8] = []
    while true {
      let chunk = try handle.read(upToCount: 300)
      if chunk.isEmpty { break }
      read += chunk
    }
    #expect(read == (0..<1000).map { UInt8($0 % 251) })
    let directory = InputDescriptor(open("/", O_RDONLY), owns: true)
    #expect(throws: InputDescriptor.ReadError.self) { try directory.read(upToCount: 10) }
    do {
      _ = try directory.read(upToCount: 10)
    } catch {
      #expect(error.reason == "Is a directory")
    }
  }

  @Test func conditionWakesAWaitingThread() {
    final class Flag: @unchecked Sendable {
      let condition = Condition()
      var set = false
      var seen = false
    }
    let flag = Flag()
    let group = DispatchGroup()
    group.enter()
    startThread(stackSize: 1 << 20) {
      flag.condition.lock()
      while !flag.set { flag.condition.wait() }
      flag.seen = true
      flag.condition.unlock()
      group.leave()
    }
    flag.condition.lock()
    flag.set = true
    flag.condition.broadcast()
    flag.condition.unlock()
    #expect(group.wait(timeout: .now() + 300) == .success)
    flag.condition.lock()
    #expect(flag.seen)
    flag.condition.unlock()
  }
}
