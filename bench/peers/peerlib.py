"""Shared pieces of the benchmark peers: the job they all do, and the file formats they read.

The job (identical for every peer; `fastpy_peer.py` is the reference implementation):

  input    JSON Lines, one {"id": ..., "text": ...} object a line.
  output   one line per input line, in input order:
           {"id": ..., "entities": [{"entity": ID, "type": TYPE, "mentions": [[start, end], ...],
                                     "score": S}, ...]}
           offsets are Unicode code points, end exclusive; entities in order of first mention.
  gazetteer  `entity<TAB>type<TAB>alias[<TAB>exact]` (bench/run.py derives it from
           lexicons/entities/*.tsv). Aliases match whole words (an alias that starts or ends with
           a word character must not touch another word character), case-insensitively unless
           the 4th column is `exact`. Leftmost match first, then the longest, no overlaps.
  lexicon  `term<TAB>weight` (derived from lexicons/stance/*.tsv, first definition of a term
           wins, the dimension column dropped: every peer computes ONE score). A term is one or
           more words; a trailing `*` on the last word is a prefix wildcard (`cooperat*`).
           Terms match the sentence's lowercased words left to right; at each word the longest
           term wins (an exact word before a wildcard of the same length); no overlaps.
  modifiers  only the `negator` lines and the `negation_scalar` / `negation_window` params of
           lexicons/stance/modifiers.tsv are used (default: not no never n't without nor cannot,
           -0.74, 3). A hit whose first word has a negator among the `window` words before it
           counts weight * scalar. A word ending in n't / n’t is a negator too. Boosters,
           dampeners and contrast words are NOT applied by any peer.
  sentences  a break after . ! ? or … (plus at most one closing quote or bracket) and spaces,
           when the next character is not an ASCII lowercase letter, unless the word carrying
           the period is in abbreviations.txt (`Dr.`, `U.S.`); every newline is a break too.
  score    each lexicon hit in a sentence is added to every entity mentioned in that sentence
           (once per sentence, however many mentions). Rounded to 4 decimals.

Words (fastpy, VADER): the regex \\w+(?:['’]\\w+)*, so "don't" and "Rogozin's" are one word each.
"""
import argparse
import json
import re

WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# group 1: the sentence-final punctuation (stays in the sentence); the rest is the separator
SENTENCE_SEP = re.compile(r"([.!?…][\"'”’)\]]?)[ \t]+(?=[^\sa-z])|\r?\n\s*")
DEFAULT_NEGATORS = ("not", "no", "never", "n't", "n’t", "without", "nor", "cannot")
NT_ENDINGS = ("n't", "n’t")


def cli(description, extra=None):
    """The command line every peer shares: CORPUS GAZETTEER LEXICON OUT [options]."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("corpus", help="input JSON Lines")
    ap.add_argument("gazetteer", help="entity<TAB>type<TAB>alias[<TAB>exact]")
    ap.add_argument("lexicon", help="term<TAB>weight")
    ap.add_argument("out", help="output JSON Lines")
    ap.add_argument("--modifiers", help="modifiers.tsv (negators and negation params)")
    ap.add_argument("--abbreviations", help="abbreviations.txt (periods that do not end a sentence)")
    if extra:
        extra(ap)
    return ap.parse_args()


def data_lines(path):
    """Non-blank, non-comment lines of a UTF-8 text file, tab-split."""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


# ---------------------------------------------------------------- gazetteer

def read_gazetteer(path):
    """-> (entities [(id, type)], aliases [(alias, entity_index, exact)]); first alias wins."""
    entities, index, aliases, seen = [], {}, [], set()
    for cols in data_lines(path):
        ent, typ, alias = cols[0], cols[1], cols[2].strip()
        exact = len(cols) > 3 and cols[3].strip() == "exact"
        key = alias if exact else alias.lower()
        if not alias or (key, exact) in seen:
            continue
        seen.add((key, exact))
        if (ent, typ) not in index:
            index[(ent, typ)] = len(entities)
            entities.append((ent, typ))
        aliases.append((alias, index[(ent, typ)], exact))
    return entities, aliases


def lower_same_length(text):
    """str.lower(), except characters whose lowercase has another length stay as they are
    (so that offsets into the lowercased text are offsets into the text)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _wordish(c):
    return c.isalnum() or c == "_"


class AliasMatcher:
    """pyahocorasick over the lowercased text; boundary checks; greedy leftmost-longest."""

    def __init__(self, aliases):
        import ahocorasick
        self.automaton = ahocorasick.Automaton()
        payload = {}
        for alias, eidx, exact in aliases:
            low = alias.lower()
            if len(low) != len(alias):
                low = lower_same_length(alias)
            # several aliases can share a lowercase key only if one of them is exact
            payload.setdefault(low, []).append(
                (eidx, alias if exact else None, _wordish(alias[0]), _wordish(alias[-1])))
        for low, entries in payload.items():
            self.automaton.add_word(low, (len(low), tuple(entries)))
        self.automaton.make_automaton()

    def find(self, text, low):
        """[(start, end, entity_index)] in text order."""
        n = len(low)
        found = []
        for last, (size, entries) in self.automaton.iter(low):
            start, end = last - size + 1, last + 1
            for eidx, exact, left, right in entries:
                if left and start and _wordish(low[start - 1]):
                    continue
                if right and end < n and _wordish(low[end]):
                    continue
                if exact is not None and text[start:end] != exact:
                    continue
                found.append((start, -size, eidx))
                break
        if not found:
            return []
        found.sort()
        out, free_from = [], 0
        for start, neg, eidx in found:
            if start >= free_from:
                free_from = start - neg
                out.append((start, free_from, eidx))
        return out


