import Dispatch
import Foundation
import JSON
import Synchronization
import Tokenize

/// How a run reads and schedules its work.
public struct RunOptions: Sendable {
  /// Worker threads (default: every core).
  public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  public var fields = Document.Fields()
  /// A batch closes at this many records or bytes, whichever comes first.
  public var batchRecords = 64
  public var batchBytes = 1 << 20
  /// Batches in flight per worker: bounds memory at about jobs × this × batchBytes.
  public var batchesPerWorker = 4

  public init() {}
}

/// Counts of a run, for the summary line.
public struct RunSummary: Sendable {
  public var documents = 0
  public var errors = 0
  public var bytes = 0
  public var seconds = 0.0

  public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}

/// Runs the analyzer over a stream of raw records on `jobs` threads and hands the output to
/// `write` in input order. Memory stays bounded: at most `jobs × batchesPerWorker` batches are
/// read ahead of the writer. Output bytes do not depend on the number of jobs.
public struct Runner: Sendable {
  public let analyzer: Analyzer
  public let options: RunOptions
  private let writer: RecordWriter

  public init(analyzer: Analyzer, options: RunOptions) {
    self.analyzer = analyzer
    self.options = options
    self.writer = RecordWriter(analyzer: analyzer)
  }

  /// Processes every record of `reader`. `write` receives each batch's output in order;
  /// `progress` is called after each window of batches with the counts so far.
  public func run(
    _ reader: InputReader, write: ([UInt8]) throws -> Void,
    progress: ((RunSummary) -> Void)? = nil
  ) throws -> RunSummary {
    let start = DispatchTime.now()
    let jobs = max(1, options.jobs)
    let sessions = try (0..<jobs).map { _ in try Workspace(analyzer.tokenizer.makeSession()) }
    var summary = RunSummary()
    var exhausted = false
    while !exhausted {
      // Read a window of batches.
      var batches: [[RawRecord]] = []
      while batches.count < jobs * options.batchesPerWorker {
        var batch: [RawRecord] = []
        var bytes = 0
        while batch.count < options.batchRecords && bytes < options.batchBytes {
          guard let record = reader.next() else {
            exhausted = true
            break
          }
          bytes += record.byteCount
          batch.append(record)
        }
        summary.bytes += bytes
        if !batch.isEmpty { batches.append(batch) }
        if exhausted { break }
      }
      if batches.isEmpty { break }
      // Process them on every worker, each with its own ICU session.
      let results = Results(count: batches.count)
      let next = Atomic<Int>(0)
      let frozen = batches
      DispatchQueue.concurrentPerform(iterations: min(jobs, frozen.count)) { worker in
        let workspace = sessions[worker]
        while true {
          let index = next.add(1, ordering: .relaxed).oldValue
          guard index < frozen.count else { break }
          results.store(index, process(frozen[index], workspace))
        }
      }
      for output in results.outputs() {
        summary.documents += output.documents
        summary.errors += output.errors
        try write(output.bytes)
      }
      summary.seconds = Self.seconds(since: start)
      progress?(summary)
    }
    summary.seconds = Self.seconds(since: start)
    return summary
  }

  /// One batch: decode, analyze, serialize.
  private func process(_ batch: [RawRecord], _ workspace: Workspace) -> BatchOutput {
    var output = BatchOutput()
    var w = JSONWriter()
    for raw in batch {
      switch process(raw, workspace.session, into: &w) {
      case true: output.documents += 1
      case false: output.errors += 1
      }
    }
    output.bytes = w.bytes
    return output
  }

  /// Writes the output record of one raw record; returns false for an error record.
  @discardableResult
  public func process(_ raw: RawRecord, _ session: TokenizeSession, into w: inout JSONWriter) -> Bool {
    switch Document.decode(raw, fields: options.fields) {
    case .failure(let error):
      writer.writeError(error, into: &w)
      return false
    case .success(let document):
      do {
        let analysis = try analyzer.analyze(document.text, session: session)
        writer.writeDocument(document, analysis, into: &w)
        return true
      } catch {
        writer.writeError(
          RecordError(
            id: document.id, source: document.source, line: document.line, code: .tokenizeFailed,
            message: error.description), into: &w)
        return false
      }
    }
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}

struct BatchOutput: Sendable {
  var bytes: [UInt8] = []
  var documents = 0
  var errors = 0
}

/// A worker's own tokenizer session. Each is used by exactly one worker of a window at a
/// time (worker index = session index), which is what makes the unchecked conformance sound.
final class Workspace: @unchecked Sendable {
  let session: TokenizeSession
  init(_ session: TokenizeSession) { self.session = session }
}

/// Result slots filled by the workers, read in order once they are all done.
final class Results: Sendable {
  private let slots: Mutex<[BatchOutput?]>
  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
  func store(_ index: Int, _ output: BatchOutput) { slots.withLock { $0[index] = output } }
  func outputs() -> [BatchOutput] { slots.withLock { $0.map { $0! } } }
}
