import Foundation
import TestSupport
import Testing

/// The five third-party seed articles in ../shared (read, never copied into the repo): every
/// mention of Roscosmos, NASA, Rogozin and Borisov is found (and none inside "NASA Watch"),
/// every span slices to its text, and each entity carries stance with evidence. Disabled, with
/// the reason, where ../shared is absent.
@Suite("Seed articles")
struct SeedsTests {
  /// Surface forms a reader counts as a mention of each entity, as regular expressions.
  static let expected: [(entity: String, pattern: String)] = [
    ("roscosmos", #"Roscosmos|Роскосмос"#),
    ("nasa", #"\bNASA\b(?! Watch)"#),
    ("rogozin", #"Rogozin|Рогозин"#),
    ("borisov", #"Borisov|Борисов"#),
  ]

  @Test(.enabled(if: Repository.shared != nil, "needs the seed articles in ../shared/corpus/seeds"))
  func everyMentionIsFoundAndEverySpanSlices() throws {
    let shared = try #require(Repository.shared)
    let directory = shared + "/corpus/seeds"
    let result = try PipelineProcess.run(["run", directory, "--jobs", "2"])
    #expect(result.status == 0)
    let output = try records(result.stdout)
    #expect(output.count == 5)
    for record in output {
      let path = record["id"] as! String
      // Offsets are into the file as stored (newline="" in Python terms).
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      for span in spans(of: record) {
        #expect(slice(text, span.start, span.end) == span.text, "\(path)")
      }
      let entities = record["entities"] as! [[String: Any]]
      for (entity, pattern) in Self.expected {
        let expectedStarts = Set(Self.matches(of: pattern, in: text))
        let found = entities.first { $0["entity"] as? String == entity }
        let foundStarts = Set(
          ((found?["mentions"] as? [[String: Any]]) ?? []).map { $0["start"] as! Int })
        // Every surface occurrence starts a mention (a longer alias may extend it).
        #expect(
          expectedStarts.isSubset(of: foundStarts.union(Self.innerStarts(found, text))),
          "\(entity) in \(path): missing \(expectedStarts.subtracting(foundStarts).sorted())")
        if let found {
          let stance = found["stance"] as! [[String: Any]]
          let cooperation = try #require(
            stance.first { $0["dimension"] as? String == "cooperation" })
          let evidence = found["evidence"] as! [[String: Any]]
          let hits = cooperation["hits"] as! Int
          #expect(evidence.count == hits)
        }
      }
      // "NASA Watch" is the website, never a NASA mention.
      for start in Self.matches(of: #"NASA Watch"#, in: text) {
        let nasa = entities.first { $0["entity"] as? String == "nasa" }
        let starts = ((nasa?["mentions"] as? [[String: Any]]) ?? []).map { $0["start"] as! Int }
        #expect(!starts.contains(start), "NASA mention inside 'NASA Watch' in \(path)")
      }
    }
  }

  /// The clear-cut stances a reader gives the seed entities on `cooperation` (under the
  /// default policy, `agent`), by article: Rogozin and Roscosmos where they threaten and
  /// withdraw, NASA where it says it keeps working with all its partners. Articles are named
  /// by their number (the file name's prefix); entities not listed for an article are not
  /// clear-cut there and are not checked.
  static let clearCutStances: [(article: String, entity: String, label: String)] = [
    ("000", "roscosmos", "against"), ("000", "rogozin", "against"),
    ("002", "roscosmos", "against"), ("002", "rogozin", "against"),
    ("003", "roscosmos", "against"), ("003", "rogozin", "against"),
    ("004", "rogozin", "against"), ("004", "nasa", "favor"),
  ]

  @Test(.enabled(if: Repository.shared != nil, "needs the seed articles in ../shared/corpus/seeds"))
  func clearCutStancesAgreeWithAReader() throws {
    let shared = try #require(Repository.shared)
    let result = try PipelineProcess.run(["run", shared + "/corpus/seeds", "--jobs", "1"])
    #expect(result.status == 0)
    var labels: [String: String] = [:]  // "article/entity" → label
    for record in try records(result.stdout) {
      let article = String(((record["id"] as! String) as NSString).lastPathComponent.prefix(3))
      for entity in record["entities"] as! [[String: Any]] {
        let stance = entity["stance"] as! [[String: Any]]
        let cooperation = stance.first { $0["dimension"] as? String == "cooperation" }
        labels["\(article)/\(entity["entity"] as! String)"] = cooperation?["label"] as? String
      }
    }
    for expected in Self.clearCutStances {
      let key = "\(expected.article)/\(expected.entity)"
      #expect(labels[key] == expected.label, "\(key)")
    }
  }

  /// Code point offsets where `pattern` matches `text`.
  static func matches(of pattern: String, in text: String) -> [Int] {
    let regex = try! NSRegularExpression(pattern: pattern)
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
      // NSRange counts UTF-16 units; convert to code points.
      ns.substring(to: match.range.location).unicodeScalars.count
    }
  }

  /// Starts of words inside a found mention (e.g. "Rogozin" inside "Dmitry Rogozin").
  static func innerStarts(_ entity: [String: Any]?, _ text: String) -> Set<Int> {
    var result = Set<Int>()
    for mention in (entity?["mentions"] as? [[String: Any]]) ?? [] {
      let start = mention["start"] as! Int
      let end = mention["end"] as! Int
      for i in start..<end { result.insert(i) }
    }
    return result
  }
}
