import ArgumentParser
import CAllocator
import FoundationEssentials
import Glibc
import PipelineKit

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Extract entities and stance; write one JSON line per input document.",
    discussion: """
      INPUT is a .txt file (one document; id = its path as given), a .jsonl file (one document \
      a line), a directory (walked recursively in sorted order), or '-' for JSON Lines on stdin \
      (the default). Output lines follow input order whatever --jobs is. A summary goes to \
      stderr.

      Exit status: 0 done; 1 output could not be written; 2 malformed lexicon (nothing \
      written); 3 stopped at a bad record with --on-error fail; 64 usage error or invalid \
      option value.
      """)

  @OptionGroup var input: InputOptions

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to FILE (atomically: a temporary file renamed at the end) instead of stdout.",
      valueName: "FILE"),
    completion: .file())
  var output: String?

  @Option(
    name: [.short, .long], parsing: .unconditional,
    help: ArgumentHelp(
      "Worker threads, 1 to 512 (default: every core; 1 with --pipe). The output does not depend on it.",
      valueName: "N"),
    transform: OptionValue.jobs)
  var jobs: Int?

  @Option(
    help: ArgumentHelp(
      "Process only shard K of N (1 ≤ K ≤ N): the records whose id (or .txt path) hashes to it. N runs with 1/N … N/N together give one full run.",
      valueName: "K/N"),
    transform: OptionValue.shard)
  var shard: Shard?

  @Option(
    name: .customLong("on-error"),
    help: ArgumentHelp(
      "What a bad input record does: 'record' (an error record in its place), 'skip' (left out, counted), 'fail' (stop, exit 3).",
      valueName: "POLICY"),
    completion: .list(ErrorPolicy.allCases.map(\.rawValue)),
    transform: OptionValue.choice)
  var onError: ErrorPolicy = .record

  @Option(
    help: ArgumentHelp(
      "How much evidence each entity of a JSON Lines record carries: 'full' (every hit with its modifiers), 'summary' (the \(EvidenceLevel.summaryHits) hits of largest absolute weight), 'none' (mentions and scores only).",
      valueName: "LEVEL"),
    transform: OptionValue.choice)
  var evidence: EvidenceLevel = .full

  @Option(
    help: ArgumentHelp(
      "Output format: 'jsonl' (one JSON record per input record, the default), 'csv' or 'tsv' (a table, see --rows).",
      valueName: "FORMAT"),
    completion: .list(OutputFormat.allCases.map(\.rawValue)),
    transform: OptionValue.choice)
  var format: OutputFormat = .jsonl

  @Option(
    help: ArgumentHelp(
      "What a table row is (with --format csv|tsv): 'document' (per document and dimension, the default), 'entity' (per document, entity and dimension), 'mention', 'hit' (per evidence hit of each entity).",
      valueName: "ROWS"),
    completion: .list(TableRows.allCases.map(\.rawValue)),
    transform: OptionValue.choice)
  var rows: TableRows?

  @Option(
    name: .customLong("max-document-bytes"),
    help: ArgumentHelp(
      "A JSON Lines line or .txt file of more bytes than N becomes a 'document_too_large' error record instead of being analysed (default 64 MiB).",
      valueName: "N"),
    transform: OptionValue.count)
  var maxDocumentBytes: Int = Run.defaultMaxDocumentBytes

  static let defaultMaxDocumentBytes = 64 << 20

  @Option(
    name: .customLong("window-bytes"),
    help: ArgumentHelp(
      "Analyse a document of more than twice N bytes in windows of about N bytes cut between sentences: the same record, in memory that follows N rather than the document (default 256 KiB; 0: never). A sentence longer than 2 × N (at least 256 KiB) is split at white space.",
      valueName: "N"),
    transform: OptionValue.count)
  var windowBytes: Int = RunOptions().windowBytes

  @Flag(
    help:
      "Exit with status 2 at the end (after writing every other record) when an input was skipped or could not be read: a missing or unreadable file or directory, a broken link or loop, a FIFO, socket or device in a walk. Also make gazetteer warnings (an unsupported spaCy pattern, an alias another entity has) errors: exit 2 before anything is written."
  )
  var strict = false

  @Flag(help: "Show progress on stderr even when it is not a terminal.")
  var progress = false

  @Flag(
    name: [.short, .long], help: "Print nothing on stderr but errors (no progress, no summary).")
  var quiet = false

  @Flag(
    help:
      "Run as one stage of a pipe (Spark's rdd.pipe, xargs): --quiet, --jobs 1 and --record-key content unless given."
  )
  var pipe = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    if let rows, format == .jsonl {
      throw ValidationError(
        "--rows \(rows.rawValue) needs --format csv or tsv (JSON Lines has one record per input record)"
      )
    }
  }

  func run() throws {
    // Large buffers straight from mmap, so a long multi-threaded run does not fragment the heap
    // (see callocator.h for the measurement).
    _ = callocator_fix_mmap_threshold(128 << 10)
    let analyzer = try lexiconOptions.analyzer(strict: strict, quiet: quiet || pipe)
    var options = RunOptions()
    // Under a scheduler (--pipe) every task is one process per core already: one thread each.
    options.jobs = jobs ?? (pipe ? 1 : min(512, ProcessInfo.processInfo.activeProcessorCount))
    options.fields = input.fields
    if pipe && input.recordKeys == nil { options.fields.keys = .content }
    let quiet = quiet || pipe
    options.shard = shard
    options.onError = onError
    options.evidence = evidence
    options.format = format
    options.rows = rows ?? .document
    options.windowBytes = windowBytes
    let runner = Runner(analyzer: analyzer, options: options)
    keepUntilExit(runner)
    let reader = input.reader()
    reader.maxRecordBytes = maxDocumentBytes
    let meter = ProgressMeter(
      enabled: !quiet && (progress || isatty(STDERR_FILENO) == 1), totalBytes: reader.totalBytes(),
      terminal: Terminal(fd: STDERR_FILENO))
    let sink = try OutputFile(path: output)
    let summary: RunSummary
    do {
      summary = try runner.run(
        reader, writeBuffer: { try sink.write($0) }, progress: meter.update)
      if summary.stoppedAt != nil { sink.discard() } else { try sink.commit() }
    } catch {
      sink.discard()
      meter.finish()
      throw CommandFailure.output(error)
    }
    meter.finish()
    if let record = summary.stoppedAt { throw CommandFailure.stopped(record) }
    if !quiet {
      var parts = [plural(summary.documents, "document"), plural(summary.errors, "error")]
      if options.onError == .skip && summary.errors > 0 { parts[1] += " (skipped)" }
      if summary.skipped > 0 { parts.append("\(summary.skipped) skipped (not regular files)") }
      if let shard = options.shard {
        parts.append("shard \(shard) (\(plural(summary.otherShards, "record")) in other shards)")
      }
      parts.append(cFormat("%.2f s, %.2f MB/s", summary.seconds, summary.megabytesPerSecond))
      parts.append("peak memory \(Self.peakResidentMiB()) MiB")
      Diagnostics.note(parts.joined(separator: ", "))
    }
    if strict && summary.inputProblems > 0 {
      throw CommandFailure.strict(inputs: summary.inputProblems)
    }
  }
}

