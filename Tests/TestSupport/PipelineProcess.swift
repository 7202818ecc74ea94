import Foundation

/// The result of running the built `pipeline` binary.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  public init(status: Int32, stdout: String, stderr: String) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }
}

/// Runs the built `pipeline` executable as a user would (the test targets depend on it, so it
/// is built beside the test bundle).
public enum PipelineProcess {
  public static let binary: String? = {
    var candidates: [URL] = [Bundle.main.bundleURL]
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for directory in candidates {
      for url in [directory, directory.deletingLastPathComponent()] {
        let path = url.appendingPathComponent("pipeline").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }()

  public struct BinaryNotFound: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the pipeline binary was not found beside the test bundle" }
  }

  /// Runs `pipeline ARGUMENTS` in `directory` (default: the repository root) with `stdin`, or
  /// with standard input opened from `stdinPath` (which may be a directory).
  public static func run(
    _ arguments: [String], stdin: String? = nil, in directory: String = Repository.root,
    environment: [String: String]? = nil, stdinPath: String? = nil
  ) throws -> ProcessResult {
    guard let binary else { throw BinaryNotFound() }
    return try run(
      executable: binary, arguments, stdin: stdin, in: directory, environment: environment,
      stdinPath: stdinPath)
  }

  /// Runs any executable the same way (`/bin/sh` for tests that need a shell).
  public static func run(
    executable: String, _ arguments: [String], stdin: String? = nil,
    in directory: String = Repository.root,
    environment: [String: String]? = nil, stdinPath: String? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if let environment {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdinPath {
      let descriptor = open(stdinPath, O_RDONLY)
      guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
      process.standardInput = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    } else {
      process.standardInput = input
    }
    try process.run()
    // Read both pipes concurrently with the input write so no pipe buffer fills up and blocks.
    let group = DispatchGroup()
    nonisolated(unsafe) var stdoutData = Data()
    nonisolated(unsafe) var stderrData = Data()
    DispatchQueue.global().async(group: group) {
      stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: group) {
      stderrData = err.fileHandleForReading.readDataToEndOfFile()
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }
}
