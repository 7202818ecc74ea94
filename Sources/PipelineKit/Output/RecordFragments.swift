import Entities
import JSON
import Stance

/// How much evidence a document record carries (`pipeline run --evidence`).
public enum EvidenceLevel: String, Sendable, CaseIterable {
  /// Every hit that counts for an entity, with its modifiers (the default).
  case full
  /// Per entity its scores and the `summaryHits` hits of largest absolute weight.
  case summary
  /// Mentions and scores only: no `evidence` field.
  case none

  /// Hits an entity keeps with `summary`.
  public static let summaryHits = 3
}

/// The JSON of everything a record writer repeats, serialized and escaped once per run: each
/// entity's `"entity","type","name"` members, each lexicon entry's `"dimension","term","source"`
/// members, each dimension's name, each label and modifier kind.
struct RecordFragments: Sendable {
  /// Indexed like `Gazetteer.entities`, in one buffer (a gazetteer may have a million).
  let entities: JSONFragmentList
  /// Indexed like `Lexicon.entries`, in one buffer.
  let entries: JSONFragmentList
  /// Indexed like `Lexicon.dimensions`: `"dimension":"DIM"`.
  let dimensions: [JSONFragment]
  /// `"label":"favor"` …, in `StanceScore.Label.allCases` order.
  private let labels: [JSONFragment]
  /// `"kind":"negator"` …, in `Modifiers.Kind.allCases` order.
  private let modifierKinds: [JSONFragment]
  /// `"role":"agent","rule":"subject"` …, for every role and rule (`Role.allCases` major): an
  /// attribution's two members in one copy, where two keys and two escaped strings cost about
  /// 650 instructions.
  private let roleRules: JSONFragmentList
  /// `"via":"pronoun"` and `"via":"role-noun"`.
  private let pronounVia: JSONFragment
  private let roleNounVia: JSONFragment

  init(gazetteer: Gazetteer, lexicon: Lexicon) {
    entities = JSONFragmentList(gazetteer.entities) { w, info in
      w.field("entity")
      w.string(info.id)
      w.field("type")
      w.string(info.type)
      w.field("name")
      w.string(info.name)
    }
    // The source `FILE:LINE` is assembled in one reused buffer (`SourceLocation.description`
    // made a `String` by interpolation per entry).
    var source: [UInt8] = []
    entries = JSONFragmentList(lexicon.entries) { w, entry in
      w.field("dimension")
      w.string(entry.dimension)
      w.field("term")
      w.string(entry.term)
      w.field("source")
      source.removeAll(keepingCapacity: true)
      source += entry.location.file.utf8
      source.append(UInt8(ascii: ":"))
      Self.appendDecimal(entry.location.line, to: &source)
      source.withUnsafeBufferPointer { w.string(utf8: $0) }
    }
    dimensions = lexicon.dimensions.map { dimension in
      JSONFragment { w in
        w.field("dimension")
        w.string(dimension)
      }
    }
    labels = StanceScore.Label.allCases.map { label in
      JSONFragment { w in
        w.field("label")
        w.string(label.rawValue)
      }
    }
    modifierKinds = Modifiers.Kind.allCases.map { kind in
      JSONFragment { w in
        w.field("kind")
        w.string(kind.rawValue)
      }
    }
    roleRules = JSONFragmentList(
      Role.allCases.flatMap { role in RoleRule.allCases.map { (role, $0) } }
    ) { w, pair in
      w.field("role")
      w.string(pair.0.rawValue)
      w.field("rule")
      w.string(pair.1.rawValue)
    }
    pronounVia = JSONFragment { w in
      w.field("via")
      w.string(MentionVia.pronoun.rawValue)
    }
    roleNounVia = JSONFragment { w in
      w.field("via")
      w.string(MentionVia.roleNoun.rawValue)
    }
  }

  /// The decimal digits of `value` (`String(value)`), appended.
  static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }

  // The cases of each enum, kept: `allCases` of another module's enum is an array made at each
  // call (about 12,700 of them on the benchmark slice).
  private let labelCases = StanceScore.Label.allCases
  private let kindCases = Modifiers.Kind.allCases
  private let roleCases = Role.allCases
  private let ruleCases = RoleRule.allCases

  func label(_ label: StanceScore.Label) -> JSONFragment {
    labels[labelCases.firstIndex(of: label)!]
  }

  func kind(_ kind: Modifiers.Kind) -> JSONFragment {
    modifierKinds[kindCases.firstIndex(of: kind)!]
  }

  /// Writes `"role":"…","rule":"…"` of an attribution.
  func writeRole(_ role: Role, rule: RoleRule, into w: inout JSONWriter) {
    let index =
      roleCases.firstIndex(of: role)! * ruleCases.count + ruleCases.firstIndex(of: rule)!
    w.fragment(roleRules, at: index)
  }

  /// `"via":"…"` of a reference.
  func via(_ via: MentionVia) -> JSONFragment {
    switch via {
    case .pronoun: pronounVia
    case .roleNoun: roleNounVia
    }
  }
}
