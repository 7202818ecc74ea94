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

/// A ratio in [0, 1] with three decimals (`0.896`, `1.000`).
public func formatRatio(_ value: Double) -> String { formatFixed(value, digits: 3) }

/// `value` rounded to `digits` decimals, every one written (`0.50`); with `signed`, a sign
/// before a value that does not round to zero, with a real minus sign (`+0.42`, `−0.79`,
/// `0.00`). A value that is not finite is `–`.
public func formatFixed(_ value: Double, digits: Int, signed: Bool = false) -> String {
  guard value.isFinite else { return "–" }
  var scale = 1
  for _ in 0..<digits { scale *= 10 }
  let units = Int((abs(value) * Double(scale)).rounded())
  let sign = units == 0 ? "" : value < 0 ? (signed ? "−" : "-") : (signed ? "+" : "")
  guard digits > 0 else { return sign + String(units) }
  let fraction = String(units % scale)
  return sign + String(units / scale) + "."
    + String(repeating: "0", count: digits - fraction.count) + fraction
}
