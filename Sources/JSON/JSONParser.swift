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
    let array = Array(bytes)
    return try array.withUnsafeBufferPointer { (buffer) throws(JSONError) in
      var parser = JSONParser(buffer)
      parser.skipWhitespace()
      let value = try parser.parseValue()
      parser.skipWhitespace()
      if parser.position < buffer.count {
        throw parser.error("expected end of input after the JSON value")
      }
      return (value, parser.repairs)
    }
  }

  // MARK: - Values

  private mutating func parseValue() throws(JSONError) -> JSONValue {
    guard position < bytes.count else { throw error("expected a JSON value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectWord("null"); return .null
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
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let string = decode(bytes[start..<position])
        position += 1
        return string
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("expected an escape for control character in string") }
      position += 1
    }
    var buffer = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return decode(buffer[...])
      case UInt8(ascii: "\\"):
        position += 1
        try parseEscape(into: &buffer)
      case 0..<0x20:
        throw error("expected an escape for control character in string")
      default:
        buffer.append(byte)
        position += 1
      }
    }
    throw error("expected '\"' to close the string")
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
    if let valid = String(validating: slice, as: UTF8.self) { return valid }
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
      found = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    } else {
      found = "end of input"
    }
    return JSONError(offset: position, message: "\(expected), found \(found)")
  }
}
