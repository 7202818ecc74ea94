import Tokenize

/// How each token's key ends, found once per document: the clause and role rules test endings
/// (`-ing`, `-ly`, a `verb_suffix`) of the same tokens many times over, and a `String` suffix
/// test compares characters (it was 3 % of a run's instructions).
///
/// Exact: a key's bytes are compared first; a key that is all ASCII decides there (its
/// characters are its bytes), and any other key whose bytes end with the suffix goes through
/// `String.hasSuffix` and `count` as before. (A key that ends with an ASCII suffix's characters
/// ends with its bytes too, so a byte mismatch is a mismatch.)
struct KeyEndings {
  /// Bits of `endings`.
  static let ing: UInt8 = 1 << 0
  static let thing: UInt8 = 1 << 1
  static let ly: UInt8 = 1 << 2
  static let ed: UInt8 = 1 << 3
  /// One of the rules' `verb_suffix` endings, with more than two characters before it.
  static let verbSuffix: UInt8 = 1 << 4
  /// One of the rules' `participle_suffix` endings, with more than two characters before it.
  static let participleSuffix: UInt8 = 1 << 5

  private let endings: [UInt8]

  /// One suffix a bit stands for; `long`: only with more than two characters before it.
  fileprivate struct Suffix {
    var text: String
    var bit: UInt8
    var long: Bool
  }

  /// An ASCII suffix of one to eight bytes, packed for a comparison of the key's last bytes.
  fileprivate struct Packed {
    var bytes: UInt64
    /// The low `8 × count` bits.
    var mask: UInt64
    var count: Int
    var bit: UInt8
    var long: Bool
  }

  /// The suffixes of a set of rules, packed once for every document (`StanceScorer` keeps
  /// them): packed per document, they were about a fifth of finding the endings.
  struct Suffixes {
    /// Every suffix, for a key the packed ones do not decide.
    fileprivate var all: [Suffix]
    /// By last byte (ASCII): the packed suffixes that end with it. Most keys end with none of
    /// them, and a key is compared only with those that end as it does (tried one after
    /// another, every suffix was tested at every key ending like any of them).
    fileprivate var packed = [[Packed]](filled: [], count: 128)
    fileprivate var others: [Suffix] = []

    init(rules: AttributionRules) {
      all = [
        ("ing", KeyEndings.ing), ("thing", KeyEndings.thing), ("ly", KeyEndings.ly),
        ("ed", KeyEndings.ed),
      ].map { Suffix(text: $0.0, bit: $0.1, long: false) }
      for (list, bit) in [
        (rules.verbSuffixes, KeyEndings.verbSuffix),
        (rules.participleSuffixes, KeyEndings.participleSuffix),
      ] {
        all += list.map { Suffix(text: $0, bit: bit, long: true) }
      }
      for suffix in all {
        let bytes = Array(suffix.text.utf8)
        guard (1...8).contains(bytes.count), bytes.allSatisfy({ $0 < 0x80 }) else {
          others.append(suffix)
          continue
        }
        packed[Int(bytes.last!)].append(
          Packed(
            bytes: KeyEndings.pack(bytes[...]),
            mask: bytes.count == 8 ? ~0 : (1 << (8 * UInt64(bytes.count))) - 1,
            count: bytes.count, bit: suffix.bit, long: suffix.long))
      }
    }
  }

  init(doc: TokenizedText, rules: AttributionRules) {
    self.init(doc: doc, suffixes: Suffixes(rules: rules))
  }

  init(doc: TokenizedText, suffixes: Suffixes) {
    let (packed, others) = (suffixes.packed, suffixes.others)
    let all = suffixes.all
    var endings = [UInt8](filled: 0, count: doc.tokens.count)
    // Written through a buffer: `endings[t] = bits` asked whether the array was unique at every
    // token.
    endings.withUnsafeMutableBufferPointer { endings in
      doc.tokens.withUnsafeBufferPointer { tokens in
        for t in tokens.indices {
          var bits: UInt8 = 0
          // The key's bytes once for the packed suffixes: its last eight as one number, each
          // suffix one masked comparison; false when unsure (a non-ASCII key).
          let decided = tokens[t].key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            guard count > 0, bytes[count - 1] < 0x80, !packed[Int(bytes[count - 1])].isEmpty else {
              return true
            }
            // Eight bytes or more: their last eight in one load, the first the most
            // significant as `pack` puts it.
            let tail =
              count >= 8
              ? UInt64(
                bigEndian: UnsafeRawPointer(bytes.baseAddress! + (count - 8))
                  .loadUnaligned(as: UInt64.self))
              : Self.pack(bytes)
            for suffix in packed[Int(bytes[count - 1])]
            where count >= suffix.count && tail & suffix.mask == suffix.bytes
              && (!suffix.long || count > suffix.count + 2)
            {
              bits |= suffix.bit
            }
            // (A carriage return may join the next character into one: unsure, as is non-ASCII.)
            return bits == 0 || bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
          }
          if decided != true {
            bits = Self.endings(of: tokens[t].key, all)
          } else if !others.isEmpty {
            bits |= Self.endings(of: tokens[t].key, others)
          }
          endings[t] = bits
        }
      }
    }
    self.endings = endings
  }

  /// Up to eight bytes as one number.
  private static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
    bytes.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Whether token `t`'s key has the ending `bit`.
  @inline(__always)
  func has(_ t: Int, _ bit: UInt8) -> Bool { endings[t] & bit != 0 }

  /// The bits of the `suffixes` that `key` ends with, as `String.hasSuffix` and `count` see it
  /// (a `long` suffix with more than two characters before it).
  private static func endings(of key: String, _ suffixes: [Suffix]) -> UInt8 {
    var bits: UInt8 = 0
    var length: Int?
    for suffix in suffixes where key.hasSuffix(suffix.text) {
      if length == nil { length = key.count }
      if !suffix.long || length! > suffix.text.count + 2 { bits |= suffix.bit }
    }
    return bits
  }
}
