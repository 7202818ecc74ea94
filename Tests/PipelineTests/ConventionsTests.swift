import Foundation
import Synchronization
import TestSupport
import Testing

/// Command-line conventions: NO_COLOR and TERM=dumb, kwic streaming, singular wording, short
/// flags, pipe mode.
@Suite("CLI conventions")
struct ConventionsTests {
  static let script = ["/usr/bin/script", "/bin/script"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  struct ColorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let environment: String
    let arguments: String
    let colored: Bool
    var testDescription: String { name }
  }

  /// `explain` on a pseudo-terminal (util-linux `script`): colour by default, none with
  /// NO_COLOR or TERM=dumb, unless --color always.
  @Test(
    .enabled(if: script != nil, "needs util-linux's script(1) for a pseudo-terminal"),
    arguments: [
      ColorCase(name: "a terminal", environment: "TERM=xterm", arguments: "", colored: true),
      ColorCase(
        name: "NO_COLOR=1", environment: "TERM=xterm NO_COLOR=1", arguments: "", colored: false),
      ColorCase(
        name: "NO_COLOR empty", environment: "TERM=xterm NO_COLOR=", arguments: "", colored: true),
      ColorCase(name: "TERM=dumb", environment: "TERM=dumb", arguments: "", colored: false),
      ColorCase(
        name: "--color always wins", environment: "NO_COLOR=1", arguments: "--color always",
        colored: true),
    ])
  func colourFollowsTheEnvironment(_ c: ColorCase) throws {
    let binary = try #require(PipelineProcess.binary)
    let command =
      "env -u NO_COLOR \(c.environment) '\(binary)' explain --text 'NASA praised Roscosmos.' \(c.arguments)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.script!)
    process.arguments = ["-qec", command, "/dev/null"]
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.contains("praised"), "\(text.debugDescription)")
    #expect(text.contains("\u{1B}[") == c.colored, "\(text.debugDescription)")
    #expect(text.contains("<<praised>>") == !c.colored)
  }

  /// kwic prints a document's lines before it reads the next input: with a FIFO as the second
  /// input, the first file's lines arrive while the FIFO has no writer yet.
  @Test func kwicStreams() throws {
    let binary = try #require(PipelineProcess.binary)
    let directory = NSTemporaryDirectory() + "kwic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fifo = directory + "/later.jsonl"
    #expect(mkfifo(fifo, 0o600) == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["kwic", "partner*", "samples/news.jsonl", fifo]
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A safety net, not a timing check: if kwic buffered its output, the read below would wait
    // for the FIFO forever; release it after a long while and fail.
    let state = FIFOState()
    let release: @Sendable () -> Void = {
      let first = state.released.withLock { done in
        defer { done = true }
        return !done
      }
      if first, let writer = FileHandle(forWritingAtPath: fifo) { try? writer.close() }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + 300) {
      state.gaveUp.withLock { $0 = true }
      release()
    }
    var firstLine = Data()
    while true {
      let byte = out.fileHandleForReading.readData(ofLength: 1)
      if byte.isEmpty || byte == Data("\n".utf8) { break }
      firstLine += byte
    }
    #expect(!state.gaveUp.withLock { $0 }, "kwic printed nothing before reading its next input")
    release()
    _ = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: firstLine, as: UTF8.self).hasPrefix("sample-02  [109, 120)"))
    #expect(process.terminationStatus == 0)
  }

  final class FIFOState: Sendable {
    let gaveUp = Mutex(false)
    let released = Mutex(false)
  }

  @Test func oneDocumentIsSingularAndShortFlagsWork() throws {
    let result = try PipelineProcess.run(
      ["run", "-j", "1", "-"], stdin: "{\"id\": \"a\", \"text\": \"NASA\"}\n")
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("pipeline: 1 document, 0 errors, "), "\(result.stderr)")
    let quiet = try PipelineProcess.run(["run", "-q", "-"], stdin: "{\"text\": \"NASA\"}\n")
    #expect(quiet.stderr.isEmpty)
  }

  /// --pipe: nothing on stderr, content keys, one thread; the same bytes as the options spelled out.
  @Test func pipeModeIsQuietWithContentKeys() throws {
    let input = "{\"text\": \"NASA praised Roscosmos.\"}\nnot json\n"
    let piped = try PipelineProcess.run(["run", "--pipe", "--source-name", "part"], stdin: input)
    #expect(piped.status == 0)
    #expect(piped.stderr.isEmpty)
    let spelled = try PipelineProcess.run(
      ["run", "--quiet", "--jobs", "1", "--record-key", "content", "--source-name", "part"],
      stdin: input)
    #expect(piped.stdout == spelled.stdout)
    let lines = piped.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix(#"{"id":"part#"#) }, "\(piped.stdout)")
    #expect(lines[1].contains(#""source":"part","line":null,"#))
  }
}
