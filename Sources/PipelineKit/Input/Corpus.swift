import Tokenize

/// The one corpus loop: reads an input's records in order, decodes each (`Document.decode`)
/// and tokenizes it with the analyzer's tokenizer; a record that cannot be a document, or
/// whose text the tokenizer rejects, becomes the error record `pipeline run` writes in its
/// place. `pipeline run` (through `Analyzer.analyze(_:session:)`) and every analyst command read
/// documents this way, on the calling thread.
///
/// ```swift
/// var corpus = try Corpus(InputReader(inputs: ["samples/news.jsonl"]), analyzer: analyzer)
/// while let record = corpus.next() {
///   if case .success(let (document, tokens)) = record { print(document.idText, tokens.tokens.count) }
/// }
/// ```
public struct Corpus: IteratorProtocol {
  public let reader: InputReader
  public let fields: Document.Fields
  public let analyzer: Analyzer
  private let session: TokenizeSession

  public init(
    _ reader: InputReader, fields: Document.Fields = Document.Fields(), analyzer: Analyzer
  ) throws(TokenizeError) {
    self.reader = reader
    self.fields = fields
    self.analyzer = analyzer
    self.session = try analyzer.tokenizer.makeSession()
  }

  /// The next document with its tokens, or the error record in its place; nil at the end.
  public mutating func next() -> Result<(Document, TokenizedText), RecordError>? {
    guard let raw = reader.next() else { return nil }
    switch Document.decode(raw, fields: fields) {
    case .failure(let error): return .failure(error)
    case .success(let document):
      return analyzer.tokenize(document, session: session).map { (document, $0) }
    }
  }
}

extension Analyzer {
  /// Tokenizes a document; a text the tokenizer rejects becomes its error record.
  public func tokenize(
    _ document: Document, session: TokenizeSession
  ) -> Result<TokenizedText, RecordError> {
    do { return .success(try session.tokenize(document.text, language: document.language)) } catch {
      return .failure(tokenizeFailure(document, error))
    }
  }

  /// The error record of a document the tokenizer rejects.
  private func tokenizeFailure(_ document: Document, _ error: TokenizeError) -> RecordError {
    RecordError(
      id: document.id, source: document.source, line: document.line, code: .tokenizeFailed,
      message: error.description)
  }

  /// Tokenizes and analyzes a document; a text the tokenizer rejects becomes its error record.
  /// A text of more than twice `windowBytes` bytes (when it is not 0) is analysed in windows
  /// of about that size (`analyze(_:session:language:windowBytes:)`, the same result).
  public func analyze(
    _ document: Document, session: TokenizeSession, windowBytes: Int = 0
  ) -> Result<Analysis, RecordError> {
    guard windowBytes > 0, document.text.utf8.count > 2 * windowBytes else {
      return tokenize(document, session: session).map { analyze(tokenized: $0) }
    }
    do {
      return .success(
        try analyze(
          document.text, session: session, language: document.language, windowBytes: windowBytes))
    } catch {
      return .failure(tokenizeFailure(document, error))
    }
  }
}
