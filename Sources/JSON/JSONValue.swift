/// A parsed JSON value. Objects keep their members in input order; numbers keep their text, so
/// values carried through (`meta`) are written back exactly as they were read.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number's text as it appeared in the input (already validated as a JSON number).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The value of the first member named `key`, if this is an object that has one.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// A short name for the kind of value, for error messages: "a string", "a number", …
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var value: JSONValue

  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}
