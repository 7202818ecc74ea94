/// A count and its noun, singular for 1: `plural(1, "document")` is "1 document",
/// `plural(2, "document")` is "2 documents". For nouns whose plural adds "s".
package func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
