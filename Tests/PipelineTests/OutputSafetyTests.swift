import Foundation
import TestSupport
import Testing

/// `-o FILE` never replaces what is not a regular file, keeps a file's mode, and cleans up its
/// temporary file on signals and after dead runs.
@Suite("pipeline run -o, output safety")
struct OutputSafetyTests {
  static func temporaryDirectory() throws -> String {
    let directory = NSTemporaryDirectory() + "pipeline-output-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
  }

  static func fileType(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
  }

  @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
    // /dev/full rather than /dev/null: if this ever regressed, it would not take /dev/null with it.
    #expect(Self.fileType("/dev/full") == S_IFCHR)
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", "/dev/full", "--quiet",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(
      result.stderr.contains("/dev/full: cannot write: No space left on device"), "\(result.stderr)"
    )
    #expect(Self.fileType("/dev/full") == S_IFCHR)
    #expect(!FileManager.default.fileExists(atPath: "/dev/.full.tmp-1"))
  }

  @Test func aFIFOIsWrittenThrough() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fifo = directory + "/out.fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    nonisolated(unsafe) var received = Data()
    let reader = Thread {
      received = FileHandle(forReadingAtPath: fifo)!.readDataToEndOfFile()
    }
    reader.start()
    let result = try PipelineProcess.run(["run", "samples/news.jsonl", "-o", fifo, "--quiet"])
    while !reader.isFinished { usleep(10_000) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.fileType(fifo) == S_IFIFO)
    let expected = try PipelineProcess.run(["run", "samples/news.jsonl", "--quiet"]).stdout
    #expect(String(decoding: received, as: UTF8.self) == expected)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.fifo"])
  }

  @Test func aDescriptorLinkIsWrittenThrough() throws {
    // /dev/stdout is a symlink to /proc/self/fd/1: the output reaches the pipe, and nothing is
    // created beside the link's target.
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", "/dev/stdout", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == (try PipelineProcess.run(["run", "samples/news.jsonl", "--quiet"]).stdout))
    #expect(Self.fileType("/dev/stdout") == S_IFLNK)
  }

  @Test func aLinkToAClosedDescriptorFailsAndStaysALink() throws {
    // As /dev/stdout is for a process whose standard output is closed: the link names a
    // descriptor that does not exist (fd 9 is not open in the child). The run fails and the
    // link is not replaced by a regular file (it was, which as root replaced /dev/stdout).
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let link = directory + "/stdout"
    #expect(symlink("/proc/self/fd/9", link) == 0)
    let result = try PipelineProcess.run(["run", "samples/news.jsonl", "-o", link, "--quiet"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains(link))
    #expect(Self.fileType(link) == S_IFLNK)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["stdout"])
  }

  @Test func aDanglingLinkKeepsTheLinkAndCreatesTheFileItNames() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(symlink("out.jsonl", directory + "/link.jsonl") == 0)
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", directory + "/link.jsonl", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.fileType(directory + "/link.jsonl") == S_IFLNK)
    #expect(Self.fileType(directory + "/out.jsonl") == S_IFREG)
  }

  @Test func aSymlinkLoopFailsAndStaysALoop() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(symlink("b", directory + "/a") == 0)
    #expect(symlink("a", directory + "/b") == 0)
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", directory + "/a", "--quiet",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("too many levels of symbolic links"))
    #expect(Self.fileType(directory + "/a") == S_IFLNK)
    #expect(Self.fileType(directory + "/b") == S_IFLNK)
  }

  @Test func aRegularFileKeepsItsModeAndASymlinkStaysALink() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/out.jsonl"
    #expect(FileManager.default.createFile(atPath: file, contents: Data("old\n".utf8)))
    #expect(chmod(file, 0o600) == 0)
    #expect(symlink("out.jsonl", directory + "/link.jsonl") == 0)
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", directory + "/link.jsonl", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    var info = stat()
    #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(Self.fileType(directory + "/link.jsonl") == S_IFLNK)
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{\"id\":\"sample-01\""))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
        "link.jsonl", "out.jsonl",
      ])
  }

  @Test func aDirectoryIsAnOutputError() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try PipelineProcess.run(["run", "samples/news.jsonl", "-o", directory, "--quiet"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("\(directory): cannot write: is a directory"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test func staleTemporaryFilesOfDeadProcessesAreRemoved() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
    let stale = directory + "/.out.jsonl.tmp-4194305"
    let live = directory + "/.out.jsonl.tmp-\(getpid())"
    let other = directory + "/.other.jsonl.tmp-4194305"
    for path in [stale, live, other] {
      #expect(FileManager.default.createFile(atPath: path, contents: nil))
    }
    let result = try PipelineProcess.run([
      "run", "samples/news.jsonl", "-o", directory + "/out.jsonl", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(names == [".other.jsonl.tmp-4194305", ".out.jsonl.tmp-\(getpid())", "out.jsonl"])
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aSignalRemovesTheTemporaryFile(signal number: Int32, status: Int32) throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/out.jsonl"
    #expect(FileManager.default.createFile(atPath: target, contents: Data("previous\n".utf8)))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(PipelineProcess.binary))
    // Standard input stays open, so the run is still going when the signal arrives.
    process.arguments = ["run", "-", "-o", target, "--quiet", "--jobs", "1"]
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    process.standardError = FileHandle.nullDevice
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"NASA\"}\n".utf8))
    let temporary = directory + "/.out.jsonl.tmp-\(process.processIdentifier)"
    var waited = 0
    while !FileManager.default.fileExists(atPath: temporary) && process.isRunning && waited < 2000 {
      usleep(5_000)
      waited += 1
    }
    usleep(100_000)  // past start-up, so the handlers are installed
    kill(process.processIdentifier, number)
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    #expect(process.terminationStatus == status)
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "previous\n")
  }
}
