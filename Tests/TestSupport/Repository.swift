import Foundation

/// Paths of the repository the tests were compiled from.
public enum Repository {
  /// The repository root (the folder holding Package.swift).
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Repository.swift
    return url.path
  }()

  public static func path(_ relative: String) -> String { root + "/" + relative }

  /// `../shared` beside the checkout, or nil when absent (tests that need it are disabled).
  public static var shared: String? {
    let path = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent(
      "shared"
    ).path
    return FileManager.default.fileExists(atPath: path + "/corpus/seeds") ? path : nil
  }
}

/// Compares `actual` with the golden file `Snapshots/<name>` of a test target. With the
/// environment variable `RECORD_SNAPSHOTS=1` it writes the file instead and returns a failure
/// message, so a recording run cannot pass silently. Returns nil when they match.
public func snapshotMismatch(_ actual: String, named name: String, in directory: String) -> String?
{
  let path = directory + "/Snapshots/" + name
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try? FileManager.default.createDirectory(
      atPath: directory + "/Snapshots", withIntermediateDirectories: true)
    try? actual.write(toFile: path, atomically: true, encoding: .utf8)
    return "recorded \(path); run again without RECORD_SNAPSHOTS=1"
  }
  guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
    return "missing snapshot \(path): run with RECORD_SNAPSHOTS=1 to record it"
  }
  if expected == actual { return nil }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for i in 0..<max(e.count, a.count) where i >= e.count || i >= a.count || e[i] != a[i] {
    let want = i < e.count ? String(e[i].prefix(400)) : "<end>"
    let got = i < a.count ? String(a[i].prefix(400)) : "<end>"
    return "\(name) differs at line \(i + 1):\n  expected: \(want)\n  actual:   \(got)"
  }
  return "\(name) differs"
}