/// Keeps `value` (the runner, with its analyzer) alive until the process exits, which frees
/// its memory at once: releasing a million aliases' objects one by one when `run` returned took
/// a tenth of a second after the output was written.
private func keepUntilExit<Value: Sendable>(_ value: Value) {
  _ = Unmanaged.passRetained(LifetimeBox(value))
}

private final class LifetimeBox<Value: Sendable>: Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

extension Run {
  /// Peak resident set size of this process so far: `VmHWM` of /proc/self/status (in KiB).
  /// Not `ru_maxrss`, which a process inherits from the parent it was forked from (a run started
  /// by a large JVM under Spark would report the JVM's peak).
  static func peakResidentMiB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kib = Int(String(line.dropFirst(6)).trimmingSpaces().split(separator: " ")[0])
    {
      return kib / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024  // no /proc (macOS): the best there is
  }
}

/// Progress on stderr, redrawn in place at most every half second: documents, MB/s and, when
/// the input size is known, percentage and ETA.
final class ProgressMeter {
  private let enabled: Bool
  private let totalBytes: Int?
  private var lastDraw = 0.0
  private var drawn = false
  /// Whether `ESC [ K` may clear the rest of the line (not on TERM=dumb).
  private let clearsLine: Bool
  private var lastWidth = 0

  init(enabled: Bool, totalBytes: Int?, terminal: Terminal) {
    self.enabled = enabled
    self.totalBytes = totalBytes
    self.clearsLine = !terminal.isDumb
  }

  func update(_ summary: RunSummary) {
    guard enabled, summary.seconds - lastDraw >= 0.5 else { return }
    lastDraw = summary.seconds
    var line =
      "pipeline: \(summary.documents + summary.errors) records, "
      + cFormat("%.1f MB/s", summary.megabytesPerSecond)
    if let total = totalBytes, total > 0 {
      let fraction = min(1, Double(summary.bytes) / Double(total))
      let eta = fraction > 0 ? summary.seconds * (1 - fraction) / fraction : 0
      line += cFormat(", %.0f%%, ETA %.0f s", fraction * 100, eta)
    }
    let width = line.count
    let clear = clearsLine ? "\u{1B}[K" : String(repeating: " ", count: max(0, lastWidth - width))
    lastWidth = width
    writeAll("\r\(line)\(clear)".utf8, to: STDERR_FILENO)
    drawn = true
  }

  func finish() {
    if drawn { writeAll("\n".utf8, to: STDERR_FILENO) }
    drawn = false
  }
}
