import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

/// A self-contained HTML report of a corpus: per entity a chart of favor / neutral / against
/// documents and the mean score per dimension and a sortable table of every entity, then the
/// documents with their mentions and lexicon hits highlighted (a tooltip per hit: entry,
/// FILE:LINE, weights, modifiers), paged, with a text search and filters by entity, dimension
/// and label kept in the URL fragment, and the input's error records.
///
/// The charts and the table count every document; the list holds the first
/// `Options.maxDocuments` (so that a large corpus gives a page of a few MB), and says so.
///
/// The results come either from an `Analyzer` (the records are analyzed as `pipeline run`
/// analyzes them) or from the output of `pipeline run` read back (`add(outputLine:…)`, then
/// `attachTexts(from:fields:)` for the texts).
///
/// One HTML file with inline CSS, SVG and a small script; it fetches nothing (its
/// Content-Security-Policy forbids it) and every string from the corpus, the lexicons and the
/// options is escaped. The same records give the same bytes.
///
/// ```swift
/// var report = HTMLReport(analyzer: analyzer, options: .init(title: "Week 9"))
/// try report.add(contentsOf: InputReader(inputs: ["samples/news.jsonl"]), fields: .init())
/// let html = report.render()
/// ```
public struct HTMLReport: Sendable {
  public struct Options: Sendable {
    public var title: String
    /// The inputs as given on the command line, shown in the header.
    public var inputs: [String]
    /// Documents listed (the first ones, in input order); the charts count all of them.
    public var maxDocuments: Int

    public static let defaultMaxDocuments = 100

    public init(
      title: String = "Stance report", inputs: [String] = [],
      maxDocuments: Int = Self.defaultMaxDocuments
    ) {
      self.title = title
      self.inputs = inputs
      self.maxDocuments = maxDocuments
    }
  }

  /// Where the results come from.
  public enum Results: Sendable {
    /// Analyzed here, with these word lists and settings.
    case analyzer(Analyzer)
    /// Read from these files of `pipeline run` output; labels of means by these thresholds.
    case output(files: [String], thresholds: Thresholds)
  }

