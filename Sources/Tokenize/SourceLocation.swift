/// Where an entry of a lexicon or gazetteer was read: a file path as given and a 1-based line.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }

  public static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// A long text for a message: its first 40 characters and `…` (the text whole when shorter).
public func abbreviated(_ text: String) -> String {
  text.count <= 40 ? text : String(text.prefix(40)) + "…"
}
