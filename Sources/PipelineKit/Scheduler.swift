import FoundationEssentials
import Glibc
import JSON

/// The output of one batch.
struct BatchOutput: Sendable {
  /// The worker's `JSONWriter` buffer, handed over (nil until the batch is written).
  var bytes: JSONBytes?
  var documents = 0
  var errors = 0
  var skipped = 0
  var inputProblems = 0
  var otherShards = 0
  var inputBytes = 0
  /// With `--on-error fail`: where the first bad record's output would start.
  var stop: Stop?

  struct Stop: Sendable {
    var offset: Int
    var error: RecordError
    var documentsBefore: Int
    var errorsBefore: Int
  }
}

/// Moves a non-`Sendable` value to the one thread that will use it from then on.
final class Handoff<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The shared state of a run: a bounded number of batch slots, the work queue and the
/// finished outputs. All waiting goes through one condition variable.
final class Scheduler: @unchecked Sendable {
  // @unchecked: every mutable field below is read and written only with `condition` locked.
  private let condition = Condition()
  private var free: Int
  private var queue: [(Int, [RawRecord])] = []
  private var queueHead = 0
  private var submitted = 0
  private var readingDone = false
  private var cancelled = false
  private var results: [Int: BatchOutput] = [:]
  /// Pieces of batches whose output is too large to hold whole (one huge document), in order.
  private var pieces: [Int: [[UInt8]]] = [:]
  /// The batch the writer is writing: the only one whose pieces it can take now.
  private var writing = 0
  /// Pieces of the batch being written that may wait: its worker waits beyond (back-pressure).
  static let waitingPieces = 2
  private(set) var workerError: Error?

  init(capacity: Int) { free = capacity }

  private func locked<T>(_ body: () -> T) -> T {
    condition.lock()
    defer { condition.unlock() }
    return body()
  }

  /// Reader: waits for a free slot; false when the run was cancelled.
  func acquire() -> Bool {
    locked {
      while free == 0 && !cancelled { condition.wait() }
      if cancelled { return false }
      free -= 1
      return true
    }
  }

  /// Reader: gives back a slot it did not use.
  func returnSlot() {
    locked {
      free += 1
      condition.broadcast()
    }
  }

  /// Writer: a batch was written; its slot is free again.
  func release() { returnSlot() }

  func submit(_ batch: [RawRecord]) {
    locked {
      queue.append((submitted, batch))
      submitted += 1
      condition.broadcast()
    }
  }

  func finishReading() {
    locked {
      readingDone = true
      condition.broadcast()
    }
  }

  /// Worker: the next batch, or nil when there is no more work.
  func nextWork() -> (Int, [RawRecord])? {
    locked {
      while queueHead == queue.count && !readingDone && !cancelled { condition.wait() }
      guard queueHead < queue.count, !cancelled else { return nil }
      let item = queue[queueHead]
      queue[queueHead].1 = []
      queueHead += 1
      if queueHead > 1024 && queueHead * 2 > queue.count {
        queue.removeFirst(queueHead)
        queueHead = 0
      }
      return item
    }
  }

  func store(_ index: Int, _ output: BatchOutput) {
    locked {
      results[index] = output
      condition.broadcast()
    }
  }

  /// Worker: a piece of batch `index`'s output, ahead of the rest (`store`). When the writer
  /// is on this batch and pieces are waiting, waits for it to take them, so a huge record's
  /// output is never held whole.
  func storePiece(_ index: Int, _ bytes: [UInt8]) {
    locked {
      pieces[index, default: []].append(bytes)
      condition.broadcast()
      while index == writing && pieces[index, default: []].count > Self.waitingPieces
        && !cancelled
      {
        condition.wait()
      }
    }
  }

  /// What the writer takes next for a batch.
  enum Output {
    /// Bytes of the batch, to write now; more follow.
    case piece([UInt8])
    /// The rest of the batch and its counts.
    case done(BatchOutput)
  }

  /// Writer: the next piece of batch `index`, then its output once it is done; nil at the end
  /// of the input.
  func output(_ index: Int) -> Output? {
    locked {
      writing = index
      while true {
        if pieces[index]?.isEmpty == false {
          let piece = pieces[index]!.removeFirst()
          if pieces[index]!.isEmpty { pieces[index] = nil }
          condition.broadcast()
          return .piece(piece)
        }
        if let output = results.removeValue(forKey: index) { return .done(output) }
        if cancelled || (readingDone && index >= submitted) { return nil }
        condition.wait()
      }
    }
  }

  func fail(_ error: Error) {
    locked {
      if workerError == nil { workerError = error }
      cancelled = true
      condition.broadcast()
    }
  }

  /// Stops every role: the reader stops reading, workers stop taking work.
  func cancel() {
    locked {
      cancelled = true
      condition.broadcast()
    }
  }
}
