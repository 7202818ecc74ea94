/// Writes JSON into a byte buffer: compact, deterministic, with correct string escaping.
///
/// The caller writes structure in order (`beginObject`, `key`, values, `endObject`); the writer
/// inserts commas. Doubles are rounded to `fractionDigits` and printed in their shortest form.
///
/// A writer cannot be copied (`~Copyable`): it owns its buffer alone, so appending never asks
/// whether another writer shares it. (A copyable writer kept the buffer in a class and tested
/// its uniqueness at every append: a runtime call, about 300,000 of them on the benchmark's
/// 393 KB slice.) Pass it `inout`.
public struct JSONWriter: ~Copyable {
  /// The bytes written (a copy: read `count` and `byte(at:)` for single facts).
  public var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }
  /// How many bytes the writer holds.
  public private(set) var count = 0
  /// The writer's own buffer, freed in `deinit` (an `[UInt8]` checked uniqueness and capacity
  /// and went through generic code on every append: about 77 instructions to append an 8-byte
  /// key). Pointer and capacity are kept in the value, so that writing involves no class
  /// property (those get dynamic exclusivity checks).
  @usableFromInline var base: UnsafeMutablePointer<UInt8>
  @usableFromInline var capacity: Int
  private var needsComma = false
  public static let fractionDigits = 4
  /// Where output goes in pieces (see `spillIfFull()`); nil: everything stays in `bytes`.
  private var spill: (([UInt8]) -> Void)?
  @usableFromInline var spillLimit = Int.max
  /// How many bytes went to `spill` since the writer was made or last emptied: `bytes[i]` is
  /// byte `spilled + i` of the whole output.
  public private(set) var spilled = 0

  public init() { self.init(capacity: 4096) }

  fileprivate init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Byte `index` of those the writer holds.
  public func byte(at index: Int) -> UInt8 {
    precondition(index >= 0 && index < count, "byte \(index) of \(count)")
    return base[index]
  }

  /// A writer that hands what it holds to `spill` whenever `spillIfFull()` finds at least
  /// `limit` bytes, so that one huge record is never whole in memory.
  public init(spillingAt limit: Int, to spill: @escaping ([UInt8]) -> Void) {
    self.init()
    self.spill = spill
    spillLimit = max(1, limit)
  }

  /// Hands the bytes written so far to the writer's `spill`, when it has one and they reach its
  /// limit. Call it between values, where a piece may end; offsets into `bytes` taken before
  /// are then `spilled` bytes off (keep absolute offsets, `spilled + bytes.count`).
  @inlinable
  public mutating func spillIfFull() {
    if count >= spillLimit { spillNow() }
  }

  @usableFromInline mutating func spillNow() {
    guard let spill else { return }
    let piece = bytes
    spilled += piece.count
    count = 0
    spill(piece)
  }

  /// Hands over the bytes written, without copying them: the writer's buffer itself, which
  /// the returned value frees. The writer is then empty, as after `removeAll()`, and goes on in
  /// a new buffer of the old one's capacity (at most 4 MiB). (Copying a batch's output into an
  /// array, `bytes`, was 2.3 M of the 393 KB slice's instructions.)
  public mutating func takeBytes() -> JSONBytes {
    let taken = JSONBytes(taking: base, count: count)
    if capacity > 4 << 20 { capacity = 4096 }
    base = .allocate(capacity: capacity)
    count = 0
    needsComma = false
    spilled = 0
    return taken
  }

  /// Drops everything written after `count` bytes (to take back the last record).
  public mutating func truncate(to count: Int) {
    precondition(count >= 0 && count <= self.count, "truncate to \(count) of \(self.count)")
    self.count = count
    needsComma = false
  }

  /// Empties the buffer, keeping its capacity up to 4 MiB (so one huge record does not keep
  /// its memory for the rest of a run).
  public mutating func removeAll() {
    if capacity > 4 << 20 {
      base.deallocate()
      capacity = 4096
      base = .allocate(capacity: capacity)
    }
    count = 0
    needsComma = false
    spilled = 0
  }

  /// Appends a copy of bytes `range` of those the writer holds (a value written earlier).
  public mutating func fragment(copyingOwn range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    separate()
    reserve(range.count)
    // After `reserve`: the buffer may have moved, the offsets have not.
    Self.copy(base + range.lowerBound, to: base + count, count: range.count)
    count += range.count
  }

  private mutating func separate() {
    if needsComma { put(UInt8(ascii: ",")) }
    needsComma = true
  }

  public mutating func beginObject() {
    separate()
    put(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    put(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func beginArray() {
    separate()
    put(UInt8(ascii: "["))
    needsComma = false
  }

  public mutating func endArray() {
    put(UInt8(ascii: "]"))
    needsComma = true
  }

  /// An object key known at compile time (ASCII, nothing to escape), written without escaping;
  /// the next call writes its value.
  public mutating func field(_ key: StaticString) {
    // One `reserve` for the comma, the quotes, the key and the colon (a `put` each reserved
    // its own).
    reserve(key.utf8CodeUnitCount + 4)
    if needsComma { putReserved(UInt8(ascii: ",")) }
    putReserved(UInt8(ascii: "\""))
    Self.copy(key.utf8Start, to: base + count, count: key.utf8CodeUnitCount)
    count += key.utf8CodeUnitCount
    putReserved(UInt8(ascii: "\""))
    putReserved(UInt8(ascii: ":"))
    needsComma = false
  }

  /// An object key serialized in advance (`JSONFragment(key:)`); the next call writes its value.
  public mutating func key(_ key: JSONFragment) {
    key.bytes.withUnsafeBufferPointer { bytes in
      // One `reserve` for the comma and the key (`separate` and `put` reserved each).
      reserve(bytes.count + 1)
      if needsComma { putReserved(UInt8(ascii: ",")) }
      guard let start = bytes.baseAddress else { return }
      Self.copy(start, to: base + count, count: bytes.count)
      count += bytes.count
    }
    needsComma = false
  }

  /// An object key; the next call writes its value.
  public mutating func key(_ key: String) {
    separate()
    appendEscaped(key)
    put(UInt8(ascii: ":"))
    needsComma = false
  }

  public mutating func string(_ value: String) {
    separate()
    appendEscaped(value)
  }

  public mutating func int(_ value: Int) {
    // One `reserve` for the comma and the number.
    reserve(1 + Room.intBound)
    if needsComma { putReserved(UInt8(ascii: ",")) }
    needsComma = true
    count += Self.writeInt(value, at: base + count)
  }

  /// "00" to "99", for two digits at a time.
  private static let digitPairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

  /// Writes `value` in decimal at `target` (room for `Room.intBound` bytes); returns how many
  /// bytes it wrote.
  @usableFromInline
  static func writeInt(_ value: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
    guard value < 0 else { return writeDigits(value.magnitude, at: target) }
    target[0] = UInt8(ascii: "-")
    return 1 + writeDigits(value.magnitude, at: target + 1)
  }

  /// Writes the digits of `value` at `target` (room for 20 bytes); returns how many.
  @inline(__always)
  private static func writeDigits(_ value: UInt, at target: UnsafeMutablePointer<UInt8>) -> Int {
    // The digits counted first, then written from the last in place (no move), two at a time
    // by constant divisions by 100 (a multiply and shift each; division by a variable power
    // of ten is a slow `div`).
    var digits = 1
    var bound: UInt = 10
    while digits < 20, value >= bound {
      digits += 1
      bound &*= 10
    }
    var end = target + digits
    let pairs = Self.digitPairs.utf8Start
    var rest = value
    while rest >= 100 {
      let pair = Int(truncatingIfNeeded: rest % 100) &* 2
      rest /= 100
      end -= 2
      end[0] = pairs[pair]
      end[1] = pairs[pair + 1]
    }
    if rest >= 10 {
      let pair = Int(truncatingIfNeeded: rest) &* 2
      end[-2] = pairs[pair]
      end[-1] = pairs[pair + 1]
    } else {
      end[-1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
    }
    return digits
  }

  /// A string given as UTF-16 code units (for example a slice of a tokenized text), transcoded
  /// to UTF-8 and escaped; unpaired surrogates become U+FFFD.
  public mutating func string(utf16 units: ArraySlice<UInt16>) {
    separate()
    put(UInt8(ascii: "\""))
    var i = units.startIndex
    let end = units.endIndex
    while i < end {
      // A run of printable ASCII that needs no escape, copied a byte a step (cheaper than the
      // generic `append(contentsOf:)` of a lazy map).
      let runStart = i
      while i < end, units[i] >= 0x20, units[i] < 0x80, units[i] != 0x22, units[i] != 0x5C {
        i += 1
      }
      if runStart < i {
        reserve(i - runStart)
        for j in runStart..<i { putReserved(UInt8(truncatingIfNeeded: units[j])) }
        if i == end { break }
      }
      let unit = units[i]
      i += 1
      switch unit {
      case 0..<0x80:
        appendEscapedASCII(UInt8(unit))
      case 0x80..<0x800:
        put(0xC0 | UInt8(unit >> 6))
        put(0x80 | UInt8(unit & 0x3F))
      case 0xD800..<0xDC00 where i < end && units[i] & 0xFC00 == 0xDC00:
        let scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[i] - 0xDC00)
        i += 1
        put(0xF0 | UInt8(scalar >> 18))
        put(0x80 | UInt8((scalar >> 12) & 0x3F))
        put(0x80 | UInt8((scalar >> 6) & 0x3F))
        put(0x80 | UInt8(scalar & 0x3F))
      case 0xD800..<0xE000:
        put(0xEF)  // unpaired surrogate: U+FFFD
        put(0xBF)
        put(0xBD)
      default:
        put(0xE0 | UInt8(unit >> 12))
        put(0x80 | UInt8((unit >> 6) & 0x3F))
        put(0x80 | UInt8(unit & 0x3F))
      }
    }
    put(UInt8(ascii: "\""))
  }

  /// A string given as valid UTF-8 bytes (for example a slice of the input text), escaped;
  /// runs that need no escape are copied in one go.
  public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    separate()
    appendEscaped(utf8)
  }

  /// A number rounded to `fractionDigits` decimals; `-0` is written as `0`. The same text as
  /// `format(_:)`, written without making a `String`.
  public mutating func double(_ value: Double) {
    // One `reserve` for the comma and the number.
    reserve(1 + Room.doubleBound)
    if needsComma { putReserved(UInt8(ascii: ",")) }
    needsComma = true
    count += Self.writeDouble(value, at: base + count)
  }

  /// Writes `value` as `double(_:)` does at `target` (room for `Room.doubleBound` bytes);
  /// returns how many bytes it wrote.
  @usableFromInline
  static func writeDouble(_ value: Double, at target: UnsafeMutablePointer<UInt8>) -> Int {
    // Fixed point: below 10^9 the value rounded to 4 decimals is k / 10^4 for an integer k, and
    // its shortest round-trip form is k's digits with the point put back and trailing zeros
    // dropped (neighbouring doubles are far closer than 10^-4 apart, so no shorter text
    // round-trips). Larger or non-finite values take the general path.
    guard value.isFinite, abs(value) < 1e9 else {
      var text = formatLarge(value)
      return text.withUTF8 { utf8 in
        precondition(utf8.count <= Room.doubleBound, "\(value) longer than a number's room")
        if let start = utf8.baseAddress { copy(start, to: target, count: utf8.count) }
        return utf8.count
      }
    }
    let k = Int((value * 10_000).rounded())
    var point = target
    if k < 0 {
      point[0] = UInt8(ascii: "-")
      point += 1
    }
    let magnitude = k.magnitude
    point += writeDigits(magnitude / 10_000, at: point)
    let fraction = Int(truncatingIfNeeded: magnitude % 10_000)
    guard fraction != 0 else { return point - target }
    // The four decimals as two pairs, written whole; the trailing zeros then left out.
    let high = fraction / 100
    let low = fraction % 100
    let pairs = Self.digitPairs.utf8Start
    point[0] = UInt8(ascii: ".")
    point[1] = pairs[high &* 2]
    point[2] = pairs[high &* 2 + 1]
    point[3] = pairs[low &* 2]
    point[4] = pairs[low &* 2 + 1]
    let digits = low == 0 ? (high % 10 == 0 ? 1 : 2) : (low % 10 == 0 ? 3 : 4)
    return point + 1 + digits - target
  }

  public mutating func bool(_ value: Bool) {
    separate()
    put(string: value ? "true" : "false")
  }

  public mutating func null() {
    separate()
    put(string: "null")
  }

  /// JSON serialized in advance: one value, or one or more object members (`"a":1,"b":2`),
  /// written with a comma before it when one is due.
  public mutating func fragment(_ fragment: JSONFragment) {
    separate()
    appendBytes(fragment.bytes)
  }

  /// Fragment `index` of a list, as `fragment(_:)` writes one.
  public mutating func fragment(_ list: JSONFragmentList, at index: Int) {
    let range = list.range(of: index)
    // One `reserve` for the comma and the fragment.
    reserve(range.count + 1)
    if needsComma { putReserved(UInt8(ascii: ",")) }
    needsComma = true
    list.bytes.withUnsafeBufferPointer { bytes in
      guard let start = bytes.baseAddress else { return }
      Self.copy(start + range.lowerBound, to: base + count, count: range.count)
      count += range.count
    }
  }

  /// Forgets that a value was written, so that the next one has no comma before it (each
  /// fragment of a `JSONFragmentList` starts as in an empty writer).
  fileprivate mutating func startFragment() { needsComma = false }

  /// Writes a parsed value back (numbers keep their original text).
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let text):
      separate()
      put(string: text)
    case .string(let s): string(s)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for member in members {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }

  /// Ends a JSON Lines record.
  public mutating func newline() {
    put(0x0A)
    needsComma = false
  }

  /// The text a double is written as: rounded to `fractionDigits`, shortest round-trip form.
  public static func format(_ value: Double) -> String {
    var w = JSONWriter()
    w.double(value)
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// `format` for non-finite values and magnitudes of 10^9 and more, through `description`.
  private static func formatLarge(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if abs(value) >= 1e15 { return "\(value)" }  // no fraction left to round; avoids overflow
    let rounded = (value * 10_000).rounded() / 10_000
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return "\(rounded)"
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func appendEscaped(_ string: String) {
    var string = string
    string.withUTF8 { appendEscaped($0) }
  }

  private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    // Most strings have nothing to escape: their bytes and quotes. Others are measured first.
    let escaping = Self.anyNeedsEscape(utf8)
    reserve(escaping ? Self.escapedCount(utf8) : utf8.count + 2)
    count += Self.writeString(utf8, escaping: escaping, at: base + count)
  }

  /// Writes `utf8` quoted, escaped when `escaping` (`anyNeedsEscape(utf8)`), at `target`
  /// (room for `escapedCount(utf8)` bytes); returns how many bytes it wrote.
  @usableFromInline
  static func writeString(
    _ utf8: UnsafeBufferPointer<UInt8>, escaping: Bool, at target: UnsafeMutablePointer<UInt8>
  ) -> Int {
    target[0] = UInt8(ascii: "\"")
    var end = target + 1
    if let start = utf8.baseAddress {
      if escaping {
        for byte in utf8 {
          if needsEscape(byte) {
            end += writeEscape(byte, at: end)
          } else {
            end[0] = byte
            end += 1
          }
        }
      } else {
        copy(start, to: end, count: utf8.count)
        end += utf8.count
      }
    }
    end[0] = UInt8(ascii: "\"")
    return end + 1 - target
  }

  /// How many bytes `utf8` takes quoted and escaped.
  private static func escapedCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var count = utf8.count + 2
    for byte in utf8 where needsEscape(byte) {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09: count += 1
      default: count += 5  // \u00XX
      }
    }
    return count
  }

  /// Whether any byte of `utf8` is written escaped (`needsEscape`), eight bytes at a time (a
  /// byte at a time was about five instructions a byte of every surface written).
  @usableFromInline
  static func anyNeedsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(utf8)
    guard raw.count >= 8 else { return utf8.contains(where: needsEscape) }
    var i = 0
    while i + 8 < raw.count {
      if anyNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
      i += 8
    }
    // The last eight bytes, overlapping those already read.
    return anyNeedsEscape(raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
  }

  /// Whether any of eight bytes is a control character, `"` or `\`: a byte is zero in x when
  /// x - 1 borrows into its high bit and x's high bit is clear; below 0x20 when v - 0x20 does.
  /// (A borrow may mark bytes above one that matches, never a word with none.)
  @inline(__always)
  private static func anyNeedsEscape(_ v: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quote = v ^ (ones &* 0x22)
    let backslash = v ^ (ones &* 0x5C)
    let found =
      ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((v &- ones &* 0x20) & ~v)
    return found & 0x8080_8080_8080_8080 != 0
  }

  /// Whether a UTF-8 byte is written escaped: a control character, `"` or `\`.
  @inline(__always)
  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private mutating func appendEscapedASCII(_ byte: UInt8) {
    reserve(6)
    count += Self.writeEscape(byte, at: base + count)
  }

  /// Writes an ASCII byte as it appears in a JSON string (escaped when `needsEscape`) at
  /// `target` (room for 6 bytes); returns how many bytes it wrote.
  private static func writeEscape(_ byte: UInt8, at target: UnsafeMutablePointer<UInt8>) -> Int {
    let escape: UInt8
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
    case 0x0A: escape = UInt8(ascii: "n")
    case 0x0D: escape = UInt8(ascii: "r")
    case 0x09: escape = UInt8(ascii: "t")
    case 0..<0x20:
      target[0] = 0x5C
      target[1] = UInt8(ascii: "u")
      target[2] = 0x30
      target[3] = 0x30
      target[4] = Self.hex[Int(byte >> 4)]
      target[5] = Self.hex[Int(byte & 0xF)]
      return 6
    default:
      target[0] = byte
      return 1
    }
    target[0] = 0x5C
    target[1] = escape
    return 2
  }
}

