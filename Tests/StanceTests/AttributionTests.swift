import Entities
import Foundation
import Stance
import TestSupport
import Testing
import Tokenize

private let tokenizer = Tokenizer()

private let gazetteerTSV = """
  rogozin\tPERSON\tDmitry Rogozin
  rogozin\tPERSON\tRogozin
  borisov\tPERSON\tBorisov
  nelson\tPERSON\tNelson
  roscosmos\tORG\tRoscosmos
  roscosmos\tORG\tRussian space agency
  nasa\tORG\tNASA
  russia\tGPE\tRussia
  russia\tGPE\tRussian\tdemonym
  washington\tGPE\tWashington
  white_house\tORG\tWhite House
  dlr\tORG\tGerman Aerospace Center
  interfax\tMEDIA\tInterfax
  nelson\tPERSON\tadministrator\ttitle
  nelson\tPERSON\tnasa\taffiliation
  borisov\tPERSON\troscosmos\taffiliation
  borisov\tPERSON\trussia\taffiliation
  iss\tFACILITY\tISS
  united_states\tGPE\tUnited States
  moscow\tGPE\tMoscow
  monday\tDATE\tMonday
  """

private let lexiconTSV = """
  threat*\t-2.5\tcooperation
  blam*\t-2\tcooperation
  criticis*\t-1.5\tcooperation
  sanction*\t-2\tcooperation
  leave\t-1.2\tcooperation
  cooperat*\t2\tcooperation
  partner*\t1.8\tcooperation
  prais*\t1.5\tcooperation
  safe\t1\tcooperation
  warn*\t-1\tcooperation
  suspend*\t-2\tcooperation
  quit\t-2.5\tcooperation
  refus*\t-2\tcooperation
  dismiss*\t-1.5\tcooperation
  offer*\t1\tcooperation
  stand by\t1.5\tcooperation
  on hold\t-1.5\tcooperation
  warmly\t1.5\tcooperation
  pull out\t-2.5\tcooperation
  committed\t1\tcooperation
  """

/// The repository's own rule files: the tests check the rules an analyst edits.
private func repositoryFile(_ path: String) throws -> (path: String, bytes: [UInt8]) {
  (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: Repository.path(path)))))
}

private struct Fixture {
  var gazetteer: Gazetteer
  let lexicon: Lexicon
  var modifiers: Modifiers
  let rules: AttributionRules

  init() throws {
    gazetteer = try Gazetteer(files: [("g.tsv", [UInt8](gazetteerTSV.utf8))], tokenizer: tokenizer)
    lexicon = try Lexicon(files: [("l.tsv", [UInt8](lexiconTSV.utf8))], tokenizer: tokenizer)
    modifiers = try Modifiers(
      files: [try repositoryFile("lexicons/stance/modifiers.tsv")], tokenizer: tokenizer)
    rules = try AttributionRules(
      clauses: [try repositoryFile("lexicons/attribution/clauses.tsv")],
      references: [try repositoryFile("lexicons/attribution/references.tsv")], tokenizer: tokenizer)
  }

  func scorer(_ policy: AttributionPolicy = .agent, coreference: Bool = true) -> StanceScorer {
    StanceScorer(
      lexicon: lexicon, modifiers: modifiers, rules: rules,
      policies: AttributionPolicies(all: policy),
      coreference: coreference)
  }

  func analyze(_ text: String, _ policy: AttributionPolicy = .agent, coreference: Bool = true)
    throws -> (
      TokenizedText, [EntityMention], StanceAnalysis
    )
  {
    let doc = try tokenizer.tokenize(text)
    let mentions = gazetteer.mentions(in: doc)
    let analysis = scorer(policy, coreference: coreference).score(
      doc, mentions: mentions, types: gazetteer.entities.map(\.type),
      titles: gazetteer.entities.map(\.titles),
      demonyms: DemonymIndex(gazetteer.entities.map(\.demonyms)),
      affiliations: gazetteer.affiliationIndices)
    return (doc, mentions, analysis)
  }
}

/// A role case: the marked span is the mention (or pronoun) the role is decided through; `hit`
/// is the matched text of the lexicon hit; `rule` the rule expected for `entity`.
struct RoleCase: CustomTestStringConvertible, Sendable {
  let name: String
  let marked: String
  let hit: String
  let entity: String
  let rule: RoleRule
  var testDescription: String { name }

  init(_ name: String, _ marked: String, hit: String, _ entity: String, _ rule: RoleRule) {
    self.name = name
    self.marked = marked
    self.hit = hit
    self.entity = entity
    self.rule = rule
  }
}

