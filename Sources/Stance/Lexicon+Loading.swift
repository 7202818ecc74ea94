import Tokenize

extension Lexicon {
  /// Loads stance lexicon files in order: `term<TAB>weight[<TAB>dimension]` lines.
  ///
  /// Throws on the first malformed line, naming `FILE:LINE`.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(StanceError) {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files { try loadTSV(file.bytes, path: file.path, session: session) }
  }

  mutating func loadTSV(_ bytes: [UInt8], path: String, session: TokenizeSession) throws(StanceError) {
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard line.text != nil else { throw .invalidUTF8(at) }
      let fields = line.fields
      guard fields.count == 2 || fields.count == 3 else {
        throw .fieldCount(
          at, expected: "2 or 3 tab-separated fields (term, weight, dimension)", found: fields.count)
      }
      guard !fields[0].isEmpty else { throw .emptyField(at, field: "term") }
      let weight = try Self.parseWeight(fields[1], at: at)
      var dimension = Self.defaultDimension
      if fields.count == 3 {
        dimension = fields[2]
        guard Self.isValidDimension(dimension) else { throw .invalidDimension(at, found: dimension) }
      }
      try add(term: fields[0], weight: weight, dimension: dimension, location: at, tokenizer: session)
    }
  }

  /// A finite number within `weightRange`.
  static func parseWeight(_ text: String, at: SourceLocation) throws(StanceError) -> Double {
    guard let weight = Double(text), weight.isFinite,
      text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) })
    else { throw .invalidWeight(at, found: text) }
    guard weightRange.contains(weight) else {
      throw .weightOutOfRange(at, found: weight, range: weightRange)
    }
    return weight
  }

  static func isValidDimension(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-")
      }
  }
}

extension Modifiers {
  /// Loads modifier files: `kind<TAB>term[<TAB>value]` with kind `negator`, `booster`,
  /// `dampener` or `contrast`, and `param<TAB>name<TAB>value` for the constants.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(StanceError) {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files {
      for line in LexiconLine.lines(of: file.bytes) {
        let at = SourceLocation(file: file.path, line: line.number)
        guard line.text != nil else { throw .invalidUTF8(at) }
        try parse(line.fields, at: at, session: session)
      }
    }
  }

  private mutating func parse(
    _ fields: [String], at: SourceLocation, session: TokenizeSession
  ) throws(StanceError) {
    guard fields.count == 2 || fields.count == 3 else {
      throw .fieldCount(at, expected: "2 or 3 tab-separated fields (kind, term, value)", found: fields.count)
    }
    guard !fields[1].isEmpty else { throw .emptyField(at, field: "term") }
    if fields[0] == "param" {
      guard fields.count == 3 else {
        throw .fieldCount(at, expected: "3 tab-separated fields (param, name, value)", found: fields.count)
      }
      guard let value = Double(fields[2]), value.isFinite else {
        throw .invalidWeight(at, found: fields[2])
      }
      switch fields[1] {
      case "negation_scalar": negationScalar = value
      case "negation_window":
        guard value >= 0, value == value.rounded(), value <= 1000 else {
          throw .invalidWeight(at, found: fields[2])
        }
        negationWindow = Int(value)
      case "contrast_before": contrastBefore = value
      case "contrast_after": contrastAfter = value
      default: throw .unknownParameter(at, found: fields[1], valid: Self.parameterNames)
      }
      return
    }
    guard let kind = Kind(rawValue: fields[0]) else { throw .unknownModifierKind(at, found: fields[0]) }
    var value: Double?
    if fields.count == 3 {
      guard let parsed = Double(fields[2]), parsed.isFinite, abs(parsed) <= 4 else {
        throw .invalidWeight(at, found: fields[2])
      }
      value = parsed
    }
    let tokens: TokenizedText
    do { tokens = try session.tokenize(fields[1]) } catch { throw .tokenize(error) }
    guard tokens.tokens.count == 1 else {
      throw .modifierNotOneToken(at, term: fields[1], tokens: tokens.tokens.count)
    }
    add(tokens.tokens[0].key, kind: kind, value: value, location: at)
  }
}
