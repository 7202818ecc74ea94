/// Reads what `ArchiveWriter` wrote, checking every read against the bytes that are there and
/// every number a table will index with against its bound: a truncated or altered archive
/// throws a `TokenizeError` naming the byte, and never traps.
///
/// It reads the bytes in place (a compiled gazetteer's memory-mapped file): use it only while
/// they are valid, inside `read(_:_:)` or the mapping's `withBytes`.
package struct ArchiveReader {
  @usableFromInline let bytes: UnsafeRawBufferPointer
  /// The next byte to read.
  package var offset = 0
  @usableFromInline var strings: [String] = []
  /// What keeps `bytes` valid after the reader is gone (a compiled gazetteer's mapping), or nil
  /// when they are valid only during the read. With it, a table may keep its bytes and decode
  /// its parts when they are asked for (`lasting`).
  package var owner: (any AnyObject & Sendable)?

  /// Reads the string table at the front of `bytes`.
  ///
  /// - Complexity: O(bytes of the table).
  package init(_ bytes: UnsafeRawBufferPointer) throws(TokenizeError) {
    self.bytes = bytes
    // Each string takes at least its length byte: a count beyond the bytes is corrupt.
    let count = try readCount(field: "the number of strings")
    var strings: [String] = []
    strings.reserveCapacity(count)
    for _ in 0..<count {
      let length = try readCount(field: "a string's length")
      let text = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
      // `String(decoding:)` runs specialised (`String(validating:)` took generic metadata
      // look-ups per string); it repairs invalid UTF-8, which the comparison then reveals.
      // Compared eight bytes at a time: `String.UTF8View`'s element-wise `elementsEqual` was a
      // third of reading the default tables.
      var string = String(decoding: text, as: UTF8.self)
      guard string.withUTF8({ Self.sameBytes(UnsafeRawBufferPointer($0), text) }) else {
        throw .archiveInvalidText(offset: offset)
      }
      strings.append(string)
      offset += length
    }
    self.strings = strings
  }

  /// Whether two buffers hold the same bytes.
  private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    var i = 0
    while i + 8 <= a.count {
      guard
        a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          == b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      else { return false }
      i += 8
    }
    while i < a.count {
      guard a[i] == b[i] else { return false }
      i += 1
    }
    return true
  }

  /// Runs `body` with a reader of `bytes`.
  package static func read<Result>(
    _ bytes: [UInt8], _ body: (inout ArchiveReader) throws(TokenizeError) -> Result
  ) throws(TokenizeError) -> Result {
    let result = bytes.withUnsafeBytes { raw -> Swift.Result<Result, TokenizeError> in
      do throws(TokenizeError) {
        var reader = try ArchiveReader(raw)
        return .success(try body(&reader))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Reads `bytes` with a string table already read from them (`ArchiveSlice.reader(at:)`).
  fileprivate init(_ bytes: UnsafeRawBufferPointer, strings: [String], offset: Int) {
    self.bytes = bytes
    self.strings = strings
    self.offset = offset
  }

  /// The bytes and strings of this reader for reading again later, when `owner` keeps them.
  package var lasting: ArchiveSlice? {
    owner.map { ArchiveSlice(owner: $0, bytes: bytes, strings: strings) }
  }

  /// Whether every byte was read.
  package var isAtEnd: Bool { offset == bytes.count }

  /// A non-negative integer (at most `Int.max`).
  ///
  /// Inlined where the tables are read, for a value of up to three bytes (below 2^21: the
  /// numbers of strings, nodes, keys and values of a million aliases); a longer one, or one
  /// near the end, is read by a call.
  @inlinable @inline(__always)
  package mutating func readInt() throws(TokenizeError) -> Int {
    if bytes.count - offset >= 3 {
      let first = bytes[offset]
      if first < 0x80 {
        offset += 1
        return Int(first)
      }
      let second = bytes[offset + 1]
      if second < 0x80 {
        offset += 2
        return Int(first & 0x7F) | Int(second) << 7
      }
      let third = bytes[offset + 2]
      if third < 0x80 {
        offset += 3
        return Int(first & 0x7F) | Int(second & 0x7F) << 7 | Int(third) << 14
      }
    }
    return try readLongInt()
  }

  /// `readInt` past its first byte's test.
  @usableFromInline
  mutating func readLongInt() throws(TokenizeError) -> Int {
    let start = offset
    var value = 0
    var shift = 0
    while true {
      guard offset < bytes.count else { throw .archiveTruncated(offset: offset) }
      let byte = bytes[offset]
      offset += 1
      // Nine bytes of seven bits hold every non-negative `Int`; a tenth is corrupt.
      guard shift <= 56 else {
        throw .archiveValueOutOfRange(
          offset: start, field: "an integer", found: Int.max, limit: Int.max)
      }
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// An integer below `limit`: an index into a table of `limit` elements.
  @inlinable @inline(__always)
  package mutating func readIndex(below limit: Int, field: String) throws(TokenizeError) -> Int {
    let start = offset
    let value = try readInt()
    guard value < limit else {
      throw .archiveValueOutOfRange(offset: start, field: field, found: value, limit: limit)
    }
    return value
  }

  /// A count of elements that take at least one byte each: no more than the bytes left, so a
  /// corrupt count cannot reserve memory the archive does not back.
  @inlinable @inline(__always)
  package mutating func readCount(field: String) throws(TokenizeError) -> Int {
    let start = offset
    let value = try readInt()
    guard value <= bytes.count - offset else {
      throw .archiveValueOutOfRange(
        offset: start, field: field, found: value, limit: bytes.count - offset + 1)
    }
    return value
  }

  @inlinable @inline(__always)
  package mutating func readBool() throws(TokenizeError) -> Bool {
    try readIndex(below: 2, field: "a flag") == 1
  }

  @inlinable @inline(__always)
  package mutating func readByte() throws(TokenizeError) -> UInt8 {
    guard offset < bytes.count else { throw .archiveTruncated(offset: offset) }
    offset += 1
    return bytes[offset - 1]
  }

  /// What `ArchiveWriter.write(double:)` wrote.
  package mutating func readDouble() throws(TokenizeError) -> Double {
    guard bytes.count - offset >= 8 else { throw .archiveTruncated(offset: offset) }
    offset += 8
    return Double(
      bitPattern: UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: offset - 8, as: UInt64.self)))
  }

  @inlinable @inline(__always)
  package mutating func readString() throws(TokenizeError) -> String {
    strings[try readIndex(below: strings.count, field: "a string number")]
  }

  /// Checks a string number without reading the string.
  @inlinable @inline(__always)
  package mutating func skipString() throws(TokenizeError) {
    _ = try readIndex(below: strings.count, field: "a string number")
  }

  /// Checks a list of string numbers without making the list.
  @inlinable
  package mutating func skipStrings() throws(TokenizeError) {
    for _ in 0..<(try readCount(field: "the number of strings of a list")) { try skipString() }
  }

  package mutating func readOptionalString() throws(TokenizeError) -> String? {
    try readBool() ? try readString() : nil
  }

  package mutating func readStrings() throws(TokenizeError) -> [String] {
    let count = try readCount(field: "the number of strings of a list")
    if count == 0 { return [] }
    var result: [String] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try readString()) }
    return result
  }

  /// A list of integers, each below `limit`.
  package mutating func readIndices(below limit: Int, field: String) throws(TokenizeError) -> [Int]
  {
    let count = try readCount(field: "the length of a list")
    // Most lists (a phrase's values) hold one: made at once, without reserving and appending.
    if count == 1 { return [try readIndex(below: limit, field: field)] }
    var result: [Int] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try readIndex(below: limit, field: field)) }
    return result
  }

  /// What `ArchiveWriter.write(sparse:)` wrote: a table of at most `maxLength` words.
  package mutating func readSparse(maxLength: Int, field: String) throws(TokenizeError) -> [UInt32]
  {
    let length = try readIndex(below: maxLength + 1, field: field)
    let nonZero = try readIndex(below: length + 1, field: field)
    guard nonZero <= (bytes.count - offset) / 2 else { throw .archiveTruncated(offset: offset) }
    var table = [UInt32](repeating: 0, count: length)
    var index = -1
    for _ in 0..<nonZero {
      // (`field` as given: a message built here would cost an allocation per entry.)
      index += 1 + (try readIndex(below: length - index, field: field))
      let start = offset
      let value = try readInt()
      guard index < length, value > 0, value <= Int(UInt32.max) else {
        throw .archiveValueOutOfRange(
          offset: start, field: field, found: value, limit: Int(UInt32.max))
      }
      table[index] = UInt32(value)
    }
    return table
  }

  package mutating func readUInt32s() throws(TokenizeError) -> [UInt32] {
    try readRaw(UInt32.self)
  }

  package mutating func readUInt64s() throws(TokenizeError) -> [UInt64] {
    try readRaw(UInt64.self)
  }

  private mutating func readRaw<Word: FixedWidthInteger>(_: Word.Type) throws(TokenizeError)
    -> [Word]
  {
    let size = MemoryLayout<Word>.size
    let count = try readInt()
    guard count <= (bytes.count - offset) / size else { throw .archiveTruncated(offset: offset) }
    let start = offset
    let words = [Word](unsafeUninitializedCapacity: count) { buffer, initialized in
      for i in 0..<count {
        buffer[i] = Word(
          littleEndian: bytes.loadUnaligned(fromByteOffset: start + i * size, as: Word.self))
      }
      initialized = count
    }
    offset += count * size
    return words
  }
}

/// An archive's bytes and string table, kept with what keeps the bytes valid (a compiled
/// gazetteer's mapped file), so that a part of the archive can be read when it is needed rather
/// than all of it at once.
///
/// `@unchecked Sendable`: the bytes are read-only and live as long as `owner`, which it holds.
package struct ArchiveSlice: @unchecked Sendable {
  package let owner: any AnyObject & Sendable
  package let bytes: UnsafeRawBufferPointer
  package let strings: [String]

  /// A reader at `offset`, a position an earlier read of the same bytes reached.
  package func reader(at offset: Int) -> ArchiveReader {
    ArchiveReader(bytes, strings: strings, offset: offset)
  }
}
