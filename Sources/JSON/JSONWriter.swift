/// Writes JSON into a byte buffer: compact, deterministic, with correct string escaping.
///
/// The caller writes structure in order (`beginObject`, `key`, values, `endObject`); the writer
/// inserts commas. Doubles are rounded to `fractionDigits` and printed in their shortest form.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  private var needsComma = false
  public static let fractionDigits = 4

  public init() { bytes.reserveCapacity(4096) }

  /// Drops everything written after `count` bytes (to take back the last record).
  public mutating func truncate(to count: Int) {
    bytes.removeSubrange(count...)
    needsComma = false
  }

  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = false
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    needsComma = true
  }

  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// An object key known at compile time (ASCII, nothing to escape), written without escaping;
  /// the next call writes its value.
  public mutating func field(_ key: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    needsComma = false
  }

  /// An object key; the next call writes its value.
  public mutating func key(_ key: String) {
    separate()
    appendEscaped(key)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  public mutating func string(_ value: String) {
    separate()
    appendEscaped(value)
  }

  public mutating func int(_ value: Int) {
    separate()
    appendInt(value)
  }

  private mutating func appendInt(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    if magnitude < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, no allocation
    withUnsafeMutableBytes(of: &digits) { scratch in
      var i = scratch.count
      while magnitude > 0 {
        i -= 1
        scratch[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      }
      bytes.append(contentsOf: scratch[i...])
    }
  }

  /// A string given as UTF-16 code units (for example a slice of a tokenized text), transcoded
  /// to UTF-8 and escaped; unpaired surrogates become U+FFFD.
  public mutating func string(utf16 units: ArraySlice<UInt16>) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    var i = units.startIndex
    let end = units.endIndex
    while i < end {
      let unit = units[i]
      i += 1
      switch unit {
      case 0..<0x80:
        appendEscapedASCII(UInt8(unit))
      case 0x80..<0x800:
        bytes.append(0xC0 | UInt8(unit >> 6))
        bytes.append(0x80 | UInt8(unit & 0x3F))
      case 0xD800..<0xDC00 where i < end && units[i] & 0xFC00 == 0xDC00:
        let scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[i] - 0xDC00)
        i += 1
        bytes.append(0xF0 | UInt8(scalar >> 18))
        bytes.append(0x80 | UInt8((scalar >> 12) & 0x3F))
        bytes.append(0x80 | UInt8((scalar >> 6) & 0x3F))
        bytes.append(0x80 | UInt8(scalar & 0x3F))
      case 0xD800..<0xE000:
        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // unpaired surrogate
      default:
        bytes.append(0xE0 | UInt8(unit >> 12))
        bytes.append(0x80 | UInt8((unit >> 6) & 0x3F))
        bytes.append(0x80 | UInt8(unit & 0x3F))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// A number rounded to `fractionDigits` decimals; `-0` is written as `0`.
  public mutating func double(_ value: Double) {
    separate()
    bytes.append(contentsOf: Self.format(value).utf8)
  }

  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Starts a value that stands on its own (no comma before it), to be copied elsewhere with
  /// `fragment(_:)`; returns the offset where it starts in `bytes`.
  public mutating func beginFragment() -> Int {
    needsComma = false
    return bytes.count
  }

  /// One complete JSON value already serialized (for example by `beginFragment()` in another
  /// writer), as the next value.
  public mutating func fragment(_ json: ArraySlice<UInt8>) {
    separate()
    bytes.append(contentsOf: json)
  }

  /// Writes a parsed value back (numbers keep their original text).
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let text):
      separate()
      bytes.append(contentsOf: text.utf8)
    case .string(let s): string(s)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for member in members {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }

  /// Ends a JSON Lines record.
  public mutating func newline() {
    bytes.append(0x0A)
    needsComma = false
  }

  /// The text a double is written as: rounded to `fractionDigits`, shortest round-trip form.
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if abs(value) >= 1e15 { return "\(value)" }  // no fraction left to round; avoids overflow
    let scale = 10_000.0
    var rounded = (value * scale).rounded() / scale
    if rounded == 0 { rounded = 0 }  // no "-0"
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return "\(rounded)"
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func appendEscaped(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      // Copy runs that need no escape in one go.
      var runStart = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
        appendEscapedASCII(byte)
        runStart = i + 1
      }
      if runStart < utf8.count {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  @inline(__always)
  private mutating func appendEscapedASCII(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
    case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
    case 0..<0x20:
      bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
      bytes.append(Self.hex[Int(byte >> 4)])
      bytes.append(Self.hex[Int(byte & 0xF)])
    default: bytes.append(byte)
    }
  }
}

extension JSONWriter {
  /// Appends text as is (for plain-text views that share the writer's buffer).
  public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
