import CICU

/// A failed ICU call: the function and ICU's name for the status (`U_…_ERROR`).
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
  public var function: String
  public var status: Int32
  public var name: String { String(cString: cicu_error_name(status)) }

  public var description: String { "ICU \(function) failed: \(name) (\(status))" }

  /// The one choke point every ICU status passes through: throws on failure (status > 0).
  static func check(_ status: Int32, _ function: String) throws(ICUError) {
    if status > 0 { throw ICUError(function: function, status: status) }
  }

  /// The version of the ICU library linked in, for example "72.1".
  public static var libraryVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    cicu_version(&buffer)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
