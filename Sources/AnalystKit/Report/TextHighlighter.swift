/// Splits a text into pieces at the boundaries of marked spans, given in Unicode scalar
/// (code point) offsets like every offset of the pipeline's output.
///
/// ```swift
/// let pieces = TextHighlighter.pieces(of: "Рогозин 🚀 said", spans: [0..<7, 8..<9])
/// // [("Рогозин", 0), (" ", nil), ("🚀", 1), (" said", nil)]
/// ```
///
/// Each piece is a separate string, so each can be escaped on its own; concatenated they give
/// the text back. Empty gaps produce no piece (adjacent spans stay adjacent).
public enum TextHighlighter {
  public struct Piece: Sendable, Equatable {
    public var text: String
    /// Index into `spans` of the span this piece is, or nil for text between spans.
    public var span: Int?

    public init(text: String, span: Int?) {
      self.text = text
      self.span = span
    }
  }

  /// - Precondition: `spans` are sorted, non-overlapping, non-empty and within the text.
  /// - Complexity: O(n + spans) where n is the text's length in scalars.
  public static func pieces(of text: String, spans: [Range<Int>]) -> [Piece] {
    let scalars = text.unicodeScalars
    var pieces: [Piece] = []
    var index = scalars.startIndex
    var offset = 0
    func advance(to target: Int) -> String.UnicodeScalarView.Index {
      while offset < target {
        precondition(
          index < scalars.endIndex, "span end \(target) past the text's \(offset) scalars")
        scalars.formIndex(after: &index)
        offset += 1
      }
      return index
    }
    func piece(
      _ from: String.UnicodeScalarView.Index, _ to: String.UnicodeScalarView.Index, _ span: Int?
    ) {
      guard from < to else { return }
      pieces.append(Piece(text: String(String.UnicodeScalarView(scalars[from..<to])), span: span))
    }
    for (i, span) in spans.enumerated() {
      precondition(
        span.lowerBound >= offset,
        "span \(i) \(span) overlaps or precedes the previous one (at \(offset))")
      precondition(!span.isEmpty, "span \(i) is empty: \(span)")
      let gapStart = index
      let start = advance(to: span.lowerBound)
      piece(gapStart, start, nil)
      let end = advance(to: span.upperBound)
      piece(start, end, i)
    }
    piece(index, scalars.endIndex, nil)
    return pieces
  }
}
