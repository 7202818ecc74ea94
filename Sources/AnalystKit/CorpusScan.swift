import PipelineKit
import Tokenize

/// Reads a corpus one document at a time through the corpus loop (`Corpus`), on the calling
/// thread: the analyst commands need every document's tokens and `Analysis`, not its output
/// record, and collect the error records to note them.
public struct CorpusScan {
  public let analyzer: Analyzer
  public let fields: Document.Fields

  public init(analyzer: Analyzer, fields: Document.Fields) {
    self.analyzer = analyzer
    self.fields = fields
  }

  /// Calls `body` with each document, in input order. Input records that cannot be documents
  /// (and texts the tokenizer rejects) are returned, not passed to `body`.
  public func forEach(
    _ reader: InputReader, _ body: (Document, TokenizedText) throws -> Void
  ) throws -> [RecordError] {
    var corpus = try Corpus(reader, fields: fields, analyzer: analyzer)
    var errors: [RecordError] = []
    while let record = corpus.next() {
      switch record {
      case .failure(let error): errors.append(error)
      case .success(let (document, doc)): try body(document, doc)
      }
    }
    return errors
  }
}

extension RecordError {
  /// `SOURCE:LINE: message`, for a note on standard error about a skipped record.
  public var located: String {
    "\(source)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}
