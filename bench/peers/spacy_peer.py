#!/usr/bin/env python3
"""spaCy peer: spacy.blank("en") + sentencizer + PhraseMatcher + Python scoring, no trained model.

The gazetteer becomes two PhraseMatchers, attr="LOWER" for the case-insensitive aliases and
attr="ORTH" for the `exact` ones, with the overlapping matches resolved by
spacy.util.filter_spans (longest first, then leftmost). Patterns are tokenized from the aliases
as written, because the tokenizer's exceptions are case-sensitive ("U.S." is one token, "u.s."
two). The lexicon is scored by peerlib.Scorer (the same code as fastpy, wildcards included)
over each sentence's lowercased tokens that are neither punctuation nor space; the lexicon
terms are tokenized by spaCy too, so "don't" is "do" + "n't" on both sides. Everything runs in
a pipeline component, so with --procs N (nlp.pipe n_process=N) the matching and scoring run in
the worker processes.

usage: spacy_peer.py CORPUS GAZETTEER LEXICON OUT [--modifiers F] [--procs N] [--batch-size B]
"""
import json
import os
import sys
from collections import deque

sys.dont_write_bytecode = True  # keep __pycache__ out of the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import filter_spans  # noqa: E402


def build(args):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    entities, aliases = peerlib.read_gazetteer(args.gazetteer)
    fold = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    grouped = {}
    for alias, eidx, is_exact in aliases:
        grouped.setdefault((eidx, is_exact), []).append(alias)
    label_to_entity = {}
    for (eidx, is_exact), names in grouped.items():
        label = "ENT%d" % eidx
        (exact if is_exact else fold).add(label, list(nlp.tokenizer.pipe(names)))
        label_to_entity[nlp.vocab.strings[label]] = eidx

    def words_of(tokens):
        return [t.lower_ for t in tokens if not (t.is_punct or t.is_space)]

    scorer = peerlib.Scorer(args.lexicon, args.modifiers,
                            tokenize=lambda s: words_of(nlp.tokenizer(s)))

    def gazetteer_and_stance(doc):
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in fold(doc) + exact(doc)])
        spans.sort(key=lambda sp: sp.start)
        mentions = [(sp.start_char, sp.end_char, label_to_entity[sp.label]) for sp in spans]
        scores = {}
        k = 0
        for sent in doc.sents:
            in_sentence = set()
            while k < len(spans) and spans[k].start < sent.end:
                in_sentence.add(mentions[k][2])
                k += 1
            total = scorer.score(words_of(sent))
            if total:
                for eidx in in_sentence:
                    scores[eidx] = scores.get(eidx, 0.0) + total
        doc._.bench_entities = (mentions, scores)
        return doc

    Doc.set_extension("bench_entities", default=None)
    Language.component("bench_gazetteer_stance", func=gazetteer_and_stance)
    nlp.add_pipe("bench_gazetteer_stance")
    return nlp, entities


def main():
    def extra(ap):
        ap.add_argument("--procs", type=int, default=1, help="nlp.pipe n_process")
        ap.add_argument("--batch-size", type=int, default=256)
    args = peerlib.cli(__doc__.splitlines()[0], extra)
    nlp, entities = build(args)

    # Feed plain texts (as_tuples=True would make spaCy ship Docs both ways between processes);
    # nlp.pipe keeps input order, so the ids wait in a queue beside the texts.
    ids = deque()

    def texts():
        with open(args.corpus, encoding="utf-8") as src:
            for line in src:
                doc = json.loads(line)
                ids.append(doc["id"])
                yield doc["text"]

    with open(args.out, "w", encoding="utf-8", newline="\n") as dst:
        for doc in nlp.pipe(texts(), batch_size=args.batch_size, n_process=args.procs):
            mentions, scores = doc._.bench_entities
            dst.write(peerlib.document_line(ids.popleft(), entities, mentions, scores))


if __name__ == "__main__":
    main()
