import ArgumentParser
import FoundationEssentials
import Glibc
import JSON
import PipelineKit
import Tokenize

struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract:
      "Show each document's sentences and tokens (spans, kind, key, stem and transliteration keys).",
    discussion:
      "What to run when an alias or a term does not match: it shows how the text was split and keyed. With gazetteers that match by stem or transliteration, each word also shows its stem in each stem language (stem:LANG=...) and its transliteration key (translit=...)."
  )

  @OptionGroup var input: InputOptions

  @Option(name: .customLong("text"), help: "Tokenize this text instead of inputs.")
  var text: String?

  @Flag(help: "JSON Lines instead of the table.")
  var json = false

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let analyzer = try lexiconOptions.analyzer()
    let fields = input.fields
    var out = JSONWriter()
    // Stems and transliterations of every word, for the table (not only those an alias has).
    let session = try analyzer.tokenizer.makeSession()
    func write(_ id: JSONValue, _ doc: TokenizedText, language: String?) throws {
      let extra = try doc.tokens.map { token in
        try Self.variantKeys(
          of: token, analyzer.tokenizer.variants, session: session, language: language)
      }
      if json {
        Self.writeJSON(id, doc, extra, into: &out)
      } else {
        Self.writeTable(id, doc, extra, into: &out)
      }
    }
    if let text {
      try write(
        .string("text"), try session.tokenize(text, language: fields.defaultLanguage),
        language: fields.defaultLanguage)
      writeAll(out.bytes, to: STDOUT_FILENO)
      return
    }
    let writer = RecordWriter(analyzer: analyzer)
    var corpus = try Corpus(input.reader(), fields: fields, analyzer: analyzer)
    while let record = corpus.next() {
      switch record {
      case .success(let (document, doc)):
        try write(document.id, doc, language: document.language)
      case .failure(let error):
        writer.writeError(error, into: &out)
      }
      writeAll(out.bytes, to: STDOUT_FILENO)
      out.removeAll()
    }
  }

  /// A token's stem in each stem language (where its script allows it) and its transliteration
  /// key, as `(name, key)` pairs: `("stem:ru", "роскосм")`, `("translit", "roskosmosa")`.
  static func variantKeys(
    of token: Token, _ variants: KeyVariants, session: TokenizeSession, language: String?
  ) throws -> [(String, String)] {
    guard token.kind == .word else { return [] }
    var result: [(String, String)] = []
    for stemLanguage in variants.stems.keys.sorted()
    where session.stemsInLanguage(token.key, stemLanguage, document: language) {
      if let stem = try session.stem(token.key, language: stemLanguage) {
        result.append(("stem:\(stemLanguage)", stem))
      }
    }
    if variants.transliterate {
      let translit = try session.transliterate(token.key)
      if translit != token.key { result.append(("translit", translit)) }
    }
    return result
  }

  static func writeJSON(
    _ id: JSONValue, _ doc: TokenizedText, _ extra: [[(String, String)]], into w: inout JSONWriter
  ) {
    w.beginObject()
    w.key("id")
    w.value(id)
    w.key("sentences")
    w.beginArray()
    for sentence in doc.sentences {
      w.beginObject()
      w.key("start")
      w.int(sentence.start)
      w.key("end")
      w.int(sentence.end)
      w.key("text")
      w.string(doc.surface(tokens: sentence.tokens))
      w.endObject()
    }
    w.endArray()
    w.key("tokens")
    w.beginArray()
    for (index, token) in doc.tokens.enumerated() {
      w.beginObject()
      w.key("start")
      w.int(token.start)
      w.key("end")
      w.int(token.end)
      w.key("text")
      w.string(doc.surface(of: token))
      w.key("kind")
      w.string(token.kind.rawValue)
      w.key("key")
      w.string(token.key)
      for (name, key) in extra[index] {
        w.key(name)
        w.string(key)
      }
      w.key("sentence")
      w.int(doc.sentenceOfToken[index])
      w.endObject()
    }
    w.endArray()
    w.endObject()
    w.newline()
  }

  static func writeTable(
    _ id: JSONValue, _ doc: TokenizedText, _ extra: [[(String, String)]], into w: inout JSONWriter
  ) {
    var lines: [String] = []
    var idText = JSONWriter()
    idText.value(id)
    lines.append(
      "# \(String(decoding: idText.bytes, as: UTF8.self)): \(plural(doc.sentences.count, "sentence")), \(plural(doc.tokens.count, "token"))"
    )
    for (s, sentence) in doc.sentences.enumerated() {
      lines.append("sentence \(s) [\(sentence.start), \(sentence.end))")
      for t in sentence.tokens {
        let token = doc.tokens[t]
        let span = "[\(token.start), \(token.end))".padded(to: 14)
        let kind = token.kind.rawValue.padded(to: 12)
        let surface = Self.visible(doc.surface(of: token))
        var line =
          "  \(span)\(kind)\(surface.padded(to: max(18, surface.count + 1)))\(Self.visible(token.key))"
        if !extra[t].isEmpty {
          line = line.padded(to: max(62, line.count + 1))
          line += extra[t].map { "\($0.0)=\(Self.visible($0.1))" }.joined(separator: " ")
        }
        lines.append(line)
      }
    }
    lines.append("")
    for line in lines { w.raw(line + "\n") }
  }

  /// Control characters shown as escapes so the table stays one token a line.
  static func visible(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
