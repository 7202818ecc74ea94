import AnalystKit
import Foundation
import PipelineKit
import TestSupport
import Testing
import Tokenize

/// One fixture file and every diagnostic lint must give for it, in order.
struct LintCase: CustomTestStringConvertible, Sendable {
  let file: String
  let expected: [String]
  var testDescription: String { file }
}

@Suite("Linter")
struct LinterTests {
  static let cases: [LintCase] = [
    LintCase(
      file: "stance/checks.tsv",
      expected: [
        "stance/checks.tsv:3:17: error: expected 2 or 3 tab-separated fields (term, weight, dimension), found 4 fields",
        "stance/checks.tsv:4:12: error: expected a number, found 'very'",
        "stance/checks.tsv:5:1: error: expected a non-empty term, found an empty field",
        "stance/checks.tsv:6:6: error: expected a weight from -4.0 to 4.0, found 9.0",
        "stance/checks.tsv:7:3: error: expected '*' only at the end of the last word, found 'co*op'",
        "stance/checks.tsv:8:1: warning: duplicate entry 'Cooperat*' (dimension 'cooperation'): same weight as stance/checks.tsv:2, which is used",
        "stance/checks.tsv:9:11: error: conflicting weights for 'cooperat*' (dimension 'cooperation'): 1.5 here, 2 at stance/checks.tsv:2, which is used",
        "stance/checks.tsv:10:1: warning: wildcard 'ab*' has 2 letters before '*': it matches every word starting with 'ab'; expected at least 3",
        "stance/checks.tsv:11:1: warning: term 'pull-out': the word 'pull-out' becomes 2 tokens ('pull' 'out'); it matches only text written the same way, and modifier windows count each token",
        "stance/checks.tsv:12:1: warning: wildcard 'o'*' can never match as written: 'o'' tokenizes as ('o' '''), but followed by letters ('o'a') as ('o'a')",
        "stance/checks.tsv:13:8: warning: dimension 'cooperaton' is used by no other entry; the other entries of this file use 'cooperation' (a typo? if not, declare it among the dimensions)",
        "stance/checks.tsv:15:7: error: expected a dimension name of letters, digits, '_' or '-', found 'st@nce'",
      ]),
    LintCase(
      file: "entities/aliases.tsv",
      expected: [
        "entities/aliases.tsv:3:10: warning: duplicate alias 'nasa' of entity 'nasa': it repeats the alias at entities/aliases.tsv:1",
        "entities/aliases.tsv:4:9: error: alias 'NASA' of entity 'esa' is already an alias of entity 'nasa' at entities/aliases.tsv:1; this line is ignored",
        "entities/aliases.tsv:5:6: error: entity 'nasa' has type 'ORG' at entities/aliases.tsv:1, found 'PERSON'",
        "entities/aliases.tsv:6:1: error: expected an entity id of lowercase letters, digits and '_', found 'Bad-Id'",
        "entities/aliases.tsv:7:15: error: expected a non-empty alias, found an empty field",
        "entities/aliases.tsv:8:25: error: expected match options (comma-separated: 'fold', 'exact', 'stem', 'stem:LANG', 'translit', 'handle', 'handles', 'title', 'demonym', 'affiliation'), found 'loose'",
        "entities/aliases.tsv:9:30: error: expected 3 or 4 tab-separated fields (entity, type, alias, match), found 5",
        "entities/aliases.tsv:10:9: warning: expected an entity type (ORG, PERSON, MEDIA, GPE, FACILITY, PRODUCT), found 'PLACE'",
        "entities/aliases.tsv:11:14: warning: alias 'Smith. Jones' can never match: the tokenizer puts a sentence break inside it ('Smith.' | 'Jones'), and matches stay within a sentence",
        "entities/aliases.tsv:13:14: warning: affiliation 'nobody' of entity 'smith' is no entity of the gazetteers; this line refers to nothing",
        "entities/aliases.tsv:14:14: error: expected the id of the entity it belongs to (lowercase letters, digits, '_'; no title), found 'NASA Inc'",
        "entities/aliases.tsv:15:14: error: expected an alias line of entity 'jones' before its affiliation 'nasa' (the first alias is its name)",
      ]),
    LintCase(
      file: "modifiers.tsv",
      expected: [
        "modifiers.tsv:2:9: warning: duplicate negator 'not': the same as modifiers.tsv:1",
        "modifiers.tsv:3:1: error: 'not' is a booster here and a negator at modifiers.tsv:1, which is used",
        "modifiers.tsv:4:1: error: expected kind negator, booster, dampener, contrast, shifter, shifter_positive, shifter_negative, attitude, concession or param, found 'shouter'",
        "modifiers.tsv:5:9: error: expected a modifier of 1 to 4 tokens, found 'very much more than ever' (5 tokens)",
        "modifiers.tsv:6:23: error: expected negation_window to be a whole number from 0 to 50, found '2.5'",
        "modifiers.tsv:7:7: error: expected a parameter (negation_scalar, negation_window, contrast_before, contrast_after, shifter_scalar, shifter_window, target_agent, target_speaker, target_mentioned, target_positive, target_reach), found 'decay'",
        "modifiers.tsv:8:22: error: expected contrast_after to be a number from -10 to 10, found '1e308'",
        "modifiers.tsv:9:23: error: expected a number, found '0x1p-2'",
        "modifiers.tsv:10:16: error: expected a booster value from -4 to 4, found '12'",
      ]),
    LintCase(
      file: "invalid-utf8.tsv",
      expected: [
        "invalid-utf8.tsv:2:4: error: expected UTF-8 text, found an invalid byte",
        "invalid-utf8.tsv:3:8: error: expected UTF-8 text, found an invalid byte",
      ]),
    LintCase(
      file: "broken.afinn.tsv",
      expected: [
        "broken.afinn.tsv:1:12: error: expected 2 tab-separated fields (word, integer), found 3 fields",
        "broken.afinn.tsv:2:14: error: expected a number, found 'great'",
        "broken.afinn.tsv:3:7: error: expected a weight from -5.0 to 5.0, found 7.0",
        "broken.afinn.tsv:4:6: error: expected an integer, found '2.5'",
        "broken.afinn.tsv:5:6: error: expected an integer, found '2e0'",
        "broken.afinn.tsv:6:6: error: expected a number, found '0x2'",
      ]),
    LintCase(
      file: "broken.vader.tsv",
      expected: [
        "broken.vader.tsv:1:16: error: expected 4 tab-separated fields (token, mean, sd, ratings), found 3 fields",
        "broken.vader.tsv:2:12: error: expected a number, found 'lots'",
      ]),
    LintCase(
      file: "entities/forms.tsv",
      expected: [
        "entities/forms.tsv:3:1: error: expected a directive '#! match: OPTIONS', '#! handles', '#! stem: LANG ...' or '#! lang: LANG', found '#! handle'",
        "entities/forms.tsv:5:14: warning: alias 'Борисов' of entity 'boris' and alias 'Borisov' of entity 'borisov' at entities/forms.tsv:4 are the same after transliteration ('borisov'); such text is a mention of 'borisov' only",
        "entities/forms.tsv:7:11: warning: alias 'России' of entity 'rossi' and alias 'Россия' of entity 'russia' at entities/forms.tsv:6 are the same after stemming (stem:ru) ('росс'); such text is a mention of 'russia' only",
        "entities/forms.tsv:8:16: error: expected a handle alias to be one '@name' or '#name', found 'Dmitry Rogozin'",
        "entities/forms.tsv:9:9: error: expected a stem language with a Snowball stemmer (an ISO 639 code such as 'ru', 'de', 'en', or one of 'arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian', 'porter', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish'), found 'zz'",
      ]),
    LintCase(
      file: "entities/patterns.jsonl",
      expected: [
        "entities/patterns.jsonl:3:1: warning: unsupported spaCy pattern: token 1: token attribute 'POS' (supported: ORTH, TEXT, LOWER, IS_DIGIT, IS_ALPHA, IS_PUNCT, IS_TITLE, IS_UPPER, IS_LOWER, in any case)",
        "entities/patterns.jsonl:4:1: warning: unsupported spaCy pattern: token 1: 'TEXT' with 'REGEX' (supported: a string, IN, NOT_IN)",
        "entities/patterns.jsonl:5:1: error: alias 'NASA' of entity 'nasa_person' is already an alias of entity 'nasa' at entities/patterns.jsonl:1; this line is ignored",
        "entities/patterns.jsonl:6:1: error: entity 'nasa' has type 'ORG' at entities/patterns.jsonl:1, found 'PERSON'",
      ]),
    LintCase(file: "stance/clean.tsv", expected: []),
    LintCase(file: "vader_lexicon.txt", expected: []),
    LintCase(file: "AFINN-test.txt", expected: []),
  ]

