/// Writes loaded tables as bytes that `ArchiveReader` reads back: integers as LEB128 varints,
/// strings once each in a table at the front (a value holds the string's number), integer
/// arrays as raw little-endian words. What a table writes, in which order, is up to the table
/// (`PhraseMatcher.archive(to:value:)`, `Gazetteer.archive(to:)`); the reader reads the same
/// sequence.
///
/// ```swift
/// var writer = ArchiveWriter()
/// writer.write("nasa")
/// writer.write(42)
/// var reader = try ArchiveReader(writer.bytes)
/// try reader.readString()  // "nasa"
/// try reader.readInt()     // 42
/// ```
package struct ArchiveWriter {
  private var body: [UInt8] = []
  private var stringNumbers: [String: Int] = [:]
  private var strings: [String] = []

  package init() {}

  /// The string table, then everything written.
  package var bytes: [UInt8] {
    var table: [UInt8] = []
    Self.appendVarint(strings.count, to: &table)
    for string in strings {
      Self.appendVarint(string.utf8.count, to: &table)
      table += string.utf8
    }
    return table + body
  }

  /// A non-negative integer.
  package mutating func write(_ value: Int) {
    precondition(value >= 0, "an archive holds non-negative integers, found \(value)")
    Self.appendVarint(value, to: &body)
  }

  package mutating func write(_ value: Bool) { body.append(value ? 1 : 0) }

  package mutating func write(byte: UInt8) { body.append(byte) }

  /// A number, as its eight bytes (little-endian).
  package mutating func write(double value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { body += $0 }
  }

  /// A string, as its number in the string table (each distinct string is stored once).
  package mutating func write(_ string: String) {
    if let number = stringNumbers[string] {
      write(number)
    } else {
      stringNumbers[string] = strings.count
      write(strings.count)
      strings.append(string)
    }
  }

  /// A string or nil.
  package mutating func write(_ string: String?) {
    write(string != nil)
    if let string { write(string) }
  }

  /// A count, then the strings.
  package mutating func write(_ strings: [String]) {
    write(strings.count)
    for string in strings { write(string) }
  }

  /// A count, then the integers.
  package mutating func write(_ values: [Int]) {
    write(values.count)
    for value in values { write(value) }
  }

  /// A count, then the words as they are in memory (little-endian), for tables read in one copy.
  package mutating func write(raw values: [UInt32]) {
    write(values.count)
    for value in values { withUnsafeBytes(of: value.littleEndian) { body += $0 } }
  }

  /// A count, then the words as they are in memory (little-endian).
  package mutating func write(raw values: [UInt64]) {
    write(values.count)
    for value in values { withUnsafeBytes(of: value.littleEndian) { body += $0 } }
  }

  /// A mostly-zero table (a hash table's slots, a per-node column): its length, the number of
  /// non-zero words, then each as the distance from the previous one and its value.
  package mutating func write(sparse values: [UInt32]) {
    write(values.count)
    write(values.lazy.filter { $0 != 0 }.count)
    var previous = -1
    for (index, value) in values.enumerated() where value != 0 {
      write(index - previous - 1)
      write(Int(value))
      previous = index
    }
  }

  private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
    var rest = UInt64(value)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}
