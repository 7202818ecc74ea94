import Testing
import Tokenize

@Suite("Token layout")
struct TokenLayoutTests {
  /// One huge document's memory is mostly its tokens: offsets are stored in 32 bits.
  @Test func aTokenIs40Bytes() {
    #expect(MemoryLayout<Token>.stride == 40)
  }

  @Test func offsetsReadBackAsWritten() {
    var token = Token(start: 3, end: 9, kind: .word, key: "x", utf16Start: 4, utf16End: 11)
    token.end = Int(Int32.max)
    #expect(
      [token.start, token.end, token.utf16Start, token.utf16End] == [3, Int(Int32.max), 4, 11])
  }
}
