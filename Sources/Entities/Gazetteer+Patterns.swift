import JSON
import Tokenize

/// The attribute spaCy's `PhraseMatcher` compares string patterns by (`phrase_matcher_attr`):
/// `ORTH` (the text as written, spaCy's default when the setting is unset) or `LOWER`.
public enum PhraseAttribute: String, Sendable, Hashable, CaseIterable {
  case orth = "ORTH"
  case lower = "LOWER"

  /// The match mode of a string pattern under this attribute.
  public var mode: MatchMode { self == .orth ? .exact : .fold }

  /// The setting of a spaCy EntityRuler `cfg` file (written beside `patterns.jsonl` by
  /// `ruler.to_disk(DIR)`): `"phrase_matcher_attr": null` (or absent) is ORTH; nil when the file
  /// is not a JSON object or names an attribute other than ORTH, TEXT and LOWER.
  public init?(spacyConfig bytes: [UInt8]) {
    guard let value = try? JSONParser.parse(bytes).value, case .object = value else {
      return nil
    }
    switch value["phrase_matcher_attr"] {
    case nil, .null?: self = .orth
    case .string(let name)?:
      switch name.uppercased() {
      case "ORTH", "TEXT": self = .orth
      case "LOWER": self = .lower
      default: return nil
      }
    default: return nil
    }
  }
}

/// One token of an expanded spaCy token pattern: the word to tokenize (nil for a token matched
/// by its test alone, `{"IS_DIGIT": true}`) and what else it asks of the text token.
package struct PatternSlot: Sendable, Equatable {
  package var word: String?
  package var test: TokenTest
}

extension Gazetteer {
  /// The most repetitions `OP: "+"` and `OP: "*"` expand to (`{n,}` too): a pattern
  /// `[{"LOWER": "very", "OP": "+"}]` loads as `very`, `very very` and `very very very`.
  public static let maxRepetitions = 3
  /// The most phrases one pattern line may expand to (`IN` alternatives times `OP`
  /// repetitions); a line that expands to more is reported as unsupported.
  public static let maxExpansions = 1_000

  /// The one reader of a spaCy EntityRuler line, called by the loader and by `pipeline lint`:
  /// `{"label": "ORG", "pattern": "Roscosmos", "id": "roscosmos"}`. Returns the phrases the line
  /// stands for, one entry each.
  ///
  /// A string pattern matches by `phraseAttribute` (`ORTH`, case-sensitive, as spaCy's
  /// default; `LOWER`, case-insensitive). A token pattern (a list of objects) may use, per
  /// token and with keys in any case: `ORTH`/`TEXT` (as written) and `LOWER` (any case), each a
  /// string or `{"IN": [...]}` or `{"NOT_IN": [...]}`; the flags `IS_DIGIT`, `IS_ALPHA`,
  /// `IS_PUNCT`, `IS_TITLE`, `IS_UPPER`, `IS_LOWER`; `{}` (any token); and `OP` `?`, `*`, `+`,
  /// `!`, `{n}`, `{n,m}`, `{,m}`, `{n,}`. `IN` and `OP` expand into alternative phrases
  /// (`+`, `*` and `{n,}` up to `maxRepetitions` times). Anything else throws
  /// `invalidPattern(_, .unsupported)` naming the construct (the loader turns it into a
  /// warning). Without `id`, the entity id is the first phrase's key with spaces as `_`.
  package static func entries(
    pattern text: String, at: SourceLocation, phraseAttribute: PhraseAttribute = .orth
  ) throws(EntitiesError) -> [GazetteerEntry] {
    let value: JSONValue
    do { value = try JSONParser.parse(Array(text.utf8)).value } catch {
      throw .invalidPattern(at, .invalidJSON("\(error)"))
    }
    guard case .object = value else {
      throw .invalidPattern(at, .notAnObject(found: value.kindDescription))
    }
    guard case .string(let label)? = value["label"], !label.isEmpty else {
      throw .invalidPattern(at, .missingLabel)
    }
    var phrases: [(alias: String, mode: MatchMode, slots: [PatternSlot])] = []
    switch value["pattern"] {
    case .string(let pattern)?:
      phrases = [(pattern, phraseAttribute.mode, [])]
    case .array(let tokens)?:
      guard !tokens.isEmpty else { throw .invalidPattern(at, .emptyTokenPattern) }
      var choices: [[[PatternSlot]]] = []
      for (index, token) in tokens.enumerated() {
        do { choices.append(try patternToken(token, number: index + 1)) } catch {
          throw .invalidPattern(at, error)
        }
      }
      phrases = try expand(choices, at: at).map(phrase(of:))
    default:
      throw .invalidPattern(at, .invalidPatternField)
    }
    let id: String
    switch value["id"] {
    case .string(let given)?: id = given
    case nil: id = Tokenizer.matchingKey(phrases[0].alias).replacingOccurrences(" ", "_")
    case let other?:
      throw .invalidPattern(at, .invalidID(found: other.kindDescription))
    }
    guard !id.isEmpty else { throw .invalidPattern(at, .emptyID) }
    return phrases.map {
      GazetteerEntry(
        entity: id, type: label, alias: $0.alias, options: MatchOptions(mode: $0.mode),
        slots: $0.slots)
    }
  }

