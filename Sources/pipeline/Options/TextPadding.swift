extension String {
  /// Without the spaces and tabs at either end (what `trimmingCharacters(in: .whitespaces)`
  /// removes: tab and the space separators).
  func trimmingSpaces() -> String {
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
    guard let first = unicodeScalars.firstIndex(where: { !isSpace($0) }),
      let last = unicodeScalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(Substring(unicodeScalars[first...last]))
  }

  /// Cut or padded with spaces to `length` UTF-16 units, as `padding(toLength:withPad:
  /// startingAt:)` did (a column of `pipeline tokenize`).
  func padded(to length: Int) -> String {
    let units = utf16.count
    guard units < length else { return String(decoding: utf16.prefix(length), as: UTF16.self) }
    return self + String(repeating: " ", count: length - units)
  }
}
