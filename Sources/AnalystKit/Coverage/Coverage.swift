import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

/// How often each lexicon entry and each alias matched over a corpus, and which words near
/// entities no word list knows: the input of `pipeline coverage`.
///
/// Counts come from `Analyzer.analyze`, so they are the hits and mentions `pipeline run`
/// reports: an entry that loses to a longer phrase, or that repeats an earlier entry, counts
/// nothing.
///
/// ```swift
/// var coverage = Coverage(analyzer: analyzer)
/// coverage.add(analyzer.analyze(tokenized: doc))
/// let report = coverage.report(top: 30)
/// ```
public struct Coverage {
  public let analyzer: Analyzer
  public private(set) var documents = 0
  /// Per entry of `lexicon.entries`: hits and documents with at least one hit.
  private var entryHits: [Int]
  private var entryDocuments: [Int]
  /// Per alias of `gazetteer.aliases`.
  private var aliasHits: [Int]
  private var aliasDocuments: [Int]
  private var candidates: [String: (count: Int, documents: Int)] = [:]
  /// Keys of every alias token and modifier word: not candidates.
  private let knownKeys: Set<String>

  public init(analyzer: Analyzer) {
    self.analyzer = analyzer
    entryHits = Array(repeating: 0, count: analyzer.scorer.lexicon.entries.count)
    entryDocuments = entryHits
    aliasHits = Array(repeating: 0, count: analyzer.gazetteer.aliases.count)
    aliasDocuments = aliasHits
    knownKeys = Set(analyzer.gazetteer.aliases.flatMap(\.keys)).union(
      analyzer.scorer.modifiers.words.keys)
  }

  /// Counts one analysed document.
  public mutating func add(_ analysis: Analysis) {
    documents += 1
    var entries = Set<Int>()
    for hit in analysis.stance.hits {
      entryHits[hit.entry] += 1
      entries.insert(hit.entry)
    }
    for entry in entries { entryDocuments[entry] += 1 }
    var aliases = Set<Int>()
    for mention in analysis.mentions {
      aliasHits[mention.alias] += 1
      aliases.insert(mention.alias)
    }
    for alias in aliases { aliasDocuments[alias] += 1 }

    let doc = analysis.doc
    var covered = [Bool](repeating: false, count: doc.tokens.count)
    for range in analysis.mentions.map(\.tokens) + analysis.stance.hits.map(\.tokens) {
      for token in range { covered[token] = true }
    }
    var words = Set<String>()
    for sentence in Set(analysis.mentions.map(\.sentence)).sorted() {
      for t in doc.sentences[sentence].tokens where !covered[t] && Self.isCandidate(doc.tokens[t]) {
        let key = doc.tokens[t].key
        guard !knownKeys.contains(key) else { continue }
        candidates[key, default: (0, 0)].count += 1
        words.insert(key)
      }
    }
    for word in words { candidates[word]!.documents += 1 }
  }

  /// A word of at least two letters that is not a clitic nor a stop word.
  static func isCandidate(_ token: Token) -> Bool {
    token.kind == .word && token.key.count { $0.isLetter } >= 2 && !token.key.hasPrefix("'")
      && !token.key.hasSuffix("n't") && !StopWords.english.contains(token.key)
  }

  /// The counts as rows: matched entries and aliases by hits (then file order), the ones that
  /// never matched in file order, and the `top` candidate words by count (then alphabetically).
  public func report(top: Int) -> CoverageReport {
    let lexicon = analyzer.scorer.lexicon
    let gazetteer = analyzer.gazetteer
    let entries = lexicon.entries.indices.map { i in
      CoverageReport.Row(
        label: lexicon.entries[i].term, group: lexicon.entries[i].dimension,
        source: lexicon.entries[i].location, hits: entryHits[i], documents: entryDocuments[i])
    }
    let aliases = gazetteer.aliases.indices.map { i in
      CoverageReport.Row(
        label: gazetteer.aliases[i].text, group: gazetteer.entities[gazetteer.aliases[i].entity].id,
        source: gazetteer.aliases[i].location, hits: aliasHits[i], documents: aliasDocuments[i])
    }
    let words = candidates.map {
      CoverageReport.Candidate(word: $0.key, count: $0.value.count, documents: $0.value.documents)
    }
    .sorted { ($1.count, $0.word) < ($0.count, $1.word) }
    return CoverageReport(
      documents: documents, entries: entries.matchedFirst(), aliases: aliases.matchedFirst(),
      candidates: Array(words.prefix(max(0, top))))
  }
}