  /// Every sequence of slots the tokens expand to: one choice per token, in order.
  private static func expand(_ choices: [[[PatternSlot]]], at: SourceLocation)
    throws(EntitiesError) -> [[PatternSlot]]
  {
    var result: [[PatternSlot]] = [[]]
    for options in choices {
      var next: [[PatternSlot]] = []
      for prefix in result {
        for option in options { next.append(prefix + option) }
      }
      guard next.count <= maxExpansions else {
        throw .invalidPattern(at, .unsupported(.tooManyPhrases, token: nil))
      }
      result = next
    }
    // spaCy never matches an empty span: the empty choice of optional tokens is dropped.
    result.removeAll { $0.isEmpty }
    guard !result.isEmpty else {
      throw .invalidPattern(at, .unsupported(.matchesNothing, token: nil))
    }
    return result
  }

  /// A phrase's alias text and mode, and its slots when the phrase needs more than the keys
  /// (every token as written, or every token in any case, needs none).
  private static func phrase(of slots: [PatternSlot]) -> (
    alias: String, mode: MatchMode, slots: [PatternSlot]
  ) {
    let alias = slots.map { $0.word ?? $0.test.placeholder }.joined(separator: " ")
    var bare = slots.map(\.test)
    for index in bare.indices { bare[index].surface = nil }
    if bare.allSatisfy(\.isTrivial) && slots.allSatisfy({ $0.word != nil }) {
      if slots.allSatisfy({ $0.test.surface != nil }) { return (alias, .exact, []) }
      if slots.allSatisfy({ $0.test.surface == nil }) { return (alias, .fold, []) }
    }
    return (alias, .fold, slots)
  }

  /// The alternatives one pattern token stands for: a list of slot sequences (several for
  /// `IN` or `OP`).
  private static func patternToken(_ token: JSONValue, number: Int) throws(PatternProblem)
    -> [[PatternSlot]]
  {
    guard case .object(let members) = token else {
      throw .notATokenPattern(found: token.kindDescription)
    }
    var exact: [String]?
    var folded: [String]?
    var test = TokenTest()
    var conditions = 0
    var counts = 1...1
    var negated = false
    func unsupported(_ construct: UnsupportedConstruct) -> PatternProblem {
      .unsupported(construct, token: number)
    }
    for member in members {
      let key = member.key.uppercased()
      switch key {
      case "OP":
        guard case .string(let op) = member.value else {
          throw unsupported(.op(member.value.kindDescription))
        }
        switch op {
        case "1": counts = 1...1
        case "?": counts = 0...1
        case "*": counts = 0...maxRepetitions
        case "+": counts = 1...maxRepetitions
        case "!": negated = true
        default:
          guard let range = repetitions(op) else { throw unsupported(.op(op)) }
          counts = range
        }
      case "ORTH", "TEXT", "LOWER":
        conditions += 1
        let values: [String]
        switch member.value {
        case .string(let word): values = [word]
        case .object(let predicates):
          guard predicates.count == 1, case .array(let list) = predicates[0].value,
            ["IN", "NOT_IN"].contains(predicates[0].key.uppercased())
          else {
            throw unsupported(.predicate(key, predicates.first?.key ?? "{}"))
          }
          var words: [String] = []
          for item in list {
            guard case .string(let word) = item else {
              throw unsupported(.predicate(key, "\(predicates[0].key) of \(item.kindDescription)"))
            }
            words.append(word)
          }
          if predicates[0].key.uppercased() == "NOT_IN" {
            if key == "LOWER" {
              test.excludedKeys.formUnion(words.map(Tokenizer.matchingKey))
            } else {
              test.excludedSurfaces.formUnion(words)
            }
            continue
          }
          values = words
        default:
          throw unsupported(.predicate(key, member.value.kindDescription))
        }
        if key == "LOWER" {
          folded = (folded ?? values).filter { values.contains($0) }
        } else {
          exact = (exact ?? values).filter { values.contains($0) }
        }
      default:
        guard let flag = TokenFlag(attribute: key) else {
          throw unsupported(.attribute(member.key))
        }
        guard case .bool(let wanted) = member.value else {
          throw unsupported(.predicate(key, member.value.kindDescription))
        }
        conditions += 1
        if wanted { test.required |= flag.bit } else { test.forbidden |= flag.bit }
      }
    }
    // ORTH and LOWER together: the written forms whose key is one of the LOWER words.
    var words: [String]?
    if let exact, let folded {
      let keys = Set(folded.map(Tokenizer.matchingKey))
      words = exact.filter { keys.contains(Tokenizer.matchingKey($0)) }
    } else {
      words = exact ?? folded
    }
    var isExact = exact != nil
    if negated {
      guard conditions == 1 else {
        throw unsupported(conditions == 0 ? .matchesNothing : .negatedConditions(conditions))
      }
      test = negation(of: test, exact: exact, folded: folded)
      if test.anyKey {
        words = nil
      } else {
        // `NOT_IN` negated: one of those words.
        isExact = !test.excludedSurfaces.isEmpty
        words = Array(test.excludedSurfaces.union(test.excludedKeys)).sorted()
        test = TokenTest()
      }
      counts = 1...1
    }
    var alternatives: [PatternSlot]
    if let words {
      alternatives = words.map { word in
        var slotTest = test
        if isExact { slotTest.surface = word }
        return PatternSlot(word: word, test: slotTest)
      }
    } else {
      test.anyKey = true
      alternatives = [PatternSlot(word: nil, test: test)]
    }
    var result: [[PatternSlot]] = []
    // One occurrence first, so that the first phrase (which names the entity) has every token.
    for count in counts.contains(1) ? [1] + counts.filter({ $0 != 1 }) : Array(counts) {
      var sequences: [[PatternSlot]] = [[]]
      for _ in 0..<count {
        sequences = sequences.flatMap { prefix in alternatives.map { prefix + [$0] } }
        guard sequences.count <= maxExpansions else { throw unsupported(.tooManyPhrases) }
      }
      result += sequences
    }
    return result
  }

