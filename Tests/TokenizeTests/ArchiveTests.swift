import Testing

@testable import Tokenize

/// `ArchiveWriter` and `ArchiveReader`: what is written reads back; a truncated or altered
/// archive throws and never traps.
@Suite("Archive")
struct ArchiveTests {
  @Test("Integers, flags, strings and tables read back in order")
  func roundTrip() throws {
    var writer = ArchiveWriter()
    writer.write(0)
    writer.write(127)
    writer.write(128)
    writer.write(Int.max)
    writer.write(true)
    writer.write("nasa")
    writer.write("Рогозин")
    writer.write("nasa")
    writer.write(nil as String?)
    writer.write(["a", "", "nasa"])
    writer.write([3, 0, 300])
    writer.write(raw: [UInt32(7), 0, .max])
    writer.write(raw: [UInt64.max, 1])
    writer.write(sparse: [0, 0, 5, 0, 9, 0])
    let read = try ArchiveReader.read(writer.bytes) { (reader) throws(TokenizeError) in
      let ints = [try reader.readInt(), try reader.readInt(), try reader.readInt()]
      return (
        ints, try reader.readInt(), try reader.readBool(),
        [try reader.readString(), try reader.readString(), try reader.readString()],
        try reader.readOptionalString(), try reader.readStrings(),
        try reader.readIndices(below: 301, field: "a number"), try reader.readUInt32s(),
        try reader.readUInt64s(), try reader.readSparse(maxLength: 6, field: "a table"),
        reader.isAtEnd
      )
    }
    #expect(read.0 == [0, 127, 128] && read.1 == Int.max && read.2)
    #expect(read.3 == ["nasa", "Рогозин", "nasa"] && read.4 == nil && read.5 == ["a", "", "nasa"])
    #expect(read.6 == [3, 0, 300] && read.7 == [7, 0, .max] && read.8 == [.max, 1])
    #expect(read.9 == [0, 0, 5, 0, 9, 0] && read.10)
  }

  @Test("A string is stored once however often it is written")
  func stringsAreInterned() {
    var once = ArchiveWriter()
    once.write(String(repeating: "x", count: 100))
    var thrice = once
    thrice.write(String(repeating: "x", count: 100))
    thrice.write(String(repeating: "x", count: 100))
    #expect(thrice.bytes.count == once.bytes.count + 2)
  }

  struct Corruption: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var bytes: [UInt8]
    var expected: TokenizeError
  }

  static let corruptions: [Corruption] = [
    Corruption(testDescription: "empty", bytes: [], expected: .archiveTruncated(offset: 0)),
    Corruption(
      testDescription: "a string count beyond the bytes", bytes: [5, 1],
      expected: .archiveValueOutOfRange(
        offset: 0, field: "the number of strings", found: 5, limit: 2)),
    Corruption(
      testDescription: "a string that is not UTF-8", bytes: [1, 1, 0xFF],
      expected: .archiveInvalidText(offset: 2)),
    Corruption(
      testDescription: "a varint of ten bytes",
      bytes: [0] + [UInt8](repeating: 0xFF, count: 9) + [1],
      expected: .archiveValueOutOfRange(
        offset: 1, field: "an integer", found: .max, limit: .max)),
    Corruption(
      testDescription: "a string number past the table", bytes: [1, 1, 0x61, 0, 1],
      expected: .archiveValueOutOfRange(offset: 4, field: "a string number", found: 1, limit: 1)),
  ]

  @Test(arguments: corruptions)
  func corruptArchivesThrow(_ corruption: Corruption) {
    #expect(throws: corruption.expected) {
      try ArchiveReader.read(corruption.bytes) { (reader) throws(TokenizeError) in
        _ = try reader.readInt()
        _ = try reader.readString()
      }
    }
  }

  @Test("A phrase matcher reads back with the same phrases, values and matches")
  func phraseMatcherRoundTrip() throws {
    var matcher = PhraseMatcher<Int>()
    matcher.insert(["dmitry", "rogozin"], value: 1)
    matcher.insert(["rogozin"], value: 2)
    matcher.insert(["rogozin"], value: 3)
    matcher.insert(["cooperat"], lastIsPrefix: true, value: 4)
    matcher.insert(["pull", "ou"], lastIsPrefix: true, value: 5)
    for n in 0..<200 { matcher.insert(["word\(n)", "of", "\(n)"], value: 100 + n) }
    var writer = ArchiveWriter()
    matcher.archive(to: &writer)
    let bytes = writer.bytes
    let values = matcher.archivedValues
    let read = try ArchiveReader.read(bytes) { (reader) throws(TokenizeError) in
      try PhraseMatcher<Int>(values: values, from: &reader)
    }
    #expect(read.count == matcher.count && read.longestPhrase == matcher.longestPhrase)
    #expect(read.keys == matcher.keys)
    for phrase in [["rogozin"], ["dmitry", "rogozin"], ["word7", "of", "7"], ["moon"]] {
      #expect(read.values(ofPhrase: phrase) == matcher.values(ofPhrase: phrase))
    }
    let doc = try Tokenizer().tokenize(
      "Dmitry Rogozin said cooperation would pull out; word7 of 7 and word8 of 9.")
    let found = read.matches(in: doc.tokens, range: doc.tokens.indices).map {
      ($0.tokens, $0.values)
    }
    let expected = matcher.matches(in: doc.tokens, range: doc.tokens.indices).map {
      ($0.tokens, $0.values)
    }
    #expect(found.map(\.0) == expected.map(\.0) && found.map(\.1) == expected.map(\.1))
    #expect(found.count == 4)
    // Every truncation throws instead of trapping.
    for length in 0..<bytes.count {
      #expect(throws: TokenizeError.self) {
        try ArchiveReader.read(Array(bytes[..<length])) { (reader) throws(TokenizeError) in
          _ = try PhraseMatcher<Int>(values: values, from: &reader)
        }
      }
    }
  }
}
