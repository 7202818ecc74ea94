import PipelineKit
import TestSupport
import Testing

/// The shipped gazetteer (`lexicons/entities/`) finds the officials, bodies and places that news
/// of the sample domain names, by the aliases a reader expects, and leaves the ordinary words
/// that look like them alone.
@Suite("Default gazetteer")
struct DefaultGazetteerTests {
  static let cases: [MentionCase] = [
    MentionCase(
      "the heads of Roscosmos and NASA after 2024",
      "⟦Dmitry Bakanov⟧ met ⟦Jared Isaacman⟧; ⟦Bakanov⟧ and ⟦Isaacman⟧ spoke.",
      ["bakanov", "isaacman", "bakanov", "isaacman"]),
    MentionCase(
      "an acting administrator and an associate administrator",
      "⟦Sean Duffy⟧ and ⟦Ken Bowersox⟧ briefed ⟦Duffy⟧'s staff.",
      ["duffy", "bowersox", "duffy"]),
    MentionCase(
      "a president, capitalised", "⟦Donald Trump⟧ said ⟦Trump⟧ would decide.", ["trump", "trump"]),
    MentionCase("the verb 'trump' is no name", "Politics may trump science, a trump card.", []),
    MentionCase(
      "the legislatures", "⟦Congress⟧ and the ⟦State Duma⟧ voted; the ⟦Duma⟧ agreed.",
      ["congress", "state_duma", "state_duma"]),
    MentionCase("'congress' in lower case is no legislature", "a congress of engineers", []),
    MentionCase(
      "'U.S.' stays the country before 'Congress'", "the ⟦U.S.⟧ ⟦Congress⟧ voted",
      ["united_states", "congress"]),
    MentionCase(
      "capitals are entities of their own, as Moscow is",
      "⟦Beijing⟧, ⟦Paris⟧ and ⟦Berlin⟧ replied to ⟦Moscow⟧.",
      ["beijing", "paris", "berlin", "moscow"]),
    MentionCase(
      "the Italian space agency",
      "the ⟦Italian Space Agency⟧ (⟦ASI⟧) and ⟦Italy⟧", ["asi", "asi", "italy"]),
    MentionCase(
      "a lawmaker and a commissioner",
      "⟦Ted Cruz⟧, ⟦Zoe Lofgren⟧ and ⟦Andrius Kubilius⟧ spoke.", ["cruz", "lofgren", "kubilius"]),
  ]

  @Test(arguments: cases)
  func mentions(_ c: MentionCase) throws {
    let marked = MarkedText(c.marked)
    let session = try defaultAnalyzer.tokenizer.makeSession()
    let analysis = try defaultAnalyzer.analyze(marked.text, session: session)
    let mentions = analysis.mentions
    #expect(mentions.map { $0.start..<$0.end } == marked.spans)
    #expect(mentions.map { analysis.entity($0.entity).id } == c.entities)
  }
}
