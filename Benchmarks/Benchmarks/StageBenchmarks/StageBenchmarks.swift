import Benchmark
import Entities
import JSON
import PipelineKit
import Stance
import Tokenize

// Micro-benchmarks per pipeline stage over a fixed in-memory corpus (samples/news.jsonl).
// One iteration = one pass over every document of the corpus, so:
//   - "Throughput (# / s)" is corpus passes per second,
//   - "Input bytes / s" is the UTF-8 bytes of the documents' texts per second (the same
//     denominator for every stage, so the stages add up: 1/total ≈ Σ 1/stage),
//   - "Malloc (total)" is allocations per pass.
//
// Run: cd Benchmarks && swift package benchmark [--filter 'Tokenize']

/// Input bytes per second. The package's own throughput metric counts iterations per second
/// and its scaling factor only takes powers of 1000, so bytes/s is measured here: the clock is
/// read around the measured work of each iteration and the rate registered as a custom metric.
let inputBytesPerSecond = BenchmarkMetric.custom(
  "Input bytes / s", polarity: .prefersLarger, useScalingFactor: false)

let stageMetrics: [BenchmarkMetric] = [
  .throughput, .wallClock, .mallocCountTotal, .peakMemoryResident, inputBytesPerSecond,
]

/// Runs `body` between the benchmark's own start/stop marks and registers `bytes / elapsed`.
@inline(__always)
func measure(_ benchmark: Benchmark, bytes: Int, _ body: () -> Void) {
  benchmark.startMeasurement()
  let start = ContinuousClock.now
  body()
  let elapsed = ContinuousClock.now - start
  benchmark.stopMeasurement()
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  if seconds > 0 { benchmark.measurement(inputBytesPerSecond, Int(Double(bytes) / seconds)) }
}

/// The generated aliases of the gazetteer-scale benchmarks (the target: 1,000,000).
let generatedAliasCount = 1_000_000

let benchmarks: @Sendable () -> Void = {
  // Bytes/s always in K (thousands of bytes per second), so that every table reads alike.
  Benchmark.defaultConfiguration = .init(
    metrics: stageMetrics, units: [inputBytesPerSecond: .kilo], warmupIterations: 3,
    maxDuration: .seconds(2), maxIterations: 10_000)

  // Shared fixtures, built once per benchmark process (not measured).
  let corpus = Corpus.load()
  let analyzer: Analyzer
  do { analyzer = try Analyzer(sources: .embedded()) } catch {
    fatalError("default lexicons: \(error)")
  }
  let session: TokenizeSession
  do { session = try analyzer.tokenizer.makeSession() } catch { fatalError("ICU: \(error)") }
  let texts = corpus.documents.map(\.text)
  let tokenized = texts.map { try! session.tokenize($0) }
  let mentions = tokenized.map { analyzer.gazetteer.mentions(in: $0) }
  let analyses = tokenized.map { analyzer.analyze(tokenized: $0) }
  let recordWriter = RecordWriter(analyzer: analyzer)
  let bytes = corpus.textBytes

  // (1) ICU segmentation, token kinds and keys, sentences; the session (ICU iterators and the
  // key cache) is reused across iterations, as each `pipeline run` worker does.
  Benchmark("Tokenize") { benchmark in
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        for text in texts { blackHole(try! session.tokenize(text)) }
      }
    }
  }

  // (2) Gazetteer matching on pre-tokenized documents (default lexicons).
  Benchmark("Match (default gazetteer)") { benchmark in
    let gazetteer = analyzer.gazetteer
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        for doc in tokenized { blackHole(gazetteer.mentions(in: doc)) }
      }
    }
  }

  // (3) Stance scoring: lexicon hits, modifiers, attribution, scores.
  Benchmark("Score") { benchmark in
    let scorer = analyzer.scorer
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        for (doc, found) in zip(tokenized, mentions) {
          blackHole(scorer.score(doc, mentions: found))
        }
      }
    }
  }

  // (4) Output records: RecordWriter into one reused JSONWriter (cleared each pass).
  Benchmark("Write JSON records") { benchmark in
    var writer = JSONWriter()
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        writer.removeAll()
        for (document, analysis) in zip(corpus.documents, analyses) {
          recordWriter.writeDocument(document, analysis, into: &writer)
        }
        blackHole(writer.bytes.count)
      }
    }
  }

  // (5) The whole per-document path of `pipeline run --jobs 1` after decoding:
  // Analyzer.analyze (tokenize → match → score) + record writing.
  Benchmark("Analyze + write (end to end)") { benchmark in
    var writer = JSONWriter()
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        writer.removeAll()
        for document in corpus.documents {
          let analysis = try! analyzer.analyze(document.text, session: session)
          recordWriter.writeDocument(document, analysis, into: &writer)
        }
        blackHole(writer.bytes.count)
      }
    }
  }

  // (6a) Loading the default gazetteer files plus 1,000,000 generated aliases (a ~35 MB TSV,
  // generated in setup, not measured). "Input bytes / s" here is gazetteer file bytes loaded
  // per second; the wall clock is the loading time.
  Benchmark(
    "Gazetteer load (default + 1M generated aliases)",
    configuration: .init(warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)
  ) { (benchmark, files: [LexiconSources.File]) in
    let fileBytes = files.reduce(0) { $0 + $1.bytes.count }
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: fileBytes) {
        do {
          let gazetteer = try Gazetteer(files: files, tokenizer: analyzer.tokenizer)
          if gazetteer.aliases.count < generatedAliasCount {
            fatalError("generated aliases were shadowed")
          }
          blackHole(gazetteer)
        } catch {
          fatalError("\(error)")
        }
      }
    }
  } setup: {
    LexiconSources.embedded().gazetteer
      + [(path: "generated.tsv", bytes: GeneratedGazetteer.tsv(count: generatedAliasCount))]
  }

  // (6b) Matching throughput with that gazetteer (compare with (2): the target is ≥ 0.8×).
  Benchmark("Match (default + 1M generated aliases)") { (benchmark, gazetteer: Gazetteer) in
    for _ in benchmark.scaledIterations {
      measure(benchmark, bytes: bytes) {
        for doc in tokenized { blackHole(gazetteer.mentions(in: doc)) }
      }
    }
  } setup: {
    let files =
      LexiconSources.embedded().gazetteer
      + [(path: "generated.tsv", bytes: GeneratedGazetteer.tsv(count: generatedAliasCount))]
    let gazetteer = try Gazetteer(files: files, tokenizer: analyzer.tokenizer)
    // The generated aliases must not change what the corpus matches, or the comparison with
    // (2) would measure different work.
    for doc in tokenized {
      let with = gazetteer.mentions(in: doc).map { gazetteer.aliases[$0.alias].text }
      let without = analyzer.gazetteer.mentions(in: doc).map {
        analyzer.gazetteer.aliases[$0.alias].text
      }
      if with != without {
        fatalError("generated aliases change the corpus's matches: \(with) vs \(without)")
      }
    }
    return gazetteer
  }
}
