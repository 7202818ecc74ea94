import Stance
import Testing

@Suite("AttributionPolicy")
struct AttributionPolicyTests {
  @Test(arguments: [
    ("agent", AttributionPolicy.agent), ("target", .target), ("clause", .clause),
    ("sentence", .sentence), ("window:3", .window(3)), ("window:0", .window(0)),
    ("window:25", .window(25)),
  ])
  func parses(text: String, policy: AttributionPolicy) throws {
    #expect(try AttributionPolicy(parsing: text) == policy)
    #expect(policy.description == text)
  }

  @Test(arguments: [
    "window:x", "window:", "window:-1", "window", "Sentence", "", "window:3 ", "tokens:3",
    "window:+3",
    "subject",
  ])
  func refuses(text: String) {
    let error = #expect(throws: StanceError.self) { try AttributionPolicy(parsing: text) }
    #expect(
      error?.description
        == "expected an attribution policy (agent, target, clause, sentence or window:N, or DIM=POLICY) with N ≥ 0, found '\(text)'"
    )
  }

  @Test func settingsForOneDimensionWinOverSettingsForAllThenDeclarationsThenTheDefault() throws {
    var policies = try AttributionPolicies(parsing: ["clause", "cooperation=agent"])
    policies.declared = ["cooperation": .target, "trust": .sentence]
    #expect(policies.policy(for: "cooperation") == .agent)
    #expect(policies.policy(for: "trust") == .clause)
    #expect(policies.policy(for: "stance") == .clause)
    var declaredOnly = AttributionPolicies()
    declaredOnly.declared = ["trust": .sentence]
    #expect(declaredOnly.policy(for: "trust") == .sentence)
    #expect(declaredOnly.policy(for: "stance") == AttributionPolicies.defaultPolicy)
    #expect(throws: StanceError.self) { try AttributionPolicies(parsing: ["=agent"]) }
    #expect(throws: StanceError.self) { try AttributionPolicies(parsing: ["cooperation=subject"]) }
  }

  @Test(arguments: [
    (AttributionPolicy.agent, [Role.agent]), (.target, [.target]), (.clause, [.agent, .target]),
    (.sentence, [.agent, .target, .mentioned]),
  ])
  func countsRoles(policy: AttributionPolicy, roles: [Role]) {
    #expect(Role.allCases.filter(policy.counts) == roles)
  }
}