  /// An error or warning record of the input (or a line of `--from-output` that is not a record).
  public struct ErrorRow: Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var id: String
    public var code: String
    public var message: String
  }

  public let results: Results
  public let options: Options
  public private(set) var documentCount = 0
  public private(set) var errorCount = 0
  /// Lexicon hits over every document.
  public private(set) var hitCount = 0
  /// Dimensions in lexicon order (from output: in order of appearance).
  public private(set) var dimensions: [String]
  /// The listed documents: the first `options.maxDocuments`.
  private(set) var listed: [ReportDocument] = []
  public var listedCount: Int { listed.count }
  /// The first `options.maxDocuments` error records.
  public private(set) var errors: [ErrorRow] = []
  /// Every entity mentioned, in order of first mention; `e<index>` in the page.
  public private(set) var entities: [ReportEntity] = []
  private(set) var entityIndex: [String: Int] = [:]
  /// Entity types in order of first mention.
  private(set) var types: [String: Int] = [:]
  private var tallies: [EntitySummary] = []
  private var sums: [[Double]] = []

  public init(analyzer: Analyzer, options: Options = Options()) {
    self.results = .analyzer(analyzer)
    self.options = options
    self.dimensions = analyzer.scorer.lexicon.dimensions
  }

  /// A report of results `pipeline run` wrote to `files` (given to `add(outputLine:…)`).
  public init(outputOf files: [String], thresholds: Thresholds, options: Options = Options()) {
    self.results = .output(files: files, thresholds: thresholds)
    self.options = options
    self.dimensions = []
  }

  var thresholds: Thresholds {
    switch results {
    case .analyzer(let analyzer): return analyzer.scorer.thresholds
    case .output(_, let thresholds): return thresholds
    }
  }

  public mutating func add(_ document: Document, _ analysis: Analysis) {
    guard case .analyzer = results else {
      preconditionFailure("add(_:_:) on a report of pipeline run output")
    }
    documentCount += 1
    let number = documentCount + errorCount
    if listed.count < options.maxDocuments {
      add(ReportDocument(number: number, document: document, analysis: analysis))
    } else {
      count(
        ReportDocument.entityScores(analysis),
        hits: analysis.stance.hits.count)
    }
  }

  public mutating func add(_ error: RecordError) {
    add(
      ErrorRow(
        source: error.source, line: error.line, id: error.id.map(Self.text(of:)) ?? "",
        code: error.code.rawValue, message: error.message))
  }

  mutating func add(_ row: ErrorRow) {
    errorCount += 1
    if errors.count < options.maxDocuments { errors.append(row) }
  }

  /// Counts a document (made by either path) and lists it if there is room.
  mutating func add(_ document: ReportDocument) {
    if case .output = results { documentCount += 1 }
    count(document.entities, hits: document.hitCount)
    if listed.count < options.maxDocuments { listed.append(document) }
  }

  /// Decodes and analyzes one raw record the way `pipeline run` does (`Document.decode`, then
  /// `Analyzer.analyze`); a record that cannot be a document becomes an error record.
  public mutating func add(_ raw: RawRecord, fields: Document.Fields, session: TokenizeSession) {
    guard case .analyzer(let analyzer) = results else {
      preconditionFailure("add(_:fields:session:) on a report of pipeline run output")
    }
    switch Document.decode(raw, fields: fields) {
    case .failure(let error):
      add(error)
    case .success(let document):
      switch analyzer.analyze(document, session: session) {
      case .success(let analysis): add(document, analysis)
      case .failure(let error): add(error)
      }
    }
  }

  /// Reads and analyzes every record of `reader`, in order, on the calling thread.
  public mutating func add(contentsOf reader: InputReader, fields: Document.Fields)
    throws(TokenizeError)
  {
    guard case .analyzer(let analyzer) = results else {
      preconditionFailure("add(contentsOf:fields:) on a report of pipeline run output")
    }
    var corpus = try Corpus(reader, fields: fields, analyzer: analyzer)
    while let record = corpus.next() {
      switch record {
      case .success(let (document, doc)): add(document, analyzer.analyze(tokenized: doc))
      case .failure(let error): add(error)
      }
    }
  }

  /// Adds line `line` of `source`, a file `pipeline run` wrote: a document, error or warning
  /// record (a line that is none of these is listed as an error).
  public mutating func add(outputLine bytes: [UInt8], source: String, line: Int) {
    switch OutputRecord.read(bytes, source: source, line: line) {
    case .document(let document): add(document)
    case .error(let row): add(row)
    }
  }

  /// Gives the listed documents of `pipeline run` output their texts: the records of `reader`
  /// decoded with `fields` (as `pipeline run` decoded them) and joined by id. Reading stops once
  /// every listed document has its text.
  public mutating func attachTexts(from reader: InputReader?, fields: Document.Fields) {
    guard let reader else {
      for i in listed.indices { listed[i].problems.append(.textNotGiven) }
      return
    }
    var waiting: [String: [Int]] = [:]
    for (i, document) in listed.enumerated() { waiting[document.id, default: []].append(i) }
    var left = listed.count
    while left > 0, let raw = reader.next() {
      guard case .success(let document) = Document.decode(raw, fields: fields) else { continue }
      let id = Self.text(of: document.id)
      guard var indices = waiting[id], !indices.isEmpty else { continue }
      let i = indices.removeFirst()
      waiting[id] = indices
      left -= 1
      listed[i].attach(
        text: document.text,
        place: document.line.map { "\(document.source):\($0)" } ?? document.source)
    }
    for i in listed.indices where listed[i].text == nil {
      listed[i].problems.append(.textNotFound(id: listed[i].id))
    }
  }

  // MARK: - Tallies

  /// The report's index of an entity (`e<index>` in the page), registering it when new.
  mutating func index(of entity: ReportEntity) -> Int {
    if let index = entityIndex[entity.id] { return index }
    entityIndex[entity.id] = entities.count
    entities.append(entity)
    if types[entity.type] == nil { types[entity.type] = types.count }
    tallies.append(EntitySummary(entity: entity, index: entities.count - 1, documents: 0))
    sums.append([])
    return entities.count - 1
  }

  func typeIndex(_ type: String) -> Int { types[type] ?? 0 }

  mutating func dimensionIndex(_ name: String) -> Int {
    if let d = dimensions.firstIndex(of: name) { return d }
    dimensions.append(name)
    return dimensions.count - 1
  }

  private mutating func count(_ scores: [ReportDocument.EntityScores], hits: Int) {
    hitCount += hits
    for entry in scores {
      let e = index(of: entry.entity)
      tallies[e].documents += 1
      for score in entry.scores {
        let d = dimensionIndex(score.dimension)
        while tallies[e].dimensions.count <= d {
          tallies[e].dimensions.append(
            EntitySummary.Dimension(name: dimensions[tallies[e].dimensions.count]))
          sums[e].append(0)
        }
        switch score.label {
        case .favor: tallies[e].dimensions[d].favor += 1
        case .neutral: tallies[e].dimensions[d].neutral += 1
        case .against: tallies[e].dimensions[d].against += 1
        }
        sums[e][d] += score.score
      }
    }
  }
}

// MARK: - Entity summaries

/// One entity across the corpus: in how many documents it is mentioned and, per dimension, how
/// many of those documents label it favor / neutral / against and the mean of its scores.
public struct EntitySummary: Sendable, Equatable {
  public struct Dimension: Sendable, Equatable {
    public var name: String
    public var favor = 0
    public var neutral = 0
    public var against = 0
    /// Mean of the entity's per-document scores on this dimension.
    public var meanScore = 0.0

    public func count(_ label: StanceScore.Label) -> Int {
      switch label {
      case .favor: return favor
      case .neutral: return neutral
      case .against: return against
      }
    }
  }

  public var entity: ReportEntity
  /// The report's index of the entity (`e<index>` in the page).
  public var index: Int
  public var documents: Int
  /// In the report's dimension order.
  public var dimensions: [Dimension] = []
}

extension HTMLReport {
  /// Every entity mentioned in the corpus, most documents first (ties: first mentioned first),
  /// with a row for every dimension.
  public var entitySummaries: [EntitySummary] {
    var result = tallies
    for e in result.indices {
      while result[e].dimensions.count < dimensions.count {
        result[e].dimensions.append(
          EntitySummary.Dimension(name: dimensions[result[e].dimensions.count]))
      }
      for d in result[e].dimensions.indices where d < sums[e].count {
        result[e].dimensions[d].meanScore = sums[e][d] / Double(result[e].documents)
      }
    }
    return result.sorted { ($0.documents, -$0.index) > ($1.documents, -$1.index) }
  }
}
