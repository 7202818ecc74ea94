import Tokenize

/// The clause-marker kinds, word classes and reference kind of every token of one document,
/// read from `AttributionRules`' tables once per token.
///
/// The clause and role rules ask these of the same tokens many times over; each question
/// through the rules' tables was a probe by the token's id (the vocabulary stamps compared, the
/// id read out of the token, the table's bounds checked), where here it is one load.
///
/// ```swift
/// let markers = TokenMarkers(doc: doc, rules: rules)
/// markers.has(t, .speech)              // rules.has(t, in: doc, .speech)
/// markers.word(t, is: .article)        // rules.word(t, in: doc, is: .article)
/// markers.referenceKind(of: t)         // rules.referenceKind(of: t, in: doc)
/// ```
struct TokenMarkers {
  typealias MarkerKind = AttributionRules.MarkerKind
  typealias ReferenceKind = AttributionRules.ReferenceKind

  /// By token: `AttributionRules.packed(_:)` of its key.
  private let packed: [UInt64]

  /// Where a reference kind's code sits in a packed value (above every `MarkerKind.bit`).
  static let kindShift: UInt64 = 56

  /// - Complexity: O(n) in the document's tokens.
  init(doc: TokenizedText, rules: AttributionRules) {
    assert(
      MarkerKind.allCases.filter { !$0.isKeptApart }.reduce(0) { $0 | $1.bit }
        == MarkerKind.markerBits
        && MarkerKind.allCases.allSatisfy { $0.bit < 1 << Self.kindShift },
      "MarkerKind.markerBits or TokenMarkers.kindShift out of date")
    var packed = [UInt64](filled: 0, count: doc.tokens.count)
    // Written through the buffer: a subscript write checked the array's uniqueness each time.
    packed.withUnsafeMutableBufferPointer { packed in
      for t in packed.indices { packed[t] = rules.packed(of: t, in: doc) }
    }
    self.packed = packed
  }

  /// `AttributionRules.kinds(of:in:)`: the token's clause-marker kinds.
  @inline(__always)
  func kinds(of t: Int) -> UInt64 { packed[t] & MarkerKind.markerBits }

  /// `AttributionRules.has(_:in:_:)`: whether the token is a clause marker of `kind`.
  @inline(__always)
  func has(_ t: Int, _ kind: MarkerKind) -> Bool {
    assert(!kind.isKeptApart, "\(kind) is a word class: read it with word(_:is:)")
    return packed[t] & kind.bit != 0
  }

  /// `AttributionRules.word(_:in:is:)`: whether the token is a word of class `kind` (one kept
  /// apart from the markers).
  @inline(__always)
  func word(_ t: Int, is kind: MarkerKind) -> Bool {
    assert(kind.isKeptApart, "\(kind) is a clause marker: read it with has(_:_:)")
    return packed[t] & kind.bit != 0
  }

  /// `AttributionRules.referenceKind(of:in:)`: the token's kind of reference word, if any.
  @inline(__always)
  func referenceKind(of t: Int) -> ReferenceKind? {
    switch packed[t] >> Self.kindShift {
    case 1: .pronoun
    case 2: .role
    case 3: .determiner
    case 4: .reporter
    case 5: .inanimate
    case 6: .person
    default: nil
    }
  }

  /// `AttributionRules.isArticleOrDeterminer(_:in:)`.
  @inline(__always)
  func isArticleOrDeterminer(_ t: Int) -> Bool {
    word(t, is: .article) || referenceKind(of: t) == .determiner
  }

  /// A reference kind's code in a packed value (0: no reference word).
  static func code(of kind: ReferenceKind) -> UInt64 {
    switch kind {
    case .pronoun: 1
    case .role: 2
    case .determiner: 3
    case .reporter: 4
    case .inanimate: 5
    case .person: 6
    }
  }
}
