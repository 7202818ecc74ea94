import FoundationEssentials
import Glibc

/// A file path as the operating system sees it: bytes, which need not be UTF-8.
///
/// Paths are opened by their bytes, so a file whose name is not valid UTF-8 (`bad\xff.txt`, a
/// Latin-1 `café`) is read like any other. Where a path is shown (ids of `.txt` documents,
/// `source` of records, messages), it is `description`: the bytes decoded as UTF-8 with each
/// byte that is not part of valid UTF-8 written `\xHH` (two lowercase hex digits, as Python's
/// `backslashreplace`), the same way everywhere.
///
/// ```swift
/// InputPath(bytes: Array("caf".utf8) + [0xE9] + Array(".txt".utf8)).description  // "caf\xe9.txt"
/// ```
public struct InputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) { self.bytes = bytes }
  public init(_ string: String) { bytes = Array(string.utf8) }

  public var description: String { Self.escaped(bytes) }

  /// Byte-wise order (for UTF-8, the order of code points).
  public static func < (a: InputPath, b: InputPath) -> Bool {
    a.bytes.lexicographicallyPrecedes(b.bytes)
  }

  /// `self/name`.
  func appending(_ name: [UInt8]) -> InputPath {
    var result = bytes
    if result.last != UInt8(ascii: "/") { result.append(UInt8(ascii: "/")) }
    return InputPath(bytes: result + name)
  }

  /// The extension of the last component, ASCII-lowercased (`UP.JSONL` → `jsonl`), or "".
  var lowercasedExtension: String {
    let name = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).last ?? []
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return "" }
    let ext = name[name.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    return String(decoding: ext, as: UTF8.self)
  }

  /// Calls `body` with the path as a C string.
  func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
  }

  /// UTF-8 text with every byte outside a valid sequence written `\xHH`.
  static func escaped(_ bytes: [UInt8]) -> String {
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    var result = ""
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var position = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
        position += encoded.count
      case .error(let length):
        for byte in bytes[position..<position + length] {
          result += "\\x" + String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }
        position += length
      case .emptyInput:
        return result
      }
    }
  }
}
