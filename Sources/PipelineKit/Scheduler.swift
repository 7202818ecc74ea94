import Foundation

/// The output of one batch.
struct BatchOutput: Sendable {
  var bytes: [UInt8] = []
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
  private let condition = NSCondition()
  private var free: Int
  private var queue: [(Int, [RawRecord])] = []
  private var queueHead = 0
  private var submitted = 0
  private var readingDone = false
  private var cancelled = false
  private var results: [Int: BatchOutput] = [:]
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

  /// Writer: the output of batch `index` once it is done, or nil at the end of the input.
  func result(_ index: Int) -> BatchOutput? {
    locked {
      while true {
        if let output = results.removeValue(forKey: index) { return output }
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
