import Tokenize

/// How an alias compares with the text: the match field of a gazetteer line, a comma-separated
/// list of options (`fold`, `exact`, `stem`, `stem:LANG`, `translit`, `handle`, `handles`,
/// `title`, `demonym`, `affiliation`).
///
/// ```
/// rogozin	PERSON	Рогозин	stem            «Рогозина», «Рогозиным» (Russian, from the script)
/// rogozin	PERSON	Rogosin	stem:de         "Rogosins"
/// rogozin	PERSON	Рогозин	translit        "Rogozin"
/// nasa	ORG	NASA	handles         "@NASA", "#NASA" (for every alias of the entity)
/// roscosmos	ORG	@roscosmos	handle  the handle itself
/// nelson	PERSON	administrator	title   "the administrator" refers to Nelson first
/// russia	GPE	Russian	demonym         "the Russian official" refers to one who belongs to Russia
/// nelson	PERSON	nasa	affiliation      "the NASA chief" refers to Nelson, not to Borisov
/// ```
public struct MatchOptions: Sendable, Hashable, CustomStringConvertible {
  /// Case: `fold` (default) or `exact`.
  public var mode: MatchMode
  /// Inflection-aware matching (Snowball) in this language; `""` takes the language from the
  /// alias's script (Cyrillic → the Cyrillic language, otherwise the file's `#! lang:`).
  public var stem: String?
  /// The alias also matches its transliteration in the other script (ICU).
  public var translit: Bool
  /// The alias is a handle or hashtag as written (`@roscosmos`, `#roscosmos`).
  public var handle: Bool
  /// The entity also matches `@alias` and `#alias` (words joined) for each of its aliases.
  public var handles: Bool
  /// The "alias" is no name but a title of the entity, one word: a role noun after a determiner
  /// ("the administrator") refers to an entity with that title before any other.
  public var title = false
  /// The "alias" is no name but the entity's demonym, one word ("Russian"): a person's role
  /// noun qualified by it ("the Russian official") refers only to an entity that belongs to
  /// this one, as one qualified by a mention of it does ("the US president").
  public var demonym = false
  /// The "alias" is no name but the id of an entity the entity belongs to (a person's agency,
  /// government or company): a person's role noun qualified by a mention of that entity ("the
  /// NASA chief") refers only to an entity that belongs to it.
  public var affiliation = false
  /// The language of a Latin-script alias (the file's `#! lang:`); nil: English.
  public var language: String?
  /// Languages whose aliases match by stem without saying so (the file's `#! stem:`).
  public var stemLanguages: Set<String> = []

  public init(
    mode: MatchMode = .fold, stem: String? = nil, translit: Bool = false, handle: Bool = false,
    handles: Bool = false
  ) {
    self.mode = mode
    self.stem = stem
    self.translit = translit
    self.handle = handle
    self.handles = handles
    self.language = nil
  }

  /// The option names a match field may hold.
  public static let names = [
    "fold", "exact", "stem", "stem:LANG", "translit", "handle", "handles", "title", "demonym",
    "affiliation",
  ]

  /// Parses a match field. Throws `unknownMatchMode` naming the first option it does not know.
  public init(parsing field: String, at: SourceLocation) throws(EntitiesError) {
    self.init()
    for part in field.split(separator: ",", omittingEmptySubsequences: false) {
      let option = String(part.trimmingSpaces())
      switch option {
      case "fold": mode = .fold
      case "exact": mode = .exact
      case "stem": stem = ""
      case "translit": translit = true
      case "handle": handle = true
      case "handles": handles = true
      case "title": title = true
      case "demonym": demonym = true
      case "affiliation": affiliation = true
      default:
        if option.hasPrefix("stem:"), case let language = String(option.dropFirst(5)),
          StemLanguage.isCode(language)
        {
          stem = language
        } else {
          throw .unknownMatchMode(at, found: option)
        }
      }
    }
  }

  /// The options as a match field would write them (`fold`, `exact,stem:de`).
  public var description: String {
    var parts = [mode.rawValue]
    if let stem { parts.append(stem.isEmpty ? "stem" : "stem:\(stem)") }
    if translit { parts.append("translit") }
    if handle { parts.append("handle") }
    if handles { parts.append("handles") }
    if title { parts.append("title") }
    if demonym { parts.append("demonym") }
    if affiliation { parts.append("affiliation") }
    return parts.joined(separator: ",")
  }
}

/// The defaults a gazetteer file sets with directive lines (`#!` comments, anywhere in the file):
///
/// ```
/// #! match: stem,translit      options of lines without a match field
/// #! handles                   every entity of the file also matches as @handle and #hashtag
/// #! stem: ru de               aliases in these languages match by stem
/// #! lang: de                  the language of this file's Latin-script aliases
/// ```
public struct GazetteerDefaults: Sendable, Hashable {
  public var match: MatchOptions?
  public var handles = false
  public var stemLanguages: Set<String> = []
  public var language: String?

  public init() {}

  /// Reads a file's directives. Throws `invalidDirective` for one it does not know.
  public init(bytes: [UInt8], path: String) throws(EntitiesError) {
    self.init()
    for line in LexiconLine.directives(of: bytes) {
      try apply(line.text ?? "", at: SourceLocation(file: path, line: line.number))
    }
  }

  /// Applies one directive (the text after `#!`).
  public mutating func apply(_ text: String, at: SourceLocation) throws(EntitiesError) {
    let name: Substring
    let value: Substring
    if let colon = text.firstIndex(of: ":") {
      name = text[..<colon].trimmingSpaces()
      value = text[text.index(after: colon)...].trimmingSpaces()
    } else {
      name = Substring(text)
      value = ""
    }
    switch name {
    case "handles" where value.isEmpty:
      handles = true
    case "match" where !value.isEmpty:
      match = try MatchOptions(parsing: String(value), at: at)
    case "stem" where !value.isEmpty:
      for code in value.split(separator: " ") {
        guard StemLanguage.isCode(String(code)) else { throw .invalidDirective(at, found: text) }
        stemLanguages.insert(String(code))
      }
    case "lang" where StemLanguage.isCode(String(value)):
      language = String(value)
    default:
      throw .invalidDirective(at, found: text)
    }
  }
}

/// Language codes for stemming: ISO 639 codes (`ru`, `de`, `en`) or Snowball names (`german`).
public enum StemLanguage {
  public static func isCode(_ code: String) -> Bool {
    (2...12).contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
  }
}
