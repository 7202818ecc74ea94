/// The type classes of a document's entities, each found once (a linear search: a document has
/// few entities), and each type's once: entities share a few types, and finding a type's
/// classes is three `Set<String>` look-ups.
///
/// A value the caller keeps in a local variable and asks through `classes(of:)`: kept in
/// variables captured by a nested function, the two lists were checked for exclusive access at
/// run time at each call (about four `swift_beginAccess` calls, 2.3 instructions a byte on the
/// benchmark slice). Its size grows with the document's entities, not the gazetteer's.
struct TypeClassCache {
  private var classesOf: [(entity: Int, classes: TypeClasses)] = []
  private var classesOfType: [(type: String, classes: TypeClasses)] = []

  /// `entities`: how many entities the document may name at most (room for them at once: grown
  /// one at a time, the lists were reallocated about nine times a document).
  init(entities: Int) {
    classesOf.reserveCapacity(entities)
    classesOfType.reserveCapacity(min(entities, 8))
  }

  /// The classes of entity `entity`'s type in `types` (entity index → type; none for an entity
  /// without a type). The tables are given at each call, not kept: a copy of the rules would
  /// retain each of their tables.
  mutating func classes(
    of entity: Int, types: [String], rules: AttributionRules
  ) -> TypeClasses {
    if let k = classesOf.firstIndex(where: { $0.entity == entity }) {
      return classesOf[k].classes
    }
    let classes: TypeClasses
    if types.indices.contains(entity) {
      let type = types[entity]
      if let k = classesOfType.firstIndex(where: { $0.type == type }) {
        classes = classesOfType[k].classes
      } else {
        classes = TypeClasses(entity: entity, types: types, rules: rules)
        classesOfType.append((type, classes))
      }
    } else {
      classes = []
    }
    classesOf.append((entity, classes))
    return classes
  }
}
