import Tokenize

/// A gazetteer's aliases (`Gazetteer.aliases`), numbered in the order they were loaded.
///
/// Loaded from sources, they are values in an array. Read from a compiled gazetteer, the
/// compiled ones stay in its mapped file and each is decoded when it is asked for: a million
/// aliases load as a few words each (their entity, their flags and where they start) instead of
/// a million alias values with their arrays, and mention finding reads those words without
/// decoding an alias unless it is `exact`, has token tests or is asked about in a stem view.
/// Aliases added after the compiled ones (further `--gazetteer` sources) are values again.
///
/// ```swift
/// let alias = gazetteer.aliases[mention.alias]
/// ```
public struct AliasList: RandomAccessCollection, Sendable, Equatable {
  /// The aliases held as values: all of them, or those after the compiled ones.
  private var loaded: [Alias] = []
  /// The aliases still in a compiled gazetteer's file, numbered before `loaded`.
  private var compiled: Compiled?
  /// How many aliases `compiled` holds (0 without one).
  private var base = 0

  /// A compiled gazetteer's aliases, found and checked when it was read (`skim`).
  struct Compiled: Sendable {
    var slice: ArchiveSlice
    /// Per alias: where its bytes start in `slice`.
    var offsets: [UInt32]
    /// Per alias: its entity.
    var entities: [Int32]
    /// Per alias: `plainFoldBit`, `translitBit`.
    var flags: [UInt8]
    /// How many entities the gazetteer has (what each alias's entity number was checked below).
    var entityCount: Int
  }

  static let plainFoldBit: UInt8 = 1
  static let translitBit: UInt8 = 2

  init() {}

  init(compiled: Compiled) {
    self.compiled = compiled
    base = compiled.offsets.count
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { base + loaded.count }

  public subscript(index: Int) -> Alias {
    guard index < base, let compiled else { return loaded[index - base] }
    var reader = compiled.slice.reader(at: Int(compiled.offsets[index]))
    do throws(TokenizeError) {
      return try Alias(from: &reader, entities: compiled.entityCount)
    } catch {
      // Every alias was read through once when the file was (`skim`), and the file is mapped
      // read-only: only a change to the file in place while it is in use gets here.
      preconditionFailure(
        "a compiled gazetteer's alias \(index) changed since it was read: \(error)")
    }
  }

  /// The entity of alias `index`, read without the alias.
  @inline(__always)
  func entity(of index: Int) -> Int {
    index < base ? Int(compiled.unsafelyUnwrapped.entities[index]) : loaded[index - base].entity
  }

  /// Whether alias `index` has no token tests and is not `exact`: a phrase of it matches by its
  /// keys alone.
  @inline(__always)
  func matchesByKeys(_ index: Int) -> Bool {
    guard index >= base else {
      return compiled.unsafelyUnwrapped.flags[index] & Self.plainFoldBit != 0
    }
    return loaded[index - base].tests.isEmpty && loaded[index - base].mode != .exact
  }

  /// Whether alias `index` is `translit`.
  func isTranslit(_ index: Int) -> Bool {
    guard index >= base else {
      return compiled.unsafelyUnwrapped.flags[index] & Self.translitBit != 0
    }
    return loaded[index - base].options.translit
  }

  mutating func append(_ alias: Alias) { loaded.append(alias) }

  mutating func reserveCapacity(_ count: Int) { loaded.reserveCapacity(count - base) }

  public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

extension AliasList.Compiled {
  /// Reads through `count` archived aliases (`Alias.archive(to:)`), checking every number as
  /// `Alias(from:entities:)` would, without making them; nil when the bytes are not kept
  /// (`ArchiveReader.owner`) or too many for 32-bit offsets, and the caller decodes them.
  static func skim(
    _ count: Int, from reader: inout ArchiveReader, entities: Int
  ) throws(TokenizeError) -> Self? {
    guard let slice = reader.lasting, slice.bytes.count <= Int(UInt32.max),
      entities <= Int(Int32.max)
    else { return nil }
    var offsets: [UInt32] = []
    var entityNumbers: [Int32] = []
    var flags: [UInt8] = []
    offsets.reserveCapacity(count)
    entityNumbers.reserveCapacity(count)
    flags.reserveCapacity(count)
    for _ in 0..<count {
      offsets.append(UInt32(reader.offset))
      entityNumbers.append(Int32(try reader.readIndex(below: entities, field: "an entity")))
      try reader.skipString()  // text
      try reader.skipStrings()  // keys
      try reader.skipStrings()  // surfaces
      try reader.skipString()  // location: file
      _ = try reader.readInt()  // location: line
      let options = try MatchOptions.skim(from: &reader)
      let tests = try reader.readCount(field: "the number of token tests")
      for _ in 0..<tests { _ = try TokenTest(from: &reader) }
      var bits: UInt8 = 0
      if tests == 0 && !options.exact { bits |= AliasList.plainFoldBit }
      if options.translit { bits |= AliasList.translitBit }
      flags.append(bits)
    }
    return Self(
      slice: slice, offsets: offsets, entities: entityNumbers, flags: flags, entityCount: entities)
  }
}