  /// The test of `OP: "!"` on a token with one condition: any token but those.
  private static func negation(of test: TokenTest, exact: [String]?, folded: [String]?)
    -> TokenTest
  {
    var negated = TokenTest()
    negated.anyKey = true
    if let exact { negated.excludedSurfaces = Set(exact) }
    if let folded { negated.excludedKeys = Set(folded.map(Tokenizer.matchingKey)) }
    negated.required = test.forbidden
    negated.forbidden = test.required
    if !test.excludedSurfaces.isEmpty || !test.excludedKeys.isEmpty {
      negated.anyKey = false
      negated.excludedSurfaces = test.excludedSurfaces
      negated.excludedKeys = test.excludedKeys
    }
    return negated
  }

  /// `{n}`, `{n,m}`, `{,m}` and `{n,}` (`{n,}`: n to `maxRepetitions`, or n when more), with
  /// 0 ≤ n ≤ m ≤ `PhraseMatcher.maxPhraseTokens`.
  private static func repetitions(_ op: String) -> ClosedRange<Int>? {
    guard op.hasPrefix("{"), op.hasSuffix("}") else { return nil }
    let inner = op.dropFirst().dropLast()
    let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
    let low: Int?
    let high: Int?
    switch parts.count {
    case 1:
      low = Int(parts[0])
      high = low
    case 2:
      low = parts[0].isEmpty ? 0 : Int(parts[0])
      high = parts[1].isEmpty ? low.map { Swift.max($0, maxRepetitions) } : Int(parts[1])
    default:
      return nil
    }
    guard let low, let high, 0 <= low, low <= high,
      high <= PhraseMatcher<Int>.maxPhraseTokens
    else { return nil }
    return low...high
  }
}

/// A construct of a spaCy token pattern the loader does not support.
public enum UnsupportedConstruct: Sendable, Equatable, CustomStringConvertible {
  /// An attribute other than ORTH, TEXT, LOWER and the supported IS_ flags (`POS`, `LEMMA`).
  case attribute(String)
  /// An attribute's value other than a string, `IN` or `NOT_IN` (`REGEX`, `FUZZY`, `>=`).
  case predicate(String, String)
  /// An `OP` other than `?`, `*`, `+`, `!`, `1` and `{n,m}` forms.
  case op(String)
  /// `OP: "!"` on a token with several conditions (a negated conjunction).
  case negatedConditions(Int)
  /// More than `Gazetteer.maxExpansions` phrases.
  case tooManyPhrases
  /// No token left once the operators are applied (`OP: "{0}"`).
  case matchesNothing

  public var description: String {
    switch self {
    case .attribute(let name):
      let flags = TokenFlag.allCases.map(\.attribute).joined(separator: ", ")
      return
        "token attribute '\(name)' (supported: ORTH, TEXT, LOWER, \(flags), in any case)"
    case .predicate(let attribute, let predicate):
      return "'\(attribute)' with '\(predicate)' (supported: a string, IN, NOT_IN)"
    case .op(let op):
      return "OP '\(op)' (supported: ?, *, +, !, 1, {n}, {n,m}, {,m}, {n,})"
    case .negatedConditions(let count):
      return "OP '!' on a token with \(count) conditions (supported: one)"
    case .tooManyPhrases:
      return
        "a pattern of more than \(Gazetteer.maxExpansions) phrases once IN and OP are expanded"
    case .matchesNothing:
      return "a pattern that matches no token"
    }
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