@Suite("Attribution: clauses, roles, policies, shifters, coreference")
struct AttributionTests {
  static let roleCases: [RoleCase] = [
    RoleCase(
      "subject before the hit", "⟦Rogozin⟧ threatened NASA.", hit: "threatened", "rogozin", .subject
    ),
    RoleCase(
      "object after the hit", "Rogozin blamed ⟦NASA⟧ for the delay.", hit: "blamed", "nasa", .object
    ),
    RoleCase(
      "apposition keeps the subject", "⟦Rogozin⟧, the head of Roscosmos, threatened to leave.",
      hit: "threatened", "rogozin", .subject),
    RoleCase(
      "an organisation acts through the person its title of office names",
      "⟦Roscosmos⟧ chief Rogozin threatened to leave.",
      hit: "threatened", "roscosmos", .title),
    RoleCase(
      "… a courtesy title between the title of office and the name is no word of it",
      "⟦Roscosmos⟧ chief Mr. Rogozin threatened to leave.", hit: "threatened", "roscosmos",
      .title),
    RoleCase(
      "… and through one an apposition names",
      "Rogozin, the head of ⟦Roscosmos⟧, threatened to leave.", hit: "threatened", "roscosmos",
      .title),
    RoleCase(
      "… and through one a possessive's title of office names",
      "⟦NASA⟧'s administrator Nelson praised the partnership.", hit: "praised", "nasa", .title),
    RoleCase(
      "… or through the office itself when it names no one",
      "⟦NASA⟧'s administrator praised the partnership.", hit: "praised", "nasa", .subject),
    RoleCase(
      "… and through a title of office after its 'of' that names no one",
      "Russia will quit the station, the head of ⟦Roscosmos⟧ said.", hit: "quit", "roscosmos",
      .speaker),
    RoleCase(
      "… not through one a title that is no office names",
      "⟦Roscosmos⟧ cosmonaut Rogozin threatened to leave.",
      hit: "threatened", "roscosmos", .nonSubject),
    RoleCase(
      "… nor when the person is no agent",
      "Rogozin blamed ⟦NASA⟧ Administrator Nelson.", hit: "blamed", "nasa", .object),
    RoleCase(
      "an organisation speaks through an anonymous role after an indefinite article",
      "A ⟦Roscosmos⟧ spokesman said Russia would quit.", hit: "quit", "roscosmos", .speaker),
    RoleCase(
      "the main clause after an opening participle does not share who is named in it",
      "Seated beside ⟦Nelson⟧ in Moscow, a senior engineer praised the partnership.",
      hit: "praised", "nelson", .otherClause),
    RoleCase(
      "an apposition after the name that ends an opening phrase belongs to the phrase",
      "In a letter to ⟦Nelson⟧, the head of NASA, Rogozin threatened to leave.",
      hit: "threatened", "nelson", .otherClause),
    RoleCase(
      "… and the subject after it is the main clause's",
      "In a letter to Nelson, the head of NASA, ⟦Rogozin⟧ threatened to leave.",
      hit: "threatened", "rogozin", .subject),
    RoleCase(
      "a participle's phrase after the opening phrase is not the subject",
      "With Nelson, the head of NASA, seated in the front row, ⟦Rogozin⟧ said Russia would quit.",
      hit: "quit", "rogozin", .speaker),
    RoleCase(
      "a subordinate clause after an opening participle's phrase ends at its comma",
      "Speaking in Moscow, hours before the ISS passed overhead, ⟦Rogozin⟧ said Russia would quit.",
      hit: "quit", "rogozin", .speaker),
    RoleCase(
      "a long phrase opened by a preposition ends at its comma when a name follows",
      "At a press conference in Paris held alongside representatives of ⟦NASA⟧, Rogozin said Russia would quit.",
      hit: "quit", "nasa", .otherClause),
    RoleCase(
      "… and the name after it is the main clause's subject",
      "At a press conference in Paris held alongside representatives of NASA, ⟦Rogozin⟧ said Russia would quit.",
      hit: "quit", "rogozin", .speaker),
    RoleCase(
      "the agent of a passive asks for the infinitive after it",
      "Roscosmos was asked by ⟦NASA⟧ to cooperate on the station.", hit: "cooperate", "nasa",
      .passiveAgent),
    RoleCase(
      "… and the passive's subject is only asked",
      "⟦Roscosmos⟧ was asked by the White House and NASA to cooperate.", hit: "cooperate",
      "roscosmos", .passiveSubject),
    RoleCase(
      "a participle after a passive's `by` phrase and a comma is its agent's act",
      "Roscosmos was criticised by ⟦NASA⟧ on Monday, suspending the talks.", hit: "suspending",
      "nasa", .passiveAgent),
    RoleCase(
      "… done to the passive's subject",
      "⟦Roscosmos⟧ was criticised by NASA, suspending the talks.", hit: "suspending",
      "roscosmos", .passiveSubject),
    RoleCase(
      "a `passive_infinitive` verb after a passive auxiliary and `to` is done to the subject",
      "⟦Roscosmos⟧ was partly to blame, NASA said.", hit: "blame", "roscosmos",
      .passiveSubject),
    RoleCase(
      "… and any other infinitive after a form of be is the subject's own act",
      "⟦Russia⟧ is to leave the ISS.", hit: "leave", "russia", .subject),
    RoleCase(
      "an adverb without -ly may stand between the passive auxiliary and its participle",
      "⟦Roscosmos⟧ was also criticised by NASA.", hit: "criticised", "roscosmos",
      .passiveSubject),
    RoleCase(
      "… and its agent acts",
      "Roscosmos was later criticised by ⟦NASA⟧.", hit: "criticised", "nasa", .passiveAgent),
    RoleCase(
      "the one a verb of joining names before 'in' and a gerund does the act",
      "Washington did not follow ⟦NASA⟧ in suspending cooperation.", hit: "suspending", "nasa",
      .partner),
    RoleCase(
      "… and the subject of the negated verb does its reverse",
      "⟦Washington⟧ did not follow NASA in suspending cooperation.", hit: "suspending",
      "washington", .declined),
    RoleCase(
      "… or the act itself when the verb is not negated",
      "⟦Washington⟧ followed NASA in suspending cooperation.", hit: "suspending", "washington",
      .subject),
    RoleCase(
      "a possessive before a noun of relation describes it",
      "Roscosmos stayed, while ⟦its⟧ American counterpart threatened to leave.",
      hit: "threatened", "roscosmos", .nonSubject),
    RoleCase(
      "… and after a determiner when its role noun stands for no one named",
      "The ⟦Roscosmos⟧ chief threatened to leave.", hit: "threatened", "roscosmos", .subject),
    RoleCase(
      "the person after an organisation's title is the subject",
      "Roscosmos chief ⟦Rogozin⟧ threatened to leave.",
      hit: "threatened", "rogozin", .subject),
    RoleCase(
      "an organisation before a person's role noun describes the person",
      "Rogozin arrived. The ⟦Roscosmos⟧ chief threatened to leave.",
      hit: "threatened", "roscosmos", .nonSubject),
    RoleCase(
      "an organisation after a person's title of office and 'of' acts through the person",
      "The head of ⟦Roscosmos⟧, Rogozin, threatened to leave.",
      hit: "threatened", "roscosmos", .title),
    RoleCase(
      "a country before its leader's title is in the subject",
      "⟦Russia⟧ chief Borisov threatened to leave.",
      hit: "threatened", "russia", .subject),
    RoleCase(
      "complement of a noun hit", "The sanctions against ⟦Roscosmos⟧ hurt.", hit: "sanctions",
      "roscosmos",
      .object),
    RoleCase(
      "possessor", "Critics quoted ⟦Rogozin⟧'s threat.", hit: "threat", "rogozin", .possessor),
    RoleCase(
      "a passive agent with a title before it: both names",
      "The partnership was praised by NASA administrator ⟦Nelson⟧.",
      hit: "praised", "nelson", .passiveAgent),
    RoleCase(
      "the organisation of a passive agent's title",
      "The partnership was praised by ⟦NASA⟧ administrator Nelson.",
      hit: "praised", "nasa", .passiveAgent),
    RoleCase(
      "a reduced passive after a comma", "The partnership deal, signed by ⟦NASA⟧, was praised.",
      hit: "partnership", "nasa", .passiveAgent),
    RoleCase(
      "a possessive before another name describes it", "⟦Russia⟧'s Roscosmos praised the crew.",
      hit: "praised", "russia", .nonSubject),
    RoleCase(
      "the name a possessive describes is the subject", "Russia's ⟦Roscosmos⟧ praised the crew.",
      hit: "praised", "roscosmos", .subject),
    RoleCase(
      "a possessive two words before another name describes it",
      "⟦Washington⟧'s agency chief Nelson praised the crew.",
      hit: "praised", "washington", .nonSubject),
    RoleCase(
      "possessive pronoun", "Roscosmos met. Critics quoted ⟦its⟧ threat.", hit: "threat",
      "roscosmos",
      .possessor),
    RoleCase(
      "passive subject", "⟦NASA⟧ was criticised by Rogozin.", hit: "criticised", "nasa",
      .passiveSubject),
    RoleCase(
      "passive agent", "NASA was criticised by ⟦Rogozin⟧.", hit: "criticised", "rogozin",
      .passiveAgent),
    RoleCase(
      "a reduced passive with a place after a preposition before `by`",
      "A plan praised in Moscow by ⟦NASA⟧ was dropped.", hit: "praised", "nasa", .passiveAgent),
    RoleCase(
      "a name after `by` and a name that describes it",
      "Sanctions imposed by the United States ⟦White House⟧ hurt.", hit: "Sanctions",
      "white_house", .passiveAgent),
    RoleCase(
      "every name of a list after `by`", "Sanctions imposed by NASA, Moscow and ⟦Washington⟧.",
      hit: "Sanctions", "washington", .passiveAgent),
    RoleCase(
      "a middle name of a list after `by`", "Sanctions imposed by NASA, ⟦Moscow⟧ and Washington.",
      hit: "Sanctions", "moscow", .passiveAgent),
    RoleCase(
      "a name after a comma is no list without a coordinator: here, who says it",
      "Sanctions were imposed by NASA, ⟦Moscow⟧ said.", hit: "Sanctions", "moscow", .speaker),
    RoleCase(
      "a participle of attitude after 'is' is the subject's own, no passive",
      "⟦NASA⟧ is committed to the partnership.", hit: "committed", "nasa", .subject),
    RoleCase(
      "passive with an adverb", "⟦NASA⟧ was sharply criticised.", hit: "criticised", "nasa",
      .passiveSubject),
    RoleCase(
      "speaker of reported speech", "⟦Borisov⟧ said Russia would leave the station.", hit: "leave",
      "borisov",
      .speaker),
    RoleCase(
      "subject of reported speech", "Borisov said ⟦Russia⟧ would leave the station.", hit: "leave",
      "russia",
      .subject),
    RoleCase(
      "speaker before 'that'", "⟦Borisov⟧ told reporters on Monday that Russia would leave.",
      hit: "leave",
      "borisov", .speaker),
    RoleCase(
      "addressee of a speech verb is a bystander", "Borisov told ⟦NASA⟧ that Russia would leave.",
      hit: "leave",
      "nasa", .otherClause),
    RoleCase(
      "speaker after a quotation", "\"We will leave,\" ⟦Borisov⟧ said.", hit: "leave", "borisov",
      .quoteSpeaker),
    RoleCase(
      "speaker after a typographic quotation", "“We will leave,” said ⟦Borisov⟧.", hit: "leave",
      "borisov",
      .quoteSpeaker),
    RoleCase(
      "speaker before a quotation", "⟦Borisov⟧ told reporters: \"We will leave.\"", hit: "leave",
      "borisov",
      .quoteSpeaker),
    RoleCase(
      "entity a quotation is about", "\"We blame ⟦NASA⟧,\" Borisov said.", hit: "blame", "nasa",
      .object),
    RoleCase(
      "speaker after a quotation, named after a title",
      "“We will leave,” said Roscosmos chief ⟦Dmitry Rogozin⟧.",
      hit: "leave", "rogozin", .quoteSpeaker),
    RoleCase(
      "… whose organisation speaks through him",
      "“We will leave,” said ⟦Roscosmos⟧ chief Dmitry Rogozin.",
      hit: "leave", "roscosmos", .title),
    RoleCase(
      "a speaker named before a participle clause",
      "Roscosmos will quit the station, ⟦Borisov⟧ said, dismissing the offer.", hit: "quit",
      "borisov", .speaker),
    RoleCase(
      "a speaker named before a prepositional phrase",
      "Roscosmos will quit the station, ⟦Borisov⟧ said on Friday, in retaliation for the sanctions.",
      hit: "quit", "borisov", .speaker),
    RoleCase(
      "a stance noun after 'is under' is done to the subject", "⟦Rogozin⟧ is under new sanctions.",
      hit: "sanctions", "rogozin", .passiveSubject),
    RoleCase(
      "… not one after a circumstance's 'under'",
      "⟦Rogozin⟧ called cooperation pointless under the sanctions.", hit: "sanctions", "rogozin",
      .subject),
    RoleCase(
      "a noun of relation is no stance of its possessor", "Washington thanked ⟦Russia⟧'s partners.",
      hit: "partners", "russia", .predicate),
    RoleCase(
      "… nor of a possessive pronoun's",
      "NASA said it would stand by ⟦Roscosmos⟧ and its other partners.", hit: "partners",
      "roscosmos", .predicate),
    RoleCase(
      "a passive's agent after a prepositional phrase",
      "Sanctions were imposed on Roscosmos by ⟦Washington⟧.", hit: "Sanctions", "washington",
      .passiveAgent),
    RoleCase(
      "a description of no participant is not the speaker's",
      "⟦NASA⟧ officials hope the new chief will be less combative than his predecessor, who had spent months threatening to quit.",
      hit: "threatening", "nasa", .otherClause),
    RoleCase(
      "a coordinated clause whose subject has a long title",
      "NASA officials said they had received no notice, and the agency's space operations chief ⟦Nelson⟧ said the crew was safe.",
      hit: "safe", "nelson", .speaker),
    RoleCase(
      "the subject of a negated passive and an infinitive",
      "⟦NASA⟧ was not invited to stand by Roscosmos.",
      hit: "stand by", "nasa", .passiveSubject),
    RoleCase(
      "speaker after a quotation in single quotes", "'We will leave,' said ⟦Borisov⟧.",
      hit: "leave", "borisov", .quoteSpeaker),
    RoleCase(
      "speaker after a quotation in typographic single quotes", "‘We will leave,’ ⟦Borisov⟧ said.",
      hit: "leave", "borisov", .quoteSpeaker),
    RoleCase(
      "an apostrophe is no quotation mark",
      "The partners' talks went on, and ⟦Borisov⟧ said Russia would leave.", hit: "leave",
      "borisov", .speaker),
    RoleCase(
      "a quotation that began in the sentence before",
      "'Certainly. We will leave the partnership,' ⟦Borisov⟧ said.", hit: "leave", "borisov",
      .quoteSpeaker),
    RoleCase(
      "a quotation that began in the sentence before, in double quotes",
      "Borisov was asked. \"No. We will leave,\" ⟦Rogozin⟧ said.", hit: "leave", "rogozin",
      .quoteSpeaker),
    RoleCase(
      "an apposition after a quotation's speaker: its organisation speaks through him",
      "\"We will leave, and we will warn,\" Borisov, the head of the ⟦Russian space agency⟧, said.",
      hit: "leave", "roscosmos", .title),
    RoleCase(
      "the speaker before an apposition says the quotation",
      "\"We will leave, and we will warn,\" ⟦Borisov⟧, the head of the Russian space agency, said.",
      hit: "leave", "borisov", .quoteSpeaker),
    RoleCase(
      "other clause (contrast)",
      "Rogozin threatened to leave, while ⟦NASA⟧ insisted the partnership was safe.",
      hit: "threatened", "nasa", .otherClause),
    RoleCase(
      "speaker of a contrast clause",
      "Rogozin threatened to leave, while ⟦NASA⟧ insisted the partnership was safe.",
      hit: "partnership", "nasa", .speaker),
    RoleCase(
      "agent not across a contrast clause",
      "Rogozin threatened to leave, while NASA insisted the partnership was safe.".marking(
        "Rogozin"),
      hit: "partnership", "rogozin", .otherClause),
    RoleCase(
      "governed by a preposition", "NASA, unlike ⟦Washington⟧, praised the partnership.",
      hit: "praised",
      "washington", .nonSubject),
    RoleCase(
      "shared subject after 'but'", "⟦Nelson⟧ praised the partnership but warned of delays.",
      hit: "warned",
      "nelson", .sharedSubject),
    RoleCase(
      "a speech verb in -ing after a subordinate clause speaks for the main subject",
      "⟦Borisov⟧ ruled out leaving before Russia's station is ready, telling NASA that the partnership would go on.",
      hit: "partnership", "borisov", .speaker),
    RoleCase(
      "the subordinate clause's subject does not say it",
      "Borisov ruled out leaving before ⟦Russia⟧'s station is ready, telling NASA that the partnership would go on.",
      hit: "partnership", "russia", .otherClause),
    RoleCase(
      "who is told is not in what is said",
      "Rogozin spoke, telling ⟦NASA⟧ he expected the partnership to continue.",
      hit: "partnership", "nasa", .otherClause),
    RoleCase(
      "the pronoun after who is told is the teller",
      "Rogozin spoke, telling NASA ⟦he⟧ expected the partnership to continue.",
      hit: "partnership", "rogozin", .subject),
    RoleCase(
      "a clause opening with a determiner has its own subject",
      "⟦NASA⟧ launched the crew; the sanctions did not affect the partnership.",
      hit: "partnership", "nasa", .otherClause),
    RoleCase(
      "relative clause's antecedent", "⟦Borisov⟧, who criticised the sanctions, spoke.",
      hit: "criticised",
      "borisov", .sharedSubject),
    RoleCase(
      "bystander in a relative clause", "Borisov, who took over ⟦Roscosmos⟧, threatened to leave.",
      hit: "threatened", "roscosmos", .otherClause),
    RoleCase(
      "subject after a relative clause", "⟦Borisov⟧, who took over Roscosmos, threatened to leave.",
      hit: "threatened", "borisov", .subject),
    RoleCase(
      "subject after a relative clause with a clause inside it",
      "⟦Rogozin⟧, who has led Roscosmos since 2018, threatened to leave.",
      hit: "threatened", "rogozin", .subject),
    RoleCase(
      "subject after a relative clause, in reported speech",
      "Reports say that ⟦Rogozin⟧, who has led Roscosmos since 2018, is threatening the station.",
      hit: "threatening", "rogozin", .subject),
    RoleCase(
      "possessor of a noun that can be a verb",
      "Roscosmos has no notice of ⟦Russia⟧'s plans to leave.",
      hit: "leave", "russia", .possessor),
    RoleCase(
      "source before the statement", "According to ⟦Borisov⟧, Russia will leave the station.",
      hit: "leave", "borisov", .speaker),
    RoleCase(
      "subject of a statement with a source",
      "According to Borisov, ⟦Russia⟧ will leave the station.", hit: "leave", "russia", .subject),
    RoleCase(
      "source after the statement",
      "Russia will leave the station after 2024, according to ⟦Borisov⟧.", hit: "leave",
      "borisov", .speaker),
    RoleCase(
      "object of an earlier verb", "Rogozin accused ⟦NASA⟧ of trying to wreck the cooperation.",
      hit: "cooperation", "nasa", .predicate),
    RoleCase(
      "coordinated clause with its own subject",
      "Rogozin threatened to leave, and ⟦NASA⟧ praised the crew.",
      hit: "threatened", "nasa", .otherClause),
    RoleCase(
      "coordinated subject", "NASA and ⟦Roscosmos⟧ praised the partnership.", hit: "praised",
      "roscosmos",
      .subject),
    RoleCase(
      "coordinated objects stay one clause", "Rogozin blamed NASA and ⟦Washington⟧.", hit: "blamed",
      "washington", .object),
    RoleCase(
      "a clause opening the sentence ends at its comma",
      "After Washington announced sanctions, ⟦Rogozin⟧ threatened to leave.", hit: "sanctions",
      "rogozin",
      .otherClause),
    RoleCase(
      "a parenthetical does not split the subject", "⟦Roscosmos⟧ (the agency) threatened to leave.",
      hit: "threatened", "roscosmos", .subject),
    RoleCase(
      "a coordinated participle shares the passive",
      "The plan was praised by NASA and criticised by ⟦Rogozin⟧.",
      hit: "criticised", "rogozin", .passiveAgent),
    RoleCase(
      "a participle after 'but' shares the passive",
      "The plan was praised by NASA but criticised by ⟦Rogozin⟧.", hit: "criticised", "rogozin",
      .passiveAgent),
    RoleCase(
      "a dateline is no subject", "⟦MOSCOW⟧ (Interfax) - Roscosmos threatened to quit the station.",
      hit: "threatened", "moscow", .otherClause),
    RoleCase(
      "a dateline's agency is no subject either",
      "MOSCOW, March 3 (⟦Interfax⟧) - Roscosmos threatened to quit the station.",
      hit: "threatened", "interfax", .otherClause),
    RoleCase(
      "a dateline of capitals and a dash alone is no subject",
      "⟦WASHINGTON⟧ — Roscosmos threatened to quit the station.", hit: "threatened", "washington",
      .otherClause),
    RoleCase(
      "after a dash dateline, a contrast clause opening the sentence ends at its comma",
      "WASHINGTON — While ⟦Nelson⟧ praised the partnership, Rogozin threatened to quit.",
      hit: "threatened", "nelson", .otherClause),
    RoleCase(
      "a relative clause without 'that' has its own subject",
      "Washington dropped the threat, a move ⟦NASA⟧ praised.", hit: "praised", "nasa", .subject),
    RoleCase(
      "… also with the name's article and auxiliaries before the verb",
      "Washington dropped the threat, a move the ⟦White House⟧ has repeatedly praised.",
      hit: "praised", "white_house", .subject),
    RoleCase(
      "… and the main clause's subject is not its agent",
      "⟦Washington⟧ dropped the threat, a move NASA quickly praised.", hit: "praised",
      "washington", .otherClause),
    RoleCase(
      "a comma inside closing quotation marks ends the opening clause",
      "While ⟦Nelson⟧ calls the partnership “rock solid,” Rogozin threatens to quit.",
      hit: "threatens", "nelson", .otherClause),
    RoleCase(
      "… and the main clause keeps its subject",
      "While Nelson calls the partnership “rock solid,” ⟦Rogozin⟧ threatens to quit.",
      hit: "threatens", "rogozin", .subject),
    RoleCase(
      "what a person is reported to have done is not the reporter's stance",
      "⟦Nelson⟧ said Rogozin had blamed the United States.", hit: "blamed", "nelson",
      .otherClause),
    RoleCase(
      "… but the person's own",
      "Nelson said ⟦Rogozin⟧ had blamed the United States.", hit: "blamed", "rogozin",
      .subject),
    RoleCase(
      "a participle's subject after the speaker's commas is no speaker named after the statement",
      "Russia will leave the station, ⟦Borisov⟧ said, saying the country would build its own.",
      hit: "leave", "borisov", .speaker),
    RoleCase(
      "a speech participle after a contrast clause speaks for that clause's subject",
      "Within days, however, ⟦Borisov⟧ changed course, telling reporters that Russia would leave.",
      hit: "leave", "borisov", .speaker),
    RoleCase(
      "a number ends a preposition's object",
      "In 2021 ⟦Roscosmos⟧ criticised NASA.", hit: "criticised", "roscosmos", .subject),
    RoleCase(
      "a name after `along with` shares the subject's verb",
      "Roscosmos, along with ⟦Moscow⟧, praised NASA.", hit: "praised", "moscow", .subject),
    RoleCase(
      "… as does one after `as well as`",
      "Roscosmos as well as ⟦Moscow⟧ praised NASA.", hit: "praised", "moscow", .subject),
    RoleCase(
      "… and one in an opening `along with` phrase",
      "Along with ⟦Moscow⟧, Roscosmos criticised NASA.", hit: "criticised", "moscow", .subject),
    RoleCase(
      "… while the subject keeps its verb",
      "⟦Roscosmos⟧, as well as Moscow, praised NASA.", hit: "praised", "roscosmos", .subject),
    RoleCase(
      "a name after a plain `with` is no subject",
      "Roscosmos, with ⟦Moscow⟧ watching, criticised NASA.", hit: "criticised", "moscow",
      .nonSubject),
    RoleCase(
      "who is named after the `from` of a noun of an act does it",
      "The plan drew sharp criticism from ⟦Moscow⟧.", hit: "criticism", "moscow", .source),
    RoleCase(
      "every name of a list after `from`",
      "The plan drew criticism from NASA, Rogozin and ⟦Moscow⟧.", hit: "criticism", "moscow",
      .source),
    RoleCase(
      "… not after a noun whose `from` names a place",
      "Roscosmos criticised the partnership from ⟦Moscow⟧.", hit: "partnership", "moscow",
      .object),
    RoleCase(
      "a subordinator before a number opens no clause",
      "⟦Russia⟧ would stay until 2028 and would then quit the station.", hit: "quit", "russia",
      .subject),
    RoleCase(
      "the subject of a modal of obligation is told what to do",
      "\"⟦Russia⟧ must quit the station,\" Nelson said.", hit: "quit", "russia",
      .wishedSubject),
    RoleCase(
      "… by its speaker",
      "⟦Nelson⟧ said Russia should quit the station.", hit: "quit", "nelson", .speaker),
    RoleCase(
      "`and` before a possessive name and the name it possesses opens a clause",
      "⟦Borisov⟧ arrived at the station, and Moscow's Rogozin praised the crew.",
      hit: "praised", "borisov", .otherClause),
    RoleCase(
      "… whose subject is the possessed name",
      "Borisov arrived at the station, and Moscow's ⟦Rogozin⟧ praised the crew.",
      hit: "praised", "rogozin", .subject),
    RoleCase(
      "a contrast clause whose subject is a collective noun shares no subject",
      "⟦Rogozin⟧ waited in Moscow while officials in Houston praised the partnership.",
      hit: "praised", "rogozin", .otherClause),
    RoleCase(
      "… one without a subject does",
      "⟦Rogozin⟧ waited in Moscow while praising the partnership.", hit: "praising",
      "rogozin", .sharedSubject),
    RoleCase(
      "after a quotation, a description's comma names the speaker",
      "\"We will leave,\" the head of the Russian space agency, ⟦Borisov⟧, said.",
      hit: "leave", "borisov", .quoteSpeaker),
    RoleCase(
      "… and the organisation in the description speaks through him",
      "\"We will leave,\" the head of the ⟦Russian space agency⟧, Borisov, said.",
      hit: "leave", "roscosmos", .title),
    RoleCase(
      "who is named after `with` after a reciprocal act does it with the subject",
      "Roscosmos partnered with ⟦NASA⟧ on the mission.", hit: "partnered", "nasa", .partner),
    RoleCase(
      "… so is a second name joined by `and`",
      "Roscosmos partnered with Moscow and ⟦NASA⟧.", hit: "partnered", "nasa", .partner),
    RoleCase(
      "… but a negated act is done to it",
      "Roscosmos never partnered with ⟦NASA⟧.", hit: "partnered", "nasa", .object),
    RoleCase(
      "… and a noun of the act alone is no act",
      "Roscosmos praised the partnership with ⟦NASA⟧.", hit: "partnership", "nasa", .object),
    RoleCase(
      "a person's possessive in what is reported is no report of that person's act",
      "⟦Nelson⟧ said Rogozin's latest threats had hurt the station.", hit: "threats", "nelson",
      .speaker),
    RoleCase(
      "a `that` after a reported verb is that verb's, not the first speech verb's",
      "Borisov said ⟦Rogozin⟧ had warned NASA that Russia would leave.", hit: "warned",
      "rogozin", .subject),
    RoleCase(
      "… so what it reports is the second speaker's",
      "Borisov said ⟦Rogozin⟧ had warned NASA that Russia would leave.", hit: "leave",
      "rogozin", .speaker),
    RoleCase(
      "… and an organisation reported to warn takes its warning",
      "Borisov said the ⟦Moscow⟧ government had warned that Russia would leave.",
      hit: "warned", "moscow", .subject),
    RoleCase(
      "a speech verb after `to` leaves the `that` to the first one",
      "⟦Nelson⟧ asked Borisov to confirm that Russia would leave.", hit: "leave", "nelson",
      .speaker),
    RoleCase(
      "who is told is not the one reported",
      "⟦Borisov⟧ told Vladimir Putin at a meeting in the Kremlin that Russia would quit the ISS.",
      hit: "quit", "borisov", .speaker),
    RoleCase(
      "what someone never said is no one's stance",
      "⟦Borisov⟧ never said Russia would quit the station.", hit: "quit", "borisov",
      .otherClause),
    RoleCase(
      "… not its subject's either",
      "Borisov never said ⟦Russia⟧ would quit the station.", hit: "quit", "russia",
      .hypothetical),
    RoleCase(
      "a passive's agent is the nearest one",
      "The plan was praised by NASA and criticised by ⟦Rogozin⟧.",
      hit: "praised", "rogozin", .object),
    RoleCase(
      "a clause before the main verb ends at its comma",
      "Two days after the sanctions, ⟦Borisov⟧ threatened to leave.", hit: "threatened", "borisov",
      .subject),
    RoleCase(
      "reported speech covers its subordinate clauses",
      "⟦Rogozin⟧ said Roscosmos would stay until the sanctions end.", hit: "sanctions", "rogozin",
      .speaker),
    RoleCase(
      "a quotation's speaker says its coordinated clauses",
      "\"We praise them, and they praise the crew,\" ⟦Nelson⟧ said.", hit: "praise", "nelson",
      .quoteSpeaker),
    RoleCase(
      "a noun phrase after 'as' does not share the subject",
      "⟦Rogozin⟧ described the plan as a threat.", hit: "threat", "rogozin", .otherClause),
    RoleCase(
      "pronoun subject", "NASA met. ⟦It⟧ praised the crew.", hit: "praised", "nasa", .subject),
    RoleCase(
      "pronoun in reported speech (its own subject wins over the speaker)",
      "NASA said ⟦it⟧ would keep the partnership.", hit: "partnership", "nasa", .subject),
    RoleCase(
      "role noun", "Roscosmos met. ⟦The agency⟧ criticised the sanctions.", hit: "criticised",
      "roscosmos",
      .subject),
    RoleCase(
      "role noun around a name", "Rogozin spoke. ⟦The Roscosmos chief⟧ threatened to leave.",
      hit: "threatened",
      "rogozin", .subject),
    RoleCase(
      "a passive's agent after a determiner",
      "Joint work was suspended by the ⟦German Aerospace Center⟧.", hit: "suspended", "dlr",
      .passiveAgent),
    RoleCase(
      "a stance noun in a passive's subject is the agent's",
      "The threat to cut off deliveries was made by ⟦Rogozin⟧ on Twitter.", hit: "threat",
      "rogozin",
      .passiveAgent),
    RoleCase(
      "a stance noun just after a passive verb",
      "Roscosmos was placed under sanctions by the ⟦White House⟧ on Friday.", hit: "sanctions",
      "white_house", .passiveAgent),
    RoleCase(
      "a speech verb in the passive reports nothing",
      "New sanctions were announced by the ⟦White House⟧.", hit: "sanctions", "white_house",
      .passiveAgent),
    RoleCase(
      "a passive without its auxiliary",
      "Washington lifted the sanctions, a move praised by ⟦Rogozin⟧.", hit: "praised", "rogozin",
      .passiveAgent),
    RoleCase(
      "a passive's agents joined by 'and', a time phrase before 'by'",
      "The crew was praised on Friday by NASA and the ⟦Russian space agency⟧.", hit: "praised",
      "roscosmos", .passiveAgent),
    RoleCase(
      "a stance noun and a participle before 'by'",
      "The partnership signed by ⟦NASA⟧ was praised.", hit: "partnership", "nasa", .passiveAgent),
    RoleCase(
      "the subject of a condition is only mentioned", "NASA would help if ⟦Russia⟧ quit.",
      hit: "quit", "russia", .hypothetical),
    RoleCase(
      "a condition is not its speaker's", "⟦Nelson⟧ said NASA would stay if Russia quit.",
      hit: "quit", "nelson", .otherClause),
    RoleCase(
      "a condition opening a quotation ends at its comma",
      "\"If the sanctions stay, we will quit,\" ⟦Rogozin⟧ said.", hit: "quit", "rogozin",
      .quoteSpeaker),
    RoleCase(
      "a condition opening a quotation is not its speaker's",
      "\"If the sanctions stay, we will quit,\" ⟦Rogozin⟧ said.", hit: "sanctions", "rogozin",
      .otherClause),
    RoleCase(
      "a relative clause after a mention and one noun is the mention's",
      "Nelson read a ⟦Rogozin⟧ post that threatened to quit.", hit: "threatened", "rogozin",
      .sharedSubject),
    RoleCase(
      "a participle after a comma ends reported speech",
      "⟦Nelson⟧ said NASA would stay, replying to a Rogozin post that threatened to quit.",
      hit: "threatened", "nelson", .otherClause),
    RoleCase(
      "a speech word after an article is a noun",
      "Rogozin repeated the claim ⟦NASA⟧ would quit.", hit: "quit", "nasa", .predicate),
    RoleCase(
      "a stance noun just after a passive verb is done to the subject",
      "⟦Roscosmos⟧ was placed under sanctions in February.", hit: "sanctions", "roscosmos",
      .passiveSubject),
    RoleCase(
      "a negator inside a passive", "⟦NASA⟧ was not praised.", hit: "praised", "nasa",
      .passiveSubject),
    RoleCase(
      "a name right before a stance noun is whose it is",
      "Roscosmos was placed under ⟦Washington⟧ sanctions.", hit: "sanctions", "washington",
      .possessor),
    RoleCase(
      "a name after a possessive pronoun is not whose the stance noun is",
      "Rogozin thanked his ⟦NASA⟧ partners.", hit: "partners", "nasa", .predicate),
    RoleCase(
      "a name right before a verb, after a preposition, is not its subject",
      "The war with ⟦Washington⟧ warned everyone.", hit: "warned", "washington", .nonSubject),
    RoleCase(
      "a participle opening the sentence opens a phrase of its own",
      "Standing beside ⟦Nelson⟧ in Moscow, Rogozin threatened to quit.", hit: "threatened",
      "nelson", .otherClause),
    RoleCase(
      "a 'by' inside the hit marks no passive", "NASA will stand by ⟦Roscosmos⟧.",
      hit: "stand by", "roscosmos", .object),
    RoleCase(
      "no passive when a determiner comes before 'by'",
      "NASA praised the decision by ⟦Roscosmos⟧ to stay.", hit: "praised", "roscosmos", .object),
    RoleCase(
      "a contrast preposition opens no clause of the subject's",
      "⟦NASA⟧ kept its partnership, despite calls from lawmakers to quit.", hit: "quit", "nasa",
      .otherClause),
    RoleCase(
      "a speaker named after the statement does not say a phrase after 'despite'",
      "NASA will keep the partnership, despite calls to quit, ⟦Nelson⟧ said.", hit: "quit",
      "nelson", .otherClause),
    RoleCase(
      "nor does the speaker of reported speech say a phrase after 'regardless'",
      "⟦Nelson⟧ said NASA would keep the partnership, regardless of the threats.", hit: "threats",
      "nelson", .otherClause),
    RoleCase(
      "a speaker named after the statement says the rest of it",
      "NASA will keep the partnership, despite calls to quit, ⟦Nelson⟧ said.", hit: "partnership",
      "nelson", .speaker),
    RoleCase(
      "a speaker named after the statement",
      "Russia will leave the partnership, ⟦Borisov⟧ said on Thursday.", hit: "leave", "borisov",
      .speaker),
    RoleCase(
      "a speaker named after the statement, inverted",
      "NASA praised the crew, said ⟦Nelson⟧.", hit: "praised", "nelson", .speaker),
    RoleCase(
      "a news agency reporting takes no stance",
      "⟦Interfax⟧ reported that Rogozin threatened to quit.", hit: "threatened", "interfax",
      .reporter),
    RoleCase(
      "a news agency as a source takes no stance",
      "According to ⟦Interfax⟧, Rogozin threatened to quit.", hit: "threatened", "interfax",
      .reporter),
    RoleCase(
      "the subject of a demand has not acted", "Rogozin demanded that ⟦Russia⟧ quit the station.",
      hit: "quit", "russia", .wishedSubject),
    RoleCase(
      "a speech word inside a name is no speech verb",
      "Rogozin demanded that ⟦Russia⟧ quit every station project with the United States.",
      hit: "quit", "russia", .wishedSubject),
    RoleCase(
      "… nor has it as the possessor of what it is asked to do (no mention of it is an agent)",
      "Nelson urged ⟦Russia⟧ to suspend its partnership with NASA.", hit: "partnership",
      "russia", .wishedSubject),
    RoleCase(
      "the one who demands is the agent", "⟦Rogozin⟧ demanded that Russia quit the station.",
      hit: "quit", "rogozin", .speaker),
    RoleCase(
      "a speaker between commas after a semicolon says nothing of the clause before it",
      "Officials were drafting plans to quit; up here, ⟦Borisov⟧ said, the crew was calm.",
      hit: "quit", "borisov", .otherClause),
    RoleCase(
      "who is praised for a good deed in -ing does it",
      "Rogozin praised ⟦NASA⟧ for cooperating.", hit: "cooperating", "nasa", .subject),
    RoleCase(
      "… not the one who praises", "⟦Rogozin⟧ praised NASA for cooperating.",
      hit: "cooperating", "rogozin", .nonSubject),
    RoleCase(
      "… not after a passive's 'by'", "Rogozin was praised by ⟦NASA⟧ for cooperating.",
      hit: "cooperating", "nasa", .predicate),
    RoleCase(
      "who is blamed for a bad deed takes no stance by the accusation",
      "Rogozin blamed ⟦NASA⟧ for threatening the partnership.", hit: "threatening", "nasa",
      .predicate),
    RoleCase(
      "a contrast clause whose subject names no one is not the speaker's",
      "⟦NASA⟧ said it would keep the partnership, while the cosmonaut threatened to quit.",
      hit: "threatened", "nasa", .otherClause),
    RoleCase(
      "… one without a subject shares the reported subject",
      "NASA said ⟦it⟧ would stay, while threatening to quit.", hit: "threatening", "nasa",
      .sharedSubject),
    RoleCase(
      "what a verb of denial denies is no one's act",
      "Rogozin denied that ⟦Russia⟧ had threatened the station.", hit: "threatened", "russia",
      .hypothetical),
    RoleCase(
      "… the denier's own too", "Russia denied that ⟦it⟧ had threatened the station.",
      hit: "threatened", "russia", .hypothetical),
    RoleCase(
      "… unless the denial is negated",
      "Rogozin did not deny that ⟦Russia⟧ had threatened the station.", hit: "threatened",
      "russia", .subject),
    RoleCase(
      "a speech verb in -ing after a comma says what follows, not the request before it",
      "Rogozin asked, announcing that ⟦Russia⟧ would quit the station.",
      hit: "quit", "russia", .subject),
    RoleCase(
      "a speech verb in -ing after a request: its speaker is the agent",
      "⟦Rogozin⟧ asked, announcing that Russia would quit the station.",
      hit: "quit", "rogozin", .speaker),
    RoleCase(
      "a wish without 'that'", "⟦Nelson⟧ hoped NASA would keep the partnership.",
      hit: "partnership", "nelson", .speaker),
    RoleCase(
      "a time phrase without a comma does not govern the subject",
      "In March the ⟦Russian space agency⟧ suspended the experiments.", hit: "suspended",
      "roscosmos", .subject),
    RoleCase(
      "a speaker named after the statement, after a description",
      "Russia will leave the partnership, the agency's chief ⟦Borisov⟧ said on Tuesday.",
      hit: "leave", "borisov", .speaker),
    RoleCase(
      "a quotation's speaker between the quotation and its verb",
      "Nelson met reporters. \"We praise the partnership,\" ⟦he⟧ said in an interview with Interfax.",
      hit: "praise", "nelson", .quoteSpeaker),
    RoleCase(
      "a quotation after a colon is said by the subject before it",
      "⟦Rogozin⟧ was blunt: \"Russia will quit the station.\"", hit: "quit", "rogozin",
      .quoteSpeaker),
    RoleCase(
      "a phrase that opens with a preposition modifies no name before it",
      "Washington has put exchanges with ⟦Roscosmos⟧ on hold.", hit: "on hold", "roscosmos",
      .predicate),
    RoleCase(
      "a stance noun in a passive's `by` phrase is done to the subject",
      "⟦Roscosmos⟧ and NASA were all hit by new sanctions.", hit: "sanctions", "roscosmos",
      .passiveSubject),
    RoleCase(
      "an irregular participle after a passive auxiliary, in a relative clause",
      "NASA revived talks with ⟦Roscosmos⟧ that had been put on hold.", hit: "on hold",
      "roscosmos", .passiveSubject),
    RoleCase(
      "a possessive pronoun in apposition describes the name after the comma",
      "Nelson met Rogozin. ⟦His⟧ successor, Borisov, praised the partnership.",
      hit: "praised", "nelson", .nonSubject),
    RoleCase(
      "a quotation in a clause without a speech verb is its subject's words",
      "⟦Rogozin⟧ has called Washington “our most reliable partner in space.”", hit: "partner",
      "rogozin", .quoteSpeaker),
    RoleCase(
      "what a condition's subject wishes is hypothetical",
      "If ⟦Washington⟧ wants to cooperate, it should lift the sanctions.", hit: "cooperate",
      "washington", .hypothetical),
    RoleCase(
      "`whether` opens a condition", "Rogozin would not say whether ⟦Russia⟧ wanted to cooperate.",
      hit: "cooperate", "russia", .hypothetical),
    RoleCase(
      "a possessive before a person's title of office speaks through it",
      "⟦Russia⟧'s foreign minister said the partnership was over.", hit: "partnership", "russia",
      .speaker),
    RoleCase(
      "a possessive before a person's role noun that is no office describes that person",
      "⟦Russia⟧'s top cosmonaut said the partnership was over.", hit: "partnership", "russia",
      .otherClause),
    RoleCase(
      "names in an apposition after the subject describe it",
      "Rogozin, now deputy head of ⟦Russia⟧'s Security Council, said the partnership was safe.",
      hit: "partnership", "russia", .otherClause),
    RoleCase(
      "a list after the subject is no apposition",
      "Rogozin, ⟦Borisov⟧ and Nelson praised the partnership.", hit: "praised", "borisov",
      .subject),
    RoleCase(
      "a headline's name before a colon says what follows",
      "⟦Rogozin⟧: Russia will quit the station", hit: "quit", "rogozin", .speaker),
    RoleCase(
      "… but not a place's name in capitals, a dateline",
      "⟦MOSCOW⟧: Roscosmos will quit the station.", hit: "quit", "moscow", .otherClause),
    RoleCase(
      "a speaker between two commas says what comes before them",
      "The sanctions, ⟦Nelson⟧ said on Friday, will stay.", hit: "sanctions", "nelson", .speaker),
    RoleCase(
      "and what comes after them", "Russia, ⟦Borisov⟧ said, will quit the station.", hit: "quit",
      "borisov", .speaker),
    RoleCase(
      "an apposition after a coordinated clause's subject counts as nothing",
      "NASA is barred from working with Moscow, and ⟦Nelson⟧, the agency's chief, has warned Russia.",
      hit: "warned", "nelson", .subject),
    RoleCase(
      "a stance noun's doer after `by`", "The threats by ⟦Rogozin⟧ angered NASA.",
      hit: "threats", "rogozin", .passiveAgent),
    RoleCase(
      "a stance noun's doer after `of` and its object",
      "The threats of a walkout by ⟦Rogozin⟧ angered NASA.", hit: "threats", "rogozin",
      .passiveAgent),
    RoleCase(
      "an infinitive of purpose opening the sentence is a clause of its own",
      "To keep the crews flying, ⟦NASA⟧ and Roscosmos praised the partnership.", hit: "praised",
      "nasa", .subject),
    RoleCase(
      "a subject pronoun ends a preposition's reach",
      "Rogozin posted a message. In the message ⟦he⟧ threatened NASA.", hit: "threatened",
      "rogozin", .subject),
    RoleCase(
      "what a question asks in its main clause is no one's stance",
      "Will ⟦Russia⟧ quit the station?",
      hit: "quit", "russia", .hypothetical),
    RoleCase(
      "what its subordinate clause says is given", "Is Rogozin bluffing when ⟦he⟧ threatens NASA?",
      hit: "threatens", "rogozin", .subject),
    RoleCase(
      "a name in an unnamed person's title that is no office is no trailing speaker",
      "Russia will quit the station, the top cosmonaut of ⟦Roscosmos⟧ said.", hit: "quit",
      "roscosmos", .object),
    RoleCase(
      "an inverted condition is a condition", "Should ⟦Russia⟧ quit the station, NASA would stay.",
      hit: "quit", "russia", .hypothetical),
    RoleCase(
      "an inverted condition whose name opens with a determiner",
      "Should the ⟦United States⟧ extend the partnership, ESA would join.", hit: "partnership",
      "united_states", .hypothetical),
    RoleCase(
      "a stance noun in a passive's reason is done to the subject",
      "⟦Nelson⟧ was praised by Rogozin for the partnership.", hit: "partnership", "nelson",
      .passiveSubject),
    RoleCase(
      "a gerund in a passive's reason is the subject's own deed",
      "⟦Rogozin⟧ was criticised by NASA for threatening the station.", hit: "threatening",
      "rogozin", .subject),
    RoleCase(
      "scare quotes quote nobody", "⟦Rogozin⟧ called the sanctions “a threat” on Twitter.",
      hit: "threat", "rogozin", .subject),
    RoleCase(
      "a source after a determiner",
      "According to a ⟦Roscosmos⟧ statement, Russia will keep the partnership.",
      hit: "partnership", "roscosmos", .speaker),
    RoleCase(
      "a station takes no stance", "The ⟦ISS⟧ will keep the partnership until 2030.",
      hit: "partnership", "iss", .inanimate),
    RoleCase(
      "'they' for two people joined by 'and'", "Rogozin and Borisov met. ⟦They⟧ praised the crew.",
      hit: "praised", "borisov", .subject),
    RoleCase(
      "a reduced passive after a stance noun and the phrase its preposition opens",
      "Sanctions on Russian aerospace firms imposed by the ⟦White House⟧ took effect.",
      hit: "Sanctions", "white_house", .passiveAgent),
    RoleCase(
      "a speech verb right before 'by' is a reduced passive, not a verb of saying",
      "Sanctions on Russian aerospace firms announced by the ⟦White House⟧ took effect.",
      hit: "Sanctions", "white_house", .passiveAgent),
    RoleCase(
      "a name before an adverb in -ly and a stance word in -ed: a relative clause without 'that'",
      "The crew returned, a move ⟦Roscosmos⟧ warmly praised.", hit: "praised", "roscosmos",
      .subject),
    RoleCase(
      "the reason an active stance verb gives is done to its object, whose possessive it names",
      "Rogozin praised ⟦NASA⟧ for its partnership.", hit: "partnership", "nasa", .predicate),
    RoleCase(
      "a quotation opening its sentence goes on with the speaker of the one before",
      "\"We stand by it,\" ⟦Rogozin⟧ said. \"We will quit.\"", hit: "quit", "rogozin",
      .quoteSpeaker),
    RoleCase(
      "the organisation a subject's collective noun speaks for",
      "Officials at ⟦NASA⟧ said the partnership would continue.", hit: "partnership", "nasa",
      .speaker),
    RoleCase(
      "who a causative verb names before 'to' does what follows",
      "The threats led ⟦NASA⟧ to quit the partnership.", hit: "quit", "nasa", .subject),
    RoleCase(
      "… and so does who an enabling verb names before 'to'",
      "The waiver allowed ⟦NASA⟧ to cooperate.", hit: "cooperate", "nasa", .subject),
    RoleCase(
      "the subject of a form of 'be' whose predicate names it a partner is described",
      "Rogozin said ⟦NASA⟧ had been a partner.", hit: "partner", "nasa", .described),
    RoleCase(
      "a later hit in the predicate that names it a partner describes it too",
      "⟦NASA⟧ has been a reliable partner over years of cooperation.", hit: "cooperation",
      "nasa", .described),
    RoleCase(
      "… but not after a verb",
      "⟦NASA⟧ has been a reliable partner and will cooperate.", hit: "cooperate", "nasa",
      .subject),
    RoleCase(
      "a possessive after 'by' owns the agent and is not the agent",
      "The sanctions were imposed on ⟦Moscow⟧ by its partners.", hit: "sanctions", "moscow",
      .object),
    RoleCase(
      "a possessive owns its noun, not a noun phrase an article opens after it",
      "Rogozin called ⟦NASA⟧'s offer a threat.", hit: "threat", "nasa", .predicate),
    RoleCase(
      "a possessive before a noun of content owns what it introduces",
      "Nelson praised ⟦Washington⟧'s decision to lift the sanctions.", hit: "sanctions",
      "washington", .possessor),
    RoleCase(
      "who a noun of content names after 'by' does what it introduces",
      "Nelson praised the decision by ⟦Roscosmos⟧ to stand by the partnership.",
      hit: "stand by", "roscosmos", .passiveAgent),
    RoleCase(
      "an adverb hit right before a passive participle is part of the passive",
      "⟦Nelson⟧ was warmly praised by Roscosmos.", hit: "warmly", "nelson", .passiveSubject),
    RoleCase(
      "a clause with its own subject and speech verb is not what the speaker around it says",
      "⟦Nelson⟧ said NASA would quit, even as Roscosmos said it would stand by the partnership.",
      hit: "stand by", "nelson", .otherClause),
    RoleCase(
      "a subordinator before a speech word quotes no one: the subject speaks",
      "⟦Rogozin⟧ criticised NASA after announcing that Moscow would quit.", hit: "quit",
      "rogozin", .speaker),
    RoleCase(
      "who is quoted as saying says what is reported, not the subject",
      "Interfax quoted ⟦Rogozin⟧ as saying that Moscow would quit.", hit: "quit", "rogozin",
      .speaker),
    RoleCase(
      "a subject pronoun after ';' continues the clause's subject, not its object",
      "Rogozin went after Nelson; ⟦he⟧ criticised the crew.", hit: "criticised", "rogozin",
      .subject),
    RoleCase(
      "a subject pronoun after ', and' continues the clause's subject",
      "Rogozin went after Nelson, and ⟦he⟧ criticised the crew.", hit: "criticised", "rogozin",
      .subject),
    RoleCase(
      "'it' after ', and' and a phrase of time continues the clause's subject, not its object",
      "Roscosmos worked alongside NASA for years, and this week ⟦it⟧ praised the crew.",
      hit: "praised", "roscosmos", .subject),
    RoleCase(
      "an aside a participle opens after the subject is done to the subject",
      "⟦Nelson⟧, asked about the threat, said NASA would keep the partnership.", hit: "threat",
      "nelson", .passiveSubject),
    RoleCase(
      "a verb in -ed before a clause joined by 'and' is the subject's own",
      "⟦Nelson⟧, praised the partnership, and Rogozin left.", hit: "partnership", "nelson",
      .subject),
    RoleCase(
      "a quotation after the reported clause's subject and verb is part of it",
      "Rogozin said ⟦Russia⟧ remained “fully committed” to the partnership.", hit: "partnership",
      "russia", .subject),
    RoleCase(
      "a quotation after a noun phrase that opens what is reported is part of it",
      "Interfax quoted ⟦Nelson⟧ as saying the partnership “would go on”.", hit: "partnership",
      "nelson", .speaker),
    RoleCase(
      "a quotation inside what 'as saying' opens is part of it",
      "Interfax quoted ⟦Rogozin⟧ as saying sanctions would “end” the partnership.",
      hit: "sanctions", "rogozin", .speaker),
    RoleCase(
      "a place after a locative preposition is where, not what the hit is done to",
      "Rogozin criticised the talks in ⟦Moscow⟧.", hit: "criticised", "moscow", .circumstance),
    RoleCase(
      "a locative preposition right after the hit is the hit's own",
      "Rogozin directed his threat at ⟦Washington⟧.", hit: "threat", "washington", .object),
    RoleCase(
      "a name after a locative preposition that the rules make an agent stays one",
      "Officials at ⟦NASA⟧ praised the crew.", hit: "praised", "nasa", .subject),
    RoleCase(
      "a time is no one's stance", "⟦Monday⟧'s talks praised the crew.", hit: "praised",
      "monday", .circumstance),
    RoleCase(
      "capitalised title words between 'by' and the agent of a passive",
      "The sanctions were announced by President ⟦Nelson⟧.", hit: "sanctions", "nelson",
      .passiveAgent),
    RoleCase(
      "when it was said stands between the speech verb and the subject of what is said",
      "Borisov said on Friday ⟦Russia⟧ would keep the partnership.", hit: "partnership",
      "russia", .subject),
    RoleCase(
      "a pronoun after when it was said stands for the speaker, not the nearest name",
      "Roscosmos, which trains crews with NASA, said on Friday ⟦it⟧ would quit.", hit: "quit",
      "roscosmos", .subject),
    RoleCase(
      "a speech verb in the passive with its teller after 'by': the teller speaks",
      "NASA was told by ⟦Rogozin⟧ that Russia would quit.", hit: "quit", "rogozin", .speaker),
    RoleCase(
      "… and after an insertion between commas before 'that', the teller's adverb in -ly before",
      "Roscosmos reportedly told NASA, in a letter handed over in Moscow, that ⟦it⟧ would quit.",
      hit: "quit", "roscosmos", .subject),
    RoleCase(
      "a possessive in a passive's reason names its subject, to whom it is done (not its deed)",
      "⟦Nelson⟧ was thanked by the Russian space agency for his partnership.",
      hit: "partnership", "nelson", .passiveSubject),
    RoleCase(
      "the second of two agents after 'by', before a subordinate clause",
      "The partnership was praised by Roscosmos and ⟦NASA⟧ in July after months of threats.",
      hit: "praised", "nasa", .passiveAgent),
    RoleCase(
      "a quotation running on into the next sentence: its speaker says that part too",
      "⟦Rogozin⟧ said: \"We stand by it. We will quit.\"", hit: "quit", "rogozin",
      .quoteSpeaker),
    RoleCase(
      "a quotation running on from the sentence before, its speaker named after it",
      "\"We will quit. We mean it,\" ⟦Rogozin⟧ said.", hit: "quit", "rogozin", .quoteSpeaker),
    RoleCase(
      "a past participle opening the sentence opens a phrase that ends at its first comma",
      "Asked whether Moscow would quit, ⟦Rogozin⟧ replied: \"We will leave.\"", hit: "leave",
      "rogozin", .quoteSpeaker),
    RoleCase(
      "a trailing speaker after his title's organisation: the person speaks",
      "Russia will quit the ISS, Roscosmos chief ⟦Borisov⟧ told Interfax on Tuesday.",
      hit: "quit", "borisov", .speaker),
    RoleCase(
      "a trailing speaker named between commas after a description, the speech verb after them",
      "Russia will quit the ISS, the agency's director general, ⟦Borisov⟧, said on Monday.",
      hit: "quit", "borisov", .speaker),
    RoleCase(
      "a trailing speaker does not say what another person did",
      "Rogozin threatened NASA, ⟦Nelson⟧ told reporters.", hit: "threatened", "nelson",
      .otherClause),
    RoleCase(
      "… nor what another person said",
      "Rogozin told Borisov that Russia would leave, ⟦Nelson⟧ said.", hit: "leave", "nelson",
      .otherClause),
    RoleCase(
      "the title's organisation of a trailing speaker speaks through him",
      "Russia will quit the ISS, ⟦Roscosmos⟧ chief Borisov told Interfax on Tuesday.",
      hit: "quit", "roscosmos", .title),
    RoleCase(
      "a passive participle before its particle: the agent after 'by' does the subject's act",
      "The threat was put forward by ⟦Rogozin⟧ in March.", hit: "threat", "rogozin",
      .passiveAgent),
    RoleCase(
      "a noun another entity owns in an opening participle phrase is not the subject's",
      "Responding to Rogozin's threat, ⟦Nelson⟧ praised the crew.", hit: "threat", "nelson",
      .nonSubject),
    RoleCase(
      "a participle opening the sentence shares the subject after its comma",
      "Having criticised NASA, ⟦Rogozin⟧ said Moscow would leave.", hit: "criticised",
      "rogozin", .sharedSubject),
    RoleCase(
      "a subordinate clause opening the sentence with a verb shares the subject after its comma",
      "After criticising NASA, ⟦Rogozin⟧ said Moscow would leave.", hit: "criticising",
      "rogozin", .sharedSubject),
    RoleCase(
      "a stance word in -ing opening the sentence, a name after its comma: that name's act",
      "Praising the partnership, ⟦Rogozin⟧ flew to Houston.", hit: "Praising",
      "rogozin", .sharedSubject),
    RoleCase(
      "a partial quotation after a word that is no verb of saying stays in its clause",
      "Borisov said ⟦Russia⟧ remained 'open to a partnership of equals' in orbit.",
      hit: "partnership", "russia", .subject),
    RoleCase(
      "the subject of an object relative clause after a stance noun authors it",
      "The sanctions that ⟦Washington⟧ had widened angered Moscow.", hit: "sanctions",
      "washington", .possessor),
    RoleCase(
      "the subject of a relative clause without 'that' after a stance noun authors it",
      "Nelson ignored the threats ⟦Rogozin⟧ had posted online.", hit: "threats", "rogozin",
      .possessor),
    RoleCase(
      "a contrast clause that opens with a name the gazetteers do not know shares no subject",
      "⟦Nelson⟧ praised the crews, while McCormick threatened Moscow.", hit: "threatened",
      "nelson", .otherClause),
    RoleCase(
      "…and when its verb is an irregular past that could be an auxiliary",
      "Nelson ignored the threats ⟦Rogozin⟧ made last week.", hit: "threats", "rogozin",
      .possessor),
    RoleCase(
      "a noun of a relative clause whose verb reports something is no author",
      "The sanctions that ⟦Washington⟧ says are legal angered Moscow.", hit: "sanctions",
      "washington", .otherClause),
    RoleCase(
      "a noun opening the sentence in -ing opens no clause whose subject comes after a comma",
      "Funding for the partnership was suspended, and ⟦Russia⟧ was blamed by NASA.",
      hit: "partnership", "russia", .otherClause),
    RoleCase(
      "a stance noun, then a participle that is a verb of saying, then 'by': a reduced passive",
      "The sanctions announced by ⟦Washington⟧ angered Moscow.", hit: "sanctions",
      "washington", .passiveAgent),
    RoleCase(
      "a quotation's speaker named by the title of a definite unnamed person: no entity speaks",
      "\"We will quit,\" the former ⟦Roscosmos⟧ chief said.", hit: "quit", "roscosmos",
      .otherClause),
    RoleCase(
      "a quotation's speaker named as an organisation's official: the organisation speaks",
      "\"We will quit,\" a ⟦Roscosmos⟧ official said.", hit: "quit", "roscosmos",
      .quoteSpeaker),
    RoleCase(
      "a verb before a name is no title word of an agent named after 'by'",
      "The sanctions imposed by Washington angered ⟦Moscow⟧.", hit: "sanctions", "moscow",
      .object),
    RoleCase(
      "a relative clause inside an apposition ends at the apposition's closing comma",
      "⟦Nelson⟧, a former senator who once flew on the shuttle, praised the cosmonauts.",
      hit: "praised", "nelson", .subject),
    RoleCase(
      "'where' opens a subordinate clause: its subject does not do the main clause's deed",
      "Where ⟦Russia⟧ suspended its flights, NASA chose to cooperate with Moscow.",
      hit: "cooperate", "russia", .otherClause),
    RoleCase(
      "names joined by a coordinator after a passive's 'by' are all its agents",
      "The offer of a partnership by Roscosmos and ⟦NASA⟧ was welcomed.", hit: "partnership",
      "nasa", .passiveAgent),
    RoleCase(
      "the subject of a claim that is dismissed takes no stance by it",
      "Borisov dismissed claims that ⟦Moscow⟧ had ordered cosmonauts to quit the ISS.",
      hit: "quit", "moscow", .hypothetical),
    RoleCase(
      "what a denier denies of itself stays its own stance",
      "Russia denied reports that ⟦it⟧ was preparing to quit the partnership.",
      hit: "quit", "russia", .subject),
    RoleCase(
      "an inverted condition after a comma is a condition: its subject is hypothetical",
      "NASA would welcome a cosmonaut, Nelson said, should ⟦Moscow⟧ agree to cooperate.",
      hit: "cooperate", "moscow", .hypothetical),
    RoleCase(
      "the possessor of a noun of content says what its 'that' opens",
      "⟦Rogozin⟧'s claim that NASA had threatened Russian crews angered Washington.",
      hit: "threatened", "rogozin", .possessor),
    RoleCase(
      "an organisation that reports another's statement relays it",
      "⟦NASA⟧ said Roscosmos had assured it that Russia would not quit.",
      hit: "quit", "nasa", .otherClause),
    RoleCase(
      "the inner speaker of a relayed statement says it",
      "NASA said ⟦Roscosmos⟧ had told it that Russia would quit.",
      hit: "quit", "roscosmos", .speaker),
    RoleCase(
      "a person who reports an organisation's statement keeps it",
      "⟦Nelson⟧ said Roscosmos had told him that Russia would quit.",
      hit: "quit", "nelson", .speaker),
    RoleCase(
      "informing reports what follows",
      "NASA said ⟦Roscosmos⟧ had informed the agency that Russia would quit.",
      hit: "quit", "roscosmos", .speaker),
    RoleCase(
      "an 'according to' source relays a clause with its own speaker",
      "According to ⟦NASA⟧, Borisov told reporters that Russia would quit.",
      hit: "quit", "nasa", .otherClause),
    RoleCase(
      "an 'according to' source says a clause without one",
      "According to ⟦NASA⟧, the crew would quit.", hit: "quit", "nasa", .speaker),
    RoleCase(
      "a prepositional phrase opening the sentence ends at its comma: its stance word is no verb",
      "Amid the sanctions, ⟦NASA⟧ kept its partnership.", hit: "partnership", "nasa", .subject),
    RoleCase(
      "so does one whose second word is a preposition",
      "Rather than threaten Roscosmos, ⟦NASA⟧ kept its partnership.", hit: "partnership", "nasa",
      .subject),
    RoleCase(
      "a contrast preposition before a participle as adjective opens a noun phrase",
      "⟦NASA⟧ kept its partnership, despite repeated threats from Moscow.", hit: "threats", "nasa",
      .otherClause),
    RoleCase(
      "the 'as' of a comparison opens no clause", "⟦NASA⟧ is as eager as ever to cooperate.",
      hit: "cooperate", "nasa", .subject),
    RoleCase(
      "a subordinating 'as' still does",
      "NASA kept the crew as ⟦Roscosmos⟧ threatened to quit.", hit: "threatened", "roscosmos",
      .subject),
    RoleCase(
      "an offer from someone is that one's",
      "Russia declined an offer from ⟦NASA⟧.", hit: "offer", "nasa", .source),
    RoleCase(
      "the possessor of a subject's noun owns it, whatever the passive does to it",
      "⟦NASA⟧'s offer was turned down by Rogozin.", hit: "offer", "nasa", .possessor),
    RoleCase(
      "the source of 'according to' named alone relays what another named there does",
      "According to ⟦Roscosmos⟧, NASA has offered a seat swap.", hit: "offered", "roscosmos",
      .relayed),
    RoleCase(
      "… but not after a noun it qualifies",
      "According to a ⟦Roscosmos⟧ statement, NASA has offered a seat swap.", hit: "offered",
      "roscosmos", .speaker),
    RoleCase(
      "a name after 'by' acts through what it owns",
      "Cooperation was suspended by ⟦NASA⟧'s council.", hit: "suspended", "nasa", .passiveAgent),
    RoleCase(
      "who is told, after a determiner, stays out of what is said",
      "Roscosmos told the White House ⟦it⟧ would quit.", hit: "quit", "roscosmos", .subject),
  ]

