/// English function words left out of coverage candidates: they are in no lexicon on purpose.
///
/// Keys as the tokenizer makes them (lowercase; clitics `'s` and `n't` are tokens of their own
/// and are left out by kind, not listed here).
public enum StopWords {
  public static let english: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "last", "less", "like", "many", "may", "me", "might",
    "more", "most", "much", "must", "my", "myself", "new", "next", "no", "nor", "not", "now", "of",
    "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
    "own", "per", "said", "same", "say", "says", "she", "should", "since", "so", "some", "still",
    "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "though", "through", "thus", "to", "too", "two", "under",
    "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "year", "years", "yet", "you", "your", "yours", "yourself",
  ]
}
