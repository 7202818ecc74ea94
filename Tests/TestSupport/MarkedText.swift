/// Text with `⟦…⟧` marks around the spans a test expects, in the style of swift-format's
/// `MarkedText`: `"⟦Dmitry Rogozin⟧’s agency"` gives the text without marks and the span
/// `0..<14` in Unicode scalar offsets, without counting by hand.
public struct MarkedText {
  public let text: String
  /// Marked spans in order of their opening mark, as half-open scalar offsets.
  public let spans: [Range<Int>]

  public init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var spans: [Range<Int>] = []
    var open: [Int] = []
    var starts: [Int] = []
    for scalar in marked.unicodeScalars {
      switch scalar {
      case "⟦":
        open.append(spans.count + open.count)
        starts.append(text.count)
      case "⟧":
        precondition(!starts.isEmpty, "unbalanced ⟧ in \(marked)")
        let start = starts.removeLast()
        _ = open.removeLast()
        spans.append(start..<text.count)
      default:
        text.append(scalar)
      }
    }
    precondition(starts.isEmpty, "unbalanced ⟦ in \(marked)")
    self.text = String(text)
    self.spans = spans.sorted { $0.lowerBound < $1.lowerBound }
  }
}

/// Python's `text[start:end]` over Unicode scalars: what every output offset must satisfy.
public func slice(_ text: String, _ start: Int, _ end: Int) -> String {
  let scalars = Array(text.unicodeScalars)
  precondition(
    0 <= start && start <= end && end <= scalars.count,
    "\(start)..<\(end) out of 0..<\(scalars.count)")
  var view = String.UnicodeScalarView()
  view.append(contentsOf: scalars[start..<end])
  return String(view)
}
