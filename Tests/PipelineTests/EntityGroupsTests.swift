import Testing

@testable import PipelineKit

/// `EntityGroups`: the record writer's mentions and references by entity.
@Suite("EntityGroups")
struct EntityGroupsTests {
  @Test("Each entity's items in item order; an entity without items has none")
  func groups() {
    let entities = [7, 2, 7, 0, 2, 7, 1_000_000]
    let groups = EntityGroups(entities)
    #expect(Array(groups.indices(of: 7)) == [0, 2, 5])
    #expect(Array(groups.indices(of: 2)) == [1, 4])
    #expect(Array(groups.indices(of: 0)) == [3])
    #expect(Array(groups.indices(of: 1_000_000)) == [6])
    #expect(groups.indices(of: 3).isEmpty && groups.indices(of: 1_000_001).isEmpty)
    #expect(EntityGroups([Int]()).indices(of: 0).isEmpty)
  }
}
