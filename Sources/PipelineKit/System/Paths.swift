/// Path string operations, as `NSString`'s path methods do them for the paths this tool
/// handles (what they gave, without linking Foundation).
public enum PathString {
  /// The part after the last `/`, trailing slashes ignored ("a/b/" → "b", "/" → "/").
  public static func lastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    if trimmed == "/" || trimmed.isEmpty { return trimmed }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The last component's extension, without its dot ("x.tsv" → "tsv"; "x", ".tsv" → "").
  public static func pathExtension(_ path: String) -> String {
    let last = lastComponent(path)
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
    return String(last[last.index(after: dot)...])
  }

  /// The path without its last component ("a/b" → "a", "/a" → "/", "a" → "").
  public static func deletingLastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return trimmingTrailingSlashes(String(trimmed[..<slash]))
  }

  /// `component` under `path`, with one slash between ("a" + "b" → "a/b", "" + "b" → "b").
  public static func appending(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if component.isEmpty { return path }
    return path.hasSuffix("/") ? path + component : path + "/" + component
  }

  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.last == "/" { path = path.dropLast() }
    return String(path)
  }
}