  @Test(arguments: cases)
  func fixtureGivesExactlyTheseDiagnostics(_ lintCase: LintCase) throws {
    let actual = try lintFixtures([lintCase.file])
    #expect(actual == lintCase.expected)
  }

  @Test func duplicatesAndConflictsAreFoundAcrossFiles() throws {
    let actual = try lintFixtures(["stance/clean.tsv", "stance/checks.tsv"])
    #expect(
      actual.contains(
        "stance/checks.tsv:2:1: warning: duplicate entry 'cooperat*' (dimension 'cooperation'): same weight as stance/clean.tsv:1, which is used"
      ))
  }

  @Test func declaredDimensionsMakeOthersErrors() throws {
    let actual = try lintFixtures(
      ["stance/clean.tsv", "AFINN-test.txt"], dimensions: ["cooperation"])
    #expect(actual.count == 4)
    #expect(
      actual.first
        == "AFINN-test.txt:1:11: error: expected one of the declared dimensions ('cooperation'), found 'stance'"
    )
  }

  @Test func bundledLexiconsHaveNoErrors() throws {
    let sources = LexiconSources.embedded()
    let diagnostics = try Linter(tokenizer: Tokenizer(abbreviations: sources.abbreviationWords))
      .lint(LintFile.files(of: sources))
    #expect(diagnostics.errorCount == 0, "\(diagnostics.map(\.description))")
  }

  @Test(arguments: [
    ("entities/people.tsv", LintFile.Kind.gazetteer), ("x/stance/a.tsv", .lexicon),
    ("stance/modifiers.tsv", .modifiers), ("lexicons/abbreviations.txt", .abbreviations),
    ("patterns.jsonl", .gazetteer), ("vader_lexicon.txt", .lexicon), ("AFINN-165.txt", .lexicon),
  ])
  func fileKindComesFromTheName(_ path: String, _ kind: LintFile.Kind) {
    #expect(LintFile.Kind(path: path, bytes: []) == kind)
  }

  @Test func fileKindOfAnUnplacedTSVComesFromItsFirstLine() {
    #expect(LintFile.Kind(path: "a.tsv", bytes: Array("# c\nnasa\tORG\tNASA\n".utf8)) == .gazetteer)
    #expect(LintFile.Kind(path: "a.tsv", bytes: Array("good\t1\tstance\n".utf8)) == .lexicon)
  }
}
