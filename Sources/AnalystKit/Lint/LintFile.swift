import FoundationEssentials
import PipelineKit
import Stance
import Tokenize

/// A word-list file to lint and what kind of file it is.
public struct LintFile: Sendable {
  public enum Kind: String, Sendable, Hashable {
    case gazetteer, lexicon, modifiers, abbreviations, clauses, references
  }

  public var path: String
  public var bytes: [UInt8]
  public var kind: Kind

  public init(path: String, bytes: [UInt8], kind: Kind) {
    self.path = path
    self.bytes = bytes
    self.kind = kind
  }

  /// Every file a run would load from `sources`, each with the kind it is loaded as.
  public static func files(of sources: LexiconSources) -> [LintFile] {
    sources.gazetteer.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .gazetteer) }
      + sources.lexicon.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .lexicon) }
      + sources.modifiers.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .modifiers) }
      + sources.abbreviations.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .abbreviations) }
      + sources.clauses.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .clauses) }
      + sources.references.map { LintFile(path: $0.path, bytes: $0.bytes, kind: .references) }
  }

  /// The files named on the command line: a file as given, or every word-list file below a
  /// folder (`*.tsv`, `*.jsonl`, `abbreviations.txt` and VADER/AFINN file names), sorted.
  public static func files(at path: String) throws(PipelineError) -> [LintFile] {
    let found = try LexiconSources.files(under: path, option: "lint", accepting: isWordListName)
    return found.map {
      LintFile(path: $0.path, bytes: $0.bytes, kind: Kind(path: $0.path, bytes: $0.bytes))
    }
  }

  static func isWordListName(_ name: String) -> Bool {
    name.hasSuffix(".tsv") || name.hasSuffix(".jsonl") || name == "abbreviations.txt"
      || LexiconFormat(path: name) != .tsv
  }
}

extension LintFile.Kind {
  /// The kind of a file named on the command line, decided in this order: `modifiers.tsv`,
  /// `clauses.tsv` and `references.tsv` (attribution rules);
  /// `abbreviations.txt`; `*.jsonl` (spaCy patterns) is a gazetteer; a VADER or AFINN name is a
  /// lexicon; a file under an `entities/` folder is a gazetteer and under `stance/` a lexicon;
  /// otherwise the first content line decides: 3 or 4 fields whose second is not a number is a
  /// gazetteer line (`entity, type, alias`), anything else a lexicon line (`term, weight`).
  public init(path: String, bytes: [UInt8]) {
    let components = path.split(separator: "/").map(String.init)
    let name = components.last ?? path
    if name == "modifiers.tsv" {
      self = .modifiers
    } else if name == "clauses.tsv" {
      self = .clauses
    } else if name == "references.tsv" {
      self = .references
    } else if name == "abbreviations.txt" {
      self = .abbreviations
    } else if name.hasSuffix(".jsonl") {
      self = .gazetteer
    } else if LexiconFormat(path: name) != .tsv {
      self = .lexicon
    } else if components.dropLast().contains("entities") {
      self = .gazetteer
    } else if components.dropLast().contains("stance") {
      self = .lexicon
    } else if let first = LexiconLine.lines(of: bytes).first(where: { $0.text != nil }),
      (3...4).contains(first.fields.count), Double(first.fields[1]) == nil
    {
      self = .gazetteer
    } else {
      self = .lexicon
    }
  }
}

/// One content line of a file being linted, with the character columns of its fields.
struct LintLine {
  let path: String
  let number: Int
  let text: String
  let fields: [String]
  /// 1-based column of each field's first character (after leading spaces).
  let columns: [Int]

  init(path: String, number: Int, text: String) {
    self.path = path
    self.number = number
    self.text = text
    var fields: [String] = []
    var columns: [Int] = []
    var column = 1
    for raw in text.split(separator: "\t", omittingEmptySubsequences: false) {
      let leading = raw.prefix { $0 == " " || $0 == "\r" }.count
      fields.append(String(raw.trimmingSpaces()))
      columns.append(column + leading)
      column += raw.count + 1
    }
    self.fields = fields
    self.columns = columns
  }

  var location: SourceLocation { SourceLocation(file: path, line: number) }

  /// The column of field `index`, or one past the end of the line when there is no such field.
  func column(ofField index: Int) -> Int {
    index < columns.count ? columns[index] : endColumn
  }

  /// One past the last character of the line.
  var endColumn: Int { text.count + 1 }

  /// The column of the first field (from `startingAt`) equal to `value`, or 1.
  func column(ofValue value: String, startingAt first: Int = 0) -> Int {
    for index in fields.indices where index >= first && fields[index] == value {
      return columns[index]
    }
    return first < columns.count ? columns[first] : 1
  }

  /// The column of character `offset` (0-based) within field `index`.
  func column(ofField index: Int, offset: Int) -> Int { column(ofField: index) + offset }

  func diagnostic(
    _ severity: Diagnostic.Severity, _ code: Diagnostic.Code, column: Int, _ message: String
  ) -> Diagnostic {
    Diagnostic(severity, code, file: path, line: number, column: column, message: message)
  }
}

/// The 1-based byte column of the first invalid UTF-8 byte on line `number` of a file (the same
/// lines as `LexiconLine.lines`: a leading BOM is not counted), or nil when the line is valid.
func invalidUTF8Column(in bytes: [UInt8], line number: Int) -> Int? {
  guard let line = ByteLines(bytes).first(where: { $0.number == number }) else { return nil }
  var iterator = line.bytes.makeIterator()
  var decoder = UTF8()
  var offset = 0
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): offset += UTF8.width(scalar)
    case .emptyInput: return nil
    case .error: return offset + 1
    }
  }
}
