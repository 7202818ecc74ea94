import TestSupport
import Testing

@testable import Tokenize

/// The word-list loaders' shortcuts: `TokenizeSession.keys(of:)` (with its ASCII path),
/// `tokenize(_:sentences: false)`, and `LexiconLine`'s byte-wise lines and fields give what the
/// full paths give.
@Suite("Loader paths")
struct LoaderPathsTests {
  static let texts: [String] = [
    "", " ", "   ", "cooperation", "Cooperation", "end cooperation", "  lashed   out  ",
    "work with", "NASA", "a b c", "don't", "Rogozin's", "U.S.", "seat-swap", "MS-23",
    "press@nasa.gov", "roscosmos.ru", "@NASA", "#ISS", "3.5", "détente", "Роскосмос",
    "co-operate", "a\tb", "a\u{301}b", "word.", "e-mail", "x_y", "abc123", "ＮＡＳＡ", "A  B",
  ]

  @Test(arguments: texts)
  func keysAreTheTokensKeys(_ text: String) throws {
    let session = try Tokenizer(abbreviations: ["Dr."]).makeSession()
    #expect(try session.keys(of: text) == session.tokenize(text).tokens.map(\.key))
  }

  @Test func keysAreTheTokensKeysOnRandomTexts() throws {
    let session = try Tokenizer().makeSession()
    let alphabet = Array("aBz  '.@-1_é\t*")
    var generator = SplitMix64(seed: 11)
    for _ in 0..<3_000 {
      let length = Int(generator.next() % 9)
      let text = String((0..<length).map { _ in alphabet[Int(generator.next() % 14)] })
      #expect(try session.keys(of: text) == session.tokenize(text).tokens.map(\.key), "\(text)")
    }
  }

  @Test func asciiWordKeysOnlyForLettersAndSpaces() {
    #expect(TokenizeSession.asciiWordKeys(of: "Lashed  OUT ") == ["lashed", "out"])
    #expect(TokenizeSession.asciiWordKeys(of: "") == [])
    #expect(TokenizeSession.asciiWordKeys(of: "don't") == nil)
    #expect(TokenizeSession.asciiWordKeys(of: "a-b") == nil)
    #expect(TokenizeSession.asciiWordKeys(of: "a\tb") == nil)
    #expect(TokenizeSession.asciiWordKeys(of: "détente") == nil)
  }

  @Test(arguments: texts)
  func tokensWithoutSentencesAreTheSame(_ text: String) throws {
    let session = try Tokenizer(abbreviations: ["Dr."]).makeSession()
    let words = try session.tokenize(text + " Dr. Who came. Then he left.", sentences: false)
    let whole = try session.tokenize(text + " Dr. Who came. Then he left.")
    #expect(words.tokens == whole.tokens)
    #expect(words.sentences.isEmpty)
    #expect(whole.sentences.count >= 2)
  }

  @Test func sentenceBreakerOpensOnFirstUse() throws {
    let session = try Tokenizer().makeSession()
    _ = try session.tokenize("One. Two.", sentences: false)
    #expect(try session.tokenize("One. Two.").sentences.count == 2)
    #expect(try session.tokenize("Three. Four. Five.").sentences.count == 3)
  }

  @Test func commentAndBlankLines() {
    let text = "a\t1\n# comment\n  #indented\n\t \r\n#é accented comment\n#\u{301} joined\nb\t2\n"
    let lines = LexiconLine.lines(of: Array(text.utf8))
    #expect(lines.map(\.number) == [1, 6, 7])
    #expect(lines.map(\.text) == ["a\t1", "#\u{301} joined", "b\t2"])
  }

  @Test func fieldsAreTrimmed() {
    let line = LexiconLine(number: 1, text: " a b \t\r2 \t détente\r\t")
    #expect(line.fields == ["a b", "2", "détente", ""])
    #expect(LexiconLine(number: 1, text: "").fields == [""])
    #expect(LexiconLine(number: 1, text: nil).fields == [""])
  }
}