extension JSONWriter {
  /// Appends text as is (for plain-text views that share the writer's buffer).
  public mutating func raw(_ text: String) { put(string: text) }

  private mutating func appendBytes(_ source: [UInt8]) {
    source.withUnsafeBufferPointer { put($0) }
  }

  // MARK: - The buffer

  /// Room for `n` more bytes, for `putReserved`.
  @inline(__always)
  mutating func reserve(_ n: Int) {
    if capacity - count < n { reallocate(toHold: count + n) }
  }

  /// Moves to a new buffer of at least `n` bytes (doubling), copying what is written.
  @inline(never)
  mutating func reallocate(toHold n: Int) {
    var newCapacity = capacity
    while newCapacity < n { newCapacity *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = newCapacity
  }

  /// Copies `count` bytes into room already reserved (`target` does not overlap the source):
  /// up to 16 bytes by two loads and two stores that may overlap, longer pieces through
  /// `memcpy`. Most pieces are keys (`"start":`) and surfaces of a few words; a `memcpy` call
  /// cost about 25 instructions for them.
  @inlinable @inline(__always)
  static func copy(
    _ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    case 0..<4:
      for i in 0..<count { target[i] = source[i] }
    default:
      target.update(from: source, count: count)
    }
  }

  /// Appends a byte there is room for (`reserve`).
  @inline(__always)
  mutating func putReserved(_ byte: UInt8) {
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func put(_ byte: UInt8) {
    reserve(1)
    putReserved(byte)
  }

  @inline(__always)
  mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
    guard let start = source.baseAddress, !source.isEmpty else { return }
    reserve(source.count)
    Self.copy(start, to: base + count, count: source.count)
    count += source.count
  }

