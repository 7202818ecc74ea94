/// Token key → string, over `KeyTable`'s open addressing (FNV-1a, no per-process seed): the
/// tokenizer's stem and transliteration caches, looked up for every word that may have a stem
/// or transliteration key. `Dictionary`'s SipHash cost hundreds of instructions a look-up of a
/// short key.
///
/// ```swift
/// var stems = KeyMap()
/// stems["роскосмоса"] = "роскосмос"
/// stems["роскосмоса"]  // "роскосмос"
/// stems["nasa"]        // nil
/// ```
struct KeyMap {
  private var keys = KeyTable()
  /// By the key's number in `keys`.
  private var values: [String] = []

  var count: Int { values.count }
  var isEmpty: Bool { values.isEmpty }

  subscript(key: String) -> String? {
    get { keys.number(of: key).map { values[Int($0)] } }
    set {
      guard let newValue else {
        preconditionFailure("KeyMap removes keys only all at once (removeAll())")
      }
      let number = Int(keys.insert(key))
      if number == values.count { values.append(newValue) } else { values[number] = newValue }
    }
  }

  mutating func removeAll() {
    keys = KeyTable()
    values.removeAll(keepingCapacity: true)
  }
}
