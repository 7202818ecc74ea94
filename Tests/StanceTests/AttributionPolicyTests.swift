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

  /// The share of a negative hit each policy counts, near the mention, by the rule that
  /// decided the entity's role (with the shipped `target_*` shares: deeds 1, words 0, mentions
  /// 0.25, places and times 0).
  @Test(arguments: [
    (AttributionPolicy.agent, RoleRule.subject, 1.0), (.agent, .object, 0),
    (.agent, .otherClause, 0), (.agent, .circumstance, 0),
    (.target, .object, 1), (.target, .passiveSubject, 1), (.target, .subject, 1),
    (.target, .possessor, 1), (.target, .speaker, 0), (.target, .quoteSpeaker, 0),
    (.target, .otherClause, 0.25), (.target, .reporter, 0.25), (.target, .otherSentence, 0),
    (.target, .circumstance, 0),
    (.clause, .subject, 1), (.clause, .predicate, 1), (.clause, .nonSubject, 0),
    (.clause, .circumstance, 0), (.sentence, .otherClause, 1), (.sentence, .circumstance, 1),
  ])
  func sharesByRule(policy: AttributionPolicy, rule: RoleRule, share: Double) {
    #expect(policy.share(rule, positive: false, distance: 0, Modifiers()) == share)
  }

  /// Under `target`, a positive hit done to the entity or only mentioned beside it counts
  /// `target_positive` (0.5) of its share, one the entity does keeps it; a hit done to or by
  /// it more than `target_reach` (5) tokens away counts at most `target_mentioned` (0.25).
  /// Other policies look at neither.
  @Test(arguments: [
    (AttributionPolicy.target, RoleRule.object, true, 0, 0.5), (.target, .subject, true, 0, 1),
    (.target, .otherClause, true, 0, 0.125), (.target, .object, false, 5, 1),
    (.target, .object, false, 6, 0.25), (.target, .subject, false, 6, 0.25),
    (.target, .object, true, 6, 0.125), (.target, .otherClause, false, 9, 0.25),
    (.target, .speaker, true, 9, 0), (.agent, .subject, true, 9, 1), (.clause, .object, true, 9, 1),
  ])
  func targetSharesBySignAndDistance(
    policy: AttributionPolicy, rule: RoleRule, positive: Bool, distance: Int, share: Double
  ) {
    #expect(policy.share(rule, positive: positive, distance: distance, Modifiers()) == share)
  }
}
