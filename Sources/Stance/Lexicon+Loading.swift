import Tokenize

extension Lexicon {
  /// Loads stance lexicon files in order, each in the format its name selects
  /// (`LexiconFormat(path:)`): `term<TAB>weight[<TAB>dimension]` lines, or VADER and AFINN
  /// files imported into the dimension `stance`.
  ///
  /// Throws on the first malformed line, naming `FILE:LINE`.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(StanceError) {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files {
      try load(
        file.bytes, path: file.path, format: LexiconFormat(path: file.path), session: session)
    }
  }

  mutating func load(
    _ bytes: [UInt8], path: String, format: LexiconFormat, session: TokenizeSession
  ) throws(StanceError) {
    for line in LexiconLine.lines(of: bytes) {
      let at = SourceLocation(file: path, line: line.number)
      guard line.text != nil else { throw .invalidUTF8(at) }
      let fields = line.fields
      if format == .tsv, let declaration = try Self.declaration(fields: fields, at: at) {
        declare(declaration.policy, for: declaration.dimension)
        continue
      }
      let entry = try Self.entry(fields: fields, format: format, at: at)
      try add(
        term: entry.term, weight: entry.weight, dimension: entry.dimension, location: at,
        wildcards: entry.wildcards, tokenizer: session)
    }
  }

  /// The directive that starts a declaration line of a native lexicon file.
  public static let declarationKeyword = "@attribution"

  /// A declaration line `@attribution<TAB>POLICY[<TAB>dimension]` (dimension by default
  /// `stance`), or nil for any other line. The loader and `pipeline lint` both call it.
  public static func declaration(
    fields: [String], at: SourceLocation
  ) throws(StanceError) -> (policy: AttributionPolicy, dimension: String)? {
    guard fields.first == declarationKeyword else { return nil }
    guard fields.count == 2 || fields.count == 3 else {
      throw .fieldCount(
        at, expected: "2 or 3 tab-separated fields (@attribution, policy, dimension)",
        found: fields.count)
    }
    let policy: AttributionPolicy
    do { policy = try AttributionPolicy(parsing: fields[1]) } catch {
      throw .invalidDeclaration(at, found: fields[1])
    }
    let dimension = fields.count == 3 ? fields[2] : defaultDimension
    guard isValidDimension(dimension) else { throw .invalidDimension(at, found: dimension) }
    return (policy, dimension)
  }

  /// A finite number (`LexiconNumber.decimal`'s grammar) within `range` (by default `weightRange`).
  static func parseWeight(
    _ text: String, at: SourceLocation, range: ClosedRange<Double> = weightRange
  ) throws(StanceError) -> Double {
    guard let weight = LexiconNumber.decimal(text) else { throw .invalidWeight(at, found: text) }
    guard range.contains(weight) else {
      throw .weightOutOfRange(at, found: weight, range: range)
    }
    return weight
  }

  package static func isValidDimension(_ name: String) -> Bool {
    // ASCII by bytes: its alphabetic scalars are the letters, its numeric ones the digits.
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      return !name.isEmpty
        && name.utf8.allSatisfy {
          ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
            || $0 == 0x5F || $0 == 0x2D
        }
    }
    return !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-")
      }
  }
}

extension Modifiers {
  /// Loads modifier files: `kind<TAB>term[<TAB>value]` with kind `negator`, `booster`,
  /// `dampener`, `contrast`, `shifter`, `shifter_positive`, `shifter_negative` or `attitude`, and
  /// `param<TAB>name<TAB>value` for the constants.
  public init(files: [(path: String, bytes: [UInt8])], tokenizer: Tokenizer) throws(StanceError) {
    self.init()
    let session: TokenizeSession
    do { session = try tokenizer.makeSession() } catch { throw .tokenize(error) }
    for file in files {
      for line in LexiconLine.lines(of: file.bytes) {
        let at = SourceLocation(file: file.path, line: line.number)
        guard line.text != nil else { throw .invalidUTF8(at) }
        try add(fields: line.fields, at: at, session: session)
      }
    }
  }

  /// Adds one content line's fields (`pipeline lint` calls it line by line). Returns the word's
  /// key and kind, or nil for a `param` line.
  @discardableResult
  public mutating func add(
    fields: [String], at: SourceLocation, session: TokenizeSession
  ) throws(StanceError) -> (key: String, kind: Kind)? {
    guard fields.count == 2 || fields.count == 3 else {
      throw .fieldCount(
        at, expected: "2 or 3 tab-separated fields (kind, term, value)", found: fields.count)
    }
    guard !fields[1].isEmpty else { throw .emptyField(at, field: "term") }
    if fields[0] == "param" {
      guard fields.count == 3 else {
        throw .fieldCount(
          at, expected: "3 tab-separated fields (param, name, value)", found: fields.count)
      }
      guard let parameter = Parameter(rawValue: fields[1]) else {
        throw .unknownParameter(at, found: fields[1], valid: Self.parameterNames)
      }
      guard let value = LexiconNumber.decimal(fields[2]) else {
        throw .invalidWeight(at, found: fields[2])
      }
      guard parameter.range.contains(value), !parameter.isWholeNumber || value == value.rounded()
      else {
        throw .parameterOutOfRange(at, parameter: parameter, found: fields[2])
      }
      set(parameter, to: value)
      return nil
    }
    guard let kind = Kind(rawValue: fields[0]) else {
      throw .unknownModifierKind(at, found: fields[0])
    }
    var value: Double?
    if fields.count == 3 {
      guard let parsed = LexiconNumber.decimal(fields[2]) else {
        throw .invalidWeight(at, found: fields[2])
      }
      guard Self.valueRange(of: kind).contains(parsed) else {
        throw .modifierValueOutOfRange(at, kind: kind, found: fields[2])
      }
      value = parsed
    }
    let keys: [String]
    do { keys = try session.keys(of: fields[1]) } catch { throw .tokenize(error) }
    guard (1...Self.longestPhrase).contains(keys.count) else {
      throw .modifierTokens(at, term: fields[1], tokens: keys.count, most: Self.longestPhrase)
    }
    if keys.count == 1 {
      add(keys[0], kind: kind, value: value, location: at)
    } else {
      add(phrase: keys, kind: kind, value: value, location: at)
    }
    return (keys.joined(separator: " "), kind)
  }
}
