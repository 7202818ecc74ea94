import PipelineKit
import Tokenize

/// Reads a corpus one document at a time and analyzes each on the calling thread: the analyst
/// commands need every document's `Analysis`, not its output record.
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
    let session = try analyzer.tokenizer.makeSession()
    var errors: [RecordError] = []
    while let raw = reader.next() {
      switch Document.decode(raw, fields: fields) {
      case .failure(let error):
        errors.append(error)
      case .success(let document):
        let doc: TokenizedText
        do { doc = try session.tokenize(document.text) } catch {
          errors.append(
            RecordError(
              id: document.id, source: document.source, line: document.line, code: .tokenizeFailed,
              message: error.description))
          continue
        }
        try body(document, doc)
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