  mutating func put(string: String) {
    var string = string
    string.withUTF8 { put($0) }
  }
}

extension JSONWriter {
  /// Writes `body`'s JSON (one value, or object members) in room reserved once, with a comma
  /// before it when one is due: for the shapes a record repeats (a mention's
  /// `{"start":…,"end":…,"text":…,"sentence":…}`), where the checked writes, each a call that
  /// tests the room and the comma, cost more than the bytes. `bound` is at least what `body`
  /// writes: the raw texts' lengths, `Room.intBound` a number and so on.
  public mutating func withRoom(_ bound: Int, _ body: (inout Room) -> Void) {
    reserve(1 + bound)
    if needsComma { putReserved(UInt8(ascii: ",")) }
    var room = Room(position: base + count)
    body(&room)
    let written = room.position - (base + count)
    precondition(written <= bound, "wrote \(written) bytes in room for \(bound)")
    count += written
    needsComma = true
  }

  /// Where `withRoom(_:_:)`'s body writes: room the writer reserved, written without checks.
  public struct Room {
    @usableFromInline var position: UnsafeMutablePointer<UInt8>

    /// The most a number takes: `int(_:)` (a sign and 20 digits), `double(_:)`.
    public static let intBound = 21
    public static let doubleBound = 32

    /// The most a string of `utf8Count` bytes takes, quoted and escaped.
    @inlinable
    public static func stringBound(_ utf8Count: Int) -> Int { 6 * utf8Count + 2 }

