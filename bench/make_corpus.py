#!/usr/bin/env python3
"""Deterministic benchmark corpus from the repository's own sample texts.

Sentences are taken from samples/news.jsonl and samples/txt/*.txt (synthetic texts written for
this repository; nothing else is read) and recombined into documents of 1 to 60 sentences, with
a few long ones (150-400), varied on the way:
  * entity mentions (found with the aliases of lexicons/entities/*.tsv) are swapped for another
    alias of the same entity, sometimes a Cyrillic or accented one, sometimes glossed
    ("Roscosmos (Роскосмос)"), and sometimes for an alias of another entity of the same type;
  * case changes on a few words, rarely on a whole sentence;
  * accented spellings, datelines with accents, and now and then a sentence in decomposed
    (NFD) form, so combining marks occur;
  * emoji: plain, with VS16, skin tones, flags (regional-indicator pairs) and ZWJ sequences;
  * paragraph breaks ("\\n\\n", sometimes "\\n"); a headline always ends its paragraph.
Output: one {"id": "docNNNNNNN", "text": ...} per line, UTF-8 (not ASCII-escaped).
The same arguments, sample texts and lexicons give byte-identical output, and a smaller --mb or
--docs corpus is a prefix of a larger one with the same seed.

usage: make_corpus.py (--docs N | --mb M | --one-doc-mb M) [--seed S] [--out PATH]
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import unicodedata

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.dont_write_bytecode = True  # keep __pycache__ out of the checkout
sys.path.insert(0, BENCH)
import repo_lexicons  # noqa: E402

DEFAULT_SEED = 20240611
EMOJI = ["🚀", "🛰️", "🌍", "🔥", "🤝", "⚠️", "💥", "🙏", "👍🏽", "✊🏿", "🇷🇺", "🇺🇸", "🇺🇦", "🇪🇺",
         "🇰🇿", "🇯🇵", "👩‍🚀", "👨‍🚀", "🧑🏽‍🔬", "👨‍👩‍👧", "🏳️‍🌈", "😡", "😬", "🙄"]
ACCENTED = {"cooperation": "coöperation", "role": "rôle", "naive": "naïve", "regime": "régime",
            "elite": "élite", "facade": "façade", "cafe": "café", "resume": "résumé",
            "Moscow": "Moskvá", "Cologne": "Köln", "Zurich": "Zürich", "Montreal": "Montréal"}
DATELINES = ["KÖLN —", "MOSCOW —", "BAIKONUR, Kazakhstan —", "MONTRÉAL —", "SÃO PAULO —",
             "ZÜRICH —", "HOUSTON —", "TOULOUSE —", "MÜNCHEN —", "ŁÓDŹ —"]
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]?\s+")
CLOSED = re.compile(r"[.!?…][\"'”’)\]]?$")
WORD = re.compile(r"\w+")


# ------------------------------------------------------------------ inputs

def sample_paragraphs(repo):
    """Paragraphs of the repository's sample texts, in a fixed order."""
    paras = []
    with open(os.path.join(repo, "samples", "news.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                paras.extend(json.loads(line)["text"].split("\n"))
    for path in sorted(glob.glob(os.path.join(repo, "samples", "txt", "*.txt"))):
        with open(path, encoding="utf-8", newline="") as f:
            paras.extend(f.read().replace("\r\n", "\n").split("\n"))
    return [" ".join(p.split()) for p in paras if p.strip()]


def split_sentences(paragraph, abbreviations):
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        nxt = paragraph[m.end():m.end() + 1]
        if not nxt or nxt.islower():
            continue
        word = paragraph[paragraph.rfind(" ", 0, m.start()) + 1:m.start() + 1]
        if word.lower() in abbreviations:
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


class Aliases:
    def __init__(self, rows):
        self.by_entity, self.type_of, self.fold, self.exact = {}, {}, {}, {}
        for ent, typ, alias, exact in rows:
            self.by_entity.setdefault(ent, []).append(alias)
            self.type_of[ent] = typ
            (self.exact if exact else self.fold)[alias if exact else alias.casefold()] = ent
        self.by_type = {}
        for ent in sorted(self.by_entity):
            self.by_type.setdefault(self.type_of[ent], []).append(ent)
        self.latin = {e: [a for a in al if a.isascii()] for e, al in self.by_entity.items()}
        self.foreign = {e: [a for a in al if not a.isascii()] for e, al in self.by_entity.items()}
        names = sorted({a for al in self.by_entity.values() for a in al}, key=lambda a: (-len(a), a))
        self.regex = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(re.escape(a) for a in names),
                                re.IGNORECASE)

    def entity_of(self, literal):
        return self.exact.get(literal) or self.fold.get(literal.casefold())

    def pieces(self, sentence):
        """[(literal, entity or None)]"""
        out, prev = [], 0
        for m in self.regex.finditer(sentence):
            ent = self.entity_of(m.group(0))
            if ent is None:  # e.g. "us" against the exact alias "US"
                continue
            if m.start() > prev:
                out.append((sentence[prev:m.start()], None))
            out.append((m.group(0), ent))
            prev = m.end()
        if prev < len(sentence):
            out.append((sentence[prev:], None))
        return out


# ------------------------------------------------------------------ generation

class Generator:
    def __init__(self, seed, repo=REPO):
        rows, _ = repo_lexicons.gazetteer_rows(os.path.join(repo, "lexicons"))
        self.aliases = Aliases(rows)
        abbr = {line.strip().lower() for line in repo_lexicons.data_lines(
            os.path.join(repo, "lexicons", "abbreviations.txt"))}
        self.pool = []  # [(pieces, is_headline)]
        for para in sample_paragraphs(repo):
            for s in split_sentences(para, abbr):
                self.pool.append((self.aliases.pieces(s), not CLOSED.search(s)))
        if not self.pool:
            sys.exit("make_corpus: no sample sentences found under %s/samples" % repo)
        self.rng = random.Random(seed)
        self.stats = {"sentences": 0, "mentions": 0, "swapped": 0, "foreign": 0, "emoji": 0}

    def mention(self, literal, ent):
        rnd, choice, a = self.rng.random, self.rng.choice, self.aliases
        self.stats["mentions"] += 1
        r = rnd()
        if r < 0.10 and len(a.latin[ent]) > 1:
            literal = choice(a.latin[ent])
        elif r < 0.13 and a.foreign[ent]:
            literal = choice(a.foreign[ent])
            self.stats["foreign"] += 1
        elif r < 0.15 and a.foreign[ent]:
            literal += " (" + choice(a.foreign[ent]) + ")"
            self.stats["foreign"] += 1
        elif r < 0.20:
            other = choice(a.by_type[a.type_of[ent]])
            literal = choice(a.latin[other] or a.by_entity[other])
        else:
            return literal
        self.stats["swapped"] += 1
        return literal

    def sentence(self):
        rnd, choice, randint = self.rng.random, self.rng.choice, self.rng.randint
        pieces, headline = self.pool[int(rnd() * len(self.pool))]
        s = "".join(lit if ent is None else self.mention(lit, ent) for lit, ent in pieces)
        r = rnd()
        if r < 0.08:
            words = list(WORD.finditer(s))
            for _ in range(randint(1, 3) if words else 0):
                m = choice(words)
                s = s[:m.start()] + choice((str.upper, str.lower, str.title))(m.group(0)) + s[m.end():]
        elif r < 0.09:
            s = s.upper()
        elif r < 0.10:
            s = s.lower()
        r = rnd()
        if r < 0.04:
            for plain, accented in ACCENTED.items():
                if plain in s:
                    s = s.replace(plain, accented, 1)
                    break
        elif r < 0.05:
            s = unicodedata.normalize("NFD", s)
        if rnd() < 0.06:
            self.stats["emoji"] += 1
            e = choice(EMOJI)
            words = list(WORD.finditer(s))
            if words and rnd() < 0.5:
                m = choice(words)
                s = s[:m.end()] + " " + e + s[m.end():]
            else:
                s += " " + e
        self.stats["sentences"] += 1
        return s, headline

    def text(self, nsent):
        rnd, choice = self.rng.random, self.rng.choice
        parts, after_headline = [], False
        if rnd() < 0.05:
            parts.append(choice(DATELINES) + " ")
        for k in range(nsent):
            s, headline = self.sentence()
            if k:
                r = rnd()
                parts.append("\n\n" if after_headline or r < 0.12 else "\n" if r < 0.15 else " ")
            parts.append(s)
            after_headline = headline
        return "".join(parts)

    def length(self):
        r, randint = self.rng.random(), self.rng.randint
        if r < 0.004:
            return randint(150, 400)
        if r < 0.15:
            return randint(1, 3)
        return randint(4, 60)


def write(args, out):
    gen = Generator(args.seed)
    docs = written = 0
    if args.one_doc_mb:
        target = int(args.one_doc_mb * 1e6)
        chunks, size = [], 0
        while size < target:
            chunk = gen.text(50) + "\n\n"
            chunks.append(chunk)
            size += len(chunk.encode("utf-8"))
        line = json.dumps({"id": "doc0000000", "text": "".join(chunks).rstrip("\n")},
                          ensure_ascii=False) + "\n"
        out.write(line.encode("utf-8"))
        return 1, len(line.encode("utf-8")), gen.stats
    limit_bytes = int(args.mb * 1e6) if args.mb else None
    while (args.docs is None or docs < args.docs) and (limit_bytes is None or written < limit_bytes):
        line = json.dumps({"id": "doc%07d" % docs, "text": gen.text(gen.length())},
                          ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        out.write(data)
        written += len(data)
        docs += 1
    return docs, written, gen.stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--docs", type=int, help="number of documents")
    size.add_argument("--mb", type=float, help="stop after the document that reaches M x 10^6 bytes")
    size.add_argument("--one-doc-mb", type=float, help="a single document of about M x 10^6 bytes")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default="-", help="output path ('-' = stdout); written atomically")
    args = ap.parse_args()
    if args.out == "-":
        docs, nbytes, stats = write(args, sys.stdout.buffer)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        tmp = args.out + ".part"
        with open(tmp, "wb") as f:
            docs, nbytes, stats = write(args, f)
        os.replace(tmp, args.out)
    print("make_corpus: %d docs, %d bytes (%.1f MB), %d sentences, %d mentions (%d swapped, "
          "%d to Cyrillic/accented aliases), %d emoji"
          % (docs, nbytes, nbytes / 1e6, stats["sentences"], stats["mentions"], stats["swapped"],
             stats["foreign"], stats["emoji"]), file=sys.stderr)


if __name__ == "__main__":
    main()
