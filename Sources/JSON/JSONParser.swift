/// A parse failure: the byte offset in the input and what was expected and found there.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
  public var offset: Int
  public var message: String
  public var description: String { "\(message) at byte \(offset + 1)" }
}

/// What the parser had to repair while decoding strings (the parse still succeeds).
public struct JSONRepairs: Sendable, Equatable {
  /// Invalid UTF-8 sequences replaced with U+FFFD.
  public var invalidUTF8 = 0
  /// `\uD800`-style escapes of unpaired surrogates replaced with U+FFFD.
  public var loneSurrogates = 0
  public init() {}
  public var isEmpty: Bool { invalidUTF8 == 0 && loneSurrogates == 0 }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes, for one value such as a JSON Lines line.
///
/// Never traps on any input: nesting is limited to `maximumDepth`, and every failure is a
/// `JSONError` naming the byte offset.
public struct JSONParser {
  public static let maximumDepth = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0
  public private(set) var repairs = JSONRepairs()

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Parses exactly one JSON value (surrounded by optional white space).
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> (
    value: JSONValue, repairs: JSONRepairs
  ) {
    // Contiguous input (an array, a slice of one) is parsed in place, without a copy.
    let parsed: Result<(JSONValue, JSONRepairs), JSONError>? =
      bytes.withContiguousStorageIfAvailable {
        parse(buffer: $0)
      }
    switch parsed ?? Array(bytes).withUnsafeBufferPointer({ parse(buffer: $0) }) {
    case .success(let result): return result
    case .failure(let error): throw error
    }
  }

  private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<
    (JSONValue, JSONRepairs), JSONError
  > {
    var parser = JSONParser(buffer)
    do throws(JSONError) {
      parser.skipWhitespace()
      let value = try parser.parseValue()
      parser.skipWhitespace()
      if parser.position < buffer.count {
        throw parser.error("expected end of input after the JSON value")
      }
      return .success((value, parser.repairs))
    } catch {
      return .failure(error)
    }
  }

  // MARK: - Values

  private mutating func parseValue() throws(JSONError) -> JSONValue {
    guard position < bytes.count else { throw error("expected a JSON value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("expected a JSON value")
    }
  }

  private mutating func enter() throws(JSONError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw error("expected at most \(Self.maximumDepth) levels of nesting")
    }
  }

  private mutating func parseObject() throws(JSONError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
      let key = try parseString()
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
      position += 1
      skipWhitespace()
      members.append(JSONMember(key: key, value: try parseValue()))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      default: throw error("expected ',' or '}' in object")
      }
    }
  }

  private mutating func parseArray() throws(JSONError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      default: throw error("expected ',' or ']' in array")
      }
    }
  }

  private mutating func parseNumber() throws(JSONError) -> JSONValue {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    guard let first = peek(), isDigit(first) else { throw error("expected a digit in number") }
    position += 1
    if first != UInt8(ascii: "0") { while let d = peek(), isDigit(d) { position += 1 } }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard let d = peek(), isDigit(d) else { throw error("expected a digit after '.' in number") }
      while let d = peek(), isDigit(d) { position += 1 }
    }
    if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      position += 1
      if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { position += 1 }
      guard let d = peek(), isDigit(d) else { throw error("expected a digit in exponent") }
      while let d = peek(), isDigit(d) { position += 1 }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  // MARK: - Strings

  private mutating func parseString() throws(JSONError) -> String {
    position += 1  // opening quote
    let start = position
    skipPlainBytes()
    // Fast path: no escapes.
    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
      let string = decode(UnsafeBufferPointer(rebasing: bytes[start..<position]))
      position += 1
      return string
    }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(position - start + 16)
    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "\""):
        position += 1
        return decode(buffer[...])
      case UInt8(ascii: "\\"):
        position += 1
        try parseEscape(into: &buffer)
        // The unescaped run up to the next escape or the end, copied in one go.
        let run = position
        skipPlainBytes()
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
      default:  // a control character: skipPlainBytes stopped at it
        throw error("expected an escape for control character in string")
      }
    }
    throw error("expected '\"' to close the string")
  }

  /// Moves `position` to the next '"', '\\' or control character (or the end), eight bytes at a
  /// time while none of them is one.
  private mutating func skipPlainBytes() {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let raw = UnsafeRawBufferPointer(bytes)
    while position + 8 <= bytes.count {
      let v = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let quote = v ^ (ones &* 0x22)
      let backslash = v ^ (ones &* 0x5C)
      // A byte is zero in x when (x - 1) borrows into its high bit and x's high bit is clear;
      // a byte is below 0x20 when v - 0x20 does.
      let found =
        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((v &- ones &* 0x20) & ~v)
      if found & highs != 0 { break }
      position += 8
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
      position += 1
    }
  }

  private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONError) {
    guard let byte = peek() else { throw error("expected an escape character after '\\'") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = UInt32(try parseHex4())
      if (0xD800...0xDBFF).contains(scalar) {
        let save = position
        if peek() == UInt8(ascii: "\\"), position + 1 < bytes.count,
          bytes[position + 1] == UInt8(ascii: "u")
        {
          position += 2
          let low = UInt32(try parseHex4())
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            position = save
            scalar = 0xFFFD
            repairs.loneSurrogates += 1
          }
        } else {
          scalar = 0xFFFD
          repairs.loneSurrogates += 1
        }
      } else if (0xDC00...0xDFFF).contains(scalar) {
        scalar = 0xFFFD
        repairs.loneSurrogates += 1
      }
      buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    default:
      position -= 1
      throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'")
    }
  }

  private mutating func parseHex4() throws(JSONError) -> UInt16 {
    guard position + 4 <= bytes.count else { throw error("expected 4 hex digits after \\u") }
    var value: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected 4 hex digits after \\u")
      }
      value = value << 4 | UInt16(digit)
      position += 1
    }
    return value
  }

  private mutating func decode(_ slice: some Collection<UInt8>) -> String {
    let validated = slice.withContiguousStorageIfAvailable {
      String(validatingMostlyASCII: $0)
    }
    if let valid = validated ?? String(validating: slice, as: UTF8.self) { return valid }
    repairs.invalidUTF8 += 1
    return String(decoding: slice, as: UTF8.self)
  }

  // MARK: - Helpers

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      position += 1
    }
  }

  private mutating func expectWord(_ word: StaticString) throws(JSONError) {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw error("expected '\(word)'") }
    for i in 0..<count where bytes[position + i] != word.utf8Start[i] {
      throw error("expected '\(word)'")
    }
    position += count
  }

  private func error(_ expected: String) -> JSONError {
    let found: String
    if let byte = peek() {
      found =
        byte >= 0x20 && byte < 0x7F
        ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    } else {
      found = "end of input"
    }
    return JSONError(offset: position, message: "\(expected), found \(found)")
  }
}
