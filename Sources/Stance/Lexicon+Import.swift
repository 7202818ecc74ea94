import Tokenize

/// The file formats a stance lexicon is read from. The format of a file is chosen by its name
/// (`LexiconFormat(path:)`), so that every command and the library read a file the same way.
///
/// | format | file names | line |
/// | --- | --- | --- |
/// | `tsv` | anything else (`*.tsv`) | `term<TAB>weight[<TAB>dimension]`, weight -4…+4 |
/// | `vader` | `vader_lexicon.txt`, `*.vader.tsv`, `*.vader.txt` | `token<TAB>mean<TAB>sd<TAB>ratings`, mean -4…+4 |
/// | `afinn` | `AFINN-*.txt`, `*.afinn.tsv`, `*.afinn.txt` | `word<TAB>integer`, -5…+5, scaled ×0.8 to -4…+4 |
///
/// Imported (VADER and AFINN) entries go to the dimension `stance` and are literal: a `*` in
/// them is a character (VADER lists emoticons such as `:-*`), not a wildcard.
public enum LexiconFormat: String, Sendable, Hashable, CaseIterable {
  case tsv, vader, afinn

  /// AFINN integers (-5…+5) are multiplied by this to land on the lexicon scale (-4…+4).
  public static let afinnScale = 0.8
  /// The range of AFINN values before scaling.
  public static let afinnRange: ClosedRange<Double> = -5...5

  /// The format a file's name selects (case-insensitive; only the last path component counts).
  ///
  /// ```swift
  /// LexiconFormat(path: "imports/vader_lexicon.txt")  // .vader
  /// LexiconFormat(path: "AFINN-165.txt")              // .afinn
  /// LexiconFormat(path: "stance/cooperation.tsv")     // .tsv
  /// ```
  public init(path: String) {
    let name = String(path.split(separator: "/").last ?? "").lowercased()
    if name == "vader_lexicon.txt" || name.hasSuffix(".vader.tsv") || name.hasSuffix(".vader.txt") {
      self = .vader
    } else if (name.hasPrefix("afinn-") && name.hasSuffix(".txt")) || name.hasSuffix(".afinn.tsv")
      || name.hasSuffix(".afinn.txt")
    {
      self = .afinn
    } else {
      self = .tsv
    }
  }

  /// Whether a file found in a lexicon folder is a stance lexicon: a `.tsv` file other than
  /// `modifiers.tsv`, or a file whose name selects an import format.
  public static func isLexiconFileName(_ name: String) -> Bool {
    if name == "modifiers.tsv" { return false }
    return name.lowercased().hasSuffix(".tsv") || LexiconFormat(path: name) != .tsv
  }

  /// The fields a line of this format has, for messages.
  var fieldsDescription: String {
    switch self {
    case .tsv: return "2 or 3 tab-separated fields (term, weight, dimension)"
    case .vader: return "4 tab-separated fields (token, mean, sd, ratings)"
    case .afinn: return "2 tab-separated fields (word, integer)"
    }
  }

  /// The field counts a line of this format may have.
  public var fieldCounts: ClosedRange<Int> {
    switch self {
    case .tsv: return 2...3
    case .vader: return 4...4
    case .afinn: return 2...2
    }
  }
}

/// One content line of a lexicon file, checked but not yet tokenized.
public struct LexiconLineEntry: Sendable, Hashable {
  /// The term as written.
  public var term: String
  /// On the lexicon scale (-4…+4), AFINN values already scaled.
  public var weight: Double
  public var dimension: String
  /// Whether a trailing `*` is a prefix wildcard (native files) or a literal character
  /// (imported VADER and AFINN files, which list emoticons such as `:-*`).
  public var wildcards = true
}

extension Lexicon {
  /// Checks the fields of one content line of a file in `format` and returns its entry.
  ///
  /// This is the one place that knows each format's fields: the loader and `pipeline lint` both
  /// call it. Throws the first problem of the line as `FILE:LINE: message`.
  ///
  /// ```swift
  /// try Lexicon.entry(fields: ["good", "2"], format: .afinn, at: at)  // weight 1.6, "stance"
  /// ```
  public static func entry(
    fields: [String], format: LexiconFormat, at: SourceLocation
  ) throws(StanceError) -> LexiconLineEntry {
    guard format.fieldCounts.contains(fields.count) else {
      throw .fieldCount(at, expected: format.fieldsDescription, found: fields.count)
    }
    switch format {
    case .tsv:
      guard !fields[0].isEmpty else { throw .emptyField(at, field: "term") }
      let weight = try parseWeight(fields[1], at: at)
      var dimension = defaultDimension
      if fields.count == 3 {
        dimension = fields[2]
        guard isValidDimension(dimension) else { throw .invalidDimension(at, found: dimension) }
      }
      return LexiconLineEntry(term: fields[0], weight: weight, dimension: dimension)
    case .vader:
      guard !fields[0].isEmpty else { throw .emptyField(at, field: "token") }
      let mean = try parseWeight(fields[1], at: at)
      // The standard deviation is checked (a shifted column shows here) but not used.
      guard let sd = LexiconNumber.decimal(fields[2]), sd >= 0 else {
        throw .invalidWeight(at, found: fields[2])
      }
      return LexiconLineEntry(
        term: fields[0], weight: mean, dimension: defaultDimension, wildcards: false)
    case .afinn:
      guard !fields[0].isEmpty else { throw .emptyField(at, field: "word") }
      guard let integer = LexiconNumber.integer(fields[1]) else {
        throw LexiconNumber.decimal(fields[1]) == nil
          ? .invalidWeight(at, found: fields[1]) : .invalidInteger(at, found: fields[1])
      }
      let value = Double(integer)
      guard LexiconFormat.afinnRange.contains(value) else {
        throw .weightOutOfRange(at, found: value, range: LexiconFormat.afinnRange)
      }
      // ×4/5 rather than ×0.8 so that 3 gives 2.4 exactly as written, not 2.4000000000000004.
      return LexiconLineEntry(
        term: fields[0], weight: value * 4 / 5, dimension: defaultDimension, wildcards: false)
    }
  }
}
