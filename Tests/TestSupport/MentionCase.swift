import Testing

/// Marked text: every expected mention is ⟦marked⟧, with the entity ids in order.
public struct MentionCase: CustomTestStringConvertible, Sendable {
  public let name: String
  public let marked: String
  public let entities: [String]
  public var testDescription: String { name }

  public init(_ name: String, _ marked: String, _ entities: [String]) {
    self.name = name
    self.marked = marked
    self.entities = entities
  }
}
