import AnalystKit
import ArgumentParser
import PipelineKit
import Stance

/// The parsers of option values. argument-parser calls them once, while it reads the command
/// line, so a command never sees an invalid value: a refused value is a usage error (status 64)
/// that names the flag, the value and what was expected, such as
/// `The value 'bogus' is invalid for '--on-error <POLICY>': expected record, skip or fail`.
enum OptionValue {
  /// One of an enum's raw values.
  @Sendable static func choice<T: CaseIterable & RawRepresentable>(_ text: String) throws -> T
  where T.RawValue == String {
    guard let value = T(rawValue: text) else {
      throw OptionValueError.notOneOf(T.allCases.map(\.rawValue))
    }
    return value
  }

  /// Worker threads: 1 to 512.
  @Sendable static func jobs(_ text: String) throws -> Int {
    let range = 1...512
    guard let n = Int(text), range.contains(n) else { throw OptionValueError.jobs(range) }
    return n
  }

  /// A count of 0 or more.
  @Sendable static func count(_ text: String) throws -> Int {
    guard let n = Int(text), n >= 0 else { throw OptionValueError.count }
    return n
  }

  /// `K/N` with 1 ≤ K ≤ N.
  @Sendable static func shard(_ text: String) throws -> Shard {
    guard let shard = Shard(parsing: text) else { throw OptionValueError.shard }
    return shard
  }

  /// `POLICY` or `DIM=POLICY` (`agent`, `target`, `clause`, `sentence`, `window:N`).
  @Sendable static func attribution(_ text: String) throws -> AttributionSetting {
    do { return try AttributionSetting(parsing: text) } catch {
      throw OptionValueError.scope(error)
    }
  }

  /// `METRIC=VALUE` with a metric `eval` computes.
  @Sendable static func threshold(_ text: String) throws -> MetricThreshold {
    guard let threshold = MetricThreshold(parsing: text) else {
      throw OptionValueError.threshold(metrics: EvaluationReport.metricNames)
    }
    return threshold
  }
}

/// Why an option value was refused; argument-parser prints it after the flag and the value.
enum OptionValueError: Error, CustomStringConvertible {
  case notOneOf([String])
  case jobs(ClosedRange<Int>)
  case count
  case shard
  case scope(StanceError)
  case threshold(metrics: [String])

  var description: String {
    switch self {
    case .notOneOf(let choices):
      return "expected " + Self.list(choices)
    case .jobs(let range):
      return "expected a number of threads from \(range.lowerBound) to \(range.upperBound)"
    case .count:
      return "expected a whole number, 0 or more"
    case .shard:
      return "expected K/N with 1 ≤ K ≤ N (for example 2/8)"
    case .scope(let error):
      return error.description
    case .threshold(let metrics):
      return "expected METRIC=VALUE with METRIC one of \(metrics.joined(separator: ", "))"
    }
  }

  /// `a`, `a or b`, `a, b or c`.
  static func list(_ choices: [String]) -> String {
    guard let last = choices.last else { return "nothing" }
    let rest = choices.dropLast()
    return rest.isEmpty ? last : rest.joined(separator: ", ") + " or " + last
  }
}
