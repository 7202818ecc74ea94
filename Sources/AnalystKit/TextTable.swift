import JSON

/// Columns of text aligned with spaces, for the human-readable views of the analyst commands.
///
/// Widths count `Character`s (grapheme clusters), which is right for Latin, Cyrillic and
/// accented text; wide characters (CJK, emoji) may push a row out of line.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public var header: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []
  /// Spaces before every line.
  public var indent = 2

  public init(_ header: [String], alignments: [Alignment]? = nil) {
    self.header = header
    self.alignments = alignments ?? header.map { _ in .left }
  }

  public mutating func append(_ row: [String]) {
    precondition(row.count == header.count, "row of \(row.count) cells for \(header.count) columns")
    rows.append(row)
  }

  /// The table as lines (header first), each ending in a newline; trailing spaces trimmed.
  public func render() -> String {
    let all = [header] + rows
    var widths = [Int](repeating: 0, count: header.count)
    for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    var out = ""
    for row in all {
      var line = String(repeating: " ", count: indent)
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        line += alignments[i] == .right ? pad + cell : cell + pad
        if i < row.count - 1 { line += "  " }
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

/// A number as the output records write it (rounded to 4 decimals, shortest form), so that
/// the views show exactly the figures of `pipeline run`.
public func formatNumber(_ value: Double) -> String { JSONWriter.format(value) }

/// A number with a sign (`+2`, `-1.5`, `0`).
public func formatSigned(_ value: Double) -> String {
  let text = JSONWriter.format(value)
  return text.hasPrefix("-") || text == "0" ? text : "+" + text
}

/// A ratio in [0, 1] with three decimals.
public func formatRatio(_ value: Double) -> String {
  let scaled = (value * 1000).rounded()
  let whole = Int(scaled) / 1000
  let fraction = Int(scaled) % 1000
  let digits = String(fraction)
  return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
}
