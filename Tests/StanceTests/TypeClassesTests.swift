import Testing
import Tokenize

@testable import Stance

/// The type classes a participant carries agree with the rules' type sets they replace.
@Suite("Type classes")
struct TypeClassesTests {
  private static func rules() throws -> AttributionRules {
    let lines = "reporter\tMEDIA\ninanimate\tFACILITY,PRODUCT\nperson\tPERSON,CREW\n"
    return try AttributionRules(
      clauses: [], references: [("references.tsv", Array(lines.utf8))], tokenizer: Tokenizer())
  }

  private static let types = ["PERSON", "MEDIA", "FACILITY", "PRODUCT", "GPE", "ORG", "CREW", ""]

  @Test(
    arguments: [
      (0, TypeClasses.person), (1, .reporter), (2, .inanimate), (3, .inanimate), (4, .gpe),
      (5, []), (6, .person), (7, []),
      // No type: an entity index outside the types.
      (8, []), (-1, []),
    ] as [(Int, TypeClasses)])
  func classes(entity: Int, expected: TypeClasses) throws {
    let rules = try Self.rules()
    let classes = TypeClasses(entity: entity, types: Self.types, rules: rules)
    #expect(classes == expected)
    let type = Self.types.indices.contains(entity) ? Self.types[entity] : nil
    #expect(classes.contains(.person) == (type.map(rules.personTypes.contains) ?? false))
    #expect(classes.contains(.reporter) == (type.map(rules.reporterTypes.contains) ?? false))
    #expect(classes.contains(.inanimate) == (type.map(rules.inanimateTypes.contains) ?? false))
    #expect(classes.contains(.gpe) == (type == "GPE"))
  }
}