# ---------------------------------------------------------------- sentences

def read_abbreviations(path):
    if not path:
        return frozenset()
    return frozenset(cols[0].strip().lower() for cols in data_lines(path))


class SentenceSplitter:
    def __init__(self, abbreviations=frozenset()):
        self.abbreviations = abbreviations

    def spans(self, text):
        """[(start, end)] of the non-empty sentences of text."""
        out, prev = [], 0
        abbr = self.abbreviations
        for m in SENTENCE_SEP.finditer(text):
            end = m.end(1)
            if end < 0:  # a newline break
                end = m.start()
            elif abbr and m.group(1) == ".":
                word_start = max(text.rfind(" ", prev, end), text.rfind("\n", prev, end)) + 1
                if text[word_start:end].lower() in abbr:
                    continue  # "Dr. Smith": not a break, the sentence goes on
            if end > prev:
                out.append((prev, end))
            prev = m.end()
        if prev < len(text):
            out.append((prev, len(text)))
        return out


# ---------------------------------------------------------------- lexicon scoring

def read_modifiers(path):
    """-> (negators frozenset, scalar, window)."""
    if not path:
        return frozenset(DEFAULT_NEGATORS), -0.74, 3
    negators, scalar, window = set(), -0.74, 3
    for cols in data_lines(path):
        kind = cols[0].strip()
        if kind == "negator" and len(cols) > 1:
            negators.add(cols[1].strip().lower())
        elif kind == "param" and len(cols) > 2:
            if cols[1].strip() == "negation_scalar":
                scalar = float(cols[2])
            elif cols[1].strip() == "negation_window":
                window = int(float(cols[2]))
    negators.update(w.replace("'", "’") for w in list(negators) if "'" in w)
    return frozenset(negators), scalar, window


class Scorer:
    """Lexicon hits over a list of lowercased words, with negation. Wildcards (`cooperat*`)
    are prefix tests on the lowercased word; the candidates of each distinct word are worked
    out once and memoised (the memo grows with the corpus vocabulary)."""

    def __init__(self, lexicon_path, modifiers_path=None, tokenize=None):
        tokenize = tokenize or (lambda s: WORD_RE.findall(s.lower()))
        self.negators, self.scalar, self.window = read_modifiers(modifiers_path)
        self.by_first = {}        # first word -> [(k, middle, last, is_prefix, weight)]
        self.prefix_singles = []  # [(prefix, weight)] for one-word wildcard terms
        seen = set()
        for cols in data_lines(lexicon_path):
            term, weight = cols[0].strip().lower(), float(cols[1])
            if term in seen:
                continue
            seen.add(term)
            is_prefix = term.endswith("*")
            words = tokenize(term.rstrip("*"))
            if not words:
                continue
            if len(words) == 1 and is_prefix:
                self.prefix_singles.append((words[0], weight))
                continue
            entry = (len(words), tuple(words[1:-1]), words[-1], is_prefix, weight)
            self.by_first.setdefault(words[0], []).append(entry)
        # longest prefix first, so "partnership*" would beat "partner*"
        self.prefix_singles.sort(key=lambda pw: -len(pw[0]))
        self.memo = _Memo(self._candidates)

    def _candidates(self, word):
        cands = list(self.by_first.get(word, ()))
        for prefix, weight in self.prefix_singles:
            if word.startswith(prefix) and not any(c[0] == 1 for c in cands):
                cands.append((1, (), prefix, True, weight))
                break
        # longest first; for equal length an exact last word beats a wildcard
        cands.sort(key=lambda c: (-c[0], c[3]))
        return tuple(cands)

    def score(self, words):
        memo = self.memo
        hits = [i for i, w in enumerate(words) if memo[w]]
        if not hits:
            return 0.0
        total, free_from, n = 0.0, 0, len(words)
        negators, window = self.negators, self.window
        for i in hits:
            if i < free_from:
                continue
            for k, middle, last, is_prefix, weight in memo[words[i]]:
                if k == 1:
                    break
                j = i + k - 1
                if j < n and tuple(words[i + 1:j]) == middle and (
                        words[j] == last or (is_prefix and words[j].startswith(last))):
                    break
            else:
                continue
            free_from = i + k
            for w in words[i - window if i > window else 0:i]:
                if w in negators or w.endswith(NT_ENDINGS):
                    weight *= self.scalar
                    break
            total += weight
        return total


class _Memo(dict):
    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


# ---------------------------------------------------------------- output

def document_line(doc_id, entities, mentions, scores):
    """mentions: [(start, end, entity_index)] in text order; scores: {entity_index: float}."""
    order, spans = [], {}
    for start, end, eidx in mentions:
        if eidx not in spans:
            spans[eidx] = []
            order.append(eidx)
        spans[eidx].append([start, end])
    ents = [{"entity": entities[e][0], "type": entities[e][1], "mentions": spans[e],
             "score": round(scores.get(e, 0.0), 4) + 0.0} for e in order]
    return json.dumps({"id": doc_id, "entities": ents}, ensure_ascii=False) + "\n"