  @Test(arguments: roleCases)
  func roleRule(_ c: RoleCase) throws {
    let fixture = try Fixture()
    let marked = MarkedText(c.marked)
    let (doc, mentions, analysis) = try fixture.analyze(marked.text)
    let entity = try #require(fixture.gazetteer.entity(id: c.entity))
    let hit = try #require(
      analysis.hits.firstIndex { slice(marked.text, $0.start, $0.end) == c.hit },
      "no hit '\(c.hit)'")
    let attribution = try #require(
      analysis.entityAttributions[entity]?.first { $0.hit == hit },
      "no attribution of '\(c.hit)' for \(c.entity)")
    #expect(attribution.rule == c.rule)
    #expect(attribution.role == c.rule.role)
    // The mention it was decided through is the marked span.
    let span: Range<Int>
    switch attribution.mention {
    case .mention(let m): span = mentions[m].start..<mentions[m].end
    case .reference(let r): span = analysis.references[r].start..<analysis.references[r].end
    }
    #expect(
      span == marked.spans.first,
      "decided through '\(slice(marked.text, span.lowerBound, span.upperBound))'")
    #expect(attribution.counted == (attribution.role == .agent))
    _ = doc
  }

  // MARK: - Policies

  /// Hit text → the share of its weight that counts, per entity; `target` with the shipped
  /// shares (deeds in full, the rest of the sentence a quarter, and half that for praise) and
  /// with all three set to 0.
  @Test(arguments: [
    (AttributionPolicy.agent, false, ["rogozin": ["blamed": 1.0], "nasa": [:]]),
    (
      .target, false,
      ["rogozin": ["blamed": 1, "praised": 0.125], "nasa": ["blamed": 1, "praised": 0.125]]
    ),
    (.target, true, ["rogozin": [:], "nasa": ["blamed": 1]]),
    (.clause, false, ["rogozin": ["blamed": 1], "nasa": ["blamed": 1]]),
    (
      .sentence, false,
      ["rogozin": ["blamed": 1, "praised": 1], "nasa": ["blamed": 1, "praised": 1]]
    ),
  ])
  func policyDecidesWhatCounts(
    policy: AttributionPolicy, strictTarget: Bool, expected: [String: [String: Double]]
  ) throws {
    var fixture = try Fixture()
    if strictTarget {
      for parameter in [Modifiers.Parameter.targetAgent, .targetSpeaker, .targetMentioned] {
        fixture.modifiers.set(parameter, to: 0)
      }
    }
    let text = "Rogozin blamed NASA, while Washington praised the crew."
    let (_, _, analysis) = try fixture.analyze(text, policy)
    for (id, shares) in expected {
      let entity = try #require(fixture.gazetteer.entity(id: id))
      var counted: [String: Double] = [:]
      for attribution in analysis.entityAttributions[entity] ?? [] where attribution.counted {
        let hit = analysis.hits[attribution.hit]
        counted[slice(text, hit.start, hit.end)] = attribution.share
      }
      #expect(counted == shares, "\(id) under \(policy)")
      #expect(analysis.entityHits[entity, default: []].count == shares.count)
      // Every hit of its sentence is attributed, counted or not.
      #expect(analysis.entityAttributions[entity]?.count == 2)
      // The raw score is the sum of the counted shares of the weights.
      let raw = (analysis.entityAttributions[entity] ?? []).reduce(0.0) {
        $0 + analysis.hits[$1.hit].weight * $1.share
      }
      #expect(analysis.entityScores[entity]?["cooperation"]?.raw == raw)
    }
  }

  /// A refusal case: the term, its applied weight, and the share that counts for each entity
  /// (the one who refuses and the owner).
  struct RefusalCase: CustomTestStringConvertible, Sendable {
    let text: String
    let term: String
    let weight: Double
    let shares: [String: Double]
    /// The one who refuses or drops it, the subject.
    var refuser = "russia"
    var testDescription: String { text }
  }

  /// A noun's owner keeps its base sign where another refuses it; the one who refuses takes the
  /// refusal.
  @Test(arguments: [
    RefusalCase(
      text: "Russia rejected NASA's offer.", term: "offer", weight: -1,
      shares: ["russia": 1, "nasa": -1]),
    RefusalCase(
      text: "Russia declined an offer from NASA.", term: "offer", weight: -1,
      shares: ["russia": 1, "nasa": -1]),
    // "did not turn down": the refusal and its negation both undone for the owner.
    RefusalCase(
      text: "Russia did not turn down NASA's offer.", term: "offer", weight: 0.74,
      shares: ["russia": 1, "nasa": 1 / 0.74]),
    // Not a refusal: what another suspends stays reversed for its owner.
    RefusalCase(
      text: "Russia suspended NASA's cooperation.", term: "cooperation", weight: -2,
      shares: ["nasa": 1]),
    // A person's threat another drops stays the person's; an organisation's or a country's
    // is often dropped by its own official, and stays reversed.
    RefusalCase(
      text: "Borisov dropped Rogozin's threat.", term: "threat", weight: 2.5,
      shares: ["borisov": 1, "rogozin": -1], refuser: "borisov"),
    RefusalCase(
      text: "Borisov dropped Moscow's threat.", term: "threat", weight: 2.5,
      shares: ["borisov": 1, "moscow": 1], refuser: "borisov"),
  ])
  func theOwnerOfWhatAnotherRefusesKeepsItsSign(_ c: RefusalCase) throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze(c.text)
    for (id, share) in c.shares {
      let entity = try #require(fixture.gazetteer.entity(id: id))
      let attribution = try #require(
        analysis.entityAttributions[entity]?.first {
          slice(c.text, analysis.hits[$0.hit].start, analysis.hits[$0.hit].end) == c.term
        }, "\(id): no attribution of '\(c.term)'")
      let hit = analysis.hits[attribution.hit]
      #expect(abs(hit.weight - c.weight) < 1e-9, "\(id): weight \(hit.weight)")
      let rules: [RoleRule] = id == c.refuser ? [.subject] : [.possessor, .source]
      #expect(rules.contains(attribution.rule), "\(id): rule \(attribution.rule)")
      #expect(abs(attribution.share - share) < 1e-9, "\(id): share \(attribution.share)")
    }
  }

  /// Under `target`, a speaker's words count `target_speaker` (0 as shipped): what Rogozin says
  /// portrays NASA, not Rogozin.
  @Test func targetPolicyGivesTheSpeakerHisShare() throws {
    var fixture = try Fixture()
    let text = "Rogozin said NASA was refusing to cooperate."
    let rogozin = try #require(fixture.gazetteer.entity(id: "rogozin"))
    let nasa = try #require(fixture.gazetteer.entity(id: "nasa"))
    var (_, _, analysis) = try fixture.analyze(text, .target)
    #expect(analysis.entityAttributions[rogozin]?.map(\.rule) == [.speaker, .speaker])
    #expect(analysis.entityHits[rogozin] == nil)
    #expect(analysis.entityAttributions[nasa]?.allSatisfy { $0.share == 1 } == true)
    fixture.modifiers.set(.targetSpeaker, to: 0.5)
    (_, _, analysis) = try fixture.analyze(text, .target)
    #expect(analysis.entityAttributions[rogozin]?.map(\.share) == [0.5, 0.5])
  }

  @Test func lexiconDeclarationSetsTheDimensionPolicyAndOptionsOverrideIt() throws {
    let declared = try Lexicon(
      files: [
        ("l.tsv", [UInt8]("@attribution\ttarget\tcooperation\nblam*\t-2\tcooperation\n".utf8))
      ],
      tokenizer: tokenizer)
    #expect(declared.declaredPolicies == ["cooperation": .target])
    let fixture = try Fixture()
    let byDeclaration = StanceScorer(
      lexicon: declared, modifiers: fixture.modifiers, rules: fixture.rules)
    #expect(byDeclaration.policy(for: "cooperation") == .target)
    let overridden = StanceScorer(
      lexicon: declared, modifiers: fixture.modifiers, rules: fixture.rules,
      policies: try AttributionPolicies(parsing: ["cooperation=agent"]))
    #expect(overridden.policy(for: "cooperation") == .agent)
    let error = #expect(throws: StanceError.self) {
      try Lexicon(files: [("l.tsv", [UInt8]("@attribution\tsubject\n".utf8))], tokenizer: tokenizer)
    }
    #expect(
      error?.description.hasPrefix("l.tsv:1: expected '@attribution<TAB>POLICY[<TAB>dimension]'")
        == true)
  }

  @Test func windowPolicyReachesAcrossSentencesWithRuleOtherSentence() throws {
    let fixture = try Fixture()
    let text = "Rogozin spoke. Threats followed."
    let (_, _, analysis) = try fixture.analyze(text, .window(3))
    let rogozin = try #require(fixture.gazetteer.entity(id: "rogozin"))
    #expect(analysis.entityAttributions[rogozin]?.map(\.rule) == [.otherSentence])
    #expect(analysis.entityHits[rogozin] == [0])
  }

  // MARK: - Shifters

  struct ShifterCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    /// Each hit's matched text and applied weight.
    let weights: [String: Double]
    var testDescription: String { name }
  }

  static let shifterCases: [ShifterCase] = [
    ShifterCase(
      name: "an attitude word governs the shifter that governs its term",
      text: "Rogozin praised the end of the partnership.",
      weights: ["praised": -1.5, "partnership": -1.8]),
    ShifterCase(
      name: "a denial negates the statement it frames",
      text: "It is not true that Russia refused to cooperate.",
      weights: ["refused": 2 * 0.74, "cooperate": 2 * 0.74]),
    ShifterCase(
      name: "a framing denial reaches its clause beyond its window, on top of the clause's negator",
      text: "It is not true that Russia will not cooperate.",
      weights: ["cooperate": 2 * 0.74 * 0.74]),
    ShifterCase(
      name: "a negator right before `that` frames the clause",
      text: "It is not that Russia does not want to cooperate.",
      weights: ["cooperate": 2 * 0.74 * 0.74]),
    ShifterCase(
      name: "a framed clause ends at `and` before a verb",
      text: "Rogozin denied that Russia would quit and praised the partnership.",
      weights: ["quit": 2.5 * 0.74, "praised": 1.5, "partnership": 1.8]),
    ShifterCase(
      name: "a denied denial frames nothing",
      text: "Rogozin did not deny that Russia would quit.", weights: ["quit": -2.5]),
    ShifterCase(
      name: "ended + positive", text: "Russia ended its cooperation.", weights: ["cooperation": -2]),
    ShifterCase(
      name: "every form of a shifter is listed: freezing",
      text: "ESA was freezing its partnership.",
      weights: ["partnership": -1.8]),
    ShifterCase(
      name: "every form of a shifter is listed: cancelling",
      text: "ESA is cancelling its partnership.", weights: ["partnership": -1.8]),
    ShifterCase(
      name: "a shifter before the noun of content that a shifter's object opens reverses it too",
      text: "Rogozin dismissed calls to end the partnership.",
      weights: ["dismissed": 1.5, "partnership": 1.8]),
    ShifterCase(
      name: "suspended + positive (the shifter is a hit too)",
      text: "Russia suspended the partnership.",
      weights: ["suspended": -2, "partnership": -1.8]),
    ShifterCase(
      name: "lifted + negative", text: "Washington lifted the sanctions.", weights: ["sanctions": 2]
    ),
    ShifterCase(
      name: "a negative-only shifter leaves positive terms", text: "They lifted the partnership.",
      weights: ["partnership": 1.8]),
    ShifterCase(
      name: "a positive-only shifter leaves negative terms", text: "They blocked the sanctions.",
      weights: ["sanctions": -2]),
    ShifterCase(
      name: "a refusal reverses either sign, and refusing to end a term takes its sign",
      text: "They refused to end the partnership.",
      weights: ["refused": 2, "partnership": 1.8]),
    ShifterCase(
      name: "… and refusing to back a hostile measure takes the measure's reversed sign",
      text: "They refused to stand by the sanctions.",
      weights: ["refused": 2, "stand by": -1.5, "sanctions": 2]),
    ShifterCase(
      name: "ending reverses either sign", text: "They ended the sanctions.",
      weights: ["sanctions": 2]),
    ShifterCase(
      name: "a concession's clause counts less, the rest of its sentence more",
      text: "Although Russia warned NASA, it praised the crew.",
      weights: ["warned": -1 * 0.5, "praised": 1.5 * 1.5]),
    ShifterCase(
      name: "a concession word that ends its sentence looks back: no factor",
      text: "Russia praised the crew, though.", weights: ["praised": 1.5]),
    ShifterCase(
      name: "a contrast word wins over a concession word",
      text: "Although Russia warned NASA, it praised the crew but blamed Moscow.",
      weights: ["warned": -1 * 0.5, "praised": 1.5 * 0.5, "blamed": -2 * 1.5]),
    ShifterCase(
      name: "a preposition after the object ends a shifter's reach",
      text: "Roscosmos suspended flights over the sanctions.",
      weights: ["suspended": -2, "sanctions": -2]),
    ShifterCase(
      name: "a shifter used without an object reverses its subject",
      text: "Nelson did not expect the partnership to end.",
      weights: ["partnership": 1.8 * -0.74 * -1]),
    ShifterCase(
      name: "a shifter with an object is not its subject's",
      text: "The partnership ended the sanctions.", weights: ["partnership": 1.8, "sanctions": 2]),
    ShifterCase(
      name: "the subject of a negated verb shares its negation",
      text: "Borisov said cooperation would not be safe.",
      weights: ["cooperation": 2 * -0.74, "safe": 1 * -0.74]),
    ShifterCase(
      name: "a rejected alternative is reversed",
      text: "Russia chose cooperation rather than the sanctions.",
      weights: ["cooperation": 2, "sanctions": 2]),
    ShifterCase(
      name: "what is impossible is negated", text: "It was impossible to cooperate.",
      weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "failing to do something negates it", text: "Russia failed to cooperate.",
      weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "being far from doing it too",
      text: "Far from ending the cooperation, Russia stayed.",
      weights: ["cooperation": 2 * -1 * -0.74]),
    ShifterCase(
      name: "brushing something off reverses it", text: "NASA brushed off the threat.",
      weights: ["threat": 2.5]),
    ShifterCase(
      name: "a shifter of a shifter", text: "Washington refused to ease the sanctions.",
      weights: ["refused": -2, "sanctions": -2]),
    ShifterCase(
      name: "a shifter of a shifter before its possessive",
      text: "Russia ended its suspension of the partnership.",
      weights: ["partnership": 1.8]),
    ShifterCase(
      name: "a shifter that is a hit and ends a hostile measure takes its new sign",
      text: "Washington suspended the sanctions.", weights: ["suspended": 2, "sanctions": 2]),
    ShifterCase(
      name: "… not one that rebuffs a hostile noun of content",
      text: "Russia dismissed the threats.", weights: ["dismissed": -1.5, "threats": 2.5]),
    ShifterCase(
      name: "a phrase shifter that ends", text: "Russia cut off all cooperation.",
      weights: ["cooperation": -2]),
    ShifterCase(
      name: "an attitude word takes the sign of what it governs",
      text: "Russia praised the sanctions.", weights: ["praised": -1.5, "sanctions": -2]),
    ShifterCase(
      name: "… a positive one keeps its own", text: "Russia praised the partnership.",
      weights: ["praised": 1.5, "partnership": 1.8]),
    ShifterCase(
      name: "… and a negator before it negates both", text: "Nelson did not praise the sanctions.",
      weights: ["praise": 1.5 * -0.74 * -1, "sanctions": -2 * -0.74]),
    ShifterCase(
      name: "… a shifter before it reverses it, not what it governs twice",
      text: "Russia ruled out praising the partnership.",
      weights: ["praising": -1.5, "partnership": -1.8]),
    ShifterCase(
      name: "… and a negated one keeps both",
      text: "Russia did not rule out praising the partnership.",
      weights: ["praising": 1.5 * -0.74 * -1, "partnership": 1.8 * -1 * -0.74]),
    ShifterCase(
      name: "… in the passive, the term of its subject",
      text: "The sanctions were praised by Russia.", weights: ["praised": -1.5, "sanctions": -2]),
    ShifterCase(
      name: "… not after a bare 'be' (a demand)", text: "The sanctions must be praised.",
      weights: ["praised": 1.5, "sanctions": -2]),
    ShifterCase(
      name: "a denial negates what it denies", text: "Russia denied plans to quit.",
      weights: ["quit": -2.5 * -0.74]),
    ShifterCase(
      name: "a negator before a name negates what the name does",
      text: "Neither Borisov nor the Russian space agency wants to quit.",
      weights: ["quit": -2.5 * -0.74]),
    ShifterCase(
      name: "… once for `neither … nor`", text: "Neither Nelson nor Borisov threatened NASA.",
      weights: ["threatened": -2.5 * -0.74]),
    ShifterCase(
      name: "… not past `that`", text: "Nelson did not deny that Russia wants to quit.",
      weights: ["quit": -2.5]),
    ShifterCase(
      name: "noun shifter", text: "The collapse of cooperation.", weights: ["cooperation": -2]),
    ShifterCase(
      name: "beyond the window", text: "Russia ended a long and fruitful cooperation.",
      weights: ["cooperation": 2]),
    ShifterCase(
      name: "a negation reaches the phrase its hit governs",
      text: "Borisov did not threaten to leave.",
      weights: ["threaten": -2.5 * -0.74, "leave": -1.2 * -0.74]),
    ShifterCase(
      name: "a comma ends the reach of a negation",
      text: "Borisov did not threaten the crew in orbit, leave or warn.",
      weights: ["threaten": -2.5 * -0.74, "leave": -1.2, "warn": -1]),
    ShifterCase(
      name: "a shifter reaches the phrase its hit governs",
      text: "Russia lifted its threat to quit.",
      weights: ["threat": 2.5, "quit": 2.5]),
    ShifterCase(
      name: "through the `of` after a shifted noun, the window counts from the `of`",
      text: "Russia lifted its threat of the new sanctions.",
      weights: ["threat": 2.5, "sanctions": 2]),
    ShifterCase(
      name: "a comma ends the reach of a shifter", text: "Russia lifted its threat, then quit.",
      weights: ["threat": 2.5, "quit": -2.5]),
    ShifterCase(
      name: "refused + positive (the shifter is a hit too)", text: "Moscow refused to cooperate.",
      weights: ["refused": -2, "cooperate": -2]),
    ShifterCase(
      name: "dismissed reverses either sign", text: "NASA dismissed the threat and the offer.",
      weights: ["dismissed": -1.5, "threat": 2.5, "offer": -1]),
    ShifterCase(
      name: "a shifter phrase split by its object acts from its verb",
      text: "Russia turned the offer down.", weights: ["offer": -1]),
    ShifterCase(
      name: "… negated", text: "Russia did not turn the offer down.",
      weights: ["offer": 1 * -0.74 * -1]),
    ShifterCase(
      name: "… not across punctuation", text: "Russia turned to the offer, then sat down.",
      weights: ["offer": 1]),
    ShifterCase(
      name: "a term split by its object is a hit of its verb",
      text: "Russia will pull its crews out.",
      weights: ["pull": -2.5]),
    ShifterCase(
      name: "… with a name as the object", text: "Rogozin will pull Russia out of the station.",
      weights: ["pull": -2.5]),
    ShifterCase(
      name: "… at most four words apart",
      text: "Russia will pull its last three remaining crews out.", weights: [:]),
    ShifterCase(
      name: "negated shifter", text: "Russia did not suspend the partnership.",
      weights: ["suspend": -2 * -0.74, "partnership": 1.8 * -0.74 * -1]),
    ShifterCase(
      name: "a negation before the shifter reaches its term beyond its own window",
      text: "NASA is not considering ending its partnership.",
      weights: ["partnership": 1.8 * -0.74 * -1]),
    ShifterCase(
      name: "withdrawing reverses either sign", text: "Russia withdrew its threat and the offer.",
      weights: ["threat": 2.5, "offer": -1]),
    ShifterCase(
      name: "a comma ends a shifter's window (the passive's subject is shifted)",
      text: "The sanctions were lifted, Rogozin threatened.",
      weights: ["sanctions": 2, "threatened": -2.5]),
    ShifterCase(
      name: "a shifter in the passive reverses its subject's terms",
      text: "The partnership with Russian colleagues was suspended by NASA.",
      weights: ["partnership": -1.8, "suspended": -2]),
    ShifterCase(
      name: "not in a subordinate clause",
      text: "Russia will leave the station until sanctions are lifted.",
      weights: ["leave": -1.2, "sanctions": -2]),
    ShifterCase(
      name: "not after a modal", text: "Rogozin said the sanctions must be lifted.",
      weights: ["sanctions": -2]),
    ShifterCase(
      name: "not beyond its reach",
      text: "The sanctions on the many companies of the Russian space industry were lifted.",
      weights: ["sanctions": -2]),
    ShifterCase(
      name: "a phrase shifter acts from its last word", text: "Rogozin ruled out plans to leave.",
      weights: ["leave": 1.2]),
    ShifterCase(
      name: "a negated phrase shifter", text: "Borisov did not rule out plans to leave.",
      weights: ["leave": -1.2 * -0.74 * -1]),
    ShifterCase(
      name: "a phrase shifter reverses a positive term",
      text: "NASA ruled out the partnership.",
      weights: ["partnership": -1.8]),
    ShifterCase(
      name: "a phrase's words apart are no phrase", text: "The rule is out, so they leave.",
      weights: ["leave": -1.2]),
    ShifterCase(
      name: "through a noun of content, what it introduces; the denial takes its sign",
      text: "Borisov dismissed claims that Russia was preparing to quit the station.",
      weights: ["dismissed": 1.5, "quit": 2.5]),
    ShifterCase(
      name: "denying a positive term stays negative",
      text: "Rogozin dismissed talk of renewed cooperation.",
      weights: ["dismissed": -1.5, "cooperation": -2]),
    ShifterCase(
      name: "after a determiner, and a phrase shifter",
      text: "Nelson shrugged off the reports of a threat from Moscow.",
      weights: ["threat": 2.5]),
    ShifterCase(
      name: "a name after a noun of content without `that`",
      text: "Nelson dismissed claims Roscosmos would quit.",
      weights: ["dismissed": 1.5, "quit": 2.5]),
    ShifterCase(
      name: "denying content that holds no term is no stance",
      text: "Borisov dismissed speculation about a defect.", weights: ["dismissed": 0]),
    ShifterCase(
      name: "through a possessive, a describing word and a plan's `to`",
      text: "Rogozin reversed his earlier decision to quit the station.",
      weights: ["quit": 2.5]),
    ShifterCase(
      name: "rejecting a plan that holds no term is still rejecting",
      text: "Nelson dismissed the plan to launch the rover.", weights: ["dismissed": -1.5]),
    ShifterCase(
      name: "a phrase's words are no modifiers of their own",
      text: "Rogozin will no longer cooperate.", weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "a negator reaches through its verb and a noun of content",
      text: "Rogozin did not see any reason to cooperate.", weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "`unlikely to` negates",
      text: "Rogozin is unlikely to cooperate.", weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "what someone `used to` do no longer holds",
      text: "Rogozin used to cooperate.", weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "`nothing but` boosts, it does not negate",
      text: "Rogozin did nothing but cooperate.", weights: ["cooperate": 2 + 0.293]),
    ShifterCase(
      name: "… while `nothing` alone negates",
      text: "Rogozin did nothing to cooperate.", weights: ["cooperate": 2 * -0.74]),
    ShifterCase(
      name: "not hesitating negates the negation",
      text: "Rogozin would not hesitate to cooperate.", weights: ["cooperate": 2 * 0.74 * 0.74]),
    ShifterCase(
      name: "no further than a reported clause's reach",
      text: "Borisov dismissed claims that the old and long delayed Russian module would quit.",
      weights: ["dismissed": 0, "quit": -2.5]),
    ShifterCase(
      name: "a negation's reach ends at a coordinator before a verb",
      text: "Nelson said Russia was never a threat and praised the partnership.",
      weights: ["threat": 2.5 * 0.74, "praised": 1.5, "partnership": 1.8]),
    ShifterCase(
      name: "a shifter phrase after its term, nothing it governs after it",
      text: "Rogozin called the partnership beyond repair.", weights: ["partnership": -1.8]),
    ShifterCase(
      name: "a denial reaches through a noun of content to the first term it introduces",
      text: "Rogozin flatly denied any plan to quit.", weights: ["quit": 2.5 * 0.74]),
    ShifterCase(
      name: "a shifter reaches through a name and a noun of content after an article",
      text: "Rogozin turned down a NASA request to cooperate.",
      weights: ["cooperate": -2]),
    ShifterCase(
      name: "a negator before a shifter phrase reverses what the phrase does",
      text: "Moscow has not closed the door on cooperation.", weights: ["cooperation": 2 * 0.74]),
    ShifterCase(
      name: "declaring something over ends it", text: "The partnership is over.",
      weights: ["partnership": -1.8]),
    ShifterCase(
      name: "ruining ends what it governs", text: "The sanctions ruined the partnership.",
      weights: ["sanctions": -2, "partnership": -1.8]),
    ShifterCase(
      name: "a shifter reaches four words", text: "Russia suspended its Mars rover cooperation.",
      weights: ["suspended": -2, "cooperation": -2]),
    ShifterCase(
      name: "a clause marker ends a shifter's reach",
      text: "Flights are suspended since Roscosmos threatened them.",
      weights: ["suspended": -2, "threatened": -2.5]),
    ShifterCase(
      name: "a coordinator before a verb ends a shifter's and an attitude word's reach",
      text: "The plan was suspended by NASA and praised by Roscosmos.",
      weights: ["suspended": -2, "praised": 1.5]),
    ShifterCase(
      name: "a negator phrase reaches back to the subject of the verb it negates",
      text: "The sanctions made the partnership impossible to cooperate on.",
      weights: ["sanctions": -2, "partnership": -1.8 * 0.74, "cooperate": -2 * 0.74]),
    ShifterCase(
      name: "a noun of content keeps the shifter after its 'to': what it threatens, not its end",
      text: "Rogozin's threat to suspend flights to the ISS angered NASA.",
      weights: ["threat": -2.5, "suspend": -2]),
  ]

  @Test(arguments: shifterCases)
  func shifterReversesTheTermItGoverns(_ c: ShifterCase) throws {
    let fixture = try Fixture()
    let (doc, _, analysis) = try fixture.analyze(c.text)
    var weights: [String: Double] = [:]
    for hit in analysis.hits { weights[slice(c.text, hit.start, hit.end)] = hit.weight }
    #expect(Set(weights.keys) == Set(c.weights.keys))
    for (text, weight) in c.weights {
      #expect(abs((weights[text] ?? .nan) - weight) < 1e-9, "\(text)")
    }
    // A shift (or an attitude's reversal) is shown in evidence like a negator.
    for hit in analysis.hits
    where hit.weight * hit.base < 0 && !hit.modifiers.contains(where: { $0.kind == .negator }) {
      #expect(
        hit.modifiers.contains { $0.kind.isShifter || $0.kind == .attitude },
        "\(doc.surface(tokens: hit.tokens))")
    }
  }

  // MARK: - Coreference

  @Test func pronounsAndRoleNounsReferToTheNearestCompatibleMention() throws {
    let fixture = try Fixture()
    let marked = MarkedText("Rogozin met NASA. ⟦He⟧ praised ⟦it⟧ and ⟦the agency⟧ thanked ⟦him⟧.")
    let (_, _, analysis) = try fixture.analyze(marked.text)
    let ids = analysis.references.map { fixture.gazetteer.entities[$0.entity].id }
    #expect(ids == ["rogozin", "nasa", "nasa", "rogozin"])
    #expect(analysis.references.map { $0.start..<$0.end } == marked.spans)
    #expect(analysis.references.map(\.via) == [.pronoun, .pronoun, .roleNoun, .pronoun])
  }

  /// A plural pronoun: a plural noun before it in its sentence is its antecedent, not an
  /// entity; a person only as one of two joined by `and` (then both).
  @Test(arguments: [
    ("Nelson thanked the flight controllers in Washington for their partnership.", [String]()),
    ("Washington met. The crews praised their partnership.", []),
    ("Washington met. They praised the partnership.", ["washington"]),
    ("Rogozin met. They praised the crew.", []),
    ("Rogozin and Borisov met. They praised the crew.", ["rogozin", "borisov"]),
    ("NASA and the Russian space agency met. They praised the crew.", ["nasa", "roscosmos"]),
    // A plural role noun stands for both of two names joined by `and`, and for no single one.
    (
      "NASA and the Russian space agency met. The two agencies praised the crew.",
      ["nasa", "roscosmos"]
    ),
    ("NASA and the Russian space agency met. Both sides praised the crew.", ["nasa", "roscosmos"]),
    ("NASA met. The agencies praised the crew.", []),
    // A plural pronoun that stood for both stands for both again.
    (
      "NASA and the White House were asked where they stood. They praised the crew.",
      ["nasa", "white_house", "nasa", "white_house"]
    ),
  ])
  func pluralPronouns(text: String, entities: [String]) throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze(text)
    #expect(analysis.references.map { fixture.gazetteer.entities[$0.entity].id } == entities)
  }

  /// A pronoun opening its sentence, or a clause joined by `, and`, continues the previous
  /// sentence's (or clause's) subject; elsewhere it takes the nearest compatible name.
  @Test(arguments: [
    ("NASA met Roscosmos in Moscow. It praised the crew.", ["nasa"]),
    ("The Russian space agency met NASA. It praised the crew.", ["roscosmos"]),
    ("NASA met Roscosmos, and it praised the crew.", ["nasa"]),
    // Not after a verb, nor a person's object pronoun: the nearest compatible name.
    ("NASA met Roscosmos, and praised it.", ["roscosmos"]),
    ("Rogozin met Nelson, and later thanked him.", ["nelson"]),
    // After an opening phrase whose names follow a preposition (where and when), and after an
    // opening phrase before the previous sentence's subject.
    ("NASA met Roscosmos. In Moscow on Thursday, it praised the crew.", ["nasa"]),
    ("After the talks, NASA met Roscosmos. It praised the crew.", ["nasa"]),
    // "his agency": the organisation the person belongs to, named before.
    ("Borisov met Roscosmos. He said his agency would quit.", ["borisov", "borisov", "roscosmos"]),
    // (After `that`, which is no determiner of the role noun a possessive pronoun opens.)
    (
      "Borisov met Roscosmos. He warned that his agency would quit.",
      ["borisov", "borisov", "roscosmos"]
    ),
    ("NASA met Roscosmos, which said it praised the crew.", ["roscosmos"]),
    ("In Moscow, NASA met Roscosmos. It praised the crew.", ["roscosmos"]),
    ("Rogozin met Nelson. He praised the crew.", ["rogozin"]),
    // A speaker named after the statement is its subject, not the nearest name.
    ("Roscosmos will stop supplying engines to NASA, the agency said.", ["roscosmos"]),
    ("Roscosmos will stop supplying engines to NASA, it said.", ["roscosmos"]),
    // A subject pronoun after a short opening phrase that names no one.
    ("Rogozin met Nelson. Afterwards he praised the crew.", ["rogozin"]),
    ("Rogozin met Nelson. In a later post, he praised the crew.", ["rogozin"]),
    // An `-ing` word after an article is a noun, no verb: the phrase may name the other one.
    ("Rogozin replaced Borisov. In a meeting with Nelson, he praised the crew.", ["rogozin"]),
    // And a possessive pronoun opening it.
    ("NASA met Roscosmos in March. Its council praised the crew.", ["nasa"]),
    ("Washington was long Russia's partner. Its government froze the projects.", ["washington"]),
    // So does a role noun for an organisation, possessive or not, also after a dateline.
    ("NASA met Roscosmos in Moscow. The agency praised the crew.", ["nasa"]),
    ("NASA met Roscosmos in Moscow. The agency's chief praised the crew.", ["nasa"]),
    ("MOSCOW (Reuters) - NASA met Roscosmos. The agency praised the crew.", ["nasa"]),
    // After a quotation, a speaker named after it is the previous sentence's subject.
    (
      "NASA said it would keep working with Roscosmos. \"The work goes on,\" the agency said.",
      ["nasa", "nasa"]
    ),
    // A pronoun opening what a coordinated speech verb reports is the sentence's subject's.
    ("Roscosmos praised the work with NASA, then announced it would quit.", ["roscosmos"]),
    ("Roscosmos praised the work with NASA and said it would quit.", ["roscosmos"]),
    // A pronoun that opened the previous sentence is its subject too.
    (
      "NASA met Roscosmos. It blamed Washington for the delay. It also thanked the crew.",
      ["nasa", "nasa"]
    ),
  ])
  func aPronounOpeningItsSentenceTakesTheSubject(text: String, entities: [String]) throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze(text)
    #expect(analysis.references.map { fixture.gazetteer.entities[$0.entity].id } == entities)
  }

  /// One reference (marked) and the entity it resolves to:
  /// - a role noun that is an entity's title (`title` line) refers to the nearest entity with
  ///   it before the nearest compatible one; without such an entity in reach, to the nearest;
  /// - a pronoun opening reported speech is its speaker: the name right before the speech verb,
  ///   or the sentence's subject when a description ends in a comma before the verb.
  @Test(arguments: [
    ("Nelson spoke with Borisov. ⟦The administrator⟧ praised the crew.", "nelson"),
    ("Nelson spoke with Borisov. ⟦The cosmonaut⟧ praised the crew.", "borisov"),
    ("Rogozin met Borisov. ⟦The administrator⟧ praised the crew.", "borisov"),
    ("Nelson met. Rain fell. Borisov came. ⟦The administrator⟧ praised the crew.", "borisov"),
    // A title reaches two sentences back, past the nearest person.
    ("Nelson spoke. Rain fell on Borisov. ⟦The administrator⟧ praised the crew.", "nelson"),
    // A person's role noun qualified by an organisation: someone who belongs to it
    // (`affiliation` lines), not the nearest person.
    ("Nelson met Borisov. ⟦The NASA chief⟧ praised the crew.", "nelson"),
    ("Borisov met Nelson. ⟦The Roscosmos chief⟧ praised the crew.", "borisov"),
    // …or by a demonym of one (`demonym` lines), as by its name.
    ("Borisov met Nelson. ⟦The Russian official⟧ praised the crew.", "borisov"),
    // A role noun for an organisation after a person: what the person belongs to, in reach.
    ("The Russian space agency met NASA. Borisov said ⟦the agency⟧ praised the crew.", "roscosmos"),
    ("The Russian space agency met NASA. Rogozin said ⟦the agency⟧ praised the crew.", "nasa"),
    // …and no affiliation known: the nearest.
    ("Nelson met Rogozin. ⟦The Roscosmos chief⟧ praised the crew.", "rogozin"),
    (
      "The Russian space agency, which met NASA in Moscow, said that ⟦it⟧ praised the crew.",
      "roscosmos"
    ),
    ("NASA thanked the Russian space agency, which said ⟦it⟧ praised the crew.", "roscosmos"),
    ("Washington lifted the sanctions, a step NASA said ⟦it⟧ praised.", "nasa"),
    ("Borisov told Nelson that ⟦his⟧ agency would quit.", "borisov"),
    ("NASA met the Russian space agency and praised ⟦it⟧.", "roscosmos"),
    // After the name of who is told, and past the speaker's auxiliary.
    ("Nelson said the Russian space agency had told NASA ⟦it⟧ would quit.", "roscosmos"),
    // A `successor` word: the one who took the office, the subject or a passive's agent.
    ("Borisov took over from Rogozin. ⟦The new chief⟧ praised the crew.", "borisov"),
    ("Rogozin was replaced by Borisov. ⟦The new chief⟧ praised the crew.", "borisov"),
    ("Borisov took over from Rogozin. ⟦The chief⟧ praised the crew.", "rogozin"),
    // The subject of the sentence before is the person a name qualifies, not the name.
    ("NASA chief Nelson met Borisov. ⟦He⟧ praised the crew.", "nelson"),
  ])
  func aReferenceResolvesTo(text: String, entity: String) throws {
    let fixture = try Fixture()
    let marked = MarkedText(text)
    let (_, _, analysis) = try fixture.analyze(marked.text)
    #expect(analysis.references.map { fixture.gazetteer.entities[$0.entity].id } == [entity])
    #expect(analysis.references.map { $0.start..<$0.end } == marked.spans)
  }

  /// A person's role noun qualified by an organisation never refers to someone known to belong
  /// elsewhere; two with the same head and other qualifiers are two people; one in apposition
  /// before a name refers to no one.
  @Test(arguments: [
    ("Borisov spoke. The NASA chief praised the crew.", [String]()),
    (
      "Nelson met Borisov. The NASA chief praised the crew, while the Russian space chief warned.",
      ["nelson", "borisov"]
    ),  // A role noun before the name it describes refers to no one before it; one set off by
    // commas before a speaker does.
    ("Rogozin spoke. The new chief, Borisov, praised the crew.", []),
    ("Rogozin spoke. The Roscosmos chief Borisov praised the crew.", []),
    ("NASA met Borisov. The agency, Borisov said, praised the crew.", ["nasa"]),
  ])
  func qualifiedRoleNounsResolveTo(text: String, entities: [String]) throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze(text)
    #expect(analysis.references.map { fixture.gazetteer.entities[$0.entity].id } == entities)
  }

  /// A plural pronoun after a lone name stands for the nearest two names joined by `and` in
  /// reach; with none, for the lone name.
  @Test(arguments: [
    ("NASA and Roscosmos met in Moscow. They praised the crew.", ["nasa", "roscosmos"]),
    ("Roscosmos met in Moscow. They praised the crew.", ["moscow"]),
  ])
  func aPluralPronounPrefersTwoJoinedNames(text: String, entities: [String]) throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze(text)
    #expect(analysis.references.map { fixture.gazetteer.entities[$0.entity].id } == entities)
  }

  @Test func referencesReachOnlyThePreviousSentence() throws {
    let fixture = try Fixture()
    let (_, _, analysis) = try fixture.analyze("NASA met. Rain fell. It praised the crew.")
    #expect(analysis.references.isEmpty)
    let (_, _, near) = try fixture.analyze("NASA met. It praised the crew.")
    #expect(near.references.count == 1)
    // A quotation that names no one between them is its speaker's: the reach goes past it.
    let (_, _, quoted) = try fixture.analyze(
      "Rogozin spoke. \"We stand by it.\" He praised the crew.")
    #expect(quoted.references.map { fixture.gazetteer.entities[$0.entity].id } == ["rogozin"])
  }

  @Test func aRoleNounPhraseNamesOnlyAnAntecedentWithItsCapitalisedWords() throws {
    let fixture = try Fixture()
    // "Russian" is in no NASA mention: "the Russian agency" is not NASA.
    let (_, _, other) = try fixture.analyze("NASA met. The Russian agency praised the crew.")
    #expect(other.references.isEmpty)
    let marked = MarkedText("The Russian space agency met NASA. ⟦The Russian agency⟧ praised it.")
    let (_, _, same) = try fixture.analyze(marked.text)
    let roleNouns = same.references.filter { $0.via == .roleNoun }
    #expect(roleNouns.map { fixture.gazetteer.entities[$0.entity].id } == ["roscosmos"])
    #expect(roleNouns.map { $0.start..<$0.end } == marked.spans)
  }

  @Test(arguments: [
    "Russia will leave, its chief, Borisov,", "Russia will leave, its chief, Borisov, said",
    "Russia will leave, the agency's chief, Borisov,,", ", , Borisov,",
  ])
  func aSentenceEndingAfterANameBetweenCommasHasNoTrailingSpeaker(text: String) throws {
    // The appositive speaker's speech verb is read after the last comma: none may follow it.
    let (_, mentions, analysis) = try Fixture().analyze(text)
    #expect(mentions.contains { slice(text, $0.start, $0.end) == "Borisov" })
    _ = analysis
  }

  @Test func aMentionAcrossTheSpeakersCommaIsNoTrailingSpeaker() throws {
    // An alias with a comma in it runs past the comma that ends a trailing attribution; the
    // search once sliced a range that ended before it began.
    var fixture = try Fixture()
    fixture.gazetteer = try Gazetteer(
      files: [
        ("g.tsv", [UInt8]("borisov\tPERSON\tBorisov, the chief\nrussia\tGPE\tRussia\n".utf8))
      ],
      tokenizer: tokenizer)
    let text = "Russia will leave, said Borisov, the chief, on Friday."
    let (_, mentions, analysis) = try fixture.analyze(text)
    #expect(mentions.map { slice(text, $0.start, $0.end) } == ["Russia", "Borisov, the chief"])
    #expect(analysis.hits.map { slice(text, $0.start, $0.end) } == ["leave"])
  }

  @Test func noCoreferenceFindsNoReferences() throws {
    let fixture = try Fixture()
    let text = "NASA met. It praised the crew."
    let (_, _, analysis) = try fixture.analyze(text, coreference: false)
    #expect(analysis.references.isEmpty)
    let nasa = try #require(fixture.gazetteer.entity(id: "nasa"))
    #expect(analysis.entityHits[nasa] == nil)
  }

  // MARK: - Rule files

  @Test func markerAndReferenceLinesAreChecked() throws {
    let session = try tokenizer.makeSession()
    var rules = AttributionRules()
    let at = SourceLocation(file: "c.tsv", line: 3)
    func message(_ body: () throws -> Void) -> String? {
      do { try body() } catch { return "\(error)" }
      return nil
    }
    #expect(
      message { _ = try rules.addMarker(fields: ["clause", "but"], at: at, session: session) }
        == "c.tsv:3: expected kind boundary, quote, contrast, subordinator, relative, coordinator, speech, passive, agent_marker, preposition, verb, verb_suffix, participle_suffix, first_person, source, desire, conditional, relational, patient_marker, participle, content, collective, infinitive, complement, reason, genitive, article, causative, quotative, complementizer, comitative, reciprocal, obligation, sourced, particle, locative, time, stative, refusal, office, joining, adverb, successor, passive_infinitive, honorific, found 'clause'"
    )
    #expect(
      message { _ = try rules.addMarker(fields: ["speech", "said so"], at: at, session: session) }
        == "c.tsv:3: expected one token, found 'said so' (2 tokens)")
    #expect(
      message { _ = try rules.addMarker(fields: ["verb_suffix", "e-d"], at: at, session: session) }
        == "c.tsv:3: expected a suffix of letters, found 'e-d'")
    #expect(
      message {
        _ = try rules.addReference(fields: ["pronoun", "he", "person"], at: at, session: session)
      }
        == "c.tsv:3: expected entity types in capitals separated by commas (PERSON,ORG), found 'person'"
    )
    #expect(
      message {
        _ = try rules.addReference(
          fields: ["pronoun", "his", "PERSON", "owner"], at: at, session: session)
      }
        == "c.tsv:3: expected 'possessive', 'plural', 'nominative' (comma-separated) or nothing in the fourth field, found 'owner'"
    )
    #expect(
      message {
        _ = try rules.addReference(
          fields: ["role", "agencies", "ORG", "possessive"], at: at, session: session)
      } == "c.tsv:3: expected 'plural' or nothing in the fourth field, found 'possessive'")
    #expect(
      message { _ = try rules.addReference(fields: ["role", "agency"], at: at, session: session) }
        == "c.tsv:3: expected 3 or 4 tab-separated fields (role, noun, types, plural), found 2 fields"
    )
  }
}

extension String {
  /// The string with the first occurrence of `word` marked `⟦…⟧`.
  fileprivate func marking(_ word: String) -> String {
    guard let range = range(of: word) else { return self }
    return replacingCharacters(in: range, with: "⟦\(word)⟧")
  }
}
