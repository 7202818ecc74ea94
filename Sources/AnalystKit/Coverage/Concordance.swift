import JSON
import PipelineKit
import Stance
import Tokenize

/// What a `pipeline kwic` TERM names, resolved against the loaded word lists in this order:
/// a lexicon entry written exactly so (`cooperat*`, `pull out`), an entity id (`nasa`), an
/// alias with the same token keys (`Roscosmos`), else a phrase of its own, tokenized like a
/// lexicon term (a trailing `*` is a wildcard).
///
/// Entries and aliases are found through `Analyzer.analyze`, so a line is shown exactly where
/// `pipeline run` counts a hit or a mention; a phrase of its own is matched with a
/// `PhraseMatcher` over the same tokens, within sentences.
public struct KeywordQuery: Sendable {
  public enum Target: Sendable {
    /// Indices into `Lexicon.entries`.
    case entries(Set<Int>)
    /// An index into `Gazetteer.entities`.
    case entity(Int)
    /// Indices into `Gazetteer.aliases`.
    case aliases(Set<Int>)
    /// A term that is in no word list, compiled alone.
    case phrase(Lexicon)
  }

  public let term: String
  public let target: Target

  public init(_ term: String, analyzer: Analyzer) throws(StanceError) {
    self.term = term
    let lexicon = analyzer.scorer.lexicon
    let gazetteer = analyzer.gazetteer
    let entries = Set(lexicon.entries.indices.filter { lexicon.entries[$0].term == term })
    if !entries.isEmpty {
      target = .entries(entries)
      return
    }
    if let entity = gazetteer.entity(id: term) {
      target = .entity(entity)
      return
    }
    var phrase = Lexicon()
    let session: TokenizeSession
    do { session = try analyzer.tokenizer.makeSession() } catch { throw .tokenize(error) }
    try phrase.add(
      term: term, weight: 0, dimension: Lexicon.defaultDimension,
      location: SourceLocation(file: "TERM", line: 1), tokenizer: session)
    let keys = phrase.entries[0].keys
    let aliases = Set(gazetteer.aliases.indices.filter { gazetteer.aliases[$0].keys == keys })
    target = aliases.isEmpty || phrase.entries[0].isPrefix ? .phrase(phrase) : .aliases(aliases)
  }

  /// What the term resolved to, for a note: `lexicon entry FILE:LINE (dimension)` …
  public func describe(_ analyzer: Analyzer) -> String {
    switch target {
    case .entries(let entries):
      let list = entries.sorted().map {
        let entry = analyzer.scorer.lexicon.entries[$0]
        return "\(entry.location) (\(entry.dimension))"
      }
      return "'\(term)' is the lexicon entry at \(list.joined(separator: ", "))"
    case .entity(let entity):
      let aliases = analyzer.gazetteer.aliases.filter { $0.entity == entity }.count
      return
        "'\(term)' is the entity '\(analyzer.gazetteer.entities[entity].name)' (\(aliases) aliases)"
    case .aliases(let aliases):
      let list = aliases.sorted().map {
        let alias = analyzer.gazetteer.aliases[$0]
        return "\(alias.location) (\(analyzer.gazetteer.entities[alias.entity].id))"
      }
      return "'\(term)' is the alias at \(list.joined(separator: ", "))"
    case .phrase(let lexicon):
      let entry = lexicon.entries[0]
      return
        "'\(term)' is in no word list; matching its tokens (\(entry.keys.joined(separator: " "))\(entry.isPrefix ? "*" : ""))"
    }
  }

