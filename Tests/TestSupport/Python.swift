import Foundation

/// The Python that tests which read or write files with Python packages (pandas, DuckDB, spaCy)
/// run, and whether it has a package, so such tests can disable themselves with a reason.
public enum Python {
  /// The first python3 on PATH (the one pip installs for).
  public static let executable: String? =
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
    .split(separator: ":").map { "\($0)/python3" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }

  /// Whether `import MODULES` (comma-separated) succeeds.
  public static func has(_ modules: String) -> Bool {
    guard let executable else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-c", "import \(modules)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
