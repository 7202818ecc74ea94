import Foundation
import TestSupport
import Testing

/// A directory walk processes every document it can and writes a record, in sorted place, for
/// every entry it cannot: FIFOs, sockets and devices are skipped unopened (warning records);
/// unreadable directories, broken links and loops are error records. Names are bytes.
@Suite("pipeline run, directory walks")
struct WalkTests {
  /// Runs `script` with `/bin/sh` in a new temporary directory, `$PIPELINE` naming the binary.
  /// Every run of the binary in a script is under `timeout`, so a hang fails instead of blocking.
  static func shell(_ script: String) throws -> ProcessResult {
    guard let binary = PipelineProcess.binary else { throw PipelineProcess.BinaryNotFound() }
    let directory = NSTemporaryDirectory() + "pipeline-walk-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer {
      _ = try? PipelineProcess.run(
        executable: "/bin/sh", ["-c", "chmod -R u+rwx . 2>/dev/null; true"], in: directory)
      try? FileManager.default.removeItem(atPath: directory)
    }
    return try PipelineProcess.run(
      executable: "/bin/sh", ["-c", "set -e; PIPELINE='\(binary)'\n" + script], in: directory)
  }

  /// `id` and, for error and warning records, `code` of each output line.
  static func summary(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").map { line in
      let id = line.firstMatch(of: /"id":"((?:[^"\\]|\\.)*)"/).map { String($0.1) } ?? "?"
      let code =
        line.firstMatch(of: /"(?:error|warning)":\{"code":"([a-z_]+)"/).map { " " + $0.1 } ?? ""
      let kind = line.contains(#""warning":{"#) ? " (warning)" : ""
      return id + code + kind
    }
  }

  /// The tree of the issue: a FIFO, a device behind a link, non-UTF-8 names, upper-case
  /// extensions, a broken link, a self-loop and a link back up.
  static let tree = """
    mkdir -p d/sub
    echo 'NASA praised Roscosmos.' > d/a.txt
    mkfifo d/f.txt
    printf 'Roscosmos' > "$(printf 'd/bad\\377.txt')"
    printf 'NASA' > "$(printf 'd/caf\\351.txt')"
    echo '{"id": "u1", "text": "NASA"}' > d/UP.JSONL
    echo 'NASA' > d/sub/X.TXT
    echo 'not a document' > d/README.md
    ln -s missing d/gone.txt
    ln -s loop.txt d/loop.txt
    ln -s .. d/sub/up
    ln -s /dev/null d/null.txt

    """

  static let treeRecords = [
    "u1", "d/a.txt", #"d/bad\\xff.txt"#, #"d/caf\\xe9.txt"#, "d/f.txt not_regular_file (warning)",
    "d/gone.txt broken_symlink", "d/loop.txt symlink_loop", "d/null.txt not_regular_file (warning)",
    "d/sub/X.TXT", "d/sub/up symlink_loop",
  ]

  @Test func aWalkReportsEveryEntryItDoesNotProcessInSortedPlace() throws {
    let result = try Self.shell(Self.tree + "timeout 600 \"$PIPELINE\" run d")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.summary(result.stdout) == Self.treeRecords)
    #expect(
      result.stdout.contains(
        #""message":"skipped 'd/f.txt': a FIFO, not a regular file (not opened)""#))
    #expect(result.stdout.contains(#""message":"'d/gone.txt' is a symbolic link to nothing""#))
    #expect(
      result.stderr.contains("pipeline: 5 documents, 3 errors, 2 skipped (not regular files)"),
      "\(result.stderr)")
  }

  @Test func strictWritesEverythingThenExitsTwo() throws {
    let result = try Self.shell(
      Self.tree + """
        set +e
        timeout 600 "$PIPELINE" run d --strict -o out.jsonl
        echo "status $?"
        cat out.jsonl
        """)
    let lines = result.stdout.split(separator: "\n", maxSplits: 1).map(String.init)
    #expect(lines.first == "status 2", "\(result.stderr)")
    #expect(Self.summary(lines.last ?? "") == Self.treeRecords)
    #expect(
      result.stderr.hasSuffix("pipeline: error: 5 inputs skipped or unreadable (--strict)\n"),
      "\(result.stderr)")
  }

  @Test func strictWithNothingWrongExitsZero() throws {
    let result = try Self.shell(
      "mkdir d; echo NASA > d/a.txt; timeout 600 \"$PIPELINE\" run d --strict --quiet")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.summary(result.stdout) == ["d/a.txt"])
  }

  @Test func namesThatAreNotUTF8AreReadWhenGivenDirectly() throws {
    let result = try Self.shell(
      """
      printf 'Roscosmos' > "$(printf 'bad\\377.txt')"
      timeout 600 "$PIPELINE" run "$(printf 'bad\\377.txt')" --strict --quiet
      """)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.summary(result.stdout) == [#"bad\\xff.txt"#])
    #expect(result.stdout.contains(#""entity":"roscosmos""#))
  }

  @Test func upperCaseExtensionsAreJSONLinesGivenDirectly() throws {
    let result = try Self.shell(
      """
      printf '{"id": "a", "text": "NASA"}\\n{"id": "b", "text": "Roscosmos"}\\n' > UP.JSONL
      cp UP.JSONL lower.NdJson
      timeout 600 "$PIPELINE" run UP.JSONL lower.NdJson --quiet
      """)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.summary(result.stdout) == ["a", "b", "a", "b"])
  }

  @Test func aMissingFileIsAnErrorRecordAndUnderStrictStatusTwo() throws {
    let result = try Self.shell(
      """
      echo NASA > a.txt
      set +e
      timeout 600 "$PIPELINE" run a.txt missing.txt --quiet; echo "status $?"
      timeout 600 "$PIPELINE" run a.txt missing.txt --quiet --strict; echo "status $?"
      """)
    #expect(
      Self.summary(result.stdout)
        == [
          "a.txt", "missing.txt unreadable_file", "?", "a.txt", "missing.txt unreadable_file", "?",
        ])
    #expect(
      result.stdout.contains(#""message":"cannot read 'missing.txt': no such file or directory""#))
    #expect(
      result.stdout.split(separator: "\n").filter { $0.hasPrefix("status") } == [
        "status 0", "status 2",
      ])
  }

  /// Root reads every directory, so as root the binary runs as `nobody` (through `setpriv`).
  @Test(
    .enabled(
      if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
      "needs a non-root user or setpriv"))
  func anUnreadableDirectoryIsAnErrorRecord() throws {
    let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
    let result = try Self.shell(
      """
      mkdir -p d/locked
      echo NASA > d/a.txt
      echo NASA > d/locked/z.txt
      echo NASA > d/z.txt
      chmod 000 d/locked
      chmod 777 .
      set +e
      \(asUser)timeout 600 "$PIPELINE" run d --quiet --strict; echo "status $?"
      """)
    #expect(
      Self.summary(result.stdout) == ["d/a.txt", "d/locked unreadable_directory", "d/z.txt", "?"],
      "\(result.stderr)")
    #expect(
      result.stdout.contains(
        #""message":"cannot read directory 'd/locked': permission denied; its files are not processed""#
      ))
    #expect(result.stdout.hasSuffix("status 2\n"))
  }
}
