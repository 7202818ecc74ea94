import JSON

/// How a record that has no id of its own is named in the output (its generated id), and the
/// id of an error record whose input had none.
///
/// `line` names it `SOURCE:LINE` (the file and its 1-based line): readable, but a line number
/// only means something for a whole file. Under Spark each partition is piped through its own
/// process on stdin, so line numbers restart in every partition and `-:10` names ten records.
/// `content` names it `SOURCE#HASH`, HASH the 16 hexadecimal digits of the 64-bit FNV-1a hash of
/// the record's bytes as read (after a trailing CR and a BOM are dropped): the same record gets
/// the same key wherever it lands, and different records collide only if their hashes do.
/// Identical lines get identical keys (and identical output lines). With `content`, error
/// records carry no line number either (`Document.decode` leaves it out).
///
/// ```swift
/// RecordKeys.line.key(source: "-", line: 10, bytes: Array(#"{"text":"Hi"}"#.utf8))     // "-:10"
/// RecordKeys.content.key(source: "-", line: 10, bytes: Array(#"{"text":"Hi"}"#.utf8))  // "-#…"
/// ```
public enum RecordKeys: String, Sendable, CaseIterable {
  case line
  case content

  /// The key of the record read from `source` at `line` (nil: a whole file) with these bytes.
  public func key(source: String, line: Int?, bytes: [UInt8]) -> String {
    guard let line else { return source }
    switch self {
    case .line: return "\(source):\(line)"
    case .content: return "\(source)#\(Self.hex(Shard.fnv1a(bytes: bytes)))"
    }
  }

  /// The id as written in the output: always a string (a number keeps its text as written);
  /// without one, `SOURCE:LINE` (or the source, for a whole file).
  public static func idText(_ id: JSONValue?, source: String, line: Int?) -> String {
    switch id {
    case .string(let s)?: return s
    case .number(let n)?: return n
    default: return RecordKeys.line.key(source: source, line: line, bytes: [])
    }
  }

  /// Sixteen lowercase hexadecimal digits, zero-padded.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

extension Document {
  /// The document's id as every output and message writes it (`RecordKeys.idText`).
  public var idText: String { RecordKeys.idText(id, source: source, line: line) }
}

extension RecordError {
  /// The id of the record's error record as every output and message writes it.
  public var idText: String { RecordKeys.idText(id, source: source, line: line) }
}
