import Dispatch
import FoundationEssentials
import Glibc
import JSON
import Synchronization
import Tokenize

/// Counts of a run, for the summary line.
public struct RunSummary: Sendable {
  /// Documents written.
  public var documents = 0
  /// Bad input records (written as error records, skipped, or the one that stopped the run).
  public var errors = 0
  /// Warning records written for inputs a directory walk skipped (FIFOs, sockets, devices).
  public var skipped = 0
  /// Inputs that could not be read or were skipped (unreadable files and directories, broken
  /// links, loops, non-regular files), whatever `--on-error` did with them: `--strict` fails on them.
  public var inputProblems = 0
  /// Records left out because they belong to another shard.
  public var otherShards = 0
  /// Input bytes read.
  public var bytes = 0
  public var seconds = 0.0
  /// With `--on-error fail`: the record that stopped the run.
  public var stoppedAt: RecordError?

  public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}

/// Runs the analyzer over a stream of raw records on `jobs` threads and hands the output to
/// `write` in input order.
///
/// Three roles overlap: a reader thread cuts the input into batches, `jobs` worker threads
/// (each with its own ICU session) analyze and serialize them, and the calling thread writes
/// finished batches in order. At most `jobs × batchesPerWorker` batches are in flight: when
/// the writer falls behind, the reader waits (back-pressure), so memory stays bounded however
/// large the input. Output bytes do not depend on the number of jobs.
public struct Runner: Sendable {
  public let analyzer: Analyzer
  public let options: RunOptions
  private let writer: RecordWriter
  /// For `--format csv|tsv`: writes rows instead of JSON records.
  private let table: TableWriter?

  public init(analyzer: Analyzer, options: RunOptions) {
    self.analyzer = analyzer
    self.options = options
    self.writer = RecordWriter(analyzer: analyzer, evidence: options.evidence)
    self.table =
      options.format == .jsonl
      ? nil : TableWriter(analyzer: analyzer, format: options.format, rows: options.rows)
  }

  /// Processes every record of `reader` (which the run takes over: don't use it meanwhile).
  /// `write` receives output in order on the calling thread; `progress` is called there too,
  /// after each batch, with the counts so far.
  public func run(
    _ reader: InputReader, write: ([UInt8]) throws -> Void,
    progress: ((RunSummary) -> Void)? = nil
  ) throws -> RunSummary {
    try run(reader, writeBuffer: { try write(Array($0)) }, progress: progress)
  }

  /// `run(_:write:progress:)` handing `write` each piece of output in place, valid only during
  /// the call: a batch's output goes from the worker's `JSONWriter` to `write` without a copy.
  public func run(
    _ reader: InputReader, writeBuffer write: (UnsafeBufferPointer<UInt8>) throws -> Void,
    progress: ((RunSummary) -> Void)? = nil
  ) throws -> RunSummary {
    let start = DispatchTime.now()
    let jobs = max(1, options.jobs)
    let state = Scheduler(capacity: jobs * max(1, options.batchesPerWorker))
    let done = DispatchGroup()
    let input = Handoff(reader)
    spawn(done) { readBatches(input.value, into: state) }
    for _ in 0..<jobs {
      spawn(done) { work(state) }
    }
    var summary = RunSummary()
    var failure: Error?
    var next = 0
    if let table {
      do { try table.header.withUnsafeBufferPointer { try write($0) } } catch { failure = error }
    }
    while failure == nil, let taken = state.output(next) {
      let output: BatchOutput
      switch taken {
      case .piece(let bytes):
        do { try bytes.withUnsafeBufferPointer { try write($0) } } catch { failure = error }
        continue
      case .done(let done):
        output = done
      }
      next += 1
      summary.bytes += output.inputBytes
      summary.otherShards += output.otherShards
      do {
        if let stop = output.stop {
          summary.documents += stop.documentsBefore
          summary.errors += stop.errorsBefore + 1
          try output.bytes?.withUnsafeBufferPointer {
            try write(.init(rebasing: $0[..<stop.offset]))
          }
          summary.stoppedAt = stop.error
          break
        }
        summary.documents += output.documents
        summary.errors += output.errors
        summary.skipped += output.skipped
        summary.inputProblems += output.inputProblems
        try output.bytes?.withUnsafeBufferPointer { try write($0) }
      } catch {
        failure = error
        break
      }
      state.release()
      summary.seconds = Self.seconds(since: start)
      progress?(summary)
    }
    state.cancel()
    done.wait()
    if let failure { throw failure }
    if let error = state.workerError { throw error }
    summary.seconds = Self.seconds(since: start)
    return summary
  }

