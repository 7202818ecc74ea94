import AnalystKit
import PipelineKit
import TestSupport
import Testing

@Suite struct TextHighlighterTests {
  @Test(arguments: [
    "⟦Рогозин⟧’s ⟦agency⟧",
    "⟦Роскосмос⟧ 🚀 и ⟦NASA⟧⟦👩‍🚀⟧ ok",
    "⟦🇷🇺⟧⟦Союз⟧⟦!⟧",
    "a⟦b⟧",
    "⟦whole text⟧",
    "no spans at all",
    "",
    "e\u{301}⟦\u{301}⟧ combining mark split off its base",
    "CRLF\r\n⟦line⟧\r\n",
  ])
  func piecesAreSlicesAndConcatenateToTheText(_ marked: String) {
    let m = MarkedText(marked)
    let pieces = TextHighlighter.pieces(of: m.text, spans: m.spans)
    #expect(pieces.map(\.text).joined() == m.text)
    #expect(pieces.allSatisfy { !$0.text.isEmpty })
    var offset = 0
    for piece in pieces {
      let length = piece.text.unicodeScalars.count
      #expect(piece.text == slice(m.text, offset, offset + length))
      if let span = piece.span { #expect(m.spans[span] == offset..<(offset + length)) }
      offset += length
    }
    #expect(pieces.compactMap(\.span) == Array(m.spans.indices))
  }

  @Test func adjacentSpansStaySeparatePieces() {
    let pieces = TextHighlighter.pieces(of: "ab🚀", spans: [0..<1, 1..<2, 2..<3])
    #expect(
      pieces == [.init(text: "a", span: 0), .init(text: "b", span: 1), .init(text: "🚀", span: 2)])
  }
}