  /// The matches in one analysed document, in text order.
  public func matches(in analysis: Analysis) -> [KeywordMatch] {
    let doc = analysis.doc
    let gazetteer = analysis.analyzer.gazetteer
    func match(_ tokens: Range<Int>, _ source: SourceLocation?) -> KeywordMatch {
      KeywordMatch(
        start: doc.tokens[tokens.lowerBound].start, end: doc.tokens[tokens.upperBound - 1].end,
        sentence: doc.sentenceOfToken[tokens.lowerBound], source: source)
    }
    switch target {
    case .entries(let entries):
      return analysis.stance.hits.filter { entries.contains($0.entry) }.map {
        match($0.tokens, analysis.entry(of: $0).location)
      }
    case .entity(let entity):
      return analysis.mentions.filter { $0.entity == entity }.map {
        match($0.tokens, gazetteer.aliases[$0.alias].location)
      }
    case .aliases(let aliases):
      return analysis.mentions.filter { aliases.contains($0.alias) }.map {
        match($0.tokens, gazetteer.aliases[$0.alias].location)
      }
    case .phrase(let lexicon):
      let matcher = lexicon.matcher(for: Lexicon.defaultDimension)!
      return doc.sentences.flatMap { sentence in
        matcher.matches(in: doc.tokens, range: sentence.tokens).map { match($0.tokens, nil) }
      }
    }
  }
}

/// One match: code point offsets `[start, end)` into the document text, its sentence, and the
/// lexicon or gazetteer line that matched (nil for a phrase of its own).
public struct KeywordMatch: Sendable, Hashable {
  public var start: Int
  public var end: Int
  public var sentence: Int
  public var source: SourceLocation?
}

/// A keyword-in-context line: the match and up to `width` characters of text on each side,
/// with line breaks and tabs shown as spaces.
public struct ConcordanceLine: Sendable {
  public var id: JSONValue
  public var match: KeywordMatch
  public var text: String
  public var left: String
  public var right: String

  /// Cuts the context out of `scalars` (the document text as Unicode scalars).
  public init(id: JSONValue, match: KeywordMatch, scalars: [Unicode.Scalar], width: Int) {
    func flat(_ range: Range<Int>) -> String {
      var view = String.UnicodeScalarView()
      for scalar in scalars[range] {
        view.append(scalar.properties.isWhitespace ? " " : scalar)
      }
      return String(view)
    }
    self.id = id
    self.match = match
    self.text = flat(match.start..<match.end)
    // Context in characters: take scalars generously, then keep `width` characters.
    let left = flat(max(0, match.start - width * 2)..<match.start)
    let right = flat(match.end..<min(scalars.count, match.end + width * 2))
    self.left = String(left.suffix(width))
    self.right = String(right.prefix(width))
  }

  /// `{"id", "start", "end", "sentence", "text", "left", "right", "source"}`.
  public func write(to w: inout JSONWriter) {
    w.beginObject()
    w.key("id")
    w.value(id)
    w.key("start")
    w.int(match.start)
    w.key("end")
    w.int(match.end)
    w.key("sentence")
    w.int(match.sentence)
    w.key("text")
    w.string(text)
    w.key("left")
    w.string(left)
    w.key("right")
    w.string(right)
    w.key("source")
    if let source = match.source { w.string(source.description) } else { w.null() }
    w.endObject()
    w.newline()
  }

  /// Lines aligned on the match (see `Layout`), rendered in one go.
  public static func render(_ lines: [ConcordanceLine], width: Int) -> String {
    var layout = Layout(width: width)
    return lines.map { layout.render($0) }.joined()
  }

  /// Renders lines one at a time, so `kwic` prints each document's matches as soon as it has
  /// them: the id and `[start, end)` padded to the widest seen so far, the left context
  /// right-aligned to `width`, two spaces, the match, two spaces, the right context.
  public struct Layout {
    public let width: Int
    private var idWidth = 0
    private var spanWidth = 0

    public init(width: Int) { self.width = width }

    /// One line, ending in a newline.
    public mutating func render(_ line: ConcordanceLine) -> String {
      let id: String
      if case .string(let text) = line.id {
        id = text
      } else {
        var w = JSONWriter()
        w.value(line.id)
        id = String(decoding: w.bytes, as: UTF8.self)
      }
      let span = "[\(line.match.start), \(line.match.end))"
      idWidth = max(idWidth, id.count)
      spanWidth = max(spanWidth, span.count)
      var row =
        ConcordanceLine.pad(id, to: idWidth) + "  " + ConcordanceLine.pad(span, to: spanWidth)
        + "  "
      row += String(repeating: " ", count: max(0, width - line.left.count)) + line.left
      row += "  " + line.text + "  " + line.right
      while row.last == " " { row.removeLast() }
      return row + "\n"
    }
  }

  fileprivate static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
