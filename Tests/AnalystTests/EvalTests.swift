import AnalystKit
import Foundation
import PipelineKit
import Stance
import TestSupport
import Testing

/// The hand-computed case: `Fixtures/diff-corpus.jsonl` analysed with the `diff-base` lexicons,
/// against `Fixtures/gold-small.jsonl`.
///
/// Predictions (diff-base: praise* +1, cooperat* +2, sanction* -2; score = raw/√(raw²+15)):
///   d1 "NASA praised Roscosmos."        nasa favor, roscosmos favor (+1 → 0.25)
///   d2 "Roscosmos faces sanctions."     roscosmos against (-2 → -0.4588)
///   d3 "ESA will warn NASA."            esa neutral, nasa neutral (no hits)
///   d4 "NASA and Roscosmos cooperate."  nasa favor, roscosmos favor
///   d5 "NASA praised the cooperation."  nasa favor                  (not in gold)
/// Gold: d1 nasa favor [0,4), roscosmos neutral [13,23); d2 roscosmos against; d3 esa against,
/// nasa neutral; d4 nasa favor, esa favor; d6 nasa neutral (not in the corpus).
@Suite("pipeline eval")
struct EvalTests {
  static let arguments = [
    "eval", "--gold", fixture("gold-small.jsonl"), fixture("diff-corpus.jsonl"),
    "--lexicons-dir", fixture("diff-base"),
  ]

  static func report() throws -> EvaluationReport {
    let analyzer = try fixtureAnalyzer("diff-base")
    let gold = try GoldDocument.load(
      Array(try String(contentsOfFile: fixture("gold-small.jsonl"), encoding: .utf8).utf8),
      path: "gold-small.jsonl")
    var predictions: [DocumentPrediction] = []
    _ = try CorpusScan(analyzer: analyzer, fields: Document.Fields()).forEach(
      InputReader(inputs: [fixture("diff-corpus.jsonl")])
    ) { document, doc in
      predictions.append(
        DocumentPrediction(
          id: document.idText, analysis: analyzer.analyze(tokenized: doc),
          dimension: "cooperation"))
    }
    return try EvaluationReport(gold: gold, predictions: predictions, dimension: "cooperation")
  }

  @Test func handComputedMetrics() throws {
    let report = try Self.report()
    #expect(report.documents == ["d1", "d2", "d3", "d4"])
    #expect(report.goldOnly == ["d6"])
    #expect(report.corpusOnly == ["d5"])
    // Entities, per document: d1 TP nasa, roscosmos; d2 TP roscosmos; d3 TP esa, nasa;
    // d4 TP nasa, FP roscosmos, FN esa. Micro: TP 6, FP 1, FN 1 → P = R = F1 = 6/7.
    #expect(report.entities.micro == Counts(truePositives: 6, falsePositives: 1, falseNegatives: 1))
    #expect(report.entities.perEntity["roscosmos"] == Counts(truePositives: 2, falsePositives: 1))
    #expect(report.entities.perEntity["esa"] == Counts(truePositives: 1, falseNegatives: 1))
    #expect(abs(report.metric(named: "entities.f1")! - 6.0 / 7) < 1e-12)
    // Mentions (d1 only): nasa [0,4) TP; roscosmos predicted [13,22) ≠ gold [13,23): FP + FN.
    // TP 1, FP 1, FN 1 → P = R = F1 = 0.5.
    #expect(
      report.mentions?.micro == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    // Stance pairs (gold stance and found): d1 nasa favor/favor ✓, d1 roscosmos neutral/favor ✗,
    // d2 roscosmos against/against ✓, d3 esa against/neutral ✗, d3 nasa neutral/neutral ✓,
    // d4 nasa favor/favor ✓; d4 esa is missing (not found). Accuracy 4/6.
    #expect(report.confusion.total == 6)
    #expect(abs(report.confusion.accuracy - 4.0 / 6) < 1e-12)
    #expect(report.missing.map { "\($0.id)/\($0.entity)" } == ["d4/esa"])
    // favor: TP 2, FP 1, FN 0 → P 2/3, R 1, F1 4/5. against: TP 1, FP 0, FN 1 → F1 2/3.
    // neutral: TP 1, FP 1 (against→neutral), FN 1 (neutral→favor) → F1 1/2.
    #expect(report.confusion.counts(for: .favor) == Counts(truePositives: 2, falsePositives: 1))
    #expect(report.confusion.counts(for: .against) == Counts(truePositives: 1, falseNegatives: 1))
    #expect(
      report.confusion.counts(for: .neutral)
        == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    // SemEval = (4/5 + 2/3) / 2 = 11/15; macro = (4/5 + 2/3 + 1/2) / 3 = 59/90.
    #expect(abs(report.metric(named: "stance.f1_semeval")! - 11.0 / 15) < 1e-12)
    #expect(abs(report.metric(named: "stance.f1_macro")! - 59.0 / 90) < 1e-12)
    // Errors: d1 roscosmos pushed to favor by praise* (+1); d3 esa had no hits at all.
    #expect(report.mistakes.map { "\($0.id)/\($0.entity)" } == ["d1/roscosmos", "d3/esa"])
    #expect(report.mistakes[0].drivers.map(\.term) == ["praise*"])
    #expect(report.mistakes[1].drivers.isEmpty && report.mistakes[1].score.hits == 0)
    #expect(report.errorDrivers.map { "\($0.term) \($0.errors) \($0.weight)" } == ["praise* 1 1.0"])
  }

