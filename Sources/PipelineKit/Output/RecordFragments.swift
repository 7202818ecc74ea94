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
  private let dimensions: JSONFragmentList
  /// `"label":"favor"` …, in `StanceScore.Label.allCases` order.
  private let labels: JSONFragmentList
  /// `"kind":"negator"` …, in `Modifiers.Kind.allCases` order.
  private let modifierKinds: JSONFragmentList
  /// `"role":"agent","rule":"subject"` …, for every role and rule (`Role.allCases` major): an
  /// attribution's two members in one copy, where two keys and two escaped strings cost about
  /// 650 instructions.
  private let roleRules: JSONFragmentList
  /// `"via":"pronoun"` and `"via":"role-noun"`, in that order.
  private let vias: JSONFragmentList
  /// The most bytes any one dimension, label, modifier kind or via fragment takes: the room a
  /// record writer reserves for one.
  let longest: Int

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
    dimensions = JSONFragmentList(lexicon.dimensions) { w, dimension in
      w.field("dimension")
      w.string(dimension)
    }
    labels = JSONFragmentList(StanceScore.Label.allCases) { w, label in
      w.field("label")
      w.string(label.rawValue)
    }
    modifierKinds = JSONFragmentList(Modifiers.Kind.allCases) { w, kind in
      w.field("kind")
      w.string(kind.rawValue)
    }
    roleRules = JSONFragmentList(
      Role.allCases.flatMap { role in RoleRule.allCases.map { (role, $0) } }
    ) { w, pair in
      w.field("role")
      w.string(pair.0.rawValue)
      w.field("rule")
      w.string(pair.1.rawValue)
    }
    vias = JSONFragmentList([MentionVia.pronoun, .roleNoun]) { w, via in
      w.field("via")
      w.string(via.rawValue)
    }
    longest =
      [dimensions, labels, modifierKinds, vias].flatMap { list in
        (0..<list.count).map { list[$0].count }
      }.max() ?? 0
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

  // The fragments below are written into a record's room from their lists in place: a
  // fragment returned, kept in a variable a closure captures, or read out of an array of
  // fragments, retained and released its bytes, which every worker shares (about 10,000
  // times each on the benchmark slice, atomic counts that the cores pass between them).

  /// Writes `"dimension":"…"` of dimension `index` (`longest` bytes at most).
  func writeDimension(_ index: Int, into room: inout JSONWriter.Room) {
    room.fragment(dimensions, at: index)
  }

  /// Writes `"label":"…"` (`longest` bytes at most).
  func write(_ label: StanceScore.Label, into room: inout JSONWriter.Room) {
    room.fragment(labels, at: labelCases.firstIndex(of: label)!)
  }

  /// Writes `"kind":"…"` of a modifier (`longest` bytes at most).
  func write(_ kind: Modifiers.Kind, into room: inout JSONWriter.Room) {
    room.fragment(modifierKinds, at: kindCases.firstIndex(of: kind)!)
  }

  /// Writes `"role":"…","rule":"…"` of an attribution.
  func writeRole(_ role: Role, rule: RoleRule, into w: inout JSONWriter) {
    let index =
      roleCases.firstIndex(of: role)! * ruleCases.count + ruleCases.firstIndex(of: rule)!
    w.fragment(roleRules, at: index)
  }

  /// Writes `"via":"…"` of a reference (`longest` bytes at most).
  func write(_ via: MentionVia, into room: inout JSONWriter.Room) {
    switch via {
    case .pronoun: room.fragment(vias, at: 0)
    case .roleNoun: room.fragment(vias, at: 1)
    }
  }
}