    /// Text written as it is: a key with its quotes and colon, punctuation (`#","end":"#`).
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
      JSONWriter.copy(text.utf8Start, to: position, count: text.utf8CodeUnitCount)
      position += text.utf8CodeUnitCount
    }

    @inlinable @inline(__always)
    public mutating func int(_ value: Int) { position += JSONWriter.writeInt(value, at: position) }

    /// `JSONWriter.double(_:)`'s text.
    @inlinable @inline(__always)
    public mutating func double(_ value: Double) {
      position += JSONWriter.writeDouble(value, at: position)
    }

    /// A string given as valid UTF-8, quoted and escaped (`stringBound(utf8.count)`).
    @inlinable @inline(__always)
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
      position += JSONWriter.writeString(
        utf8, escaping: JSONWriter.anyNeedsEscape(utf8), at: position)
    }

    /// Fragment `index` of a list (`list[index].count` bytes), as it is.
    public mutating func fragment(_ list: JSONFragmentList, at index: Int) {
      let range = list.range(of: index)
      list.bytes.withUnsafeBufferPointer { bytes in
        guard let start = bytes.baseAddress else { return }
        JSONWriter.copy(start + range.lowerBound, to: position, count: range.count)
        position += range.count
      }
    }
  }
}

/// JSON text serialized once and copied into every record that repeats it (an entity's id, type
/// and name; a lexicon entry's term and source; keys built from data).
///
///     let entity = JSONFragment { w in
///       w.field("entity"); w.string("Q1")
///       w.field("type"); w.string("org")
///     }
///     writer.beginObject(); writer.fragment(entity); writer.endObject()  // {"entity":"Q1","type":"org"}
public struct JSONFragment: Sendable, Hashable {
  public let bytes: [UInt8]