/// What `pipeline coverage` prints: tables by default, one JSON object with `--json`.
public struct CoverageReport: Sendable {
  /// One entry or alias: `group` is the dimension of an entry, the entity id of an alias.
  public struct Row: Sendable, Hashable {
    public var label: String
    public var group: String
    public var source: SourceLocation
    public var hits: Int
    public var documents: Int
  }

  public struct Candidate: Sendable, Hashable {
    public var word: String
    public var count: Int
    public var documents: Int
  }

  public var documents: Int
  /// Entries with hits (most first), then those without (in file order).
  public var entries: [Row]
  public var aliases: [Row]
  public var candidates: [Candidate]

  public var matchedEntries: [Row] { entries.filter { $0.hits > 0 } }
  public var unmatchedEntries: [Row] { entries.filter { $0.hits == 0 } }
  public var matchedAliases: [Row] { aliases.filter { $0.hits > 0 } }
  public var unmatchedAliases: [Row] { aliases.filter { $0.hits == 0 } }

  /// The human-readable tables.
  public func render() -> String {
    var out = ""
    func section(_ title: String, _ rows: [Row], groupName: String, labelName: String, counts: Bool)
    {
      out += "\n\(title)\n"
      guard !rows.isEmpty else {
        out += "  (none)\n"
        return
      }
      var table = TextTable(
        counts
          ? ["hits", "docs", groupName, labelName, "source"] : [groupName, labelName, "source"],
        alignments: counts ? [.right, .right, .left, .left, .left] : [.left, .left, .left])
      for row in rows {
        let cells = [row.group, row.label, row.source.description]
        table.append(counts ? ["\(row.hits)", "\(row.documents)"] + cells : cells)
      }
      out += table.render()
    }
    let matched = matchedEntries
    let matchedAliases = matchedAliases
    out +=
      "coverage: \(documents) documents; \(matched.count) of \(entries.count) lexicon entries and "
    out += "\(matchedAliases.count) of \(aliases.count) aliases matched\n"
    section(
      "Lexicon entries that matched", matched, groupName: "dimension", labelName: "term",
      counts: true)
    section(
      "Lexicon entries that never matched", unmatchedEntries, groupName: "dimension",
      labelName: "term", counts: false)
    section(
      "Aliases that matched", matchedAliases, groupName: "entity", labelName: "alias", counts: true)
    section(
      "Aliases that never matched", unmatchedAliases, groupName: "entity", labelName: "alias",
      counts: false)
    out +=
      "\nCandidate words (in sentences that mention an entity; in no lexicon, alias or modifiers; not stop words)\n"
    if candidates.isEmpty {
      out += "  (none)\n"
    } else {
      var table = TextTable(["count", "docs", "word"], alignments: [.right, .right, .left])
      for candidate in candidates {
        table.append(["\(candidate.count)", "\(candidate.documents)", candidate.word])
      }
      out += table.render()
    }
    return out
  }

  /// One JSON object: `documents`, `entries` and `aliases` (matched), `unmatched_entries`,
  /// `unmatched_aliases`, `candidates`.
  public func write(to w: inout JSONWriter) {
    func rows(_ key: String, _ rows: [Row], labelKey: String, groupKey: String) {
      w.key(key)
      w.beginArray()
      for row in rows {
        w.beginObject()
        w.key(labelKey)
        w.string(row.label)
        w.key(groupKey)
        w.string(row.group)
        w.key("source")
        w.string(row.source.description)
        w.key("hits")
        w.int(row.hits)
        w.key("documents")
        w.int(row.documents)
        w.endObject()
      }
      w.endArray()
    }
    w.beginObject()
    w.key("documents")
    w.int(documents)
    rows("entries", matchedEntries, labelKey: "term", groupKey: "dimension")
    rows("unmatched_entries", unmatchedEntries, labelKey: "term", groupKey: "dimension")
    rows("aliases", matchedAliases, labelKey: "alias", groupKey: "entity")
    rows("unmatched_aliases", unmatchedAliases, labelKey: "alias", groupKey: "entity")
    w.key("candidates")
    w.beginArray()
    for candidate in candidates {
      w.beginObject()
      w.key("word")
      w.string(candidate.word)
      w.key("count")
      w.int(candidate.count)
      w.key("documents")
      w.int(candidate.documents)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    w.newline()
  }
}

extension Array where Element == CoverageReport.Row {
  /// Rows with hits, most first (ties in file order), then rows without hits in file order.
  fileprivate func matchedFirst() -> [Element] {
    let matched = enumerated().filter { $0.element.hits > 0 }
      .sorted { ($1.element.hits, $0.offset) < ($0.element.hits, $1.offset) }.map(\.element)
    return matched + filter { $0.hits == 0 }
  }
}