  @Test func driversPushTowardThePredictedLabel() {
    func hit(_ term: String, _ weight: Double) -> EvidenceHit {
      EvidenceHit(
        term: term, dimension: "d", source: "f:1", text: term, start: 0, sentence: 0, base: weight,
        weight: weight)
    }
    let hits = [hit("a", 1), hit("b", -3), hit("c", 2), hit("z", 0)]
    // Predicted favor: positive hits, largest first.
    let favor = EvaluationReport.drivers(hits, gold: .against, predicted: .favor).map(\.term)
    #expect(favor == ["c", "a"])
    // Predicted neutral for a gold favor: the negative hits held it back.
    #expect(EvaluationReport.drivers(hits, gold: .favor, predicted: .neutral).map(\.term) == ["b"])
    #expect(
      EvaluationReport.drivers(hits, gold: .neutral, predicted: .against).map(\.term) == ["b"])
  }

  @Test func binaryReportsTheSameNumbersAsJSON() throws {
    let result = try PipelineProcess.run(Self.arguments + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try jsonObject(result.stdout)
    let metrics = object["metrics"] as! [String: Any]
    #expect(metrics["stance.accuracy"] as? Double == 0.6667)
    #expect(metrics["stance.f1_semeval"] as? Double == 0.7333)
    #expect(metrics["entities.f1"] as? Double == 0.8571)
    #expect(metrics["mentions.f1"] as? Double == 0.5)
    #expect(object["gold_only"] as? [String] == ["d6"])
    #expect(object["corpus_only"] as? [String] == ["d5"])
  }

  @Test func humanReadableReport() throws {
    let result = try PipelineProcess.run(Self.arguments)
    #expect(result.status == 0)
    #expect(result.stdout.contains("ids only in gold (not scored): d6"))
    #expect(result.stdout.contains("accuracy           0.667  (4/6)"))
    #expect(result.stdout.contains("d1  roscosmos: gold neutral, predicted favor"))
    #expect(result.stdout.contains("no lexicon hits"))
  }

  @Test func failUnderExitsOneAndNamesTheMetric() throws {
    let failing = try PipelineProcess.run(
      Self.arguments + ["--fail-under", "stance.accuracy=0.7", "--fail-under", "entities.f1=0.8"])
    #expect(failing.status == 1)
    #expect(failing.stderr.contains("stance.accuracy = 0.667 is below 0.7"), "\(failing.stderr)")
    #expect(!failing.stderr.contains("entities.f1"))
    let passing = try PipelineProcess.run(
      Self.arguments + ["--fail-under", "stance.f1_semeval=0.7"])
    #expect(passing.status == 0, "\(passing.stderr)")
    let unknown = try PipelineProcess.run(Self.arguments + ["--fail-under", "stance.f2=0.5"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("stance.f1_semeval"))
  }

  /// The blind evaluation sets (`samples/README.md`) stay at their development figures, less a
  /// margin of about two stances: a rule that helps one set must not cost another.
  @Test(arguments: [
    ("phenomena", 0.95), ("blind2", 0.85), ("blind3", 0.91), ("blind4", 0.91), ("blind5", 0.90),
    ("blind6", 0.92), ("blind7", 0.88), ("blind8", 0.85), ("blind9", 0.84), ("blind10", 0.89),
    ("blind11", 0.83), ("blind12", 0.86), ("blind13", 0.88), ("blind14", 0.84),
    ("blind15", 0.88), ("blind16", 0.80), ("blind17", 0.92), ("blind18", 0.81),
    ("blind19", 0.86), ("blind20", 0.83), ("blind21", 0.83), ("blind22", 0.85),
    ("blind23", 0.87), ("blind24", 0.79), ("blind25", 0.88), ("blind26", 0.82), ("blind27", 0.85),
    ("blind28", 0.82),
    ("blind29", 0.85), ("blind30", 0.80), ("blind31", 0.84), ("blind32", 0.77), ("blind33", 0.78),
    ("blind34", 0.86), ("blind35", 0.82), ("blind36", 0.85), ("blind37", 0.86), ("blind38", 0.83),
    ("blind39", 0.82), ("blind40", 0.90), ("blind41", 0.80), ("blind42", 0.84), ("blind43", 0.89),
    ("blind44", 0.86), ("blind45", 0.79), ("blind46", 0.80), ("blind47", 0.85), ("blind48", 0.79),
    ("blind49", 0.92), ("blind50", 0.85), ("blind51", 0.74), ("blind52", 0.84), ("blind53", 0.83),
    ("blind54", 0.89), ("blind55", 0.93), ("blind56", 0.86), ("blind57", 0.86),
    ("blind58", 0.88), ("blind59", 0.86), ("blind60", 0.85), ("blind61", 0.86), ("blind62", 0.87),
    ("blind63", 0.80), ("blind64", 0.81), ("blind65", 0.79), ("blind66", 0.82),
    ("blind67", 0.84), ("blind68", 0.85), ("blind69", 0.82), ("blind70", 0.88), ("blind71", 0.77),
    ("blind72", 0.86), ("blind73", 0.88), ("blind74", 0.82), ("blind75", 0.81),
    ("blind76", 0.84), ("blind77", 0.82), ("blind78", 0.79), ("blind79", 0.83), ("blind80", 0.77),
    ("blind81", 0.80), ("blind82", 0.83), ("blind83", 0.75), ("blind84", 0.73), ("blind85", 0.82),
    ("blind86", 0.77), ("blind87", 0.81), ("blind88", 0.91), ("blind89", 0.85), ("blind90", 0.89),
    ("blind91", 0.92), ("blind92", 0.85), ("blind93", 0.80), ("blind94", 0.93),
    ("blind95", 0.84), ("blind96", 0.82), ("blind97", 0.90), ("blind98", 0.80), ("blind99", 0.79),
    ("blind100", 0.84), ("blind101", 0.76), ("blind102", 0.85), ("blind103", 0.90),
    ("blind104", 0.74), ("blind105", 0.75), ("blind106", 0.86), ("blind107", 0.70),
    ("blind108", 0.78), ("blind109", 0.83), ("blind110", 0.79), ("blind111", 0.61),
    ("blind112", 0.93), ("blind113", 0.80), ("blind114", 0.85), ("blind115", 0.83),
    ("blind116", 0.80), ("blind117", 0.87), ("blind118", 0.89), ("blind119", 0.87),
    ("blind120", 0.84), ("blind121", 0.87), ("blind122", 0.75), ("blind123", 0.79),
    ("blind124", 0.86), ("blind125", 0.77), ("blind126", 0.80),
    ("blind127", 0.86), ("blind128", 0.74), ("blind129", 0.81),
    ("blind130", 0.85), ("blind131", 0.67), ("blind132", 0.74), ("blind133", 0.83),
    ("blind134", 0.83), ("blind135", 0.84), ("blind136", 0.80), ("blind137", 0.62),
    ("blind138", 0.88), ("blind139", 0.88), ("blind140", 0.82), ("blind141", 0.73),
    ("blind142", 0.88), ("blind143", 0.84), ("blind144", 0.73),
    ("blind145", 0.89), ("blind146", 0.76), ("blind147", 0.82), ("blind148", 0.91),
    ("blind149", 0.76), ("blind150", 0.88), ("blind151", 0.77), ("blind152", 0.91),
    ("blind153", 0.81), ("blind154", 0.88), ("blind155", 0.81), ("blind156", 0.83),
    ("blind157", 0.86), ("blind158", 0.86), ("blind159", 0.88), ("blind160", 0.86),
    ("blind161", 0.73), ("blind162", 0.86), ("blind163", 0.89), ("blind164", 0.89),
    ("blind165", 0.86), ("blind166", 0.85), ("blind167", 0.84), ("blind168", 0.85),
    ("blind169", 0.87), ("blind170", 0.73), ("blind171", 0.91), ("blind172", 0.90),
    ("blind173", 0.82), ("blind174", 0.91), ("blind175", 0.89), ("blind176", 0.85),
    ("blind177", 0.84), ("blind178", 0.82), ("blind179", 0.80), ("blind180", 0.93),
    ("blind181", 0.90), ("blind182", 0.90), ("blind183", 0.89), ("blind184", 0.84),
    ("blind185", 0.80), ("blind186", 0.89), ("blind187", 0.86), ("blind188", 0.90),
    ("blind189", 0.91), ("blind190", 0.92), ("blind191", 0.81), ("blind192", 0.86),
    ("blind193", 0.89), ("blind194", 0.93), ("blind195", 0.85), ("blind196", 0.92),
    ("blind197", 0.92), ("blind198", 0.91), ("blind199", 0.84), ("blind200", 0.81),
    ("blind201", 0.93), ("blind202", 0.88), ("blind203", 0.89), ("blind204", 0.88),
    ("blind205", 0.90), ("blind206", 0.81), ("blind207", 0.87), ("blind208", 0.88),
    ("blind209", 0.96), ("blind210", 0.84), ("blind211", 0.78), ("blind212", 0.90),
    ("blind213", 0.93), ("blind214", 0.92), ("blind215", 0.79), ("blind216", 0.93),
    ("blind217", 0.85), ("blind218", 0.87), ("blind219", 0.86), ("blind220", 0.88),
    ("blind221", 0.83), ("blind222", 0.86), ("blind223", 0.90), ("blind224", 0.74),
    ("blind225", 0.91), ("blind226", 0.93), ("blind227", 0.89), ("blind228", 0.88),
    ("blind229", 0.91), ("blind230", 0.85), ("blind231", 0.92), ("blind232", 0.84),
    ("blind233", 0.89), ("blind234", 0.87), ("blind235", 0.94), ("blind236", 0.86),
    ("blind237", 0.80), ("blind238", 0.88), ("blind239", 0.91), ("blind240", 0.94),
    ("blind241", 0.89), ("blind242", 0.92), ("blind243", 0.87), ("blind244", 0.92),
    ("blind245", 0.93), ("blind246", 0.87), ("blind247", 0.93), ("blind248", 0.93),
    ("blind249", 0.92), ("blind250", 0.89), ("blind251", 0.82), ("blind252", 0.91),
    ("blind253", 0.93), ("blind254", 0.85), ("blind255", 0.93), ("blind256", 0.91),
    ("blind257", 0.92), ("blind258", 0.86), ("blind259", 0.84), ("blind260", 0.83),
    ("blind261", 0.96), ("blind262", 0.89), ("blind263", 0.84), ("blind264", 0.87),
    ("blind265", 0.84), ("blind266", 0.85), ("blind267", 0.94), ("blind268", 0.93),
    ("blind269", 0.91), ("blind270", 0.88), ("blind271", 0.93), ("blind272", 0.86),
    ("blind273", 0.94), ("blind274", 0.90), ("blind275", 0.90), ("blind276", 0.92),
    ("blind277", 0.92), ("blind278", 0.91), ("blind279", 0.87), ("blind280", 0.88),
    ("blind281", 0.95), ("blind282", 0.96), ("blind283", 0.94), ("blind284", 0.95),
    ("blind285", 0.88), ("blind286", 0.95), ("blind287", 0.84), ("blind288", 0.84),
    ("blind289", 0.92), ("blind290", 0.79), ("blind291", 0.93), ("blind292", 0.91),
    ("blind293", 0.88),
  ])
  func blindSetKeepsItsAccuracy(_ set: String, _ floor: Double) throws {
    var arguments = [
      "eval", "--gold", "samples/\(set)-gold.jsonl", "samples/\(set).jsonl", "--json",
      "--fail-under", "stance.accuracy=\(floor)",
    ]
    // The writers of blind2 to blind129 followed the neutral title convention (samples/README.md):
    // they are read with no title of office, as they were written.
    var clauses: String?
    if let number = Int(set.dropFirst("blind".count)), number <= 129 {
      let file = try Self.clausesWithoutOffices()
      clauses = file
      arguments += ["--clauses", file]
    }
    defer { if let clauses { try? FileManager.default.removeItem(atPath: clauses) } }
    let result = try PipelineProcess.run(arguments)
    #expect(result.status == 0, "\(set): \(result.stdout.prefix(400)) \(result.stderr)")
  }

  /// `lexicons/attribution/clauses.tsv` without its `office` lines, in a new temporary file
  /// (for `--clauses`): no organisation acts through the person its title names (rule `title`).
  static func clausesWithoutOffices() throws -> String {
    let copy = NSTemporaryDirectory() + "eval-clauses-" + UUID().uuidString + ".tsv"
    let lines = try String(
      contentsOfFile: Repository.path("lexicons/attribution/clauses.tsv"), encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false)
    try lines.filter { !$0.hasPrefix("office\t") }.joined(separator: "\n").write(
      toFile: copy, atomically: true, encoding: .utf8)
    return copy
  }

  @Test func sampleCorpusEvaluates() throws {
    // The attribution targets of issue 9, under the default policy (cooperation: agent).
    let result = try PipelineProcess.run([
      "eval", "--gold", "samples/gold.jsonl", "samples/news.jsonl", "samples/attribution.jsonl",
      "--json",
      "--fail-under", "stance.accuracy=0.85", "--fail-under", "stance.f1_semeval=0.80",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try jsonObject(result.stdout)
    #expect(object["documents"] as? Int == 30)
    #expect((object["gold_only"] as? [String])?.isEmpty == true)
    #expect(object["mentions"] is [String: Any])
  }
}
