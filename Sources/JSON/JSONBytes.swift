/// Bytes a `JSONWriter` wrote, handed over without a copy (`JSONWriter.takeBytes()`): the
/// writer's buffer, freed with the last reference to this value.
///
/// Immutable once made, so it may cross threads (a batch's output goes from its worker to the
/// writing thread): `@unchecked` only because it holds a pointer.
///
/// ```swift
/// var w = JSONWriter()
/// w.int(7)
/// let bytes = w.takeBytes()  // "7"; `w` is empty
/// bytes.withUnsafeBufferPointer { try sink.write($0) }
/// ```
public final class JSONBytes: @unchecked Sendable {
  private let base: UnsafeMutablePointer<UInt8>
  /// How many bytes there are.
  public let count: Int

  /// Takes over `base`, which holds `count` initialized bytes and was allocated with
  /// `UnsafeMutablePointer.allocate`; nothing else may use or free it afterwards.
  init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  deinit { base.deallocate() }

  /// Calls `body` with the bytes (valid only during the call).
  public func withUnsafeBufferPointer<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// A copy of the bytes.
  public var array: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }
}