  /// The bytes `body` writes into an empty writer: one value, or object members.
  ///
  /// The bytes are copied out at their size: the writer's buffer starts at 4 KiB, and a
  /// fragment per gazetteer entity kept that (4 GiB of fragments for a million aliases).
  public init(_ body: (inout JSONWriter) -> Void) {
    // A small buffer: a fragment is a few members, and a gazetteer has one per entity.
    var w = JSONWriter(capacity: 128)
    body(&w)
    bytes = w.bytes  // a copy at its size
  }

  /// An object key, escaped, with its colon (for `JSONWriter.key(_:)`).
  public init(key: String) {
    self.init { $0.key(key) }
  }
}

/// Many fragments serialized into one buffer (one per gazetteer entity): a million entities
/// cost one allocation instead of two each. `JSONWriter.fragment(_:at:)` writes one.
///
/// ```swift
/// let names = JSONFragmentList(["NASA", "Roscosmos"]) { w, name in
///   w.field("name")
///   w.string(name)
/// }
/// var w = JSONWriter()
/// w.beginObject()
/// w.fragment(names, at: 1)  // {"name":"Roscosmos"
/// ```
public struct JSONFragmentList: Sendable {
  fileprivate let bytes: [UInt8]
  /// Where each fragment ends in `bytes` (it starts where the one before ends).
  private let ends: [Int]

  /// The bytes `body` writes for each element, as `JSONFragment(_:)` would write them alone.
  public init<Elements: Sequence>(
    _ elements: Elements, _ body: (inout JSONWriter, Elements.Element) -> Void
  ) {
    // About 64 bytes a fragment (an entity's id, type and name), so the buffer seldom grows.
    var w = JSONWriter(capacity: max(4096, elements.underestimatedCount * 64))
    var ends: [Int] = []
    ends.reserveCapacity(elements.underestimatedCount)
    for element in elements {
      w.startFragment()
      body(&w, element)
      ends.append(w.count)
    }
    bytes = w.bytes
    self.ends = ends
  }

  public var count: Int { ends.count }

  fileprivate func range(of index: Int) -> Range<Int> {
    (index == 0 ? 0 : ends[index - 1])..<ends[index]
  }

  /// The bytes of fragment `index`.
  public subscript(index: Int) -> ArraySlice<UInt8> { bytes[range(of: index)] }
}