  // MARK: - Roles

  private func readBatches(_ reader: InputReader, into state: Scheduler) {
    var exhausted = false
    while !exhausted && state.acquire() {
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
      if batch.isEmpty {
        state.returnSlot()
      } else {
        state.submit(batch)
      }
    }
    state.finishReading()
  }

  private func work(_ state: Scheduler) {
    let session: TokenizeSession
    do { session = try analyzer.tokenizer.makeSession() } catch {
      state.fail(error)
      return
    }
    // The batch being processed, for the pieces its output spills (one huge document's record
    // goes out in pieces of `spillBytes`, never whole in memory).
    var current = 0
    var w = JSONWriter(spillingAt: options.spillBytes) { state.storePiece(current, $0) }
    while let (index, batch) = state.nextWork() {
      current = index
      state.store(index, process(consume batch, session, into: &w))
    }
  }

  /// One batch: decode, filter by shard, analyze, serialize.
  private func process(
    _ batch: consuming [RawRecord], _ session: TokenizeSession, into w: inout JSONWriter
  ) -> BatchOutput {
    var output = BatchOutput()
    w.removeAll()
    // `consuming`: the only reference to the batch, so taking a record out of it below frees
    // the record (a copy of the array would keep every record alive to the end of the batch).
    for i in batch.indices {
      // Taken out of the batch, so a record's bytes are freed once it is decoded (one huge
      // document is not held twice while it is analysed).
      let raw = batch[i]
      batch[i] = Self.taken
      output.inputBytes += raw.byteCount
      let offset = w.count
      switch process(raw, session, into: &w) {
      case .document: output.documents += 1
      case .otherShard: output.otherShards += 1
      case .skipped:
        output.skipped += 1
        output.inputProblems += 1
      case .error(let error):
        if error.code.isInputProblem { output.inputProblems += 1 }
        switch options.onError {
        case .record: output.errors += 1
        case .skip:
          output.errors += 1
          w.truncate(to: offset)
        case .fail:
          output.stop = BatchOutput.Stop(
            offset: offset, error: error, documentsBefore: output.documents,
            errorsBefore: output.errors)
          output.bytes = w.takeBytes()
          return output
        }
      }
    }
    output.bytes = w.takeBytes()
    return output
  }

  /// What stands in a batch for a record already taken out of it.
  private static let taken = RawRecord.failure(
    RecordError(id: nil, source: "", line: nil, code: .unreadableFile, message: ""))

  /// What became of one input record.
  public enum Outcome {
    case document
    case error(RecordError)
    /// A warning record (an input skipped on purpose, `RecordError.Code.isWarning`).
    case skipped(RecordError)
    case otherShard
  }

  /// Writes the output record of one raw record (nothing for a record of another shard).
  @discardableResult
  public func process(
    _ raw: consuming RawRecord, _ session: TokenizeSession, into w: inout JSONWriter
  ) -> Outcome {
    let decoded = Document.decode(raw, fields: options.fields)
    _ = consume raw
    switch decoded {
    case .failure(let error):
      if let shard = options.shard,
        !shard.contains(key: Shard.key(id: error.id, source: error.source, line: error.line))
      {
        return .otherShard
      }
      if let table { table.writeError(error, into: &w) } else { writer.writeError(error, into: &w) }
      return error.code.isWarning ? .skipped(error) : .error(error)
    case .success(let document):
      if let shard = options.shard,
        !shard.contains(
          key: Shard.key(id: document.id, source: document.source, line: document.line))
      {
        return .otherShard
      }
      switch analyzer.analyze(document, session: session, windowBytes: options.windowBytes) {
      case .success(let analysis):
        if let table {
          table.writeDocument(document, analysis, into: &w)
        } else {
          writer.writeDocument(document, analysis, into: &w)
        }
        return .document
      case .failure(let failure):
        if let table {
          table.writeError(failure, into: &w)
        } else {
          writer.writeError(failure, into: &w)
        }
        return .error(failure)
      }
    }
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// Runs `body` on a new thread with a generous stack, counted in `group`.
  private func spawn(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    startThread(stackSize: 8 << 20) {
      body()
      group.leave()
    }
  }
}
