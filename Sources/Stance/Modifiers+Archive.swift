import Tokenize

// The modifier words, phrases and constants as compiled bytes (`ArchiveWriter`), read back as
// they were: the default modifiers are pre-built this way at build time (`PrebuiltTables`).

extension Modifiers {
  /// Writes the words and phrases (by key, sorted) and the constants.
  package func archive(to writer: inout ArchiveWriter) {
    let keys = words.keys.sorted()
    writer.write(keys.count)
    for key in keys {
      writer.write(key)
      words[key]!.archive(to: &writer)
    }
    let ends = phrases.keys.sorted()
    writer.write(ends.count)
    for end in ends {
      writer.write(end)
      writer.write(phrases[end]!.count)
      for phrase in phrases[end]! {
        writer.write(phrase.keys)
        phrase.word.archive(to: &writer)
      }
    }
    for parameter in Parameter.allCases { writer.write(double: value(of: parameter)) }
  }

  /// Reads what `archive(to:)` wrote; a constant out of its range is an error.
  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init()
    for _ in 0..<(try reader.readCount(field: "the number of modifier words")) {
      let key = try reader.readString()
      let word = try Word(from: &reader)
      add(key, kind: word.kind, value: word.value, location: word.location)
    }
    for _ in 0..<(try reader.readCount(field: "the number of phrase ends")) {
      let end = try reader.readString()
      var list: [Phrase] = []
      for _ in 0..<(try reader.readCount(field: "the number of phrases")) {
        list.append(Phrase(keys: try reader.readStrings(), word: try Word(from: &reader)))
      }
      phrases[end] = list
    }
    for parameter in Parameter.allCases {
      let start = reader.offset
      let value = try reader.readDouble()
      guard parameter.range.contains(value), !parameter.isWholeNumber || value == value.rounded()
      else {
        throw .archiveValueOutOfRange(
          offset: start, field: parameter.rawValue, found: 0, limit: Int(parameter.range.upperBound)
        )
      }
      set(parameter, to: value)
    }
  }

  /// The constant a parameter sets.
  private func value(of parameter: Parameter) -> Double {
    switch parameter {
    case .negationScalar: return negationScalar
    case .negationWindow: return Double(negationWindow)
    case .contrastBefore: return contrastBefore
    case .contrastAfter: return contrastAfter
    case .shifterScalar: return shifterScalar
    case .shifterWindow: return Double(shifterWindow)
    case .targetAgent: return targetAgent
    case .targetSpeaker: return targetSpeaker
    case .targetMentioned: return targetMentioned
    case .targetPositive: return targetPositive
    case .targetReach: return Double(targetReach)
    }
  }
}

extension Modifiers.Word {
  fileprivate func archive(to writer: inout ArchiveWriter) {
    writer.write(kind.rawValue)
    writer.write(value != nil)
    if let value { writer.write(double: value) }
    writer.write(location != nil)
    location?.archive(to: &writer)
  }

  fileprivate init(from reader: inout ArchiveReader) throws(TokenizeError) {
    let start = reader.offset
    guard let kind = Modifiers.Kind(rawValue: try reader.readString()) else {
      throw .archiveValueOutOfRange(
        offset: start, field: "a modifier kind", found: 0, limit: Modifiers.Kind.allCases.count)
    }
    self.init(
      kind: kind, value: try reader.readBool() ? try reader.readDouble() : nil,
      location: try reader.readBool() ? try SourceLocation(from: &reader) : nil)
  }
}
