import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

/// A self-contained HTML report of a corpus: per entity a chart of favor / neutral / against
/// documents and the mean score per dimension, then every document with its mentions and
/// lexicon hits highlighted (a tooltip per hit: entry, FILE:LINE, weights, modifiers), a filter
/// by entity, dimension and label, and the input's error records.
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

    public init(title: String = "Stance report", inputs: [String] = []) {
      self.title = title
      self.inputs = inputs
    }
  }

  /// One input record: a document with its analysis, or an error record.
  public enum Record: Sendable {
    case document(Document, Analysis)
    case error(RecordError)
  }

  public let analyzer: Analyzer
  public let options: Options
  public private(set) var records: [Record] = []

  public init(analyzer: Analyzer, options: Options = Options()) {
    self.analyzer = analyzer
    self.options = options
  }

  public mutating func add(_ document: Document, _ analysis: Analysis) {
    records.append(.document(document, analysis))
  }

  public mutating func add(_ error: RecordError) {
    records.append(.error(error))
  }

  /// Decodes and analyzes one raw record the way `pipeline run` does (`Document.decode`, then
  /// `Analyzer.analyze`); a record that cannot be a document becomes an error record.
  public mutating func add(_ raw: RawRecord, fields: Document.Fields, session: TokenizeSession) {
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
    var corpus = try Corpus(reader, fields: fields, analyzer: analyzer)
    while let record = corpus.next() {
      switch record {
      case .success(let (document, doc)): add(document, analyzer.analyze(tokenized: doc))
      case .failure(let error): add(error)
      }
    }
  }

  public var documentCount: Int {
    records.count { if case .document = $0 { return true } else { return false } }
  }

  public var errorCount: Int { records.count - documentCount }
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

  /// Index of the entity in `Gazetteer.entities`.
  public var entity: Int
  public var documents: Int
  /// In the lexicon's dimension order.
  public var dimensions: [Dimension]
}

extension HTMLReport {
  /// Every entity mentioned in the corpus, most documents first (ties: first mentioned first).
  public var entitySummaries: [EntitySummary] {
    let dimensions = analyzer.scorer.lexicon.dimensions
    var order: [Int] = []
    var summaries: [Int: EntitySummary] = [:]
    var sums: [Int: [Double]] = [:]
    for case .document(_, let analysis) in records {
      for entity in analysis.entitiesInOrder {
        if summaries[entity] == nil {
          order.append(entity)
          summaries[entity] = EntitySummary(
            entity: entity, documents: 0,
            dimensions: dimensions.map { EntitySummary.Dimension(name: $0) })
          sums[entity] = Array(repeating: 0, count: dimensions.count)
        }
        let scores = analysis.stance.scores(for: entity)
        summaries[entity]!.documents += 1
        for (d, dimension) in dimensions.enumerated() {
          guard let score = scores[dimension] else { continue }
          switch score.label {
          case .favor: summaries[entity]!.dimensions[d].favor += 1
          case .neutral: summaries[entity]!.dimensions[d].neutral += 1
          case .against: summaries[entity]!.dimensions[d].against += 1
          }
          sums[entity]![d] += score.score
        }
      }
    }
    var result: [EntitySummary] = []
    for entity in order {
      var summary = summaries[entity]!
      for d in summary.dimensions.indices {
        summary.dimensions[d].meanScore = sums[entity]![d] / Double(summary.documents)
      }
      result.append(summary)
    }
    let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    return result.sorted {
      ($0.documents, -firstSeen[$0.entity]!) > ($1.documents, -firstSeen[$1.entity]!)
    }
  }
}
